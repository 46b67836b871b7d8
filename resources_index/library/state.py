"""The library's small state database (stdlib sqlite3, ``synchronous=FULL``).

It remembers what must survive the manifest file itself: the highest version ever accepted per
catalog (rollback protection), the current manifest's hash, when it was last verified, and the
public keys the user chose to trust with ``--trust``, and the resources the user marked
"available offline" (their large files are fetched whatever the download policy), the user's
favorites and what they viewed recently (by resource id: these survive every sync).
"""

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from resources_index.catalog.times import utc_now
from resources_index.errors import LibraryError, reason_of
from resources_index.util.fsutil import unused_name

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalogs (catalog_id TEXT PRIMARY KEY, highest_version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS trusted_keys (key_id TEXT PRIMARY KEY, pem TEXT NOT NULL,
                                         origin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kept_offline (resource_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS favorites (resource_id TEXT PRIMARY KEY, added_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS history (resource_id TEXT PRIMARY KEY, viewed_at REAL NOT NULL);
"""


class StateDB:
    """A thin, explicit wrapper: each method is one short transaction."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        #: where a damaged state file (or a link in its place) was set aside this time; the
        #: library then rebuilds what it can from the installed catalog
        self.set_aside_as: Path | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():  # never written through: what it points to is not the library's
            self.set_aside_as = _set_aside(path)
        journal = path.with_name(path.name + "-journal")
        if journal.is_symlink():  # SQLite would write its journal through it, or replay it
            try:
                journal.unlink()
            except OSError as exc:
                reason = reason_of(exc)
                raise LibraryError("library.state_unopenable", path=path, reason=reason) from None
        elif path.exists() and not path.is_file():
            raise LibraryError("library.state_not_file", path=path)
        try:
            self._db = _connect(path)
        except sqlite3.DatabaseError as exc:
            if reason_of(exc).kind != "reason.damaged":
                raise LibraryError(
                    "library.state_unopenable", path=path, reason=reason_of(exc)
                ) from None
            # Random bytes, a torn copy: set aside (``doctor`` names it) and start again.
            self.set_aside_as = _set_aside(path)
            self._db = _connect(path)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_many(self, values: dict[str, str]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )

    def highest_version(self, catalog_id: str) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT highest_version FROM catalogs WHERE catalog_id = ?", (catalog_id,)
            ).fetchone()
        return 0 if row is None else int(row[0])

    def record_installed(self, catalog_id: str, version: int, values: dict[str, str]) -> None:
        """Raise the catalog's highest version and store the current-manifest facts at once."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO catalogs(catalog_id, highest_version) VALUES (?, ?)"
                " ON CONFLICT(catalog_id) DO UPDATE SET"
                " highest_version = MAX(highest_version, excluded.highest_version)",
                (catalog_id, version),
            )
            self._db.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )

    def add_trusted_key(self, key_id: str, pem: str, origin: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO trusted_keys(key_id, pem, origin) VALUES (?, ?, ?)",
                (key_id, pem, origin),
            )

    def trusted_keys(self) -> list[tuple[str, str, str]]:
        with self._lock:
            rows = self._db.execute("SELECT key_id, pem, origin FROM trusted_keys").fetchall()
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def kept_offline(self) -> set[str]:
        return set(self._ids("SELECT resource_id FROM kept_offline"))

    def keep_offline(self, resource_ids: list[str], keep: bool = True) -> None:
        sql = (
            "INSERT OR IGNORE INTO kept_offline(resource_id) VALUES (?)"
            if keep
            else "DELETE FROM kept_offline WHERE resource_id = ?"
        )
        with self._transaction():
            self._db.executemany(sql, [(rid,) for rid in resource_ids])

    def _ids(self, query: str) -> list[str]:
        with self._lock:
            rows = self._db.execute(query).fetchall()
        return [str(row[0]) for row in rows]

    def favorites(self) -> list[str]:
        """Favorite resource ids, most recently added first."""
        return self._ids("SELECT resource_id FROM favorites ORDER BY added_at DESC")

    def set_favorite(self, resource_id: str, favorite: bool) -> None:
        with self._transaction():
            if favorite:
                self._db.execute(
                    "INSERT OR IGNORE INTO favorites(resource_id, added_at) VALUES (?, ?)",
                    (resource_id, time.time()),
                )
            else:
                self._db.execute("DELETE FROM favorites WHERE resource_id = ?", (resource_id,))

    def record_viewed(self, resource_id: str, keep: int = 50) -> None:
        """Remember that a resource was opened; only the latest ``keep`` are kept."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO history(resource_id, viewed_at) VALUES (?, ?)"
                " ON CONFLICT(resource_id) DO UPDATE SET viewed_at = excluded.viewed_at",
                (resource_id, time.time()),
            )
            self._db.execute(
                "DELETE FROM history WHERE resource_id NOT IN"
                " (SELECT resource_id FROM history ORDER BY viewed_at DESC LIMIT ?)",
                (keep,),
            )

    def recently_viewed(self) -> list[str]:
        """Opened resource ids, most recent first."""
        return self._ids("SELECT resource_id FROM history ORDER BY viewed_at DESC")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself on some errors (a full disk): rolling
                # back again would hide the error that counts behind "no transaction".
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise


#: Where a damaged state file is moved, in the library folder (``doctor`` lists it).
SET_ASIDE = "set-aside"


def _connect(path: Path) -> sqlite3.Connection:
    """The state database at ``path``, checked (``DatabaseError`` when it is damaged)."""
    try:
        # Shared by the GUI's worker threads; every use goes through StateDB._lock.
        db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        raise LibraryError("library.state_unopenable", path=path, reason=reason_of(exc)) from None
    try:
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(_SCHEMA)
        if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise sqlite3.DatabaseError("file is not a database")  # said as damaged
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _set_aside(path: Path) -> Path:
    """Move the state file at ``path`` (and SQLite's journal beside it) into ``SET_ASIDE``
    under a name of its own; ``LibraryError`` when it cannot be moved."""
    folder = path.parent / SET_ASIDE
    stamp = utc_now().strftime("%Y%m%dT%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        base = unused_name(folder, f"state-{stamp}", (".sqlite3",))
        target = base.with_name(base.name + ".sqlite3")
        path.replace(target)
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + suffix).replace(target.with_name(target.name + suffix))
    except OSError as exc:
        raise LibraryError("library.state_unopenable", path=path, reason=reason_of(exc)) from None
    log.warning("the library's state file %s was set aside as %s", path, target)
    return target
