"""A coach's history: every response this person completed, newest first (each opened, to read
or print as filled in, by Enter, a double click or Open), and for one instrument and one label
(a coachee's initials, which never leave the laptop) the scores over time as a chart."""

from collections import Counter
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.responses import Response, ResponseStore
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.instruments.form_words import title_of
from sop_desktop.instruments.score_chart import Point, ScoreChart
from sop_desktop.instruments.scores import response_score, score_maximum, score_text, score_unit
from sop_desktop.instruments.stamps import stamp_clock, stamp_day, stamp_moment

RESPONSE_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryDialog(QDialog):
    def __init__(
        self,
        store: ResponseStore,
        definitions: Mapping[str, FormDefinition],
        open_response: Callable[[FormDefinition, Response], object] = lambda *_: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My completed instruments"))
        self.definitions = definitions
        self.open_response = open_response
        self.maximums = {key: score_maximum(d) for key, d in definitions.items()}
        language = reader_language()
        self.responses = [
            r for r in store.completed()[0] if r.form_id in definitions and r.completed
        ]
        self.responses.sort(key=lambda r: r.completed, reverse=True)
        intro = QLabel(
            self.tr(
                "Your completed observations, self-checks and knowledge checks, kept on this"
                " laptop. Open one to read or print it as filled in; choose an instrument and a"
                " label to see those scores over time."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setAccessibleName(self.tr("Completed instruments"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [self.tr("Completed"), self.tr("Instrument"), self.tr("Label"), self.tr("Score")]
        )
        for response in self.responses:
            definition = definitions[response.form_id]
            score = response_score(definition, response)
            maximum = self.maximums[response.form_id]
            shown = "" if score is None else score_text(definition, score, maximum)
            row = QTreeWidgetItem(
                self.table,
                [
                    stamp_moment(response.completed),
                    title_of(definition, language),
                    response.subject,
                    shown,
                ],
            )
            row.setData(0, RESPONSE_ROLE, response.id)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.instrument = QComboBox(self)
        self.instrument.setAccessibleName(self.tr("Instrument"))
        for form_id in sorted({r.form_id for r in self.responses}):
            self.instrument.addItem(title_of(definitions[form_id], language), form_id)
        self.label = QComboBox(self)
        self.label.setAccessibleName(self.tr("Label"))
        self.chart = ScoreChart(self)
        choices = QFormLayout()
        choices.addRow(self.tr("&Instrument:"), self.instrument)
        choices.addRow(self.tr("&Label:"), self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setToolTip(self.tr("Read or print the chosen response as filled in"))
        self.open_button.clicked.connect(self.open_chosen)
        self.open_button.setEnabled(bool(self.responses))
        # Enter: the list passes it on to the dialog, whose default button is Open.
        self.open_button.setDefault(True)
        self.table.itemDoubleClicked.connect(lambda *_: self.open_chosen())
        first = self.table.topLevelItem(0)  # None without responses
        if first is not None:
            self.table.setCurrentItem(first)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addWidget(self.chart, 1)
        layout.addWidget(buttons)
        self.instrument.currentIndexChanged.connect(self._instrument_chosen)
        self.label.currentIndexChanged.connect(self._show_chart)
        self._instrument_chosen()
        self.resize(760, 640)

    def _instrument_chosen(self) -> None:
        form_id = self.instrument.currentData()
        labels = sorted({r.subject for r in self.responses if r.form_id == form_id})
        self.label.blockSignals(True)
        self.label.clear()
        for subject in labels:
            self.label.addItem(subject or self.tr("(no label)"), subject)
        self.label.blockSignals(False)
        self._show_chart()

    def chosen(self) -> Response | None:
        """The response of the list's current row."""
        row = self.table.currentItem()
        wanted = row.data(0, RESPONSE_ROLE) if row is not None else None
        return next((r for r in self.responses if r.id == wanted), None)

    def open_chosen(self) -> None:
        response = self.chosen()
        if response is not None:
            self.open_response(self.definitions[response.form_id], response)

    def points(self) -> list[Point]:
        """The chosen instrument's and label's scores, oldest first: each under its day, with
        the time where that day has several."""
        form_id, subject = self.instrument.currentData(), self.label.currentData()
        definition = self.definitions.get(str(form_id))
        if definition is None:
            return []
        scored = []
        for response in sorted(self.responses, key=lambda r: r.completed):
            if response.form_id == form_id and response.subject == subject:
                score = response_score(definition, response)
                if score is not None:
                    scored.append((response.completed, score))
        days = Counter(stamp_day(stamp) for stamp, _ in scored)
        return [
            (
                stamp_day(stamp)
                if days[stamp_day(stamp)] == 1
                else f"{stamp_day(stamp)}, {stamp_clock(stamp)}",
                score,
            )
            for stamp, score in scored
        ]

    def _show_chart(self) -> None:
        form_id = str(self.instrument.currentData())
        definition = self.definitions.get(form_id)
        if definition is None:
            self.chart.set_points([], "")
            return
        maximum = self.maximums.get(form_id)
        self.chart.set_points(
            self.points(),
            score_unit(definition),
            maximum,
            lambda value: score_text(definition, value, maximum),
        )
