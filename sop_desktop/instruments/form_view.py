"""A form being filled in, drawn from its definition and kept in step with its
``FormSession``: after every answer, items whose skip logic no longer holds are hidden (their
answers kept, as ODK Collect does), notes show the values they name, and each question says
what is wrong with its answer as soon as it is answered (a required answer is asked for once
the person tries to complete the form)."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.records import Resource
from resources_index.instruments.definition import Item
from resources_index.instruments.session import QUESTION_TYPES, FormSession
from sop_desktop.accessible import caption
from sop_desktop.fonts import enlarged
from sop_desktop.instruments import form_words
from sop_desktop.instruments.form_words import in_language, link_words, words
from sop_desktop.instruments.question_widgets import AnswerField, LineField, answer_field

#: The resources a form links to, by id (the installed catalog's).
FindResource = Callable[[str], Resource | None]


def _label(parent: QWidget, what: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a form's words are shown as typed
    if what:
        caption(label, what)
    return label


class ItemRow(QFrame):
    """One item of the form: a question with its hint, field and message; a note; or a group
    with its items inside."""

    def __init__(self, item: Item, depth: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self.nesting = depth  # how many groups hold it (not ``depth``: QWidget's colour depth)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)
        self.heading = _label(self)
        self.layout_.addWidget(self.heading)
        self.hint = _label(self)
        self.field: AnswerField | None = None
        self.message = _label(self)
        self.warning = _label(self)
        self.tip: QPushButton | None = None
        self.tip_resource: Resource | None = None
        for unused in (self.hint, self.message, self.warning):
            unused.hide()  # shown where the item has one
        if item.type == "group":
            self.heading.setFont(enlarged(self.heading.font(), 1.2, bold=True))
            self.layout_.setContentsMargins(0, 8, 0, 4)
        elif item.type == "note":
            self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        else:
            font = self.heading.font()
            font.setBold(True)
            self.heading.setFont(font)
            self.layout_.addWidget(self.hint)
            self.field = answer_field(item, self)
            self.layout_.addWidget(self.field)
            self.message.setStyleSheet("QLabel { font-weight: bold; }")
            self.layout_.addWidget(self.message)
            if item.type == "text":
                self.warning.setStyleSheet("QLabel { font-style: italic; }")
                self.layout_.addWidget(self.warning)
                self.warning.show()
        self.children_box: QVBoxLayout | None = None
        if item.type == "group":
            inner = QWidget(self)
            self.children_box = QVBoxLayout(inner)
            self.children_box.setContentsMargins(16, 0, 0, 0)
            self.layout_.addWidget(inner)

    def add_tip(self, resource: Resource) -> QPushButton:
        self.tip_resource = resource
        self.tip = QPushButton(self)
        self.tip.setToolTip(resource.title)
        self.layout_.addWidget(self.tip, 0, Qt.AlignmentFlag.AlignLeft)
        return self.tip


class FormView(QScrollArea):
    """Every item of a form; ``answered`` after each answer, ``tip_requested`` with the id of
    a resource that teaches an item."""

    answered = Signal(str, str)  # item name, the answer as the core keeps it
    tip_requested = Signal(str)  # resource id

    def __init__(
        self,
        session: FormSession,
        language: str,
        find_resource: FindResource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self.find_resource = find_resource
        self.checked_all = False  # after a try to complete: required answers are asked for
        self.editable = True
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self.setWidget(body)
        top = QVBoxLayout(body)
        self.rows: dict[str, ItemRow] = {}
        places: dict[str, QVBoxLayout] = {}
        for item, parents in session.definition.walk():
            if item.type == "calculate":
                continue
            place = places[parents[-1].name] if parents else top
            row = ItemRow(item, len(parents), body)
            place.addWidget(row)
            self.rows[item.name] = row
            if row.children_box is not None:
                places[item.name] = row.children_box
            if row.field is not None:
                row.field.set_answer(session.answers.get(item.name, ""))
                row.field.changed.connect(lambda value, name=item.name: self._answer(name, value))
            if item.resources and item.type in ("select_one", "select_multiple"):
                resource = self._teaching(item)
                if resource is not None:
                    tip = row.add_tip(resource)
                    tip.clicked.connect(lambda _=False, r=resource.id: self.tip_requested.emit(r))
        top.addStretch(1)
        self.set_language(language)

    def _teaching(self, item: Item) -> Resource | None:
        """The first resource that teaches ``item``, in the form's language where it has one."""
        found = [r for r in (self.find_resource(i) for i in item.resources) if r is not None]
        same = [r for r in found if r.language == self.language]
        return (same or found)[0] if found else None

    def _answer(self, name: str, value: str) -> None:
        self.session.set_answer(name, value)
        self.answered.emit(name, value)
        self.refresh()

    def set_language(self, language: str) -> None:
        """Show the form in ``language`` (its labels, hints, messages and this view's words)."""
        self.language = language
        observation = self.session.definition.kind == "observation"
        for row in self.rows.values():
            item = row.item
            hint = in_language(item.hints, language)
            row.hint.setText(hint)
            row.hint.setVisible(bool(hint) and row.field is not None)
            if row.field is not None:
                row.field.set_language(item, language, self.question_text(item))
                if isinstance(row.field, LineField) and item.type == "date":
                    row.field.set_placeholder(words(language, form_words.DATE_FORMAT))
            row.warning.setText(words(language, form_words.TEXT_WARNING))
            if row.tip is not None and row.tip_resource is not None:
                lead = words(language, link_words(row.tip_resource.type, observation))
                row.tip.setText(lead)
                row.tip.setAccessibleName(f"{lead}: {row.tip_resource.title}")
        self.refresh()

    def question_text(self, item: Item) -> str:
        """The question as shown and heard (with its values filled in)."""
        return self.session.label(item, self.language) or item.name

    def refresh(self) -> None:
        """Skip logic, notes' values and messages, after an answer or a change of language."""
        for name, row in self.rows.items():
            row.setVisible(self.session.is_relevant(name))
            item = row.item
            question = self.question_text(item)
            marker = ""
            if item.required and item.type in QUESTION_TYPES:
                marker = " " + words(self.language, form_words.REQUIRED)
            row.heading.setText(question + marker)
            if row.field is None:
                continue
            row.field.set_language(item, self.language, question)
            issue = self.session.issue(name)
            shown = issue is not None and (
                self.checked_all or issue.kind != "required" or bool(self.session.answers.get(name))
            )
            message = issue.message(self.language) if issue is not None and shown else ""
            row.message.setText(message)
            row.message.setVisible(bool(message))
            hint = in_language(item.hints, self.language)
            if item.type == "text":
                hint = " ".join(t for t in (hint, row.warning.text()) if t)
            row.field.describe(" ".join(t for t in (hint, message) if t))

    def show_all_issues(self) -> list[str]:
        """Show every message, required answers included; the names of the questions to fix
        (the first one is scrolled to and focused)."""
        self.checked_all = True
        self.refresh()
        names = [issue.name for issue in self.session.issues()]
        if names and names[0] in self.rows:
            row = self.rows[names[0]]
            self.ensureWidgetVisible(row)
            if row.field is not None:
                row.field.setFocus(Qt.FocusReason.OtherFocusReason)
                if not row.field.focusProxy():
                    buttons = getattr(row.field, "buttons", {})
                    first = next(iter(buttons.values()), None)
                    if first is not None:
                        first.setFocus(Qt.FocusReason.OtherFocusReason)
        return names

    def focus_first(self) -> None:
        """Put the keyboard on the first question asked."""
        for row in self.rows.values():
            if row.field is not None and not row.isHidden():
                buttons = list(getattr(row.field, "buttons", {}).values())
                (buttons[0] if buttons else row.field).setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for row in self.rows.values():
            if row.field is not None:
                row.field.set_editable(editable)

    def answers_shown(self) -> dict[str, str]:
        return {n: r.field.answer() for n, r in self.rows.items() if r.field is not None}
