"""Counting on the laptop: per ISO week, how often each thing happened, never an event stream.

Counts live in ``reports/usage.sqlite`` in the library folder, which exists only while
reporting is on (the policy turns it on; see ``reporting_on``): with reporting off nothing is
counted and no file is made. A week that has ended is sealed into one report file in
``reports/outbox/`` (``outbox.py``) and its counts are deleted in the same step, so no count is
ever reported twice. Each week has its own random laptop token and report id: two weeks of one
laptop cannot be linked, and no user name, machine name or address is recorded.

Counting is best-effort: a full disk, a read-only folder or a damaged counts file never stops
a search or a command. A counts file that is not a database (random bytes, a folder in its
place) is set aside in ``reports/set-aside/`` (``doctor`` names it) and counting starts again.
"""

import contextlib
import logging
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from resources_index import __version__
from resources_index.errors import Words, reason_of
from resources_index.library.library import Library
from resources_index.reports.counts_reading import read_counts
from resources_index.reports.fidelity import MEASURES as FIDELITY_MEASURES
from resources_index.reports.fidelity import fidelity_measures
from resources_index.reports.periods import day_of, period_of
from resources_index.reports.privacy import Vocabulary, scrubbed, shareable
from resources_index.util.fsutil import replace_file, unused_name

log = logging.getLogger(__name__)

REPORTS_DIR = "reports"
USAGE_FILE = "usage.sqlite"
#: Where files of ``reports/`` that are not what they should be are kept aside.
SET_ASIDE = "set-aside"
REPORT_FORMAT = "sop-usage-report"
#: What a report counts; the key of each is described in docs/privacy.md.
MEASURES = (
    "opened",
    "presented",
    "printed",
    "saved",
    "searches",
    "zero_result_searches",
    "searches_without_open",
    "corrections_accepted",
    "filters_used",
    "feedback",
    "resource_requests",
    "days_used",
    "catalog_version",
    "program_version",
    *FIDELITY_MEASURES,
)
#: Kinds of feedback a person can give on a resource.
FEEDBACK = ("helpful", "not_helpful", "out_of_date", "broken_file", "wrong_translation")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (period TEXT NOT NULL, measure TEXT NOT NULL,
    key TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (period, measure, key));
CREATE TABLE IF NOT EXISTS periods (period TEXT PRIMARY KEY, laptop TEXT NOT NULL,
    report_id TEXT NOT NULL);
