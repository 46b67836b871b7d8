"""The local library: the current verified catalog, its objects, and how new catalogs enter.

Every change follows one order so that a killed process leaves the old library or the new one:
objects are added first (each verified, then renamed into place), the new ``catalog.json`` is
renamed over the old one (the commit point), the state database records it, and only then are
objects nothing refers to removed.
"""

import contextlib
import hashlib
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resources_index.catalog import key_ids, limits
from resources_index.catalog.model import FileEntry, Manifest, format_time, utc_now
from resources_index.config import paths
from resources_index.config.policy import Policy
from resources_index.config.settings import Settings
from resources_index.errors import (
    CancelledError,
    CatalogError,
    ExpiredError,
    LibraryError,
    ObjectError,
    ResourcesError,
    RollbackError,
)
from resources_index.library import snapshot
from resources_index.library.state import StateDB
from resources_index.library.store import ObjectStore, object_relpath
from resources_index.util.fsutil import (
    atomic_writer,
    copy_hashing,
    open_regular,
    tree_size,
    write_atomic,
)
from resources_index.util.gcpause import collector_paused

if TYPE_CHECKING:
    from resources_index.catalog.signing import TrustedKey

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.json"
OPEN_DIR = "open"  # named copies for the system's programs (see ``Library.named_copy``)
OPEN_COPY_DAYS = 14
STATE_FILE = "state.sqlite3"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class Candidate:
    """A catalog that passed signature, format and rollback checks but is not installed yet."""

    envelope: bytes
    manifest: Manifest
    key_id: str
    sha256: str
    already_current: bool


