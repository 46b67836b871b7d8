"""The main window's widgets and where they sit: the search field and Sync across the top;
below, the sidebar (Browse or Kits), the results with the lines above them, and the details,
side by side in a splitter. Built once; the window connects them."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resources_index.library.library import Library
from sop_desktop.accessible import caption
from sop_desktop.fonts import enlarged
from sop_desktop.panels.detail_pane import DetailPane
from sop_desktop.panels.filter_panel import FilterPanel
from sop_desktop.panels.kits_panel import KitsPanel
from sop_desktop.panels.results_view import ResultsModel, ResultsView
from sop_desktop.window import focus_order
from sop_desktop.window.narrowing_bar import NarrowingBar


@dataclass
class Widgets:
    """The window's widgets, as ``lay_out`` placed them."""

    search_field: QLineEdit
    sync_button: QPushButton
    count_label: QLabel
    notice: QLabel  # a correction, words nothing has, nothing found
    sync_notice: QLabel  # what the last sync brought
    filters: FilterPanel
    kits: KitsPanel
    side: QTabWidget
    results_model: ResultsModel
    results: ResultsView
    narrowing: NarrowingBar
    details: DetailPane
    splitter: QSplitter


def lay_out(
    window: QMainWindow, library: Library, chosen_location: Callable[[], dict[str, Any] | None]
) -> Widgets:
    """Build ``window``'s widgets in place; ``chosen_location`` is where the resource shown
    in the details was found (the kits add it at that page or time)."""
    field = QLineEdit(window)
    field.setPlaceholderText(
        QCoreApplication.translate(
            "MainWindow", "Search tip sheets, guides, videos and captions (Ctrl+K)"
        )
    )
    field.setAccessibleName(QCoreApplication.translate("MainWindow", "Search"))
    field.setClearButtonEnabled(True)
    field.setFont(enlarged(field.font(), 1.25))
    sync_button = QPushButton(QCoreApplication.translate("MainWindow", "Sync"), window)
    sync_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Sync with the server"))
    sync_button.setToolTip(
        QCoreApplication.translate("MainWindow", "Get new and updated resources (F5)")
    )
    notice = _notice(window, QCoreApplication.translate("MainWindow", "Search notice"))
    sync_notice = _notice(window, QCoreApplication.translate("MainWindow", "Sync result"))
    # A box drawn from the palette, not a style sheet: a sheet's palette(…) and its links'
    # colour stayed those of the appearance it was set under (blue links on black).
    sync_notice.setFrameShape(QFrame.Shape.StyledPanel)
    sync_notice.setAutoFillBackground(True)
    sync_notice.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    sync_notice.setMargin(6)
    sync_notice.hide()
    count_label = QLabel(window)
    caption(count_label, QCoreApplication.translate("MainWindow", "Number of results"))

    filters = FilterPanel(window)
    results_model = ResultsModel(library)
    results = ResultsView(results_model)
    details = DetailPane(library, window)
    results_box = QWidget(window)
    results_layout = QVBoxLayout(results_box)
    results_layout.setContentsMargins(0, 0, 0, 0)
    header = QHBoxLayout()
    header.addWidget(count_label)
    header.addStretch(1)
    results_layout.addLayout(header)
    narrowing = NarrowingBar(filters, results_box)
    results_layout.addWidget(narrowing)
    results_layout.addWidget(sync_notice)
    results_layout.addWidget(notice)
    results_layout.addWidget(results, 1)
    kits = KitsPanel(library, lambda: details.resource, window, chosen_location)
    side = QTabWidget(window)
    side.setAccessibleName(QCoreApplication.translate("MainWindow", "Browse or kits"))
    side.addTab(filters, QCoreApplication.translate("MainWindow", "Browse"))
    side.addTab(kits, QCoreApplication.translate("MainWindow", "Kits"))
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.addWidget(side)
    splitter.addWidget(results_box)
    splitter.addWidget(details)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 3)
    splitter.setStretchFactor(2, 2)
    splitter.setSizes([240, 560, 420])
    splitter.setChildrenCollapsible(False)

    top = QHBoxLayout()
    top.addWidget(field, 1)
    top.addWidget(sync_button)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.addLayout(top)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    focus_order.set_tab_order(window, field, results, details, filters, sync_button)
    return Widgets(
        search_field=field,
        sync_button=sync_button,
        count_label=count_label,
        notice=notice,
        sync_notice=sync_notice,
        filters=filters,
        kits=kits,
        side=side,
        results_model=results_model,
        results=results,
        narrowing=narrowing,
        details=details,
        splitter=splitter,
    )


def _notice(window: QWidget, name: str) -> QLabel:
    """A line of rich text above the results whose links the window follows."""
    label = QLabel(window)
    caption(label, name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setWordWrap(True)
    return label
