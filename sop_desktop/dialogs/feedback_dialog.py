"""Telling the statewide team about a resource (helpful, out of date, a broken file, a wrong
translation), or asking for one that does not exist, through the weekly usage report.

A request is free text, so it comes behind a plain warning not to write names or case details,
and is shown again, exactly as it will be sent (numbers, e-mail addresses and phone numbers
already removed), before it goes into the report."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.records import Resource
from resources_index.reports.privacy import MAX_REQUEST_CHARS, scrubbed
from resources_index.reports.usage import FEEDBACK, Usage
from sop_desktop.accessible import caption


def feedback_names() -> dict[str, str]:
    """Each kind of feedback as a person chooses it (and reads it in the report)."""
    return {
        "helpful": QCoreApplication.translate("FeedbackDialog", "It was helpful"),
        "not_helpful": QCoreApplication.translate("FeedbackDialog", "It was not helpful"),
        "out_of_date": QCoreApplication.translate("FeedbackDialog", "It is out of date"),
        "broken_file": QCoreApplication.translate(
            "FeedbackDialog", "A file is broken or will not open"
        ),
        "wrong_translation": QCoreApplication.translate(
            "FeedbackDialog", "The translation is wrong"
        ),
    }


class FeedbackDialog(QDialog):
    """One choice about one resource; ``chosen()`` is its kind once accepted."""

    def __init__(self, resource: Resource, usage: Usage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resource, self.usage = resource, usage
        self.setWindowTitle(self.tr("Feedback on “{0}”").format(resource.title))
        names = feedback_names()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your choice is counted, with no name, in this laptop's weekly report to the"
                " statewide team."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for kind in FEEDBACK:
            button = QRadioButton(names[kind], self)
            self.group.addButton(button)
            self.choices[kind] = button
            layout.addWidget(button)
        buttons = QDialogButtonBox(self)
        self.send = buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.send.setEnabled(False)
        self.group.buttonToggled.connect(lambda *_: self.send.setEnabled(bool(self.chosen())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return next((kind for kind, button in self.choices.items() if button.isChecked()), "")

    def accept(self) -> None:
        if self.chosen():
            self.usage.feedback(self.resource.id, self.chosen())
            super().accept()


class RequestDialog(QDialog):
    """Ask for a resource: write, read again exactly what will be sent, then send."""

    def __init__(self, usage: Usage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.usage = usage
        self.setWindowTitle(self.tr("Request a resource"))
        self.pages = QStackedWidget(self)
        writing = QWidget(self)
        page = QVBoxLayout(writing)
        asked = QLabel(
            self.tr("Which resource do you need that the library does not have?"), writing
        )
        asked.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "Do not write names, case numbers or any detail about a family or a case."
                " Numbers, e-mail addresses and phone numbers are removed."
            ),
            writing,
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { font-weight: bold; }")
        self.text = QPlainTextEdit(writing)
        self.text.setAccessibleName(self.tr("The resource you need"))
        self.text.setAccessibleDescription(self.warning.text())
        self.text.setPlaceholderText(
            self.tr("For example: a tip sheet on safety planning with teens")
        )
        for widget in (asked, self.warning, self.text):
            page.addWidget(widget)
        reading = QWidget(self)
        again = QVBoxLayout(reading)
        again.addWidget(QLabel(self.tr("This is exactly what will be sent:"), reading))
        self.preview = QLabel(reading)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        caption(self.preview, self.tr("What will be sent"))
        self.preview.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); padding: 8px; background: palette(base); }"
        )
        again.addWidget(self.preview)
        again.addStretch(1)
        self.pages.addWidget(writing)
        self.pages.addWidget(reading)
        self.buttons = QDialogButtonBox(self)
        self.forward = self.buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.back = self.buttons.addButton(
            self.tr("Change it"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send = self.buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.forward.clicked.connect(self.review)
        self.back.clicked.connect(lambda: self._show_page(0))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._limit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self._show_page(0)
        self.resize(520, 340)

    def _limit(self) -> None:
        text = self.text.toPlainText()
        self.forward.setEnabled(bool(text.strip()))
        if len(text) > MAX_REQUEST_CHARS:
            self.text.setPlainText(text[:MAX_REQUEST_CHARS])

    def _show_page(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        self.forward.setVisible(number == 0)
        self.forward.setEnabled(bool(self.text.toPlainText().strip()))
        self.back.setVisible(number == 1)
        self.send.setVisible(number == 1)

    def review(self) -> str:
        """Show the text as it will be sent; return it."""
        shown = scrubbed(self.text.toPlainText())
        self.preview.setText(shown)
        self._show_page(1)
        self.send.setFocus()
        return shown

    def accept(self) -> None:
        if self.pages.currentIndex() == 1 and self.preview.text():
            self.usage.requested(self.preview.text())
            super().accept()
