"""The main window: search as you type, browse and filter, details, viewers, sync.

Layout: the search field across the top; below it the sidebar (where to look and filters),
the results and the detail pane side by side in a splitter; the status bar shows the network,
the catalog version, the last sync and, during a sync, its progress with Cancel.
"""

import itertools
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QScreen,
)
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.model import KitItem
from resources_index.catalog.records import Resource
from resources_index.catalog.times import parse_time
from resources_index.errors import ResourcesError
from resources_index.library.kits import readiness
from resources_index.library.library import Library
from sop_desktop.detail_pane import DetailPane
from sop_desktop.filter_panel import FilterPanel
from sop_desktop.kits_panel import KitsPanel
from sop_desktop.labels import size_text
from sop_desktop.results_view import ROW_ROLE, ResultsModel, ResultsView
from sop_desktop.search_controller import SearchController, SearchOutcome
from sop_desktop.settings_dialog import SettingsDialog
from sop_desktop.sync_controller import SyncController
from sop_desktop.workers import run_task

if TYPE_CHECKING:
    from resources_index.search.result_row import ResultRow
    from resources_index.sync.report import SyncProgress, SyncReport
    from sop_desktop.presenter import Presentation
    from sop_desktop.viewer_window import ViewerWindow

UI_STATE_FILE = "window.ini"
SCHEDULE_CHECK_MS = 10 * 60 * 1000  # how often to see whether the policy's sync is due


