"""What the window remembers between runs: its size, the splitter's columns, the filters and
scope. A size is reused where it fits the screen the window opens on, and otherwise the window
fills the available area; the columns keep their proportions, never below a usable width."""

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt

from resources_index.util import safe_json
from sop_desktop.screen_fit import available_area, frame_allowance

if TYPE_CHECKING:
    from sop_desktop.window.main_window import MainWindow


def restore_state(window: "MainWindow") -> None:
    """Put the window back as it was left; anything unreadable is ignored."""
    state = window.ui_state
    window.resize(remembered_size(state.value("size"), room(window)))
    if str(state.value("maximized", "false")).lower() == "true":
        window.setWindowState(Qt.WindowState.WindowMaximized)
    # The columns are laid out once the window has its final size (see showEvent).
    window.pending_splitter = column_shares(state.value("columns"))
    try:
        filters = _parsed(state.value("filters", "{}"))
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


def _parsed(saved: object) -> object:
    """A value saved as JSON, read as the library's small files are (bounded, never deeper
    than the reader allows): the state file is a text file anyone could edit."""
    return safe_json.parse(str(saved).encode("utf-8"), safe_json.MAX_SMALL_FILE_BYTES)


def save_state(window: "MainWindow") -> None:
    state = window.ui_state
    size = window.normalGeometry().size() if window.isMaximized() else window.size()
    state.setValue("size", f"{size.width()}x{size.height()}")
    state.setValue("maximized", window.isMaximized())
    total = sum(window.splitter.sizes()) or 1
    state.setValue("columns", json.dumps([round(w / total, 4) for w in window.splitter.sizes()]))
    state.setValue("filters", json.dumps(window.filters.selected))
    state.setValue("scope", window.filters.scope)
    state.sync()


#: The narrowest each column stays (filters, results, details) in logical pixels, while the
#: window is wide enough for all three.
COLUMN_MINIMUMS = (180, 300, 240)
DEFAULT_SHARES = (0.2, 0.46, 0.34)
DEFAULT_SIZE = QSize(1280, 800)


def room(window: "MainWindow") -> QSize:
    """The largest inside the window can have on its screen, its frame left around it."""
    area, frame = available_area(window), frame_allowance(window)
    return QSize(
        area.width() - frame.left() - frame.right(), area.height() - frame.top() - frame.bottom()
    )


def remembered_size(saved: object, room: QSize) -> QSize:
    """The size saved as ``WIDTHxHEIGHT`` when it fits ``room``; otherwise (or with none
    saved, or unreadable) the default when it fits, else the whole room."""
    try:
        width, height = (int(part) for part in str(saved).split("x"))
        wanted = QSize(width, height)
    except ValueError:
        wanted = DEFAULT_SIZE
    if wanted.width() < 1 or wanted.height() < 1:
        wanted = DEFAULT_SIZE
    if wanted.width() <= room.width() and wanted.height() <= room.height():
        return wanted
    return room


def column_shares(saved: object) -> tuple[float, ...]:
    """The columns' saved shares of the width (the default shares when unreadable)."""
    try:
        listed = _parsed(saved)
        shares = tuple(float(share) for share in listed) if isinstance(listed, list) else ()
    except (ValueError, TypeError):
        return DEFAULT_SHARES
    if len(shares) != len(DEFAULT_SHARES) or any(share <= 0 for share in shares):
        return DEFAULT_SHARES
    return shares


def column_widths(shares: tuple[float, ...], total: int) -> list[int]:
    """``total`` shared out by ``shares``, each column at least its minimum (the minimums
    shrunk alike when the window is narrower than all of them)."""
    squeeze = min(1.0, total / sum(COLUMN_MINIMUMS))
    minimums = [round(m * squeeze) for m in COLUMN_MINIMUMS]
    whole = sum(shares)
    widths = [
        max(minimum, round(total * share / whole))
        for share, minimum in zip(shares, minimums, strict=True)
    ]
    # Take any excess back from the columns above their minimum, widest first.
    excess = sum(widths) - total
    for index in sorted(range(len(widths)), key=lambda i: widths[i] - minimums[i], reverse=True):
        if excess <= 0:
            break
        taken = min(excess, widths[index] - minimums[index])
        widths[index] -= taken
        excess -= taken
    return widths