"""


#: How long a count waits for another program holding the counts file (a search is counted
#: on the window's thread: counting is best-effort, and a count that finds the file busy is
#: skipped rather than making typing wait).
BUSY_SECONDS = 0.05


def reporting_on(library: Library) -> bool:
    """Reports are made only when the machine's policy turns them on (``reporting_enabled`` in
    its settings) and the person has not turned them off (unless the policy locks them on)."""
    return library.policy.defaults.get("reporting_enabled") is True and bool(
        library.settings().reporting_enabled
    )


class Usage:
    """The counts of one library. Use ``Usage.of(library)``: a library with reporting off
    gets one that records nothing."""

    def __init__(self, library: Library, active: bool) -> None:
        self.library = library
        self.active = active
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._vocabulary: tuple[int, Vocabulary] | None = None  # (catalog version, words)

    @classmethod
    def of(cls, library: Library) -> "Usage":
        return cls(library, reporting_on(library))

    @classmethod
    @contextmanager
    def opened(cls, library: Library) -> Iterator["Usage"]:
        """``Usage.of(library)`` for one job, its database closed afterwards."""
        usage = cls.of(library)
        try:
            yield usage
        finally:
            usage.close()

    @classmethod
    def next_report(
        cls, library: Library, problems: list[Words] | None = None
    ) -> dict[str, Any] | None:
        """This week's report so far, exactly as it will be sent; None with reporting off.
        When the counts cannot be read (a read-only folder, a full disk, another program
        holding the file) it holds none, and ``problems`` gets the reason."""
        with cls.opened(library) as usage:
            if not usage.active:
                return None
            try:
                return usage.report(period_of())
            except (sqlite3.Error, OSError) as exc:
                usage.failed(exc)
                # A read-only library or a full disk: the counts can still be read as they
                # are (without this week's token, made at its first count that can be kept).
                read = usage.read_only_report(period_of())
                if read is not None:
                    return read
                if problems is not None:
                    problems.append(reason_of(exc))
                return usage.empty_report(period_of())

    @property
    def folder(self) -> Path:
        return self.library.root / REPORTS_DIR

    # -- recording -------------------------------------------------------------------------------

    def count(
        self, measure: str, key: str = "", amount: int = 1, now: datetime | None = None
    ) -> None:
        """Add ``amount`` to ``measure``/``key`` in the week of ``now`` (and count the day)."""
        if not self.active:
            return
        period = period_of(now)
        try:
            with self._transaction() as db:
                self._add(db, period, measure, key, amount)
                self._add(db, period, "days_used", day_of(now), 0, at_least=1)
        except (sqlite3.Error, OSError) as exc:  # best-effort: never stops what is counted
            self.failed(exc)

    def instrument_completed(self, now: datetime | None = None) -> None:
        """A form was completed: only the day is counted (the response itself is counted when
        the week's report is made, ``fidelity.py``), so a week in which forms were filled and
        nothing else counted still gets its report."""
        if not self.active:
            return
        try:
            with self._transaction() as db:
                self._add(db, period_of(now), "days_used", day_of(now), 0, at_least=1)
        except (sqlite3.Error, OSError) as exc:
            self.failed(exc)

    def searched(self, query: str, found: int, now: datetime | None = None) -> None:
        """A search as typed in the window or the command line: counted; its words kept only
        when the catalog's vocabulary has them, and only when it found nothing."""
        if not self.active or not query.strip():
            return
        self.count("searches", now=now)
        if found == 0:
            self.count("zero_result_searches", self.shareable(query), now=now)

    def left_unopened(self, query: str, now: datetime | None = None) -> None:
        """A search after which nothing was opened (the next search began, or the window
        closed)."""
        if self.active and query.strip():
            self.count("searches_without_open", self.shareable(query), now=now)

    def correction_accepted(self, corrected: str, now: datetime | None = None) -> None:
        if self.active and corrected.strip():
            self.count("corrections_accepted", self.shareable(corrected), now=now)

    def feedback(self, resource_id: str, kind: str, now: datetime | None = None) -> None:
        if kind not in FEEDBACK:
            raise ValueError(kind)
        self.count("feedback", f"{resource_id}:{kind}", now=now)

    def requested(self, text: str, now: datetime | None = None) -> str:
        """A request for a resource that does not exist yet; returns the text as it will be
        sent (numbers, e-mail addresses and phone numbers removed), for the person to see."""
        shown = scrubbed(text)
        if shown:
            self.count("resource_requests", shown, now=now)
        return shown

    def shareable(self, query: str) -> str:
        """``query`` as it may be reported, by the vocabulary of the catalog held now."""
        manifest = self.library.current()
        version = manifest.version if manifest else 0
        if self._vocabulary is None or self._vocabulary[0] != version:
            self._vocabulary = (version, Vocabulary.of(manifest))
        return shareable(query, self._vocabulary[1])

    # -- reading ---------------------------------------------------------------------------------

    def periods(self) -> list[str]:
        if not self._file().exists():
            return []
        with self._transaction() as db:
            rows = db.execute("SELECT DISTINCT period FROM counts ORDER BY period").fetchall()
        return [str(r[0]) for r in rows]

    def report(self, period: str) -> dict[str, Any]:
        """The report of ``period`` exactly as it will be sent (``docs/privacy.md``)."""
        with self._transaction() as db:
            laptop, report_id = self._identity(db, period)
            rows = db.execute(
                "SELECT measure, key, value FROM counts WHERE period = ? ORDER BY measure, key",
                (period,),
            ).fetchall()
        return self._report(period, laptop, report_id, self._measures(period, rows))

    def read_only_report(self, period: str) -> dict[str, Any] | None:
        """``report`` read without writing anything (no lock, no token made), for a library
        that cannot be written; None when even that cannot read the counts."""
        path = self._file()
        if not path.is_file():
            return self.empty_report(period)
        read = read_counts(path, period, BUSY_SECONDS)
        if read is None:
            return None
        laptop, report_id, rows = read
        return self._report(period, laptop, report_id, self._measures(period, rows))

    def _measures(self, period: str, rows: list[Any]) -> list[dict[str, Any]]:
        """The measures of a report from its rows of counts (the days counted as how many)."""
        measures: list[dict[str, Any]] = []
        days = 0
        for measure, key, value in rows:
            if measure == "days_used":
                days += 1  # which days stays here; how many leaves
                continue
            measures.append({"measure": measure, "key": key, "value": int(value)})
        if days:
            measures.append({"measure": "days_used", "key": "", "value": days})
        measures += fidelity_measures(self.library, period)
        return measures

    def empty_report(self, period: str) -> dict[str, Any]:
        """What ``report`` holds with nothing counted (its token and id not yet made)."""
        return self._report(period, "", "", [])

    def _report(
        self, period: str, laptop: str, report_id: str, measures: list[dict[str, Any]]
    ) -> dict[str, Any]:
        manifest = self.library.current()
        if manifest is not None:
            measures.append(
                {"measure": "catalog_version", "key": str(manifest.version), "value": 1}
            )
        measures.append({"measure": "program_version", "key": __version__, "value": 1})
        return {
            "format": REPORT_FORMAT,
            "format_version": 1,
            "report_id": report_id,
            "laptop": laptop,
            "county": self.library.policy.county,
            "period": period,
            "measures": measures,
        }

    def forget(self, period: str) -> None:
        """Delete ``period``'s counts (once its report is safely in the outbox)."""
        with self._transaction() as db:
            db.execute("DELETE FROM counts WHERE period = ?", (period,))
            db.execute("DELETE FROM periods WHERE period = ?", (period,))

    # -- storage ---------------------------------------------------------------------------------

    def _file(self) -> Path:
        return self.folder / USAGE_FILE

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._db is None:
                self._db = self._connect()
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself on some errors (a full disk)
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise

    def _connect(self) -> sqlite3.Connection:
        """The counts database, a damaged one set aside and started again."""
        path = self._file()
        linked = [p for p in _with_journals(path) if p.is_symlink()]
        if linked or (path.exists() and not path.is_file()):
            # A folder, or a link (SQLite would write through it, outside the library)
            self._set_aside()
            if any(p.is_symlink() for p in _with_journals(path)):
                raise sqlite3.OperationalError("the counts file is a link; it was not opened")
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            return self._open(path)
        except sqlite3.OperationalError:
            raise  # a full disk, a read-only folder, a lock: the file may be fine
        except sqlite3.DatabaseError:
            self._set_aside()
            return self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(
            path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            # Counts are not worth an fsync on every search (the window records them on its
            # own thread): WAL with NORMAL never corrupts, and loses at most the last few
            # counts should the power fail.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            db.execute("SELECT count(*) FROM counts").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def failed(self, exc: BaseException) -> None:
        """A count or a read that failed: said in the log; a damaged file set aside, so the
        next count starts a new one."""
        damaged = isinstance(exc, sqlite3.DatabaseError) and not isinstance(
            exc, sqlite3.OperationalError
        )
        log.warning("usage counts %s: %s", "damaged" if damaged else "not recorded", exc)
        if damaged:
            with self._lock:
                self.close()
                self._set_aside()

    def _set_aside(self) -> None:
        """Move the counts file (and its journal) to ``reports/set-aside/`` under a new name."""
        from resources_index.catalog.times import utc_now

        folder = self.folder / SET_ASIDE
        stamp = utc_now().strftime("%Y%m%dT%H%M%S%f")
        suffixes = tuple(f".sqlite{suffix}" for suffix in ("", "-wal", "-shm"))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            base = unused_name(folder, f"usage-{stamp}", suffixes)
            for suffix in ("", "-wal", "-shm"):
                old = self.folder / (USAGE_FILE + suffix)
                if old.exists() or old.is_symlink():
                    replace_file(old, base.with_name(f"{base.name}.sqlite{suffix}"))
        except OSError as exc:
            log.warning("the damaged usage counts could not be set aside: %s", exc)
            return
        log.warning("damaged usage counts set aside in %s", folder)

    @staticmethod
    def _add(
        db: sqlite3.Connection, period: str, measure: str, key: str, amount: int, at_least: int = 0
    ) -> None:
        db.execute(
            "INSERT INTO counts(period, measure, key, value) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(period, measure, key) DO UPDATE SET value = max(value + ?, ?)",
            (period, measure, key, max(amount, at_least), amount, at_least),
        )

    @staticmethod
    def _identity(db: sqlite3.Connection, period: str) -> tuple[str, str]:
        """This week's random laptop token and report id, made once and kept with the counts."""
        row = db.execute(
            "SELECT laptop, report_id FROM periods WHERE period = ?", (period,)
        ).fetchone()
        if row is not None:
            return str(row[0]), str(row[1])
        laptop, report_id = secrets.token_hex(16), secrets.token_hex(16)
        db.execute("INSERT INTO periods VALUES (?, ?, ?)", (period, laptop, report_id))
        return laptop, report_id

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _with_journals(path: Path) -> list[Path]:
    """The counts file and SQLite's files beside it (its WAL and shared memory)."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))]