@dataclass
class InstallReport:
    """What an import or sync changed, for a summary line and the GUI's "What's new"."""

    catalog_id: str
    version: int
    previous_version: int | None
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    objects_copied: int = 0
    bytes_copied: int = 0
    not_included: list[str] = field(default_factory=list)
    already_current: bool = False

    def summary(self) -> str:
        if self.already_current and not self.objects_copied:
            return f"Already up to date (catalog version {self.version})."
        parts = [
            f"Catalog version {self.version}: {len(self.added)} added, {len(self.changed)} changed,"
            f" {len(self.removed)} removed; {self.objects_copied} files ({self.bytes_copied:,}"
            " bytes) copied."
        ]
        if self.not_included:
            parts.append(
                f"{len(self.not_included)} files were not in the source and will download"
                " when online."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One damaged or missing file found by ``verify``."""

    resource_id: str
    title: str
    name: str
    kind: str

    def sentence(self) -> str:
        what = {
            "missing": "is missing",
            "size": "has the wrong size",
            "hash": "is damaged (its contents do not match)",
        }[self.kind]
        return f"{self.name!r} of {self.title!r} {what}."


def _no_progress(done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


class Library:
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
                    f"Cannot create the library folder {self.root}: {exc.strerror}."
                ) from None
            self._state = StateDB(self.root / STATE_FILE)
        return self._state

    def close(self) -> None:
        if self._state is not None:
            self._state.close()
            self._state = None

    @property
    def policy(self) -> Policy:
        """The machine-wide policy (read once per Library)."""
        if self._policy is None:
            self._policy = Policy.load()
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
        envelope = self.catalog_path.read_bytes()
        sha = hashlib.sha256(envelope).hexdigest()
        # The same bytes were verified and validated when they were installed: read the kept
        # parsed copy, or only re-check the signature (start-up time grows with the catalog).
        known = self.state.get("current_sha256") == sha
        with collector_paused():
            # The kept copy only while the key that signed these bytes is still trusted.
            kept = snapshot.load(self.root, sha) if known and self._signer_trusted() else None
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
            raise LibraryError(
                f"The library's catalog file is damaged ({exc}) Import a bundle or sync to repair"
                " it."
            ) from None
        if not known:
            # A crash or a failure between the rename and the state update: record what is
            # really there (and when that fails too, the next read tries again).
            self._settle_state(manifest, key_id, sha)
        else:
            snapshot.save(self.root, sha, manifest)
        self._cached = (stamp, manifest)
        return manifest

    def ensure_starter(self) -> bool:
        """Install the packaged starter catalog into an empty library; True when it did."""
        if self.has_catalog():
            return False
        self.import_bundle(paths.starter_catalog_dir())
        return True

    def starter_outdated(self) -> bool:
        """True when the library holds nothing but the starter catalog and this program ships
        a different one (the program was updated): ``refresh_starter`` brings it in. Cheap: one
        hash of the packaged catalog.json, no parsing."""
        if self.state.get("current_catalog_id") != paths.STARTER_CATALOG_ID:
            return False
        sha = _packaged_starter_sha()
        return sha is not None and sha not in (
            self.state.get("current_sha256"),
            self.state.get("starter_passed_over"),
        )

    def refresh_starter(self) -> InstallReport | None:
        """Install the packaged starter over an older starter (new resources, curated kits);
        the user's favorites, history and kits stay, as after any import. A packaged starter
        older than the installed one (a program put back to an earlier version) is passed
        over once and for all. None when nothing was installed."""
        if not self.starter_outdated():
            return None
        try:
            report = self.import_bundle(paths.starter_catalog_dir())
        except ResourcesError as exc:
            self.state.set_many({"starter_passed_over": _packaged_starter_sha() or ""})
            log.warning("the packaged starter catalog was not installed: %s", exc)
            return None
        log.info("starter catalog updated: %s", report.summary())
        return report

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

    # -- accepting a new catalog ---------------------------------------------------------------

    def accept(
        self, envelope: bytes, trusted: dict[str, "TrustedKey"], check_expiry: bool = True
    ) -> Candidate:
        """Check signature, format, rollback and expiry; raise with a plain sentence if refused."""
        from resources_index.catalog.signing import open_envelope

        manifest_bytes, key_id = open_envelope(envelope, trusted)
        manifest = Manifest.from_bytes(manifest_bytes)
        sha = hashlib.sha256(envelope).hexdigest()
        highest = self.state.highest_version(manifest.catalog_id)
        current = self.current()
        same_catalog = current is not None and current.catalog_id == manifest.catalog_id
        if manifest.version < highest:
            raise RollbackError(
                f"This catalog is version {manifest.version}, older than version {highest} that"
                " this library already accepted; it was refused."
            )
        already = same_catalog and sha == self.state.get("current_sha256")
        if manifest.version == highest and not already and highest:
            current_bytes = current.to_bytes() if current else b""
            if current is None or manifest_bytes != current_bytes:
                raise RollbackError(
                    f"This catalog claims version {manifest.version}, which this library already"
                    " holds with different contents; it was refused."
                )
            already = True
        if check_expiry and not already and manifest.expires <= utc_now():
            raise ExpiredError(
                f"This catalog expired on {format_time(manifest.expires)}; it may be a stale copy."
                " Get a newer one from the server or your administrator."
            )
        return Candidate(envelope, manifest, key_id, sha, already)

    def commit(self, candidate: Candidate) -> InstallReport:
        """Make ``candidate`` the current catalog once every required object is present."""
        manifest = candidate.manifest
        previous = self.current()
        missing = [
            e.name
            for e in manifest.objects()
            if e.role not in limits.OPTIONAL_ROLES and not self.store.has(e.sha256, e.size)
        ]
        if missing:
            raise ObjectError(
                f"{len(missing)} required files are missing (first: {missing[0]!r});"
                " the library was not changed."
            )
        report = _compare(previous, manifest, candidate.already_current)
        if not candidate.already_current:
            # The commit point: before it the library is the old catalog, after it the new.
            write_atomic(self.catalog_path, candidate.envelope)
            self._settle_state(manifest, candidate.key_id, candidate.sha256)
        try:
            self.collect_garbage(manifest)
        except OSError as exc:  # what is left goes at the next collection
            log.warning("old files not removed yet: %s", exc)
        return report

    def _settle_state(self, manifest: Manifest, key_id: str, sha: str) -> None:
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
        self.prune_open_copies(manifest=manifest)
        return removed

    # -- importing a bundle --------------------------------------------------------------------

    def import_bundle(
        self,
        folder: Path,
        extra_keys: Iterable["TrustedKey"] = (),
        progress: Progress = _no_progress,
        cancel: Cancel = _never,
    ) -> InstallReport:
        """Import a published catalog folder (``catalog.json`` + ``objects/``) after checks."""
        envelope_path = folder / CATALOG_FILE
        if not envelope_path.is_file():
            raise CatalogError(f"No catalog found in {folder} (it has no {CATALOG_FILE}).")
        if envelope_path.stat().st_size > limits.MAX_ENVELOPE_BYTES:
            raise CatalogError(f"{envelope_path} is larger than the format allows.")
        with open_regular(envelope_path) as handle:
            envelope = handle.read(limits.MAX_ENVELOPE_BYTES + 1)
        from resources_index.library import trust

        extra = list(extra_keys)
        packaged = trust.is_packaged_starter(folder)
        if packaged:
            starter = trust.starter_key()
            trusted = {starter.key_id: starter}
        else:
            trusted = self.outside_keys(extra)
        candidate = self.accept(envelope, trusted, check_expiry=not packaged)
        try:
            copied, copied_bytes, not_included = self._copy_objects(
                folder, candidate.manifest, progress, cancel
            )
            self.trust_signer(extra, candidate)
            report = self.commit(candidate)
        except BaseException:
            self.collect_garbage()
            raise
        report.objects_copied, report.bytes_copied = copied, copied_bytes
        report.not_included = not_included
        return report

    def trust_signer(self, extra: Iterable["TrustedKey"], candidate: Candidate) -> None:
        """Remember the ``--trust`` key that signed ``candidate`` before it is installed, so a
        library whose catalog it signed can always be opened again."""
        from resources_index.catalog.signing import public_pem

        known = {key_id for key_id, _, _ in self.state.trusted_keys()}
        for key in extra:
            if key.key_id == candidate.key_id and key.key_id not in known:
                self.state.add_trusted_key(
                    key.key_id, public_pem(key.public_key).decode(), key.origin
                )

    def _copy_objects(
        self, folder: Path, manifest: Manifest, progress: Progress, cancel: Cancel
    ) -> tuple[int, int, list[str]]:
        wanted = [e for e in manifest.objects() if not self.store.has(e.sha256, e.size)]
        not_included: list[str] = []
        plan = []
        for entry in wanted:
            source = folder / object_relpath(entry.sha256)
            try:
                size = source.stat().st_size
            except FileNotFoundError:
                if entry.role in limits.OPTIONAL_ROLES:
                    not_included.append(entry.name)
                    continue
                raise ObjectError(
                    f"The bundle lacks {entry.name!r}, which the catalog requires;"
                    " the library was not changed."
                ) from None
            if size != entry.size:
                raise ObjectError(
                    f"{entry.name!r} in the bundle is {size:,} bytes, not the {entry.size:,} the"
                    " catalog declares; the library was not changed."
                )
            plan.append((entry, source))
        total = sum(e.size for e, _ in plan)
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            progress(done, total)

        for entry, source in sorted(plan, key=lambda item: item[0].size):
            if cancel():
                raise CancelledError("Import cancelled; the library was not changed.")
            try:
                handle = open_regular(source)
            except OSError as exc:
                raise ObjectError(
                    f"{entry.name!r} in the bundle cannot be read ({exc.strerror or exc});"
                    " the library was not changed."
                ) from None
            with handle:
                self.store.add_stream(handle, entry.sha256, entry.size, entry.name, advance)
        return len(plan), total, not_included

    # -- reporting -----------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """Facts for ``sop-resources status``: version, counts, offline availability, storage."""
        manifest = self.current()
        if manifest is None:
            return {"data_dir": str(self.root), "installed": False, "resources": 0}
        offline = [r for r in manifest.resources if self.store.has(r.main.sha256, r.main.size)]
        missing = [r for r in manifest.resources if r not in offline]
        return {
            "data_dir": str(self.root),
            "installed": True,
            "catalog_id": manifest.catalog_id,
            "version": manifest.version,
            "created": format_time(manifest.created),
            "expires": format_time(manifest.expires),
            "expired": manifest.expires <= utc_now(),
            "resources": len(manifest.resources),
            "by_type": dict(Counter(r.type for r in manifest.resources).most_common()),
            "by_language": dict(Counter(r.language for r in manifest.resources).most_common()),
            "available_offline": len(offline),
            "not_downloaded": len(missing),
            "bytes_to_download": sum(r.main.size for r in missing),
            "storage_bytes": tree_size(self.root),
            "last_verified": self.state.get("verified_at"),
        }

    def verify(self, progress: Progress = _no_progress) -> list[Problem]:
        """Re-hash every local object; return what is damaged or required-but-missing."""
        manifest = self.current()
        if manifest is None:
            raise LibraryError(f"There is no catalog in {self.root} to verify.")
        owners: dict[str, tuple[str, str, FileEntry]] = {}
        for resource in manifest.resources:
            for entry in resource.files:
                owners.setdefault(entry.sha256, (resource.id, resource.title, entry))
        if manifest.search_index is not None:
            entry = manifest.search_index
            owners.setdefault(entry.sha256, ("", "the search index", entry))
        total = sum(e.size for e in manifest.objects())
        done = 0
        problems = []
        for sha, (rid, title, entry) in owners.items():
            kind = self.store.check(sha, entry.size)
            done += entry.size
            progress(done, total)
            if kind == "missing" and entry.role in limits.OPTIONAL_ROLES:
                continue  # not downloaded yet: that is the download policy, not damage
            if kind:
                problems.append(Problem(rid, title, entry.name, kind))
        if not problems:
            try:
                self.state.set_many({"verified_at": format_time(utc_now())})
            except sqlite3.Error as exc:  # a full disk: the check itself still stands
                log.warning("verification time not recorded: %s", exc)
        return problems

    def release_files(self, resource_ids: Iterable[str]) -> int:
        """Delete the local main files of resources the download policy would not fetch itself
        (those over the size limit and not kept offline); return the bytes freed."""
        manifest = self.current()
        if manifest is None:
            return 0
        limit = self.settings().auto_download_bytes
        kept = self.state.kept_offline()
        still_wanted = {manifest.by_id[rid].main.sha256 for rid in kept if rid in manifest.by_id}
        freed = 0
        for rid in resource_ids:
            resource = manifest.by_id.get(rid)
            if resource is None:
                continue
            main = resource.main
            if limit is None or main.size <= limit or main.sha256 in still_wanted:
                continue
            if self.store.has(main.sha256, main.size):
                self.store.path(main.sha256).unlink()
                freed += main.size
        return freed

    def named_copy(self, entry: FileEntry) -> Path:
        """A read-only copy of the object under its own file name, for the system's programs
        (they go by the extension). A copy, not a link: a program that saves in place must
        never alter the library's object. Copies not opened for ``OPEN_COPY_DAYS`` are removed
        by ``prune_open_copies``."""
        source = self.store.path(entry.sha256)
        target = self.root / OPEN_DIR / entry.sha256[:16] / Path(entry.name).name
        if target.exists() and target.stat().st_size == entry.size:
            with contextlib.suppress(OSError):
                os.utime(target)  # opened again: kept for another OPEN_COPY_DAYS
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.chmod(0o644)
            target.unlink()
        shutil.copyfile(source, target)
        target.chmod(0o444)
        return target

    def save_copy(self, entry: FileEntry, target: Path) -> Path:
        """Copy a file of the library to ``target`` (the desktop, a USB drive, to print or hand
        to a family), checked against its SHA-256 on the way: a damaged file is never handed
        out, and ``target`` is replaced only once the copy is complete."""
        if not self.store.has(entry.sha256, entry.size):
            raise ObjectError(f"{entry.name} is not on this laptop yet; download it first.")
        try:
            with (
                self.store.path(entry.sha256).open("rb") as source,
                atomic_writer(target) as dest,
            ):
                sha, size = copy_hashing(source, dest, limit=entry.size)
                if (sha, size) != (entry.sha256, entry.size):
                    raise ObjectError(
                        f"The library's copy of {entry.name} is damaged, so it was not saved."
                        " Sync, or run a check of the library, to repair it."
                    )
        except OSError as exc:
            raise LibraryError(f"{target} could not be written ({exc.strerror or exc}).") from None
        return target

    def prune_open_copies(
        self, max_age_days: float = OPEN_COPY_DAYS, manifest: Manifest | None = None
    ) -> int:
        """Remove the copies ``named_copy`` made that were not opened for ``max_age_days``, or
        whose file the catalog no longer lists; return how many. A copy still open in another
        program (Windows refuses to delete it) is left for next time."""
        folder = self.root / OPEN_DIR
        if not folder.is_dir():
            return 0
        manifest = manifest or self.current()
        listed = {e.sha256[:16] for e in manifest.objects()} if manifest else set()
        oldest = time.time() - max_age_days * 86_400
        removed = 0
        for holder in folder.iterdir():
            try:
                copies = list(holder.iterdir()) if holder.is_dir() else [holder]
                stale = holder.name not in listed or all(c.stat().st_mtime < oldest for c in copies)
                if not stale:
                    continue
                for copy in copies:
                    copy.chmod(0o644)
                    copy.unlink()
                if holder.is_dir():
                    holder.rmdir()
                removed += 1
            except OSError:
                continue
        return removed

    def object_path(self, sha256: str) -> Path:
        return self.store.path(sha256)


def _packaged_starter_sha() -> str | None:
    """SHA-256 of the starter catalog.json shipped with this program (None if unreadable)."""
    try:
        return hashlib.sha256((paths.starter_catalog_dir() / CATALOG_FILE).read_bytes()).hexdigest()
    except OSError:
        return None


def _compare(previous: Manifest | None, new: Manifest, already: bool) -> InstallReport:
    report = InstallReport(new.catalog_id, new.version, previous.version if previous else None)
    report.already_current = already
    if already:
        return report
    old = previous.by_id if previous else {}
    report.added = [r.id for r in new.resources if r.id not in old]
    report.changed = [r.id for r in new.resources if r.id in old and old[r.id] != r]
    report.removed = [rid for rid in old if rid not in new.by_id]
    return report


def open_library(root: Path) -> Library:
    """Open (creating if needed) the library at ``root``. An empty library is filled from the
    policy's pre-seed bundle (a share or a USB drive: verified like any import, no network),
    else from the packaged starter catalog."""
    library = Library(root)
    if not library.has_catalog() and library.policy.preseed_bundle:
        bundle = Path(os.path.expandvars(library.policy.preseed_bundle)).expanduser()
        try:
            report = library.import_bundle(bundle)
            log.info("library pre-seeded from %s: %s", bundle, report.summary())
        except ResourcesError as exc:
            log.warning("pre-seeding from %s failed: %s", bundle, exc)
    library.ensure_starter()
    return library
