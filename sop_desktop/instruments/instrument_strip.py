"""A line above the results naming the instruments that answer the search and filters
("Instruments: Safety mapping meeting: coach's observation"), each a button that opens the
form: instruments are found where resources are, without being results of their own."""

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.finding import matching_instruments
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.instruments.form_words import title_of


class TitleButton(QPushButton):
    """A button whose long title is shortened with "…" to the width it is given, so the line
    never widens the results column (the whole title is its tooltip and accessible name)."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.title = title
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self.title) + hint.width()
        return QSize(width - self.fontMetrics().horizontalAdvance(self.text()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 8, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = event.size().width() - (super().sizeHint().width() - self._text_width())
        self.setText(
            self.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, max(room, 0))
        )
        super().resizeEvent(event)

    def _text_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.text())


class InstrumentStrip(QWidget):
    """Hidden unless an instrument matches; its buttons follow the search field in Tab order."""

    def __init__(
        self, open_instrument: Callable[[FormDefinition], object], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.open_instrument = open_instrument
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lead = QLabel(self.tr("Instruments:"), self)
        layout.addWidget(self.lead, 0, Qt.AlignmentFlag.AlignTop)
        # One under the other: titles are long, and a row of them would widen the results.
        self.column = QVBoxLayout()
        self.column.setSpacing(2)
        layout.addLayout(self.column, 1)
        self.buttons: list[TitleButton] = []
        self.shown: list[FormDefinition] = []
        self.setAccessibleName(self.tr("Instruments that match"))
        self.hide()

    def show_matches(
        self,
        definitions: list[FormDefinition],
        query: str,
        filters: dict[str, list[str]],
    ) -> list[FormDefinition]:
        """Show the instruments of ``definitions`` that ``query`` and ``filters`` find."""
        found = matching_instruments(definitions, query, filters)
        if [d.id for d in found] == [d.id for d in self.shown]:
            return found
        for button in self.buttons:
            button.deleteLater()
        self.buttons, self.shown = [], found
        language = reader_language()
        for definition in found:
            title = title_of(definition, language)
            button = TitleButton(title, self)
            button.setAccessibleName(self.tr("Instrument: {0}").format(title))
            button.setToolTip(title)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, d=definition: self.open_instrument(d))
            self.column.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(found))
        return found
