"""The line above the results that says what narrows them (a scope such as "Recently
viewed", remembered from the last run, and any filter), with "Clear filters" beside it: the
sidebar may be on its Kits tab or scrolled away, and results that look few or none must say
why where they are shown."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sop_desktop.accessible import caption
from sop_desktop.panels.filter_panel import FilterPanel


class NarrowingBar(QWidget):
    """Shown only while the results are narrowed; its button clears the scope and filters."""

    def __init__(self, filters: FilterPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters = filters
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        caption(self.label, self.tr("What the results are narrowed to"))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setToolTip(self.tr("Show results from the whole library"))
        self.clear_button.clicked.connect(filters.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setObjectName("narrowingBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#narrowingBar { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 4px; }"
        )
        filters.narrowing_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        parts = self.filters.narrowing()
        self.label.setText(self.tr("Showing only: {0}").format(" · ".join(parts)))
        self.setVisible(bool(parts))
