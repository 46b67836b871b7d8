"""The status bar: the network, the catalog version, the last sync, and a job's progress with
Cancel while a sync or a download runs."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from resources_index.catalog.times import parse_time
from resources_index.errors import CatalogError, ResourcesError
from resources_index.library.library import Library
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
        self.progress_label.setAccessibleName(self.tr("Download progress details"))
        self.cancel_button = QPushButton(self.tr("Cancel"), window)
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
            bar.addPermanentWidget(widget)
        self.network_label = QLabel(window)
        self.network_label.setAccessibleName(self.tr("Network"))
        self.catalog_label = QLabel(window)
        self.catalog_label.setAccessibleName(self.tr("Catalog version"))
        self.last_sync_label = QLabel(window)
        self.last_sync_label.setAccessibleName(self.tr("Last sync"))
        for widget in (self.network_label, self.catalog_label, self.last_sync_label):
            bar.addPermanentWidget(widget)
        self.network = None
        if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            self.network = QNetworkInformation.instance()
            self.network.reachabilityChanged.connect(lambda _: self.show_network())
        self.show_network()

    def show_network(self) -> None:
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
        try:
            last = parse_time(self.library.state.get("last_sync_at"), "last sync")
        except CatalogError:  # none yet (or unreadable)
            self.last_sync_label.setText(self.tr("Never synced"))
            return
        shown = last.astimezone().strftime("%Y-%m-%d %H:%M")
        self.last_sync_label.setText(self.tr("Last sync {0}").format(shown))

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
