"""Instruments › Fill in an instrument: the installed instruments in the interface's language,
each with what kind it is and how many of this person's responses are completed or waiting as a
draft; Enter opens one (offering to continue its draft), and its blank form prints in both
languages. An instrument that names its publisher says whose it is, and the starter's sample
instruments say, under the list, that no agency produced them."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.responses import ResponseStore
from resources_index.library.starter import STARTER_PUBLISHER, sample_notice
from sop_desktop.accessible import caption
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.instruments.form_words import form_languages, title_of
from sop_desktop.labels import label

FORM_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_name(kind: str) -> str:
    names = {
        "observation": QCoreApplication.translate("Instruments", "Observation"),
        "self_check": QCoreApplication.translate("Instruments", "Self-check"),
        "knowledge_check": QCoreApplication.translate("Instruments", "Knowledge check"),
    }
    return names.get(kind, kind)


class InstrumentsDialog(QDialog):
    """The list; what is done with a choice is the caller's (``open_form``, ``history``)."""

    def __init__(
        self,
        definitions: dict[str, FormDefinition],
        store: ResponseStore,
        open_form: Callable[[FormDefinition], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.definitions, self.store, self.open_form = definitions, store, open_form
        self.setWindowTitle(self.tr("Instruments"))
        intro = QLabel(
            self.tr(
                "Observations, self-checks and knowledge checks, filled in here with no"
                " connection. Your answers stay on this laptop."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Installed instruments"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.sample = QLabel(self)  # the starter's instruments: whose they are not
        self.sample.setWordWrap(True)
        caption(self.sample, label("publisher", STARTER_PUBLISHER))
        self.empty = QLabel(self.tr("The installed catalog has no instruments."), self)
        caption(self.empty, self.tr("No instruments"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        caption(self.message, self.tr("Printing"))
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.print_button = QPushButton(self.tr("Print &blank…"), self)
        self.print_button.setToolTip(
            self.tr("The empty form in English and in Spanish, to fill in by hand")
        )
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_chosen)
        self.print_button.clicked.connect(self.print_blank)
        self.list.itemActivated.connect(lambda _: self.open_chosen())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.sample)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()
        self.resize(620, 420)

    def reload(self) -> None:
        """The list again (after a response was completed or a draft saved)."""
        chosen = self.chosen()
        self.list.clear()
        language = reader_language()
        for definition in sorted(self.definitions.values(), key=lambda d: title_of(d, language)):
            done = len(self.store.completed(definition.id)[0])
            drafts = len(self.store.drafts(definition.id)[0])
            facts = [kind_name(definition.kind)]
            if definition.publisher:  # the starter's: "SOP Desktop sample content"
                facts.append(label("publisher", definition.publisher))
            facts.append(self.tr("%n completed", "", done))
            if drafts:
                facts.append(self.tr("%n drafts", "", drafts))
            text = f"{title_of(definition, language)}\n{' · '.join(facts)}"
            item = QListWidgetItem(text, self.list)
            item.setData(FORM_ROLE, definition.id)
            if chosen is not None and definition.id == chosen.id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        has_any = bool(self.definitions)
        starter = any(d.publisher == STARTER_PUBLISHER for d in self.definitions.values())
        self.sample.setText(sample_notice(STARTER_PUBLISHER, language) if starter else "")
        self.sample.setVisible(starter)
        self.list.setVisible(has_any)
        self.empty.setVisible(not has_any)
        self.open_button.setEnabled(has_any)
        self.print_button.setEnabled(has_any)
        self.list.setFocus()

    def chosen(self) -> FormDefinition | None:
        item = self.list.currentItem()
        return self.definitions.get(str(item.data(FORM_ROLE))) if item is not None else None

    def open_chosen(self) -> None:
        definition = self.chosen()
        if definition is not None:
            self.open_form(definition)

    def print_blank(self) -> None:
        from sop_desktop.instruments.form_printing import ask_and_print_blank

        definition = self.chosen()
        if definition is not None:
            ask_and_print_blank(self, definition, form_languages(definition), self.message.setText)
