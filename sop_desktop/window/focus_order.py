"""Where the keyboard goes: Tab follows the eye (search, results, the chosen resource's
actions, the filters, then Sync); ``visible_style`` shows where it is."""

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from sop_desktop.panels.detail_pane import DetailPane
from sop_desktop.panels.filter_panel import FilterPanel
from sop_desktop.panels.results_view import ResultsView


def set_tab_order(
    window: QWidget,
    search_field: QLineEdit,
    results: ResultsView,
    details: DetailPane,
    filters: FilterPanel,
    sync_button: QPushButton,
) -> None:
    details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chain = [
        search_field,
        results,
        details.open_button,
        details.present_button,
        details.favorite_button,
        details.offline_button,
        details.save_button,
        details.print_button,
        filters.tree,
        filters.clear_button,
        sync_button,
    ]
    for first, second in itertools.pairwise(chain):
        window.setTabOrder(first, second)
