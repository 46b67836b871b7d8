"""What the window remembers between runs: its geometry, the splitter, the filters and scope."""

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sop_desktop.window.main_window import MainWindow


def restore_state(window: "MainWindow") -> None:
    """Put the window back as it was left; anything unreadable is ignored."""
    state = window.ui_state
    geometry = state.value("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    # Splitter sizes are restored once the window has its final size (see showEvent).
    window.pending_splitter = state.value("splitter")
    try:
        filters = json.loads(str(state.value("filters", "{}")))
    except ValueError:
        filters = {}
    if isinstance(filters, dict):
        clean = {
            str(k): [str(v) for v in values]
            for k, values in filters.items()
            if isinstance(values, list)
        }
        window.filters.set_filters(clean)
        window.search.filters = window.filters.selected
    window.filters.set_scope(str(state.value("scope", "all")))
    window.search.scope = window.filters.scope


def save_state(window: "MainWindow") -> None:
    state = window.ui_state
    state.setValue("geometry", window.saveGeometry())
    state.setValue("splitter", window.splitter.saveState())
    state.setValue("filters", json.dumps(window.filters.selected))
    state.setValue("scope", window.filters.scope)
    state.sync()
