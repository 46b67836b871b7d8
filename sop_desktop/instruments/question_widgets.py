"""One widget per question type, each reporting its answer as the core keeps it (a string:
``3``, ``2.5``, ``2026-12-03``, a choice's name, several names separated by spaces).

What a screen reader receives: the question as the name of the field a person answers in (or
of the group its choices are in), the hint and any message about the answer as its
description, and the current answer as the field's value (a choice: the one checked).
Everything works from the keyboard: Tab between questions, arrows between the choices of a
select_one, Tab to each check box of a select_multiple (Qt makes the buttons of one
``QButtonGroup`` a single Tab stop, so check boxes are kept out of it), Space to check a
choice."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.instruments.definition import Item
from resources_index.instruments.limits import MAX_ANSWER_CHARS
from sop_desktop.instruments.form_words import in_language


class AnswerField(QWidget):
    """Where a question is answered; ``changed`` carries the new answer."""

    changed = Signal(str)

    def answer(self) -> str:
        raise NotImplementedError

    def set_answer(self, value: str) -> None:
        raise NotImplementedError

    def set_language(self, item: Item, language: str, question: str) -> None:
        """Show the choices in ``language``; ``question`` is the accessible name."""
        raise NotImplementedError

    def describe(self, text: str) -> None:
        """The hint and the message about the answer, as a screen reader hears them."""
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        self.setEnabled(editable)


class ChoiceField(AnswerField):
    """The choices of a select_one (radio buttons) or select_multiple (check boxes), in a
    group named by the question."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.multiple = item.type == "select_multiple"
        self.box = QGroupBox(self)
        self.box.setFlat(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        inner = QVBoxLayout(self.box)
        # Radio buttons share a group (one Tab stop, arrows between them); check boxes do not,
        # so that Tab reaches each one.
        self.group: QButtonGroup | None = None if self.multiple else QButtonGroup(self)
        self.buttons: dict[str, QAbstractButton] = {}
        for choice in item.choices:
            button: QAbstractButton = (
                QCheckBox(self.box) if self.multiple else QRadioButton(self.box)
            )
            if self.group is not None:
                self.group.addButton(button)
            button.toggled.connect(lambda checked, b=button: self._toggled(b, checked))
            self.buttons[choice.name] = button
            inner.addWidget(button)
        self.setting = False
        self.kept: str | None = None  # the answer a completed form keeps (read-only)

    def _toggled(self, _: QAbstractButton, checked: bool) -> None:
        if self.setting:
            return
        if self.kept is not None:  # read-only: the answer stays, still readable at full contrast
            self.set_answer(self.kept)
            return
        # A radio button's change is two toggles (one off, one on): say only the new answer.
        if checked or self.multiple:
            self.changed.emit(self.answer())

    def set_editable(self, editable: bool) -> None:
        self.kept = None if editable else self.answer()

    def answer(self) -> str:
        return " ".join(name for name, button in self.buttons.items() if button.isChecked())

    def set_answer(self, value: str) -> None:
        chosen = set(value.split())
        self.setting = True
        if self.group is not None:
            self.group.setExclusive(False)  # so an answer can be cleared
        for name, button in self.buttons.items():
            button.setChecked(name in chosen)
        if self.group is not None:
            self.group.setExclusive(True)
        self.setting = False

    def set_language(self, item: Item, language: str, question: str) -> None:
        self.box.setAccessibleName(question)
        for choice in item.choices:
            button = self.buttons[choice.name]
            button.setText(in_language(choice.labels, language) or choice.name)

    def describe(self, text: str) -> None:
        self.box.setAccessibleDescription(text)
        for button in self.buttons.values():
            button.setAccessibleDescription(text)


class LineField(AnswerField):
    """A number, a date, or a short text on one line."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(MAX_ANSWER_CHARS)
        if item.type in ("integer", "decimal", "date"):
            self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textEdited.connect(self.changed.emit)
        self.setFocusProxy(self.edit)

    def answer(self) -> str:
        return self.edit.text()

    def set_answer(self, value: str) -> None:
        if self.edit.text() != value:
            self.edit.setText(value)

    def set_language(self, item: Item, language: str, question: str) -> None:
        self.edit.setAccessibleName(question)

    def describe(self, text: str) -> None:
        self.edit.setAccessibleDescription(text)

    def set_placeholder(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    def set_editable(self, editable: bool) -> None:
        self.edit.setReadOnly(not editable)


class TextField(AnswerField):
    """A text answer, over several lines (Tab still moves to the next question)."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(self._edited)
        self.setting = False
        self.setFocusProxy(self.edit)

    def _edited(self) -> None:
        text = self.edit.toPlainText()
        if len(text) > MAX_ANSWER_CHARS:
            self.edit.setPlainText(text[:MAX_ANSWER_CHARS])
            return
        if not self.setting:
            self.changed.emit(text)

    def answer(self) -> str:
        return self.edit.toPlainText()

    def set_answer(self, value: str) -> None:
        if self.edit.toPlainText() != value:
            self.setting = True
            self.edit.setPlainText(value)
            self.setting = False

    def set_language(self, item: Item, language: str, question: str) -> None:
        self.edit.setAccessibleName(question)

    def describe(self, text: str) -> None:
        self.edit.setAccessibleDescription(text)

    def set_editable(self, editable: bool) -> None:
        self.edit.setReadOnly(not editable)


def answer_field(item: Item, parent: QWidget | None = None) -> AnswerField:
    """The widget that answers ``item`` (a question type of ``session.QUESTION_TYPES``)."""
    if item.type in ("select_one", "select_multiple"):
        return ChoiceField(item, parent)
    if item.type == "text":
        return TextField(item, parent)
    return LineField(item, parent)
