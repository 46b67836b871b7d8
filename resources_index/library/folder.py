"""A library folder opened: its state database, its settings, the catalog installed, its keys.

``current()`` returns the installed manifest verified against the library's keys; the parsed copy
kept beside it is used only while the key that signed it is still trusted.
"""

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from resources_index.catalog import key_ids, limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.times import format_time, utc_now
from resources_index.config import paths
from resources_index.config.policy import Policy
from resources_index.config.settings import Settings
from resources_index.errors import CatalogError, LibraryError, reason_of
from resources_index.library import snapshot
from resources_index.library.open_copies import prune_open_copies
from resources_index.library.state import SET_ASIDE as STATE_ASIDE
from resources_index.library.state import StateDB
from resources_index.library.store import ObjectStore
from resources_index.util import safe_json
from resources_index.util.gcpause import collector_paused

if TYPE_CHECKING:
    from resources_index.catalog.signing import TrustedKey

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.json"
STATE_FILE = "state.sqlite3"


class LibraryFolder:
    """One library folder. Cheap to create; state is opened on first use."""

    def __init__(self, root: Path, policy: Policy | None = None) -> None:
        self.root = root
        self._policy = policy
        self.store = ObjectStore(root)
        self._state: StateDB | None = None
        self._cached: tuple[tuple[int, int], Manifest] | None = None
        self._reading = threading.Lock()  # threads asking at once share one read

    # -- opening -----------------------------------------------------------------------------

    @property
    def catalog_path(self) -> Path:
        return self.root / CATALOG_FILE

    @property
    def state(self) -> StateDB:
        if self._state is None:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(
                    "library.cannot_create", root=self.root, reason=reason_of(exc)
                ) from None
            self._state = StateDB(self.root / STATE_FILE)
        return self._state

    def close(self) -> None:
        if self._state is not None:
            self._state.close()
            self._state = None

    @property
    def policy(self) -> Policy:
        """The machine-wide policy (read once per Library; the last valid one, kept in the
        library, while the file cannot be used)."""
        if self._policy is None:
            self._policy = Policy.load(keep_in=self.root)
        return self._policy

    def settings(self) -> Settings:
        """The settings in effect: the policy's locks, the user's choices, the defaults."""
        effective, _ = self.policy.effective(Settings.load(self.root))
        return effective

    def user_settings(self) -> Settings:
        """The user's own settings file, to change and ``save`` (never the merged view)."""
        return Settings.load(self.root)

    def has_catalog(self) -> bool:
        return self.catalog_path.exists()

    def current(self) -> Manifest | None:
        """The installed manifest, verified against the library's keys; None before any import."""
        try:
            stat = self.catalog_path.stat()
        except FileNotFoundError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._cached
        if cached and cached[0] == stamp:
            return cached[1]
        with self._reading:
            cached = self._cached
            if cached and cached[0] == stamp:
                return cached[1]  # read by another thread meanwhile
            return self._read_current(stamp)

    def _read_current(self, stamp: tuple[int, int]) -> Manifest:
        try:  # within bounds: a FIFO or a device in its place is never opened or waited on
            envelope = safe_json.read_bytes(self.catalog_path, limits.MAX_ENVELOPE_BYTES)
        except safe_json.BadJson as exc:
            why = safe_json.bad_json_reason(exc)
            raise LibraryError("library.catalog_damaged", reason=why) from None
        sha = hashlib.sha256(envelope).hexdigest()
        # The same bytes were verified and validated when they were installed: read the kept
        # parsed copy, or only re-check the signature (start-up time grows with the catalog).
        known = self.state.get("current_sha256") == sha
        with collector_paused():
            # The kept copy only while the key that signed these bytes is still trusted.
            kept = (
                snapshot.load(self.root, sha)
                if known and (self._signer_trusted() or self._policy_unreadable())
                else None
            )
        if kept is not None:
            self._cached = (stamp, kept)
            return kept
        try:
            from resources_index.catalog.signing import (
                open_envelope,  # cryptography: loaded when needed
            )

            with collector_paused():
                manifest_bytes, key_id = open_envelope(envelope, self._local_keys())
                manifest = Manifest.from_bytes(manifest_bytes, validated=known)
        except CatalogError as exc:
            if exc.kind == "catalog.untrusted_key" and known and self._policy_unreadable():
                # Signed by a key the unreadable policy named: never "withdrawn" (see above).
                reason = self.policy.unusable or self.policy.keys_unsure
                raise LibraryError("library.policy_unreadable", reason=reason) from None
            if exc.kind == "catalog.untrusted_key" and known:
                # The very catalog accepted before: a key withdrawn on purpose, not damage.
                raise LibraryError("library.key_withdrawn", key=exc.words.params["key"]) from None
            if exc.kind == "catalog.untrusted_key" and any(
                (self.root / STATE_ASIDE).glob("state-*.sqlite3")
            ):  # a key trusted with --trust went with a damaged state file set aside
                raise LibraryError("library.state_key_lost", key=exc.words.params["key"]) from None
            raise LibraryError("library.catalog_damaged", reason=exc) from None
        if not known:
            # A crash or a failure between the rename and the state update: record what is
            # really there (and when that fails too, the next read tries again).
            self.settle_state(manifest, key_id, sha)
        else:
            snapshot.save(self.root, sha, manifest)
        self._cached = (stamp, manifest)
        return manifest

    # -- trust ---------------------------------------------------------------------------------

    def _configured_keys(self) -> list["TrustedKey"]:
        from resources_index.library import trust

        keys = trust.keys_from_pems(self.settings().trusted_keys, "a key in the settings")
        keys += trust.keys_from_pems(
            (pem for _, pem, _ in self.state.trusted_keys()), "a key this library trusts"
        )
        return keys

    def _signer_trusted(self) -> bool:
        """Whether the key recorded as the installed catalog's signer is still one this
        library trusts (read from the PEM texts, so start-up does not load cryptography)."""
        signer = self.state.get("key_id")
        pems = [*self.settings().trusted_keys, *(pem for _, pem, _ in self.state.trusted_keys())]
        pems.append(paths.starter_public_key().read_text())
        return signer is not None and signer in {key_ids.pem_key_id(pem) for pem in pems}

    def _policy_unreadable(self) -> bool:
        """Whether the policy file cannot be used and no valid one was kept (a library from
        before policies were kept). Then the catalog installed stays readable: its bytes are
        the very ones verified when it was installed (their SHA-256 is in the state), while
        nothing new is accepted from outside with a key only the policy could name
        (docs/admin-guide.md, "A policy that cannot be read")."""
        unusable = self.policy.unusable
        if self.policy.keys_unsure is not None:  # a key entry with a typo, none kept to go on
            return True
        return unusable is not None and unusable.kind == "policy.unusable"

    def _local_keys(self) -> dict[str, "TrustedKey"]:
        from resources_index.library import trust

        keys = {k.key_id: k for k in self._configured_keys()}
        starter = trust.starter_key()
        keys[starter.key_id] = starter
        return keys

    def outside_keys(self, extra: Iterable["TrustedKey"] = ()) -> dict[str, "TrustedKey"]:
        """Keys for a catalog from a server, a share or a drive (never the starter key)."""
        from resources_index.library import trust

        return trust.outside_keys([*self._configured_keys(), *extra])

    def settle_state(self, manifest: Manifest, key_id: str, sha: str) -> None:
        """Bring the state database and the kept parsed copy in line with the catalog just
        switched in. A failure here (a full disk, a locked database) changes nothing the user
        relies on: ``catalog.json`` is already the new catalog, and every later read finds the
        state behind it and records it again (``_read_current``)."""
        try:
            self._record(manifest, key_id, sha)
        except sqlite3.Error as exc:
            self._cached = None
            log.warning("catalog %s installed; its state is recorded later: %s", sha[:12], exc)
            return
        snapshot.save(self.root, sha, manifest)

    def _record(self, manifest: Manifest, key_id: str, sha: str) -> None:
        self._cached = None
        self.state.record_installed(
            manifest.catalog_id,
            manifest.version,
            {
                "current_sha256": sha,
                "current_catalog_id": manifest.catalog_id,
                "current_version": str(manifest.version),
                "key_id": key_id,
                "installed_at": format_time(utc_now()),
            },
        )

    def collect_garbage(self, manifest: Manifest | None = None) -> int:
        """Remove objects the current catalog does not refer to (and copies made of them)."""
        manifest = manifest or self.current()
        keep = {e.sha256 for e in manifest.objects()} if manifest else set()
        removed = self.store.remove_unreferenced(keep)
        prune_open_copies(self.root, manifest)
        return removed

    def object_path(self, sha256: str) -> Path:
        return self.store.path(sha256)
