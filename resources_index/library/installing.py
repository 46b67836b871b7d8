"""How a new catalog enters a library: checked, its files copied, then switched in at once.

Every change follows one order so that a killed process leaves the old library or the new one:
objects are added first (each verified, then renamed into place), the new ``catalog.json`` is
renamed over the old one (the commit point), the state database records it, and only then are
objects nothing refers to removed.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.times import format_time, utc_now
from resources_index.errors import (
    CancelledError,
    CatalogError,
    ExpiredError,
    LibraryError,
    ObjectError,
    RollbackError,
    reason_of,
)
from resources_index.library.folder import CATALOG_FILE, LibraryFolder
from resources_index.library.store import object_relpath
from resources_index.util.fsutil import open_regular, write_atomic
from resources_index.util.progress import Cancel, Progress, never, no_progress

if TYPE_CHECKING:
    from resources_index.catalog.signing import TrustedKey

log = logging.getLogger(__name__)


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


class Installer:
    """Accepting, copying and committing catalogs into one library folder (imports and syncs
    both end here). It keeps nothing of its own between calls: all it changes is the folder's."""

    def __init__(self, folder: LibraryFolder) -> None:
        self.folder = folder

    def accept(
        self, envelope: bytes, trusted: dict[str, "TrustedKey"], check_expiry: bool = True
    ) -> Candidate:
        """Check signature, format, rollback and expiry; raise with a plain sentence if refused."""
        from resources_index.catalog.signing import open_envelope

        manifest_bytes, key_id = open_envelope(envelope, trusted)
        manifest = Manifest.from_bytes(manifest_bytes)
        sha = hashlib.sha256(envelope).hexdigest()
        highest = self.folder.state.highest_version(manifest.catalog_id)
        current = _installed(self.folder)
        same_catalog = current is not None and current.catalog_id == manifest.catalog_id
        if manifest.version < highest:
            raise RollbackError("catalog.rollback", version=manifest.version, highest=highest)
        already = same_catalog and sha == self.folder.state.get("current_sha256")
        if manifest.version == highest and not already and highest:
            current_bytes = current.to_bytes() if current else b""
            if current is None or manifest_bytes != current_bytes:
                raise RollbackError("catalog.same_version", version=manifest.version)
            already = True
        if check_expiry and not already and manifest.expires <= utc_now():
            raise ExpiredError("catalog.expired", date=format_time(manifest.expires))
        return Candidate(envelope, manifest, key_id, sha, already)

    def commit(self, candidate: Candidate) -> InstallReport:
        """Make ``candidate`` the current catalog once every required object is present."""
        manifest = candidate.manifest
        previous = _installed(self.folder)
        missing = [
            e.name
            for e in manifest.objects()
            if e.role not in limits.OPTIONAL_ROLES and not self.folder.store.has(e.sha256, e.size)
        ]
        if missing:
            raise ObjectError("object.required_missing", count=len(missing), name=missing[0])
        report = _compare(previous, manifest, candidate.already_current)
        if not candidate.already_current:
            # The commit point: before it the library is the old catalog, after it the new.
            write_atomic(self.folder.catalog_path, candidate.envelope)
            self.folder.settle_state(manifest, candidate.key_id, candidate.sha256)
        try:
            self.folder.collect_garbage(manifest)
        except OSError as exc:  # what is left goes at the next collection
            log.warning("old files not removed yet: %s", exc)
        return report

    # -- importing a bundle --------------------------------------------------------------------

    def import_bundle(
        self,
        folder: Path,
        extra_keys: Iterable["TrustedKey"] = (),
        progress: Progress = no_progress,
        cancel: Cancel = never,
    ) -> InstallReport:
        """Import a published catalog folder (``catalog.json`` + ``objects/``) after checks."""
        envelope_path = folder / CATALOG_FILE
        if not envelope_path.is_file():
            raise CatalogError("catalog.not_found", folder=folder, file=CATALOG_FILE)
        if envelope_path.stat().st_size > limits.MAX_ENVELOPE_BYTES:
            raise CatalogError("catalog.too_large", path=envelope_path)
        with open_regular(envelope_path) as handle:
            envelope = handle.read(limits.MAX_ENVELOPE_BYTES + 1)
        from resources_index.library import trust

        extra = list(extra_keys)
        packaged = trust.is_packaged_starter(folder)
        if packaged:
            starter = trust.starter_key()
            trusted = {starter.key_id: starter}
        else:
            trusted = self.folder.outside_keys(extra)
        candidate = self.accept(envelope, trusted, check_expiry=not packaged)
        try:
            copied, copied_bytes, not_included = self._copy_objects(
                folder, candidate.manifest, progress, cancel
            )
            self.trust_signer(extra, candidate)
            report = self.commit(candidate)
        except BaseException:
            self.folder.collect_garbage()
            raise
        report.objects_copied, report.bytes_copied = copied, copied_bytes
        report.not_included = not_included
        return report

    def trust_signer(self, extra: Iterable["TrustedKey"], candidate: Candidate) -> None:
        """Remember the ``--trust`` key that signed ``candidate`` before it is installed, so a
        library whose catalog it signed can always be opened again."""
        from resources_index.catalog.signing import public_pem

        known = {key_id for key_id, _, _ in self.folder.state.trusted_keys()}
        for key in extra:
            if key.key_id == candidate.key_id and key.key_id not in known:
                self.folder.state.add_trusted_key(
                    key.key_id, public_pem(key.public_key).decode(), key.origin
                )

    def _copy_objects(
        self, folder: Path, manifest: Manifest, progress: Progress, cancel: Cancel
    ) -> tuple[int, int, list[str]]:
        wanted = [e for e in manifest.objects() if not self.folder.store.has(e.sha256, e.size)]
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
                raise ObjectError("bundle.lacks", name=entry.name) from None
            if size != entry.size:
                raise ObjectError(
                    "bundle.wrong_size", name=entry.name, size=size, declared=entry.size
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
                raise CancelledError("cancel.import")
            try:
                handle = open_regular(source)
            except OSError as exc:
                raise ObjectError(
                    "bundle.unreadable", name=entry.name, reason=reason_of(exc)
                ) from None
            with handle:
                self.folder.store.add_stream(handle, entry.sha256, entry.size, entry.name, advance)
        return len(plan), total, not_included


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


def _installed(library: "LibraryFolder") -> Manifest | None:
    """The installed catalog, or None when it cannot be read only because the key that
    signed it was lost with a damaged state file: a sync or an import that brings the key
    again (``--trust``) or another catalog then repairs the library."""
    try:
        return library.current()
    except LibraryError as exc:
        if exc.kind != "library.state_key_lost":
            raise
        return None
