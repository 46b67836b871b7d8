"""A form or a panel that scrolls up and down when the screen is too small for it (1366×768 at
200 % is 683×384 logical pixels), rather than making its window taller than the screen."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(body: QWidget, parent: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area that follows its width and never scrolls sideways."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    return scroll
