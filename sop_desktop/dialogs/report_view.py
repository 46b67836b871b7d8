"""Settings › Show what is shared: this laptop's next usage report, and the reports waiting
to be delivered, as a table in the interface language (what is counted, of what, how many),
with the JSON exactly as it will leave one click away."""

import json
import re
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.model import Manifest
from resources_index.library.instruments import installed_instruments
from resources_index.library.library import Library
from resources_index.reports.outbox import waiting
from resources_index.reports.usage import MEASURES, Usage
from sop_desktop.dialogs.feedback_dialog import feedback_names
from sop_desktop.instruments.shared_labels import (
    fidelity_key_text,
    fidelity_measure_names,
    fidelity_sentence,
)
from sop_desktop.labels import label

#: How a search's words that may not leave are sent: ``(+3 other words)`` (privacy.py).
OTHER_WORDS = re.compile(r"\(\+([1-9][0-9]{0,3}) other words?\)")


class ReportView(QDialog):
    """``table`` shows the reports; ``text`` (one click away) the JSON as it will be sent."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What is shared"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.manifest = library.current()
        self.instruments = installed_instruments(library)
        upcoming = Usage.next_report(library)
        waiting_reports = [report.report for report in waiting(library)]
        intro = QLabel(self)
        intro.setWordWrap(True)
        if upcoming is None:
            intro.setText(
                self.tr(
                    "Usage reports are off on this laptop, because no policy of your county"
                    " turns them on: nothing is counted or sent. Were they on, each week's"
                    " report would hold only these counts:"
                )
                if library.policy.defaults.get("reporting_enabled") is not True
                else self.tr(
                    "Usage reports are off on this laptop, because they were turned off in"
                    " Settings: nothing is counted or sent. Were they on, each week's report"
                    " would hold only these counts:"
                )
            )
        else:
            intro.setText(
                self.tr(
                    "Each week this laptop sends counts, never a list of what you did: how often"
                    " each resource was opened, presented, printed or saved; searches that found"
                    " nothing (only words of the catalog itself; other words are only counted);"
                    " filters used; feedback; the catalog and program versions; days used. The"
                    " laptop is a random token that changes every week. This is the report so"
                    " far, exactly as it will be sent:"
                )
            )
        self.table = QTreeWidget(self)
        self.table.setAccessibleName(self.tr("The next report"))
        self.table.setColumnCount(3)
        self.table.setHeaderLabels(
            [self.tr("What is counted"), self.tr("Of what"), self.tr("Count")]
        )
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The next report, as it will be sent (JSON)"))
        shown = {"next": upcoming, "waiting": waiting_reports} if upcoming is not None else {}
        self.text.setPlainText(json.dumps(shown, indent=2, ensure_ascii=False) if shown else "")
        if upcoming is not None:
            self._add_report(self.tr("This week's report so far"), upcoming)
        else:
            self._add_kinds()
        for report in waiting_reports:
            self._add_report(self.tr("Waiting to be sent"), report)
        self.table.expandAll()
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.text)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # whole in the tool tip
        self.as_sent = QPushButton(self.tr("Show as sent (JSON)"), self)
        self.as_sent.setCheckable(True)
        self.as_sent.toggled.connect(self._as_sent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.as_sent, QDialogButtonBox.ButtonRole.ActionRole)
        self.as_sent.setVisible(bool(shown))  # with reports off there is nothing to send
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        self.fidelity_note = QLabel(fidelity_sentence(), self)  # under the instruments' rows
        self.fidelity_note.setWordWrap(True)
        layout.addWidget(self.fidelity_note)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _as_sent(self, raw: bool) -> None:
        self.pages.setCurrentWidget(self.text if raw else self.table)
        self.as_sent.setText(self.tr("Show as a table") if raw else self.tr("Show as sent (JSON)"))

    def _add_report(self, title: str, report: dict[str, Any]) -> None:
        locale = QLocale()
        heading = QTreeWidgetItem(
            self.table, [self.tr("{0}: week {1}").format(title, report.get("period", ""))]
        )
        heading.setFirstColumnSpanned(True)
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        facts = [
            (self.tr("County"), str(report.get("county") or self.tr("not set"))),
            (self.tr("This week's random token for the laptop"), str(report.get("laptop", ""))),
        ]
        for what, value in facts:
            QTreeWidgetItem(heading, [what, value, ""])
        for measure in report.get("measures", []):
            name = str(measure.get("measure", ""))
            key = str(measure.get("key", ""))
            total = int(measure.get("value", 0))
            count = "" if name in ("catalog_version", "program_version") else locale.toString(total)
            shown = self.key_text(name, key)
            item = QTreeWidgetItem(heading, [self.measure_name(name), shown, count])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(1, key if shown == key else f"{shown}\n{key}")  # and as it is sent
            item.setToolTip(0, item.text(0))

    def _add_kinds(self) -> None:
        """With reports off: each kind of count a report would hold, and of what."""
        heading = QTreeWidgetItem(self.table, [self.tr("What each week's report would hold")])
        heading.setFirstColumnSpanned(True)
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        for measure in MEASURES:
            item = QTreeWidgetItem(heading, [self.measure_name(measure), self.of_what(measure), ""])
            for column in (0, 1):
                item.setToolTip(column, item.text(column))

    def of_what(self, measure: str) -> str:
        """What a kind of count is kept of, for a report not yet made."""
        if measure in ("opened", "presented", "printed", "saved"):
            return self.tr("Each resource")
        if measure == "zero_result_searches":
            return self.tr("The words, only where they are the catalog's own")
        if measure == "filters_used":
            return self.tr("Each filter")
        if measure == "feedback":
            return self.tr("Each resource and the kind of feedback")
        if measure == "resource_requests":
            return self.tr("The request, as you confirmed it")
        if measure in ("catalog_version", "program_version"):
            return self.tr("The version")
        if measure in fidelity_measure_names():
            return self.tr("Each instrument's questions and answers")
        return self.tr("How many in the week")

    def measure_name(self, measure: str) -> str:
        names = {
            "opened": self.tr("Opened"),
            "presented": self.tr("Presented"),
            "printed": self.tr("Printed"),
            "saved": self.tr("Saved a copy"),
            "searches": self.tr("Searches"),
            "zero_result_searches": self.tr("Searches that found nothing"),
            "searches_without_open": self.tr("Searches after which nothing was opened"),
            "corrections_accepted": self.tr("Spelling corrections taken"),
            "filters_used": self.tr("Filters used"),
            "feedback": self.tr("Feedback"),
            "resource_requests": self.tr("Resources requested"),
            "days_used": self.tr("Days the program was used"),
            "catalog_version": self.tr("Catalog version"),
            "program_version": self.tr("Program version"),
            **fidelity_measure_names(),
        }
        return names.get(measure, measure)

    def key_text(self, measure: str, key: str) -> str:
        """What a measure's key names, for a person: a resource's title, a filter's label."""
        if measure in ("opened", "presented", "printed", "saved"):
            return self._title(key)
        if measure == "feedback" and ":" in key:
            resource, kind = key.rsplit(":", 1)
            return f"{self._title(resource)}: {feedback_names().get(kind, kind)}"
        if measure == "filters_used" and ":" in key:
            facet, value = key.split(":", 1)
            return label(facet, value)
        if measure in fidelity_measure_names():
            return fidelity_key_text(self.instruments, key)
        return OTHER_WORDS.sub(self._other_words, key)

    def _other_words(self, found: re.Match[str]) -> str:
        """``(+3 other words)``, as a search is sent, in the interface language."""
        return self.tr("(+%n other word(s))", "", int(found.group(1)))

    def _title(self, resource_id: str) -> str:
        manifest: Manifest | None = self.manifest
        resource = manifest.by_id.get(resource_id) if manifest is not None else None
        return resource.title if resource is not None else resource_id
