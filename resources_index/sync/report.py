"""What a sync reports: its progress while it runs, and what it did or why it failed."""

from collections.abc import Callable
from dataclasses import dataclass, field

from resources_index.errors import ResourcesError, Words
from resources_index.library.installing import InstallReport


class SyncError(ResourcesError):
    """The server could not be used; the library is unchanged."""


@dataclass
class SyncProgress:
    """Where a sync stands, for a progress bar: bytes and files, done and in all."""

    bytes_done: int = 0
    bytes_total: int = 0
    files_done: int = 0
    files_total: int = 0


ProgressCallback = Callable[[SyncProgress], None]


@dataclass
class SyncReport:
    """What a sync did: the install report, requests made and bytes fetched."""

    install: InstallReport | None = None
    requests: int = 0
    #: every byte fetched: the catalog's (index, pages, parts, catalog.json) and objects'
    bytes_fetched: int = 0
    #: of which the catalog's
    catalog_bytes: int = 0
    not_modified: bool = False
    #: files left to download when opened: large ones, or beyond the storage cap
    deferred: list[str] = field(default_factory=list)
    #: files the server answered 404 for (a laptop serving a room may not hold them all)
    missing: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.not_modified or self.install is None:
            return str(Words("sync.up_to_date_unchanged"))
        install = self.install
        if install.already_current and self.bytes_fetched == self.catalog_bytes:
            return str(Words("sync.up_to_date", version=install.version))
        line = (
            f"Catalog version {install.version}: {len(install.added)} added,"
            f" {len(install.changed)} changed, {len(install.removed)} removed;"
            f" {self.bytes_fetched:,} bytes fetched."
        )
        if self.deferred:
            line += " " + str(Words("sync.deferred_files", count=len(self.deferred)))
        if self.missing:
            line += " " + str(Words("sync.missing_files", count=len(self.missing)))
        return line


def no_sync_progress(progress: SyncProgress) -> None:
    """Report nowhere."""
    return None
