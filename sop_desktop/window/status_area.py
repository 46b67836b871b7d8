"""The status bar: the network, the catalog version, the last sync, and a job's progress with
Cancel while a sync or a download runs."""

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from resources_index.catalog.times import parse_time
from resources_index.errors import CatalogError, ResourcesError
from resources_index.library.library import Library
from resources_index.sync.schedule import last_attempt
from sop_desktop.accessible import caption
from sop_desktop.error_text import describe
from sop_desktop.labels import size_text

if TYPE_CHECKING:
    from resources_index.sync.report import SyncProgress


class StatusArea(QObject):
    """The permanent widgets of the window's status bar."""

    damaged = Signal(str)  # the library's catalog cannot be read: the sentence to show

    def __init__(self, window: QMainWindow, library: Library) -> None:
        super().__init__(window)
        self.library = library
        bar = self.bar = window.statusBar()
        self.progress = QProgressBar(window)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress_label = QLabel(window)
        caption(self.progress_label, self.tr("Download progress details"))
        self.cancel_button = QPushButton(self.tr("Cancel"), window)
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
            bar.addPermanentWidget(widget)
        self.network_label = QLabel(window)
        caption(self.network_label, self.tr("Network"))
        self.catalog_label = QLabel(window)
        caption(self.catalog_label, self.tr("Catalog version"))
        self.last_sync_label = QLabel(window)
        caption(self.last_sync_label, self.tr("Last sync"))
        for widget in (self.network_label, self.catalog_label, self.last_sync_label):
            bar.addPermanentWidget(widget)
        self.network = None
        if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            self.network = QNetworkInformation.instance()
            self.network.reachabilityChanged.connect(lambda _: self.show_network())
        self.show_network()

    def show_network(self) -> None:
        """Online or offline, as the system sees it; "No sync server" while none is set (being
        online then means nothing for this program)."""
        if not self.library.settings().server_url:
            self.network_label.setText(self.tr("No sync server"))
            self.network_label.setToolTip(
                self.tr("Set the address of your sync server in Settings to get updates.")
            )
            return
        self.network_label.setToolTip("")
        if self.network is None:
            self.network_label.setText("")
            return
        reach = self.network.reachability()
        online = reach == QNetworkInformation.Reachability.Online
        known = reach != QNetworkInformation.Reachability.Unknown
        self.network_label.setText(
            (self.tr("● Online") if online else self.tr("○ Offline")) if known else ""
        )

    def show_catalog_facts(self) -> None:
        try:
            manifest = self.library.current()
        except ResourcesError as exc:
            self.catalog_label.setText(self.tr("Library damaged"))
            self.damaged.emit(describe(exc))
            return
        if manifest is None:
            self.catalog_label.setText(self.tr("No catalog"))
        else:
            self.catalog_label.setText(self.tr("Catalog version {0}").format(manifest.version))
        self.show_network()
        self.show_last_sync()

    def show_last_sync(self) -> None:
        """When the library last synced, and whether the last attempt since then failed."""
        worked = _time(self.library.state.get("last_sync_at"))
        tried = last_attempt(self.library.root)
        if tried is not None and tried.failed and (worked is None or tried.at > worked):
            text = (
                self.tr("Sync cancelled {0}")
                if tried.outcome.startswith("cancel.")
                else self.tr("Last sync failed {0}")
            ).format(_shown(tried.at))
            before = (
                self.tr("Last successful sync {0}.").format(_shown(worked))
                if worked is not None
                else self.tr("No sync has succeeded yet.")
            )
            self.last_sync_label.setText(text)
            self.last_sync_label.setToolTip(before)
        elif worked is not None:
            self.last_sync_label.setText(self.tr("Last sync {0}").format(_shown(worked)))
            self.last_sync_label.setToolTip("")
        else:
            self.last_sync_label.setText(self.tr("Never synced"))
            self.last_sync_label.setToolTip("")

    def show_indexing(self, done: int, total: int) -> None:
        """The search index is being built on this laptop (titles answer meanwhile)."""
        if done < total:
            self.bar.showMessage(
                self.tr("Preparing search: {0} of {1} resources indexed…").format(
                    f"{done:,}", f"{total:,}"
                )
            )
        else:
            self.bar.showMessage(self.tr("Search is ready."), 5000)

    def job_started(self, kind: str) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(
            self.tr("Syncing…") if kind == "sync" else self.tr("Downloading…")
        )
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()

    def job_progress(self, progress: "SyncProgress") -> None:
        if progress.bytes_total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * progress.bytes_done / progress.bytes_total))
        self.progress_label.setText(
            self.tr("{0} of {1} files · {2} of {3}").format(
                progress.files_done,
                progress.files_total,
                size_text(progress.bytes_done),
                size_text(progress.bytes_total),
            )
        )

    def job_ended(self) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()


def _time(value: str | None) -> datetime | None:
    """A time kept in the library's state (None when absent or unreadable)."""
    try:
        return parse_time(value, "last sync")
    except CatalogError:
        return None


def _shown(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")
