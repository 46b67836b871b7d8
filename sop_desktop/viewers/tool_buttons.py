"""The viewers' toolbar buttons."""

from PySide6.QtWidgets import QToolButton, QWidget


def tool_button(parent: QWidget, text: str, name: str, action: object) -> QToolButton:
    """A toolbar button that says what it does (its tooltip and its accessible name)."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(name)
    button.setAccessibleName(name)
    button.clicked.connect(action)
    return button
