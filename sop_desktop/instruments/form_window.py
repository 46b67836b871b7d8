"""A form filled in, in a window of its own: in the language chosen for this form, with a label
that stays on the laptop, a draft written after every answer (``ResponseStore``: atomically,
durably), and Complete, which keeps the response and counts the day for the weekly report. A
completed response opens read-only, to read and print as filled in. A starter instrument says
under its title, in the form's language, that it is sample content no agency produced."""

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.errors import ResourcesError
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.responses import Response, ResponseStore
from resources_index.instruments.session import FormSession
from resources_index.library.starter import STARTER_PUBLISHER, sample_notice
from sop_desktop.accessible import Announcer, caption
from sop_desktop.error_sentences import describe
from sop_desktop.fonts import enlarged
from sop_desktop.instruments import form_words
from sop_desktop.instruments.form_view import FindResource, FormView
from sop_desktop.instruments.form_words import FORM_LANGUAGES, form_languages, title_of, words
from sop_desktop.instruments.stamps import stamp_clock, stamp_moment
from sop_desktop.labels import label

if TYPE_CHECKING:
    from sop_desktop.instruments.form_printing import PaperFacts

#: How long typing may pause before the draft is written (a choice is written at once).
TYPING_PAUSE_MS = 400


class FormWindow(QDialog):
    """One response being filled in; ``completed`` carries it once kept."""

    completed = Signal(object)  # Response
    tip_requested = Signal(str)  # resource id

    def __init__(
        self,
        definition: FormDefinition,
        store: ResponseStore,
        response: Response,
        find_resource: FindResource,
        on_completed: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.definition, self.store, self.response = definition, store, response
        self.on_completed = on_completed
        self.session = FormSession(definition, response.answers)
        languages = form_languages(definition)
        language = response.language if response.language in languages else languages[0]
        self.announcer = Announcer(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(enlarged(self.title.font(), 1.35, bold=True))
        caption(self.title, self.tr("Instrument"))
        self.sample = QLabel(self)  # empty and hidden unless it is the starter's
        self.sample.setWordWrap(True)
        self.sample.setTextFormat(Qt.TextFormat.PlainText)
        caption(self.sample, label("publisher", STARTER_PUBLISHER))
        self.language = QComboBox(self)
        for code in languages:
            self.language.addItem(FORM_LANGUAGES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.setAccessibleName(self.tr("Language of this form"))
        self.subject = QLineEdit(response.subject, self)
        self.subject.setMaxLength(200)
        self.subject.setAccessibleName(self.tr("Label"))
        self.subject.setPlaceholderText(self.tr("For example, a coachee's initials"))
        label_note = self.tr(
            "Only you see this label, on this laptop: it is never sent or exported."
        )
        self.subject.setAccessibleDescription(label_note)
        self.subject.setToolTip(label_note)
        facts = QFormLayout()
        facts.addRow(self.tr("&Form language:"), self.language)
        facts.addRow(self.tr("&Label (stays on this laptop):"), self.subject)
        self.view = FormView(self.session, language, find_resource, self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        caption(self.status, self.tr("Form status"))
        buttons = QDialogButtonBox(self)
        self.complete_button = QPushButton(self.tr("&Complete"), self)
        self.complete_button.setAccessibleName(self.tr("Complete the form"))
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setToolTip(self.tr("The answers so far are kept as a draft"))
        buttons.addButton(self.complete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.sample)
        layout.addLayout(facts)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.save_draft)
        self.view.answered.connect(self._answered)
        self.view.tip_requested.connect(self.tip_requested.emit)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.subject.textEdited.connect(lambda _: self.pause.start())
        self.complete_button.clicked.connect(self.complete)
        self.print_button.clicked.connect(self.print_form)
        self.close_button.clicked.connect(self.reject)
        self._show_title()
        if self.is_completed:
            self._read_only()
            self.status.setText(
                self.tr("Completed {0}.").format(stamp_moment(self.response.completed))
                + (" " + self.score_text() if self.score_text() else "")
            )
        self.resize(760, 680)
        QTimer.singleShot(0, self.view.focus_first)  # the keyboard starts on the first question

    @property
    def form_language(self) -> str:
        return str(self.language.currentData())

    @property
    def is_completed(self) -> bool:
        return bool(self.response.completed)

    def _show_title(self) -> None:
        title = title_of(self.definition, self.form_language)
        self.title.setText(title)
        self.setWindowTitle(title)
        notice = sample_notice(self.definition.publisher, self.form_language)
        self.sample.setText(notice)
        self.sample.setVisible(bool(notice))

    def _language_chosen(self) -> None:
        self.view.set_language(self.form_language)
        self._show_title()
        if not self.is_completed:
            self.save_draft()

    def _answered(self, name: str, _: str) -> None:
        item = self.definition.item(name)
        if item.type in ("select_one", "select_multiple"):
            self.save_draft()  # an answer chosen is written at once
        else:
            self.pause.start()  # typing: written once it pauses, and when the window closes

    def save_draft(self) -> bool:
        """Write the answers so far (nothing once completed); False, said, when it failed."""
        self.pause.stop()
        if self.is_completed:
            return True
        try:
            self.response = self.store.save_draft(
                replace(
                    self.response,
                    language=self.form_language,
                    subject=self.subject.text().strip(),
                ),
                self.session.answers,
            )
        except ResourcesError as error:
            self._say(describe(error), urgent=True)
            return False
        self.status.setText(
            self.tr("Draft saved at {0}.").format(stamp_clock(self.response.modified))
        )
        return True

    def complete(self) -> bool:
        """Keep the response when every answer is fine, else show what to fix."""
        if self.is_completed:
            return True
        self.save_draft()
        to_fix = self.view.show_all_issues()
        if to_fix:
            self._say(
                self.tr("%n questions need an answer or a change.", "", len(to_fix)), urgent=True
            )
            return False
        try:
            self.response = self.store.complete(
                replace(self.response, subject=self.subject.text().strip()), self.session
            )
        except ResourcesError as error:
            self._say(describe(error), urgent=True)
            return False
        self.on_completed()
        self._read_only()
        done = self.tr("Completed and kept on this laptop.")
        score = self.score_text()
        self._say(f"{done} {score}".strip())
        self.completed.emit(self.response)
        return True

    def _read_only(self) -> None:
        """A completed response is read and printed, not changed."""
        self.view.set_editable(False)
        self.subject.setReadOnly(True)
        self.complete_button.setEnabled(False)

    def score_text(self) -> str:
        """A knowledge check's score in the form's language ("" for other instruments)."""
        score = self.session.score()
        if not score.total:
            return ""
        percent = round(100 * score.correct / score.total)
        return words(self.form_language, form_words.SCORE).format(
            score.correct, score.total, percent
        )

    def _say(self, sentence: str, urgent: bool = False) -> None:
        self.status.setText(sentence)
        self.announcer.announce(sentence, urgent)

    def print_form(self) -> None:
        from sop_desktop.instruments.form_printing import ask_and_print_response

        self.save_draft()
        ask_and_print_response(
            self, self.definition, self.form_language, self.session, self._say, self.paper_facts()
        )

    def paper_facts(self) -> "PaperFacts":
        """What a printout says about this response: when it was completed, its label."""
        from sop_desktop.instruments.form_printing import PaperFacts

        completed = stamp_moment(self.response.completed) if self.is_completed else ""
        return PaperFacts(completed, self.subject.text().strip())

    def _keep_or_drop(self) -> None:
        """Closing: the answers so far stay as a draft; a form left untouched leaves none (so
        opening it again does not ask about a draft that holds nothing)."""
        untouched = not self.session.answers and not self.subject.text().strip()
        if untouched and not self.is_completed:
            self.pause.stop()
            self.store.discard_draft(self.response)
        else:
            self.save_draft()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._keep_or_drop()
        super().closeEvent(event)

    def reject(self) -> None:  # Esc and Close
        self._keep_or_drop()
        super().reject()