class MainWindow(QMainWindow):
    """The program's window over one library."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle("SOP Desktop")
        self.ui_state = QSettings(str(library.root / UI_STATE_FILE), QSettings.Format.IniFormat)
        self.viewers: dict[str, ViewerWindow] = {}
        self.after_download: Callable[[], None] | None = None  # open or save, once fetched
        self.last_outcome: SearchOutcome | None = None
        self.user_choice: str | None = None
        self.auto_selecting = False

        self.search = SearchController(library, self)
        self.sync = SyncController(library, self)
        self._build_search_bar()
        self._build_body()
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_state()
        self.search_field.setFocus()
        self.search.rerun()
        self.scheduled_job = False
        self.schedule = QTimer(self)
        self.schedule.setInterval(SCHEDULE_CHECK_MS)
        self.schedule.timeout.connect(self.scheduled_sync)
        if library.policy.sync_interval_hours:
            self.schedule.start()
            QTimer.singleShot(self.first_schedule_check_ms, self.scheduled_sync)

    # -- building --------------------------------------------------------------------------------

    def _build_search_bar(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(
            self.tr("Search tip sheets, guides, videos and captions (Ctrl+K)")
        )
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setClearButtonEnabled(True)
        font = self.search_field.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.search_field.setFont(font)
        self.search_field.installEventFilter(self)
        self.sync_button = QPushButton(self.tr("Sync"), self)
        self.sync_button.setAccessibleName(self.tr("Sync with the server"))
        self.sync_button.setToolTip(self.tr("Get new and updated resources (F5)"))
        self.notice = QLabel(self)
        self.notice.setAccessibleName(self.tr("Search notice"))
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.notice.setWordWrap(True)
        self.sync_notice = QLabel(self)
        self.sync_notice.setAccessibleName(self.tr("Sync result"))
        self.sync_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.sync_notice.setWordWrap(True)
        self.sync_notice.setStyleSheet(
            "QLabel { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 6px; }"
        )
        self.sync_notice.hide()
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of results"))

    def _build_body(self) -> None:
        self.filters = FilterPanel(self)
        self.results_model = ResultsModel(self.library)
        self.results = ResultsView(self.results_model)
        self.results.installEventFilter(self)
        self.details = DetailPane(self.library, self)
        results_box = QWidget(self)
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.count_label)
        header.addStretch(1)
        results_layout.addLayout(header)
        results_layout.addWidget(self.sync_notice)
        results_layout.addWidget(self.notice)
        results_layout.addWidget(self.results, 1)
        self.kits = KitsPanel(self.library, lambda: self.details.resource, self)
        self.side = QTabWidget(self)
        self.side.setAccessibleName(self.tr("Browse or kits"))
        self.side.addTab(self.filters, self.tr("Browse"))
        self.side.addTab(self.kits, self.tr("Kits"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(results_box)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([240, 560, 420])
        self.splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.sync_button)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Tab goes where the eye goes: search, results, the chosen resource's actions, the
        # filters, then Sync.
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chain = [
            self.search_field,
            self.results,
            self.details.open_button,
            self.details.present_button,
            self.details.favorite_button,
            self.details.offline_button,
            self.filters.tree,
            self.filters.clear_button,
            self.sync_button,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress_label = QLabel(self)
        self.progress_label.setAccessibleName(self.tr("Download progress details"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
            bar.addPermanentWidget(widget)
        self.network_label = QLabel(self)
        self.network_label.setAccessibleName(self.tr("Network"))
        self.catalog_label = QLabel(self)
        self.catalog_label.setAccessibleName(self.tr("Catalog version"))
        self.last_sync_label = QLabel(self)
        self.last_sync_label.setAccessibleName(self.tr("Last sync"))
        for widget in (self.network_label, self.catalog_label, self.last_sync_label):
            bar.addPermanentWidget(widget)
        self.network = None
        if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            self.network = QNetworkInformation.instance()
            self.network.reachabilityChanged.connect(lambda _: self._show_network())
        self._show_network()

    def _action(self, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.sync_action = self._action(self.tr("&Sync now"), "F5", self.start_sync)
        file_menu.addAction(self.sync_action)
        file_menu.addAction(
            self._action(self.tr("&Import a bundle…"), None, self.import_bundle_dialog)
        )
        file_menu.addAction(
            self._action(
                self.tr("Save a &copy…"), QKeySequence.StandardKey.Save, lambda: self.save_copy()
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("Se&ttings…"), QKeySequence.StandardKey.Preferences, self.open_settings
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        )
        view_menu = menu.addMenu(self.tr("&View"))
        for scope, text, key in (
            ("all", self.tr("&All resources"), "Ctrl+1"),
            ("favorites", self.tr("&Favorites"), "Ctrl+2"),
            ("recent", self.tr("&Recently viewed"), "Ctrl+3"),
            ("new", self.tr("&What's new"), "Ctrl+4"),
        ):
            view_menu.addAction(
                self._action(text, key, lambda _=False, s=scope: self.filters.set_scope(s, True))
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("&Clear filters"), "Ctrl+Shift+L", self.filters.clear)
        )
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), None, self.show_keys))
        help_menu.addAction(self._action(self.tr("&About SOP Desktop"), None, self.show_about))
        for key in ("Ctrl+K", "Ctrl+F", "Ctrl+L"):
            self._action(self.tr("Search"), key, self.focus_search)

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self.search.set_query)
        self.search_field.returnPressed.connect(self.open_current)
        self.search.answered.connect(self.show_outcome)
        self.search.failed.connect(lambda sentence, details: self.show_error(sentence, details))
        self.filters.filters_changed.connect(self._filters_changed)
        self.filters.scope_changed.connect(self.search.set_scope)
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.activated.connect(lambda _: self.open_current())
        self.details.open_requested.connect(self.open_resource)
        self.details.save_requested.connect(self.save_copy)
        self.details.favorite_toggled.connect(self.set_favorite)
        self.details.offline_requested.connect(self.make_offline)
        self.details.resource_linked.connect(self.show_resource_by_id)
        self.details.present_requested.connect(lambda r: self.present([KitItem(r.id)]))
        self.notice.linkActivated.connect(self._notice_link)
        self.sync_notice.linkActivated.connect(self._notice_link)
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button.clicked.connect(self.sync.cancel)
        self.sync.started.connect(self._job_started)
        self.sync.progressed.connect(self._job_progress)
        self.sync.finished.connect(self._job_finished)
        self.sync.failed.connect(self._job_failed)
        self.kits.present_requested.connect(self.present)
        self.kits.offline_requested.connect(
            lambda ids: self.sync.start_fetch(ids, keep_offline=True)
        )
        self.kits.message.connect(lambda text: self.statusBar().showMessage(text, 10000))

    # -- keyboard ----------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_field:
                if key == Qt.Key.Key_Down and self.results_model.rowCount():
                    self.results.setFocus()
                    if not self.results.currentIndex().isValid():
                        self.results.setCurrentIndex(self.results_model.index(0))
                    return True
                if key == Qt.Key.Key_Escape and self.search_field.text():
                    self.search_field.clear()
                    return True
            elif key == Qt.Key.Key_Slash and not isinstance(watched, QLineEdit):
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Slash:
            self.focus_search()
            return
        super().keyPressEvent(event)

    # -- search results ----------------------------------------------------------------------------

    def _filters_changed(self, filters: dict[str, list[str]]) -> None:
        self.search.set_filters(filters)

    def show_outcome(self, outcome: SearchOutcome) -> None:
        same_question = self.last_outcome is not None and self.last_outcome.query == outcome.query
        self.last_outcome = outcome
        if not self.search.warming:
            # The catalog is first read by the search thread, off this one, so the window
            # appears at once; what needs it here, and the search engine (until it is ready,
            # what is typed is matched against titles), follow the first answer.
            self.search.warm_up()
            self.show_catalog_facts()
            self.kits.reload()
        # A resource the user chose stays chosen while the question is the same (a complete
        # answer after a quick one, a sync); otherwise the best result is shown.
        if not same_question:
            self.user_choice = None
        previous = self.user_choice
        self.results_model.set_rows(outcome.rows)
        self.filters.set_counts(outcome.facets)
        if outcome.browsing:
            self.count_label.setText(self.tr("%n resources", "", outcome.total))
        else:
            self.count_label.setText(self.tr("%n results", "", outcome.total))
        self._show_notice(outcome)
        row = next(
            (i for i, r in enumerate(outcome.rows) if r.resource.id == previous),
            0 if outcome.rows else -1,
        )
        if row >= 0:
            self.auto_selecting = True
            self.results.setCurrentIndex(self.results_model.index(row))
            self.auto_selecting = False
        else:
            self.details.show_resource(None)

    def _show_notice(self, outcome: SearchOutcome) -> None:
        suggestion = outcome.suggestion
        if suggestion and outcome.corrected:
            text = self.tr('Showing results for <a href="q:{0}">{0}</a>.').format(suggestion)
        elif suggestion:
            text = self.tr('Did you mean <a href="q:{0}">{0}</a>?').format(suggestion)
        elif not outcome.rows and outcome.query.strip():
            text = self.tr("Nothing found. Try fewer or other words, or clear the filters.")
        elif not outcome.rows and outcome.browsing:
            text = {
                "favorites": self.tr("No favorites yet: use “Add to favorites” on a resource."),
                "recent": self.tr("Resources you open will be listed here."),
                "new": self.tr("After a sync, new and updated resources are listed here."),
            }.get(self.search.scope, self.tr("No resources match these filters."))
        else:
            text = ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _notice_link(self, link: str) -> None:
        if link.startswith("q:"):
            self.search_field.setText(link[2:])
        elif link == "new":
            self.filters.set_scope("new", emit=True)
        elif link == "dismiss":
            self.sync_notice.hide()

    def _current_changed(self, current: Any, _: Any) -> None:
        row: ResultRow | None = current.data(ROW_ROLE) if current.isValid() else None
        if not self.auto_selecting:
            self.user_choice = row.resource.id if row is not None else None
        if row is None:
            self.details.show_resource(None)
        else:
            self.details.show_resource(row.resource, row.location)

    def show_resource_by_id(self, resource_id: str) -> None:
        manifest = self.library.current()
        resource = manifest.by_id.get(resource_id) if manifest else None
        if resource is not None:
            self.details.show_resource(resource)

    # -- opening ---------------------------------------------------------------------------------

    def open_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0)
        row: ResultRow | None = index.data(ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.open_resource(row.resource, row.location)

    def open_resource(self, resource: Resource, location: dict[str, Any] | None = None) -> None:
        """Open inside (PDF, video) or with the system's program; offer to download first."""
        main = resource.main
        if not self._when_local(resource, lambda: self.open_resource(resource, location)):
            return
        from sop_desktop.viewer_window import ViewerWindow, viewable_inside  # QtPdf, QtMultimedia

        self.library.state.record_viewed(resource.id)
        if viewable_inside(resource):
            viewer = self.viewers.get(resource.id)
            if viewer is None:
                viewer = ViewerWindow(self.library, resource)
                viewer.destroyed.connect(
                    lambda _=None, rid=resource.id: self.viewers.pop(rid, None)
                )
                self.viewers[resource.id] = viewer
            viewer.show_at(location, self._find_words(), self._ui_language())
            viewer.show()
            viewer.raise_()
            viewer.activateWindow()
            return
        try:
            path = self.library.named_copy(main)
        except OSError as exc:
            self.show_error(self.tr("The file could not be prepared: {0}").format(exc.strerror))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_error(
                self.tr("No program on this laptop opens “{0}”.").format(main.name), str(path)
            )

    def _when_local(self, resource: Resource, then: Callable[[], None]) -> bool:
        """True when the resource's file is on this laptop; otherwise offer to download it,
        and do ``then`` once it has arrived."""
        main = resource.main
        if self.library.store.has(main.sha256, main.size):
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Not on this laptop yet"),
            self.tr(
                "“{0}” is not on this laptop yet ({1}). Download it now? You need to be online."
            ).format(resource.title, size_text(main.size)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.sync.start_fetch(
            [resource.id], keep_offline=False
        ):
            self.after_download = then
        return False

    def save_copy(self, resource: Resource | None = None, target: Path | None = None) -> None:
        """Save the resource's file where the user chooses (to print it, e-mail it, or put it
        on a USB drive for a family), checked on the way."""
        resource = resource or self.details.resource
        if resource is None or not self._when_local(resource, lambda: self.save_copy(resource)):
            return
        main = resource.main
        if target is None:
            suffix = Path(main.name).suffix
            start = self.ui_state.value("save_folder") or str(Path.home())
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save a copy"),
                str(Path(str(start)) / Path(main.name).name),
                self.tr("{0} files (*{1})").format(suffix.lstrip(".").upper(), suffix),
            )
            if not chosen:
                return
            target = Path(chosen)
        try:
            self.library.save_copy(main, target)
        except ResourcesError as exc:
            self.show_error(str(exc), title=self.tr("The copy was not saved"))
            return
        self.ui_state.setValue("save_folder", str(target.parent))
        self.statusBar().showMessage(self.tr("Saved a copy as {0}").format(target), 10000)

    def _find_words(self) -> str:
        text = self.search_field.text().strip().strip('"')
        return text.split()[0] if text else ""

    def _ui_language(self) -> str:
        return self.library.settings().interface_language

    # -- favorites and offline -------------------------------------------------------------------

    def set_favorite(self, resource: Resource, favorite: bool) -> None:
        self.library.state.set_favorite(resource.id, favorite)
        self.details.refresh_state()
        if self.search.scope == "favorites":
            self.search.rerun()

    def make_offline(self, resource: Resource) -> None:
        main = resource.main
        if self.library.store.has(main.sha256, main.size):
            self.library.state.keep_offline([resource.id])
            self.details.refresh_state()
            return
        self.sync.start_fetch([resource.id], keep_offline=True)

    # -- presenting --------------------------------------------------------------------------------

    def present(self, items: list[KitItem]) -> "Presentation | None":
        """Present ``items`` full screen (on a second screen when there is one); a kit with a
        file missing is refused first, with the list of what is missing."""
        from sop_desktop.presenter import Presentation, Slide

        ready = readiness(self.library, items)
        if not ready.ready:
            missing = ready.sentences()
            self.show_error(
                self.tr(
                    "This kit is not fully on this laptop, so it cannot be presented offline:"
                    " {0} files are missing ({1}). Use “Make kit available offline” first.\n\n{2}"
                ).format(len(missing), size_text(ready.missing_bytes), "\n".join(missing[:5])),
                "\n".join(missing),
                self.tr("Not ready to present"),
            )
            return None
        manifest = self.library.current()
        assert manifest is not None
        slides = [Slide(item, manifest.by_id[item.resource_id]) for item in items]
        projector = self.choose_screen()
        if projector is None:
            return None
        self.presentation = Presentation(self.library, slides, projector)
        self.presentation.start()
        return self.presentation

    def choose_screen(self) -> QScreen | None:
        """The screen the audience sees: asked when there are several (the projector is
        offered first), this one otherwise."""
        screens = QGuiApplication.screens()
        own = self.screen()
        if len(screens) < 2:
            return own
        ordered = sorted(screens, key=lambda s: s is own)
        names = [f"{s.name()} ({s.geometry().width()}×{s.geometry().height()})" for s in ordered]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Present on which screen?"),
            self.tr("Screen the audience sees:"),
            names,
            0,
            False,
        )
        return ordered[names.index(choice)] if ok else None

    # -- sync --------------------------------------------------------------------------------------

    first_schedule_check_ms = 30_000  # after start-up, when the laptop has settled

    def start_sync(self) -> None:
        self.sync.start_sync()

    def sync_due(self) -> bool:
        """The policy's sync interval has passed since the last sync (and there is a server)."""
        hours = self.library.policy.sync_interval_hours
        if not hours or self.sync.busy or not self.library.settings().server_url:
            return False
        last = self.library.state.get("last_sync_at")
        if not last:
            return True
        elapsed = datetime.now(UTC) - parse_time(last, "last sync")
        return elapsed >= timedelta(hours=hours)

    def scheduled_sync(self) -> None:
        """A sync in the background on the policy's schedule: no dialogs, a status line."""
        if self.sync_due() and self.sync.start_sync():
            self.scheduled_job = True

    def _job_started(self, kind: str) -> None:
        self.sync_button.setEnabled(False)
        self.sync_action.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress_label.setText(
            self.tr("Syncing…") if kind == "sync" else self.tr("Downloading…")
        )
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()

    def _job_progress(self, progress: "SyncProgress") -> None:
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

    def _job_ended(self) -> None:
        self.sync_button.setEnabled(True)
        self.sync_action.setEnabled(True)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()

    def _job_finished(self, kind: str, report: "SyncReport") -> None:
        self._job_ended()
        self.kits.refresh_state()
        self.scheduled_job = False
        self.results_model.refresh_offline()
        self.details.refresh_state()
        self.show_catalog_facts()
        if kind == "sync":
            install = report.install
            if report.not_modified or install is None or install.already_current:
                self.statusBar().showMessage(self.tr("Already up to date."), 8000)
            else:
                message = self.tr(
                    "Sync finished: {0} new, {1} updated, {2} removed."
                    ' <a href="new">Show what\'s new</a>'
                ).format(len(install.added), len(install.changed), len(install.removed))
                close = self.tr("Close")
                self.sync_notice.setText(f'{message} · <a href="dismiss">{close}</a>')
                self.sync_notice.show()
                self.search.rerun()
        elif self.after_download is not None:
            then, self.after_download = self.after_download, None
            then()

    def _job_failed(self, kind: str, sentence: str, details: str) -> None:
        self._job_ended()
        if self.scheduled_job:  # nobody asked for it: say it quietly, try again later
            self.scheduled_job = False
            self.statusBar().showMessage(
                self.tr("Scheduled sync did not finish: {0}").format(sentence), 15000
            )
            return
        self.after_download = None
        self.results_model.refresh_offline()
        title = (
            self.tr("Sync did not finish") if kind == "sync" else self.tr("Download did not finish")
        )
        self.show_error(sentence, details, title)

    def show_error(self, sentence: str, details: str = "", title: str = "") -> None:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not one kept per message
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or "SOP Desktop")
        box.setText(sentence)
        if details:
            box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAccessibleName(title or self.tr("Message"))
        self.message_box = box  # kept for tests and so it is not collected while shown
        box.open()

    # -- status bar --------------------------------------------------------------------------------

    def _show_network(self) -> None:
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
            self.show_error(str(exc))
            return
        if manifest is None:
            self.catalog_label.setText(self.tr("No catalog"))
        else:
            self.catalog_label.setText(self.tr("Catalog version {0}").format(manifest.version))
        last = self.library.state.get("last_sync_at")
        if last:
            moment = parse_time(last, "last sync").astimezone()
            shown = moment.strftime("%Y-%m-%d %H:%M")
            self.last_sync_label.setText(self.tr("Last sync {0}").format(shown))
        else:
            self.last_sync_label.setText(self.tr("Never synced"))

    # -- dialogs -----------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.library, self)
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        if getattr(dialog, "language_changed", False):
            self.statusBar().showMessage(
                self.tr("The interface language changes when SOP Desktop is restarted."), 10000
            )

    def import_bundle_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder holding catalog.json"))
        if not folder:
            return
        self.statusBar().showMessage(self.tr("Importing…"))
        run_task(
            self.library.import_bundle,
            Path(folder),
            on_done=lambda report: self._imported(report.summary()),
            on_error=lambda sentence, details: self.show_error(sentence, details),
        )

    def _imported(self, summary: str) -> None:
        self.statusBar().showMessage(summary, 10000)
        self.show_catalog_facts()
        self.search.rerun()

    def show_keys(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            self.tr(
                "Ctrl+K, Ctrl+F or /: search\nDown: go to the results\nEnter: open\n"
                "Ctrl+1 to Ctrl+4: all, favorites, recently viewed, what's new\n"
                "Ctrl+Shift+L: clear filters\nCtrl+S: save a copy\nF5: sync\n\n"
                "In a video: Space play/pause, Left/Right 5 s, F full screen, C captions\n"
                "In a PDF: Page Up/Down, Ctrl+F find, Ctrl++ and Ctrl+- zoom, Ctrl+P print"
            ),
        )

    def show_about(self) -> None:
        from resources_index import __version__

        QMessageBox.about(
            self,
            self.tr("About SOP Desktop"),
            self.tr(
                "SOP Desktop {0}\n\nSafety Organized Practice resources of California's"
                " Regional Training Academies, CalSWEC and CDSS, available offline."
            ).format(__version__),
        )

    # -- window state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ui_state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        # Splitter sizes are restored once the window has its final size (see showEvent).
        self.pending_splitter = self.ui_state.value("splitter")
        try:
            filters = json.loads(str(self.ui_state.value("filters", "{}")))
        except ValueError:
            filters = {}
        if isinstance(filters, dict):
            clean = {
                str(k): [str(v) for v in values]
                for k, values in filters.items()
                if isinstance(values, list)
            }
            self.filters.set_filters(clean)
            self.search.filters = self.filters.selected
        scope = str(self.ui_state.value("scope", "all"))
        self.filters.set_scope(scope)
        self.search.scope = self.filters.scope

    def save_state(self) -> None:
        self.ui_state.setValue("geometry", self.saveGeometry())
        self.ui_state.setValue("splitter", self.splitter.saveState())
        self.ui_state.setValue("filters", json.dumps(self.filters.selected))
        self.ui_state.setValue("scope", self.filters.scope)
        self.ui_state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.sync.cancel()
        for viewer in list(self.viewers.values()):
            viewer.close()
        self.search.close()
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.search_field.setFocus)
        if self.pending_splitter is not None:
            state, self.pending_splitter = self.pending_splitter, None
            QTimer.singleShot(0, lambda: self.splitter.restoreState(state))
