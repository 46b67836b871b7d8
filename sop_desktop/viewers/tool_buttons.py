"""The viewers' toolbar buttons."""

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget


def tool_button(parent: QWidget, text: str, name: str, action: object) -> QToolButton:
    """A toolbar button that says what it does (its tooltip and its accessible name)."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(name)
    button.setAccessibleName(name)
    button.clicked.connect(action)
    return button


def with_toolbar(
    owner: QWidget, left: Sequence[QWidget], right: Sequence[QWidget], body: QWidget
) -> None:
    """Lay ``owner`` out as a viewer: a toolbar (``left`` at its start, ``right`` at its end:
    finding and printing) above ``body``, which takes the rest."""
    bar = QHBoxLayout()
    for widget in left:
        bar.addWidget(widget)
    bar.addStretch(1)
    for widget in right:
        bar.addWidget(widget)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(bar)
    layout.addWidget(body, 1)
