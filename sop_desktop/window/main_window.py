"""The main window: search as you type, browse and filter, details, viewers, sync.

Layout: the search field across the top; below it the sidebar (where to look and filters),
the results and the detail pane side by side in a splitter; the status bar shows the network,
the catalog version, the last sync and, during a sync, its progress with Cancel. The window
builds its parts and connects them; each concern lives in its own module (``status_area``,
``sync_jobs``, ``opening``, ``presenting``, ``menus``, ``window_state``, ``usage_counting``)
and is given only what it needs: the library, the ``Notifier`` that tells the user, the
``LibraryEvents`` that say what changed, the widgets it works on.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from resources_index.catalog.model import KitItem
from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from resources_index.reports.usage import Usage, reporting_on
from sop_desktop import i18n
from sop_desktop.accessible import Announcer
from sop_desktop.appearance import apply_appearance
from sop_desktop.controllers.search_controller import SearchController, SearchOutcome
from sop_desktop.controllers.sync_controller import SyncController
from sop_desktop.dialogs.settings_dialog import SettingsDialog
from sop_desktop.instruments.window_instruments import WindowInstruments
from sop_desktop.panels.results_view import ROW_ROLE
from sop_desktop.screen_fit import keep_windows_on_screen
from sop_desktop.visible_style import use_visible_style
from sop_desktop.window.layout import lay_out
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.library_transfer import LibraryTransfer
from sop_desktop.window.menus import Commands, WindowMenus
from sop_desktop.window.notices import notice_for
from sop_desktop.window.notifier import Notifier
from sop_desktop.window.opening import Opener
from sop_desktop.window.paging import ResultPaging
from sop_desktop.window.presenting import Presenting
from sop_desktop.window.search_keys import SearchKeys
from sop_desktop.window.status_area import StatusArea
from sop_desktop.window.sync_jobs import SyncJobs
from sop_desktop.window.usage_counting import UsageCounting
from sop_desktop.window.window_state import WindowState

if TYPE_CHECKING:
    from resources_index.search.result_row import ResultRow
    from sop_desktop.dialogs.welcome import TextDialog, WelcomeDialog
    from sop_desktop.viewers.presenter import Presentation
    from sop_desktop.viewers.viewer_window import ViewerWindow

UI_STATE_FILE = "window.ini"


class MainWindow(QMainWindow):
    """The program's window over one library."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        use_visible_style()
        keep_windows_on_screen()
        apply_appearance(library.settings().appearance)
        self.library = library
        self.setWindowTitle("SOP Desktop")
        self.ui_state = QSettings(str(library.root / UI_STATE_FILE), QSettings.Format.IniFormat)
        self.last_outcome: SearchOutcome | None = None
        self.user_choice: str | None = None
        self.auto_selecting = False

        self.announcer = Announcer(self)
        self.notifier = Notifier(self, self.statusBar(), self.announcer)
        self.events = LibraryEvents(self)
        self.search = SearchController(library, self)
        self.sync = SyncController(library, self)
        widgets = lay_out(self, library, self._chosen_location)
        self.search_field, self.sync_button = widgets.search_field, widgets.sync_button
        self.count_label, self.notice = widgets.count_label, widgets.notice
        self.sync_notice, self.narrowing = widgets.sync_notice, widgets.narrowing
        self.filters, self.kits, self.side = widgets.filters, widgets.kits, widgets.side
        self.results_model, self.results = widgets.results_model, widgets.results
        self.details, self.splitter = widgets.details, widgets.splitter
        self.status_area = StatusArea(self, library)
        self.counting = UsageCounting(
            Usage.of(library), self.events, self.search_field.text, self.notifier, self
        )
        self.details.offer_feedback(self.counting.active)
        self.transfer = LibraryTransfer(library, self.events, self.notifier, self)
        self.menus = WindowMenus(self, self._commands())
        self.sync_action = self.menus.sync_action
        self.sync_jobs = SyncJobs(
            self.sync,
            library,
            self.events,
            self.notifier,
            self.status_area,
            (self.sync_button, self.sync_action),
            self.sync_notice,
            self.open_settings,
        )
        self.opener = Opener(
            library,
            self.events,
            self.notifier,
            self.sync_jobs.fetch_then,
            lambda: (self.results_model.rows, self.search_field.text()),
            self.ui_state,
            self,
        )
        self.presenting = Presenting(library, self.events, self.notifier, self)
        self.keys = SearchKeys(self.search_field, self.results, self.focus_search)
        self.paging = ResultPaging(
            self.search, self.results, self.results_model, lambda: self.last_outcome
        )
        self._connect()
        self.instruments = WindowInstruments(self)  # its menu, File › Export, details' buttons
        self.window_state = WindowState(
            self, self.ui_state, self.splitter, self.filters, self.search
        )
        self.window_state.restore()
        self.search_field.setFocus()
        self.search.rerun()

    def _commands(self) -> Commands:
        return Commands(
            sync=self.start_sync,
            export_library=lambda: self.transfer.ask_export(),
            import_library=lambda: self.transfer.ask_import(),
            save_copy=self.save_copy,
            settings=self.open_settings,
            set_scope=lambda scope: self.filters.set_scope(scope, True),
            clear_filters=self.filters.clear,
            welcome=self.show_welcome,
            guide=self.show_guide,
            focus_search=self.focus_search,
            request=self.counting.ask_request if reporting_on(self.library) else None,
        )

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self.search.set_query)
        self.search_field.returnPressed.connect(self.open_current)
        self.search.answered.connect(self.show_outcome)
        self.search.answered.connect(self.counting.answered)
        self.search.failed.connect(lambda sentence, details: self.show_error(sentence, details))
        self.filters.filters_changed.connect(self.search.set_filters)
        self.filters.filters_changed.connect(self.counting.filtered)
        self.filters.scope_changed.connect(self.search.set_scope)
        self.side.currentChanged.connect(self.counting.count_search)  # switching to the kits
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.activated.connect(lambda _: self.open_current())
        details = self.details
        details.open_requested.connect(self.open_resource)
        details.save_requested.connect(self.save_copy)
        details.favorite_toggled.connect(self.set_favorite)
        details.offline_requested.connect(self.make_offline)
        details.resource_linked.connect(self.show_resource_by_id)
        details.present_requested.connect(
            lambda r: self.presenting.present_hit(r, self._chosen_location())
        )
        details.print_requested.connect(self.print_resource)
        details.feedback_requested.connect(self.counting.ask_feedback)
        self.notice.linkActivated.connect(self._notice_link)
        self.sync_notice.linkActivated.connect(self._notice_link)
        self.sync_button.clicked.connect(self.start_sync)
        self.status_area.damaged.connect(lambda sentence: self.show_error(sentence))
        self.search.indexing.connect(self.status_area.show_indexing)
        self.kits.present_requested.connect(self.present)
        self.kits.offline_requested.connect(
            lambda ids: self.sync.start_fetch(ids, keep_offline=True)
        )
        self.kits.message.connect(self.notifier.status)
        # What changed in the library, to the parts that show it.
        events = self.events
        events.files_changed.connect(self.results_model.refresh_offline)
        events.files_changed.connect(details.refresh_state)
        events.files_changed.connect(self.kits.refresh_state)
        events.state_changed.connect(details.refresh_state)
        events.state_changed.connect(self.status_area.show_catalog_facts)
        events.catalog_changed.connect(self.status_area.show_catalog_facts)
        events.catalog_changed.connect(lambda: self.kits.reload())
        events.catalog_changed.connect(self.search.catalog_changed)

    # -- keyboard ----------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Slash:
            self.focus_search()
            return
        super().keyPressEvent(event)

    # -- search results ----------------------------------------------------------------------------

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
        # A translation on its resource's row is not a result of its own; on a page that
        # does not hold every match, how many more will fold is not known yet.
        results = outcome.total - len(outcome.folded)
        complete = len(outcome.rows) + len(outcome.folded) >= outcome.total
        if outcome.browsing:
            self.count_label.setText(self.tr("%n resources", "", outcome.total))
        elif not outcome.total_exact or (outcome.folded and not complete):
            self.count_label.setText(self.tr("about %n results", "", results))
        else:
            self.count_label.setText(self.tr("%n results", "", results))
        if not outcome.quick:  # said once the answer is complete, not at every keystroke
            self.notifier.announce(self.count_label.text())
        text = notice_for(outcome, self.search.scope)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
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

    def _notice_link(self, link: str) -> None:
        if link.startswith("q:"):
            self.counting.correction_taken(link[2:])
            self.search_field.setText(link[2:])
        elif link == "everywhere":  # the query again in the whole library
            self.filters.clear()
        elif link == "new":
            self.filters.set_scope("new", emit=True)
        elif link == "dismiss":
            self.sync_notice.hide()

    def _current_changed(self, current: Any, _: Any) -> None:
        row: ResultRow | None = current.data(ROW_ROLE) if current.isValid() else None
        if not self.auto_selecting:
            self.user_choice = row.resource.id if row is not None else None
        self.details.show_resource(*((row.resource, row.location) if row else (None,)))

    def show_resource_by_id(self, resource_id: str) -> None:
        manifest = self.library.current()
        resource = manifest.by_id.get(resource_id) if manifest else None
        if resource is not None:
            self.details.show_resource(resource)

    # -- what the window's parts ask of it ---------------------------------------------------

    @property
    def viewers(self) -> "dict[str, ViewerWindow]":
        return self.opener.viewers

    @property
    def presentation(self) -> "Presentation | None":
        return self.presenting.presentation

    def open_current(self) -> None:
        row = self.results.current_row(first_if_none=True)
        if row is not None:
            self.open_resource(row.resource, row.location)

    def open_resource(self, resource: Resource, location: dict[str, Any] | None = None) -> None:
        self.opener.open_resource(resource, location)

    def save_copy(self, resource: Resource | None = None, target: Path | None = None) -> None:
        """Save a copy of ``resource`` (by default the one shown in the details)."""
        resource = resource or self.details.resource
        if resource is not None:
            self.opener.save_copy(resource, target)

    def present(self, items: list[KitItem], first: int = 0) -> "Presentation | None":
        return self.presenting.present(items, first)

    def _chosen_location(self) -> dict[str, Any] | None:
        """Where the hit shown in the details was found (a page, a time), if it is one."""
        row, shown = self.results.current_row(), self.details.resource
        return row.location if row and shown and row.resource.id == shown.id else None

    def start_sync(self) -> None:
        self.sync.start_sync()

    def show_error(self, sentence: str, details: str = "", title: str = "") -> None:
        welcome = getattr(self, "welcome", None)
        if welcome is not None and welcome.isVisible():  # a message would lock it: said after
            welcome.finished.connect(lambda _: self.show_error(sentence, details, title))
            return
        self.notifier.error(sentence, details, title)

    @property
    def message_box(self) -> QMessageBox | None:
        """The message box shown last."""
        return self.notifier.box

    def show_catalog_facts(self) -> None:
        self.status_area.show_catalog_facts()  # a policy file that cannot be used too

    # -- favorites and offline -------------------------------------------------------------------

    def set_favorite(self, resource: Resource, favorite: bool) -> None:
        self.library.state.set_favorite(resource.id, favorite)
        self.events.state_changed.emit()
        if self.search.scope == "favorites":
            self.search.rerun()

    def make_offline(self, resource: Resource) -> None:
        main = resource.main
        if self.library.store.has(main.sha256, main.size):
            self.library.state.keep_offline([resource.id])
            self.events.state_changed.emit()
            return
        self.sync.start_fetch([resource.id], keep_offline=True)

    # -- dialogs -----------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.library, self)
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        self.status_area.show_network()  # a server may have been set or cleared
        apply_appearance(self.library.settings().appearance)  # at once, no restart
        if getattr(dialog, "language_changed", False):  # said in the language chosen
            chosen = self.library.settings().interface_language
            restart = QT_TRANSLATE_NOOP(
                "MainWindow", "The interface language changes when SOP Desktop is restarted."
            )
            self.notifier.status(i18n.translated_in(chosen, "MainWindow", cast(str, restart)))

    def print_resource(self, resource: Resource) -> None:
        self.opener.print_resource(resource)

    def show_welcome(self) -> "WelcomeDialog":
        """What the program is and how to use it (shown at the first start, and from Help)."""
        from sop_desktop.dialogs.welcome import WelcomeDialog

        self.welcome = WelcomeDialog(self)
        box = self.message_box
        if box is not None and shiboken6.isValid(box) and box.isVisible():
            box.hide()  # it would lock the welcome: back once the welcome is closed
            self.welcome.finished.connect(lambda _: box.open())
        self.welcome.show()
        return self.welcome

    def show_guide(self) -> "TextDialog":
        from sop_desktop.dialogs.welcome import open_guide

        self.guide = open_guide(self)
        return self.guide

    def library_filled(self) -> None:
        """A catalog came in outside a sync (an import, the starter): show it."""
        self.events.catalog_changed.emit()

    # -- window state ------------------------------------------------------------------------------

    def save_state(self) -> None:
        self.window_state.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.sync.cancel()
        self.counting.close()
        self.opener.close_viewers()
        self.search.close()
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.search_field.setFocus)
