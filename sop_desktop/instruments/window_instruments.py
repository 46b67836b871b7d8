"""The instruments in the main window: the Instruments menu (fill one in, my completed ones),
File › Export responses…, and on a resource's details a button for each instrument whose items
that resource teaches ("Observe this practice"). The window creates one ``WindowInstruments``;
everything else about instruments lives in this package."""

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.records import Resource
from resources_index.errors import ResourcesError, Words
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.export import export_csv
from resources_index.instruments.responses import Response, ResponseStore, user_responses_folder
from resources_index.library.instruments import installed_instruments
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.error_sentences import describe, say
from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.instruments.form_words import form_languages, title_of
from sop_desktop.instruments.stamps import stamp_moment

if TYPE_CHECKING:
    from sop_desktop.instruments.history_dialog import HistoryDialog
    from sop_desktop.instruments.instruments_dialog import InstrumentsDialog
    from sop_desktop.window.main_window import MainWindow


def teaching(definition: FormDefinition, resource_id: str) -> bool:
    """Whether the instrument, or one of its items, links to the resource."""
    return resource_id in definition.resources or any(
        resource_id in item.resources for item, _ in definition.walk()
    )


class WindowInstruments(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.store = ResponseStore(user_responses_folder(self.library.root))
        self.forms: dict[str, FormWindow] = {}
        self.completed_forms: list[FormWindow] = []
        self.list_dialog: InstrumentsDialog | None = None
        self.history: HistoryDialog | None = None
        self.draft_question: QMessageBox | None = None
        self._add_menus()
        self._add_detail_buttons()
        self._add_strip()

    # -- where it is reached ----------------------------------------------------------------------

    def _add_menus(self) -> None:
        bar = self.window.menuBar()
        menus = [action for action in bar.actions() if action.menu() is not None]
        self.export_action = QAction(self.tr("Export &responses…"), self.window)
        self.export_action.setToolTip(
            self.tr("Your completed instruments as CSV files, for your county's analyst")
        )
        self.export_action.triggered.connect(lambda: self.export_responses())
        file_menu = menus[0].menu() if menus else None
        if isinstance(file_menu, QMenu):  # after "Save a copy…", before Settings
            separators = [a for a in file_menu.actions() if a.isSeparator()]
            if separators:
                file_menu.insertAction(separators[0], self.export_action)
            else:
                file_menu.addAction(self.export_action)
        menu = bar.addMenu(self.tr("&Instruments"))
        if len(menus) > 1:  # before Help, the last menu
            bar.insertMenu(menus[-1], menu)
        self.fill_action = menu.addAction(self.tr("&Fill in an instrument…"))
        self.fill_action.triggered.connect(lambda: self.show_list())
        self.history_action = menu.addAction(self.tr("My &completed instruments…"))
        self.history_action.triggered.connect(lambda: self.show_history())
        menu.addSeparator()
        menu.addAction(self.export_action)

    def _add_detail_buttons(self) -> None:
        details = self.window.details
        self.detail_box = QWidget(details.body)
        self.detail_layout = QVBoxLayout(self.detail_box)
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        layout = details.body.layout()
        if isinstance(layout, QVBoxLayout):  # under the feedback button, before Files
            layout.insertWidget(layout.indexOf(details.feedback_button) + 1, self.detail_box)
        self.detail_buttons: list[QPushButton] = []
        details.shown.connect(self.show_for_resource)
        self.show_for_resource(details.resource)

    def _add_strip(self) -> None:
        """The instruments the search finds, above the results (after the notices)."""
        from sop_desktop.instruments.instrument_strip import InstrumentStrip

        window = self.window
        column = window.results.parentWidget()  # the results with what is said above them
        self.strip = InstrumentStrip(self.open_instrument, column)
        layout = column.layout() if column is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(window.results), self.strip)
        window.search.answered.connect(lambda outcome: self.show_in_strip(outcome.query))

    def show_in_strip(self, query: str) -> None:
        """The instruments that answer ``query`` and the filters set; the keyboard reaches
        them after the chosen resource's actions, before the filters (Tab from the search
        field still goes to the results, and from the results to Open)."""
        found = self.strip.show_matches(
            list(self.definitions().values()), query, self.window.search.filters
        )
        details = self.window.details
        chain = [details.print_button, *self.strip.buttons, self.window.filters.tree]
        if found:
            for first, second in itertools.pairwise(chain):
                self.window.setTabOrder(first, second)

    def show_for_resource(self, resource: Resource | None) -> None:
        """A button per instrument that observes or checks what ``resource`` teaches."""
        for button in self.detail_buttons:
            button.deleteLater()
        self.detail_buttons = []
        linked = (
            [d for d in self.definitions().values() if teaching(d, resource.id)]
            if resource is not None
            else []
        )
        language = reader_language()
        for definition in linked:
            lead = self._lead(definition.kind)
            title = title_of(definition, language)
            button = QPushButton(lead, self.detail_box)
            button.setAccessibleName(f"{lead}: {title}")
            button.setToolTip(title)
            button.clicked.connect(lambda _=False, d=definition: self.open_instrument(d))
            self.detail_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            button.show()  # at once, not when the layout next runs
            self.detail_buttons.append(button)
        self.detail_box.setVisible(bool(linked))

    def _lead(self, kind: str) -> str:
        if kind == "self_check":
            return self.tr("Check your own practice")
        if kind == "knowledge_check":
            return self.tr("Check what you know")
        return self.tr("Observe this practice")

    # -- instruments -------------------------------------------------------------------------------

    def definitions(self) -> dict[str, FormDefinition]:
        return installed_instruments(self.library)

    def show_list(self) -> "InstrumentsDialog":
        from sop_desktop.instruments.instruments_dialog import InstrumentsDialog

        if self.list_dialog is None:
            self.list_dialog = InstrumentsDialog(
                self.definitions(), self.store, self.open_instrument, self.window
            )
        else:
            self.list_dialog.definitions = self.definitions()
            self.list_dialog.reload()
        self.list_dialog.show()
        self.list_dialog.raise_()
        return self.list_dialog

    def show_history(self) -> "HistoryDialog":
        from sop_desktop.instruments.history_dialog import HistoryDialog

        self.history = HistoryDialog(
            self.store, self.definitions(), self.open_completed, self.window
        )
        self.history.show()
        return self.history

    def open_instrument(
        self, definition: FormDefinition, resume: bool | None = None
    ) -> FormWindow | None:
        """Open a form: the one already open, else (asked first) its latest draft, else a new
        response. ``resume`` answers the question beforehand."""
        shown = self.forms.get(definition.id)
        if shown is not None and shown.isVisible() and not shown.is_completed:
            shown.raise_()
            shown.activateWindow()
            return shown
        drafts = self.store.drafts(definition.id)[0]
        if drafts and resume is None:
            self._ask_resume(definition, drafts[-1])
            return None
        try:
            if drafts and resume:
                response = drafts[-1]
            else:
                response = self.store.new_draft(definition, self._first_language(definition))
        except ResourcesError as error:
            self.window.show_error(describe(error))
            return None
        return self._show_form(definition, response)

    def open_completed(self, definition: FormDefinition, response: Response) -> FormWindow:
        """A completed response, read-only: to read again or print as filled in."""
        return self._show_form(definition, response)

    def _show_form(self, definition: FormDefinition, response: Response) -> FormWindow:
        form = FormWindow(
            definition,
            self.store,
            response,
            self._resource,
            self._completed,
            self.window,
        )
        form.tip_requested.connect(self._open_tip)
        form.finished.connect(lambda _: self._refresh())
        if not response.completed:
            self.forms[definition.id] = form
        else:
            self.completed_forms.append(form)  # kept until closed
            form.finished.connect(lambda _, f=form: self._forget_completed(f))
        form.show()
        form.raise_()
        return form

    def _forget_completed(self, form: FormWindow) -> None:
        if form in self.completed_forms:
            self.completed_forms.remove(form)

    def _first_language(self, definition: FormDefinition) -> str:
        languages = form_languages(definition)
        language = reader_language()
        return language if language in languages else languages[0]

    def _ask_resume(self, definition: FormDefinition, draft: Response) -> None:
        question = QMessageBox(self.window)
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(title_of(definition, reader_language()))
        question.setText(
            self.tr("You have an unfinished response, last changed {0}. Continue it?").format(
                stamp_moment(draft.modified)
            )
        )
        keep = question.addButton(self.tr("&Continue it"), QMessageBox.ButtonRole.AcceptRole)
        question.addButton(self.tr("Start a &new one"), QMessageBox.ButtonRole.DestructiveRole)
        question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(keep)

        def answered() -> None:
            clicked = question.clickedButton()
            role = question.buttonRole(clicked) if clicked is not None else None
            if role == QMessageBox.ButtonRole.AcceptRole:
                self.open_instrument(definition, resume=True)
            elif role == QMessageBox.ButtonRole.DestructiveRole:
                self.open_instrument(definition, resume=False)

        question.finished.connect(lambda _: answered())
        self.draft_question = question
        question.open()

    def _resource(self, resource_id: str) -> Resource | None:
        manifest = self.library.current()
        return manifest.by_id.get(resource_id) if manifest is not None else None

    def _open_tip(self, resource_id: str) -> None:
        resource = self._resource(resource_id)
        if resource is not None:
            self.window.details.show_resource(resource)
            # The form asked for it, not the search: the document opens with no words to find
            # (the search field may still hold an earlier, even misspelled, query).
            self.window.opener.open_resource(resource, find="")

    def _completed(self) -> None:
        self.window.counting.usage.instrument_completed()  # the day, for the weekly report
        self._refresh()

    def _refresh(self) -> None:
        if self.list_dialog is not None:
            self.list_dialog.reload()

    # -- export ------------------------------------------------------------------------------------

    def export_responses(self, folder: Path | None = None, confirmed: bool = False) -> list[Path]:
        """Write this person's completed responses as CSV (one file per instrument) into a
        folder the person chooses, after the warning that text answers go with them."""
        if not confirmed:
            answer = QMessageBox.warning(
                self.window,
                self.tr("Export responses"),
                say(Words("instrument.export_warning")),
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Ok:
                return []
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self.window, self.tr("Export responses into this folder")
            )
            if not chosen:
                return []
            folder = Path(chosen)
        written: list[Path] = []
        try:
            responses, _ = self.store.completed()
            for definition in self.definitions().values():
                if any(r.form_id == definition.id for r in responses):
                    written.append(export_csv(definition, responses, folder))
        except (ResourcesError, OSError) as error:
            self.window.show_error(describe(error))
            return written
        if written:
            said = self.tr("Wrote %n files into {0}.", "", len(written)).format(folder)
        else:
            said = self.tr("There are no completed responses to export.")
        self.window.statusBar().showMessage(said, 10000)
        return written
