"""Syncs and downloads as the window shows them: the policy's schedule, progress in the status
bar, what changed afterwards, and what went wrong (quietly, for a sync nobody asked for)."""

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from resources_index.library.library import Library
from resources_index.sync.schedule import sync_due
from sop_desktop.controllers.sync_controller import SyncController
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.notifier import Notifier
from sop_desktop.window.status_area import StatusArea

if TYPE_CHECKING:
    from resources_index.sync.report import SyncProgress, SyncReport
    from sop_desktop.dialogs.settings_dialog import SettingsDialog

SCHEDULE_CHECK_MS = 10 * 60 * 1000  # how often to see whether the policy's sync is due


class SyncJobs(QObject):
    """The window's side of ``SyncController``: ``controls`` (the Sync button and action) are
    off while a job runs, ``status_area`` shows its progress, ``sync_notice`` what a sync
    brought, and what changed is said on ``events``."""

    first_check_ms = 30_000  # after start-up, when the laptop has settled

    def __init__(
        self,
        controller: SyncController,
        library: Library,
        events: LibraryEvents,
        notifier: Notifier,
        status_area: StatusArea,
        controls: Sequence[QWidget | QAction],
        sync_notice: QLabel,
        open_settings: "Callable[[], SettingsDialog]",
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.library = library
        self.events = events
        self.notifier = notifier
        self.status_area = status_area
        self.controls = controls
        self.sync_notice = sync_notice
        self.open_settings = open_settings
        self.scheduled_job = False
        self.after_download: Callable[[], None] | None = None  # open or save, once fetched
        self.timer = QTimer(self)
        self.timer.setInterval(SCHEDULE_CHECK_MS)
        self.timer.timeout.connect(self.scheduled_sync)
        status = status_area
        self.controller.started.connect(self._started)
        self.controller.progressed.connect(status.job_progress)
        self.controller.progressed.connect(self._say_progress)
        self.quarters_said = 0
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        self.controller.cancelled.connect(self._cancelled)
        status.cancel_button.clicked.connect(self.controller.cancel)
        if library.policy.sync_interval_hours:
            self.timer.start()
            QTimer.singleShot(self.first_check_ms, self.scheduled_sync)

    def due(self) -> bool:
        """The policy's sync interval has passed (and no job is running)."""
        return not self.controller.busy and sync_due(self.library)

    def scheduled_sync(self) -> None:
        """A sync in the background on the policy's schedule: no dialogs, a status line."""
        if self.due() and self.controller.start_sync():
            self.scheduled_job = True

    def fetch_then(self, resource_id: str, then: Callable[[], None]) -> None:
        """Download a resource's files, then do ``then`` (open it, save it)."""
        if self.controller.start_fetch([resource_id], keep_offline=False):
            self.after_download = then

    def _enable(self, enabled: bool) -> None:
        for control in self.controls:
            control.setEnabled(enabled)

    def _started(self, kind: str) -> None:
        self._enable(False)
        self.quarters_said = 0
        self.status_area.job_started(kind)
        self.notifier.announce(self.status_area.progress_label.text())

    def _say_progress(self, progress: "SyncProgress") -> None:
        """A screen reader hears how far a long download is, each quarter of the way."""
        if not progress.bytes_total:
            return
        quarters = 4 * progress.bytes_done // progress.bytes_total
        if self.quarters_said < quarters < 4:
            self.quarters_said = quarters
            self.notifier.announce(self.tr("{0} % downloaded").format(quarters * 25))

    def _ended(self) -> None:
        self._enable(True)
        self.status_area.job_ended()

    def _finished(self, kind: str, report: "SyncReport") -> None:
        self._ended()
        self.scheduled_job = False
        self.events.files_changed.emit()
        install = None if report.not_modified else report.install
        if kind != "sync" or install is None or install.already_current:
            self.events.state_changed.emit()  # the last sync, what is kept offline
        if kind == "sync":
            if install is None or install.already_current:
                self.notifier.status(self.tr("Already up to date."), 8000)
            else:
                message = self.tr(
                    "Sync finished: {0} new, {1} updated, {2} removed."
                    ' <a href="new">Show what\'s new</a>'
                ).format(len(install.added), len(install.changed), len(install.removed))
                close = self.tr("Close")
                self.sync_notice.setText(f'{message} · <a href="dismiss">{close}</a>')
                self.sync_notice.show()
                self.notifier.announce(re.sub(r"<[^>]+>", "", message))
                self.events.catalog_changed.emit()
        elif self.after_download is not None:
            then, self.after_download = self.after_download, None
            then()

    def _cancelled(self, kind: str) -> None:
        """Cancel is what the user asked for: a status line, not a failure."""
        self._ended()
        self.scheduled_job = False
        self.after_download = None
        self.events.state_changed.emit()  # "Sync cancelled …"
        self.events.files_changed.emit()  # a download keeps the files that came
        self.notifier.status(
            self.tr("Sync cancelled; the library was not changed.")
            if kind == "sync"
            else self.tr("Download cancelled.")
        )

    def _failed(self, kind: str, sentence: str, details: str) -> None:
        self._ended()
        self.events.state_changed.emit()  # "Last sync failed …"
        if self.scheduled_job:  # nobody asked for it: say it quietly, try again later
            self.scheduled_job = False
            self.notifier.status(
                self.tr("Scheduled sync did not finish: {0}").format(sentence), 15000
            )
            return
        self.after_download = None
        self.events.files_changed.emit()  # a download keeps the files that came
        title = (
            self.tr("Sync did not finish") if kind == "sync" else self.tr("Download did not finish")
        )
        untrusted = self.controller.untrusted_key if kind == "sync" else ""
        if untrusted:  # plain facts, and the way forward one click away
            details = "\n".join(
                (
                    self.tr("Key fingerprint: {0}").format(untrusted),
                    self.tr("Server: {0}").format(self.library.settings().server_url),
                )
            )
        self.notifier.error(sentence, details, title)
        box = self.notifier.box
        if untrusted and box is not None:
            button = box.addButton(self.tr("Trusted keys…"), QMessageBox.ButtonRole.ActionRole)
            button.setAccessibleName(self.tr("Open Settings at the trusted keys"))
            button.clicked.connect(self.open_trusted_keys)

    def open_trusted_keys(self) -> "SettingsDialog":
        """Settings, at its trusted keys, ready to choose the key file."""
        dialog = self.open_settings()
        dialog.show_trusted_keys()
        return dialog
