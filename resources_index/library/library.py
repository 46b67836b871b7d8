"""The local library: the current verified catalog, its objects, and how new catalogs enter.

``Library`` is one object for callers, made of one part per concern, each a small class over
the same folder: ``folder`` (``folder.py``: opening, the installed catalog, keys),
``installer`` (``installing.py``: checks, copies, the commit), ``starter`` (``starter.py``),
``copies`` (``copies.py``: files handed out) and ``reporter`` (``reporting.py``: status,
verify). Its methods are what callers use; each one hands the call to the part that does it.
"""

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resources_index.catalog.model import Manifest
from resources_index.catalog.records import FileEntry
from resources_index.config.policy import Policy
from resources_index.config.settings import Settings
from resources_index.errors import ResourcesError
from resources_index.library.copies import FileCopies
from resources_index.library.folder import CATALOG_FILE, LibraryFolder
from resources_index.library.installing import Candidate, Installer, InstallReport
from resources_index.library.open_copies import OPEN_COPY_DAYS
from resources_index.library.reporting import Problem, Reporter
from resources_index.library.starter import StarterCatalog
from resources_index.library.state import StateDB
from resources_index.library.store import ObjectStore
from resources_index.util.progress import Cancel, Progress, never, no_progress

if TYPE_CHECKING:
    from resources_index.catalog.signing import TrustedKey

__all__ = [
    "CATALOG_FILE",
    "Candidate",
    "InstallReport",
    "Library",
    "Problem",
    "fill_library",
    "open_library",
]

log = logging.getLogger(__name__)


class Library:
    """One library folder and the parts that work on it. Cheap to create; state is opened on
    first use."""

    def __init__(self, root: Path, policy: Policy | None = None) -> None:
        self.folder = LibraryFolder(root, policy)
        self.installer = Installer(self.folder)
        self.starter = StarterCatalog(self.folder, self.installer)
        self.copies = FileCopies(self.folder)
        self.reporter = Reporter(self.folder)

    # -- the folder: opening, the installed catalog, keys ---------------------------------------

    @property
    def root(self) -> Path:
        return self.folder.root

    @property
    def store(self) -> ObjectStore:
        return self.folder.store

    @property
    def state(self) -> StateDB:
        return self.folder.state

    @property
    def policy(self) -> Policy:
        return self.folder.policy

    @property
    def catalog_path(self) -> Path:
        return self.folder.catalog_path

    def settings(self) -> Settings:
        return self.folder.settings()

    def user_settings(self) -> Settings:
        return self.folder.user_settings()

    def has_catalog(self) -> bool:
        return self.folder.has_catalog()

    def current(self) -> Manifest | None:
        return self.folder.current()

    def object_path(self, sha256: str) -> Path:
        return self.folder.object_path(sha256)

    def outside_keys(self, extra: Iterable["TrustedKey"] = ()) -> dict[str, "TrustedKey"]:
        return self.folder.outside_keys(extra)

    def collect_garbage(self, manifest: Manifest | None = None) -> int:
        return self.folder.collect_garbage(manifest)

    def close(self) -> None:
        self.folder.close()

    # -- the installer: checks, copies, the commit point ---------------------------------------

    def accept(
        self, envelope: bytes, trusted: dict[str, "TrustedKey"], check_expiry: bool = True
    ) -> Candidate:
        return self.installer.accept(envelope, trusted, check_expiry)

    def commit(self, candidate: Candidate) -> InstallReport:
        return self.installer.commit(candidate)

    def import_bundle(
        self,
        folder: Path,
        extra_keys: Iterable["TrustedKey"] = (),
        progress: Progress = no_progress,
        cancel: Cancel = never,
    ) -> InstallReport:
        return self.installer.import_bundle(folder, extra_keys, progress, cancel)

    def trust_signer(self, extra: Iterable["TrustedKey"], candidate: Candidate) -> None:
        self.installer.trust_signer(extra, candidate)

    # -- the starter catalog ---------------------------------------------------------------------

    def ensure_starter(self) -> bool:
        return self.starter.ensure()

    def starter_outdated(self) -> bool:
        return self.starter.outdated()

    def refresh_starter(self) -> InstallReport | None:
        return self.starter.refresh()

    # -- copies: files handed out ----------------------------------------------------------------

    def release_files(self, resource_ids: Iterable[str]) -> int:
        return self.copies.release_files(resource_ids)

    def named_copy(
        self, entry: FileEntry, progress: Progress = no_progress, cancel: Cancel = never
    ) -> Path:
        return self.copies.named_copy(entry, progress, cancel)

    def save_copy(
        self,
        entry: FileEntry,
        target: Path,
        progress: Progress = no_progress,
        cancel: Cancel = never,
    ) -> Path:
        return self.copies.save_copy(entry, target, progress, cancel)

    def prune_open_copies(self, max_age_days: float = OPEN_COPY_DAYS) -> int:
        return self.copies.prune_open_copies(max_age_days)

    # -- the reporter: status, verify ------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        return self.reporter.status()

    def verify(self, progress: Progress = no_progress) -> list[Problem]:
        return self.reporter.verify(progress)


def open_library(root: Path) -> Library:
    """Open (creating if needed) the library at ``root`` and fill it if it is empty (see
    ``fill_library``)."""
    library = Library(root)
    fill_library(library)
    return library


def fill_library(library: Library) -> None:
    """Fill an empty library from the policy's pre-seed bundle (a share or a USB drive:
    verified like any import, no network), else from the packaged starter catalog. A library
    holding a catalog is left as it is."""
    if not library.has_catalog() and library.policy.preseed_bundle:
        bundle = Path(os.path.expandvars(library.policy.preseed_bundle)).expanduser()
        try:
            report = library.import_bundle(bundle)
            log.info("library pre-seeded from %s: %s", bundle, report.summary())
        except ResourcesError as exc:
            log.warning("pre-seeding from %s failed: %s", bundle, exc)
    library.ensure_starter()
