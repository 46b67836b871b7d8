"""A form or a panel that scrolls up and down when the screen is too small for it (1366×768 at
200 % is 683×384 logical pixels), rather than making its window taller than the screen."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(body: QWidget, parent: QWidget) -> QScrollArea:
    """``body`` (filled) in a frameless scroll area that never scrolls sideways: it is as wide
    as ``body`` needs, with room for the scroll bar (nothing is cut at its right edge)."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(body.minimumSizeHint().expandedTo(body.minimumSize()).width() + bar)
    return scroll
