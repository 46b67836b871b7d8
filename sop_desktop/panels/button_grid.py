"""Buttons in as many columns as their widest text allows, in rows that wrap as the panel
narrows: no button is ever narrower than its text ("Copiar a mis kits" at 200 %), however
wide the sidebar is left."""

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class ButtonGrid(QWidget):
    """``buttons`` laid out in rows of equal columns, as many as fit the width (``most`` at
    most); the height follows the rows, so a scrolling panel makes room."""

    def __init__(self, buttons: list[QPushButton], most: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons = buttons
        self.most = most
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        for button in buttons:
            button.setParent(self)
        self._place(most)

    def cell(self) -> int:
        """The width every column needs: the widest button's text and frame."""
        return max(button.sizeHint().width() for button in self.buttons)

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        return max(1, min(self.most, (width + spacing) // (self.cell() + spacing)))

    def _place(self, columns: int) -> None:
        """Lay the buttons out in ``columns``; the minimum size follows (the widest text,
        and the rows' height), so the panel never squeezes a button below its text."""
        if columns != self.columns:
            self.columns = columns
            for button in self.buttons:
                self.grid.removeWidget(button)
            for position, button in enumerate(self.buttons):
                self.grid.addWidget(button, position // columns, position % columns)
            for column in range(self.most):
                self.grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self.buttons) // columns)
        row = max(button.sizeHint().height() for button in self.buttons)
        wanted = QSize(self.cell(), rows * row + (rows - 1) * self.grid.verticalSpacing())
        if wanted != self.minimumSize():
            self.setMinimumSize(wanted)

    def sizeHint(self) -> QSize:
        spacing = self.grid.horizontalSpacing()
        return QSize(self.most * self.cell() + (self.most - 1) * spacing, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(self.columns_for(self.width()))
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a new text (Copy to my kits), a font
            self._place(self.columns_for(self.width()))
        return super().event(event)
