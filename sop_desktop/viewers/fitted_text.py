"""Text that fits the box it is shown in: a note on the presenter view, a title card on the
projector. Its font is the largest, from its own size down to a floor, at which the wrapped
text fits the box's height; below the floor it scrolls, never cut off at the box's edge (a
long note ran past the bottom of the presenter view at 1366×768)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

#: How much smaller than its own size the text may get before it scrolls instead.
SMALLEST_SHARE = 0.6


class FittedText(QScrollArea):
    """``label`` (word-wrapped) at the largest size up to ``points`` that fits the box."""

    def __init__(self, points: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = points
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.fit()

    def text(self) -> str:
        return self.label.text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """The largest size (in half points) at which the text fits without scrolling."""
        width, height = self.viewport().width(), self.viewport().height()
        font = QFont(self.label.font())
        size = self.points
        while True:
            font.setPointSizeF(size)
            self.label.setFont(font)
            if size <= self.points * SMALLEST_SHARE or self.label.heightForWidth(width) <= height:
                break
            size -= 0.5

    def fits(self) -> bool:
        """Whether all of the text is in view without scrolling."""
        return self.label.heightForWidth(self.viewport().width()) <= self.viewport().height()
