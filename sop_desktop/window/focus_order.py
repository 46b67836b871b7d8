"""Where the keyboard goes: Tab follows the eye (search, results, the chosen resource's
actions, the filters, then Sync); ``visible_style`` shows where it is."""

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from sop_desktop.window.main_window import MainWindow


def set_tab_order(window: "MainWindow") -> None:
    window.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chain = [
        window.search_field,
        window.results,
        window.details.open_button,
        window.details.present_button,
        window.details.favorite_button,
        window.details.offline_button,
        window.details.save_button,
        window.details.print_button,
        window.filters.tree,
        window.filters.clear_button,
        window.sync_button,
    ]
    for first, second in itertools.pairwise(chain):
        window.setTabOrder(first, second)
