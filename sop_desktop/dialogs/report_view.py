"""Settings › Show what is shared: the exact content of this laptop's next usage report, and of
the reports waiting to be delivered, as they will leave (JSON), with what each part means."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from resources_index.library.library import Library
from resources_index.reports.outbox import waiting
from resources_index.reports.usage import Usage


class ReportView(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What is shared"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        upcoming = Usage.next_report(library)
        waiting_reports = [report.report for report in waiting(library)]
        intro = QLabel(self)
        intro.setWordWrap(True)
        if upcoming is None:
            intro.setText(
                self.tr("Usage reports are off on this laptop: nothing is counted or sent.")
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
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The next report"))
        shown = {"next": upcoming, "waiting": waiting_reports} if upcoming is not None else {}
        self.text.setPlainText(json.dumps(shown, indent=2, ensure_ascii=False) if shown else "")
        self.text.setVisible(bool(shown))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
