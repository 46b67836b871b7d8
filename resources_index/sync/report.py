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
    bytes_fetched: int = 0
    not_modified: bool = False
    deferred: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.not_modified or self.install is None:
            return str(Words("sync.up_to_date_unchanged"))
        install = self.install
        if install.already_current and not self.bytes_fetched:
            return str(Words("sync.up_to_date", version=install.version))
        line = (
            f"Catalog version {install.version}: {len(install.added)} added,"
            f" {len(install.changed)} changed, {len(install.removed)} removed;"
            f" {self.bytes_fetched:,} bytes fetched."
        )
        if self.deferred:
            line += f" {len(self.deferred)} large files will download when opened."
        return line


def no_sync_progress(progress: SyncProgress) -> None:
    """Report nowhere."""
    return None
