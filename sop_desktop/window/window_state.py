"""What the window remembers between runs: its size, the splitter's columns, the filters and
scope. A size is reused where it fits the screen the window opens on, and otherwise the window
fills the available area; the columns keep their proportions, never below a usable width."""

import json

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from resources_index.util import safe_json
from sop_desktop.controllers.search_controller import SearchController
from sop_desktop.panels.filter_panel import FilterPanel
from sop_desktop.screen_fit import available_area, frame_allowance


class WindowState(QObject):
    """Puts ``window`` back as it was left (``restore``) and remembers it (``save``) in
    ``ui_state``: its size, ``splitter``'s columns, the ``filters`` and the scope, which the
    ``search`` starts with."""

    def __init__(
        self,
        window: QMainWindow,
        ui_state: QSettings,
        splitter: QSplitter,
        filters: FilterPanel,
        search: SearchController,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ui_state = ui_state
        self.splitter = splitter
        self.filters = filters
        self.search = search
        #: The columns' shares, laid out once the window is shown at its final size.
        self.pending_columns: tuple[float, ...] | None = None
        window.installEventFilter(self)

    def restore(self) -> None:
        """Put the window back as it was left; anything unreadable is ignored."""
        state, window = self.ui_state, self.window
        window.resize(remembered_size(state.value("size"), room(window)))
        if str(state.value("maximized", "false")).lower() == "true":
            window.setWindowState(Qt.WindowState.WindowMaximized)
        self.pending_columns = column_shares(state.value("columns"))
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
            self.filters.set_filters(clean)
            self.search.filters = self.filters.selected
        self.filters.set_scope(str(state.value("scope", "all")))
        self.search.scope = self.filters.scope

    def save(self) -> None:
        state, window = self.ui_state, self.window
        size = window.normalGeometry().size() if window.isMaximized() else window.size()
        state.setValue("size", f"{size.width()}x{size.height()}")
        state.setValue("maximized", window.isMaximized())
        sizes = self.splitter.sizes()
        total = sum(sizes) or 1
        state.setValue("columns", json.dumps([round(w / total, 4) for w in sizes]))
        state.setValue("filters", json.dumps(self.filters.selected))
        state.setValue("scope", self.filters.scope)
        state.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Once the window is shown at its size, the columns take their remembered shares."""
        shown = watched is self.window and event.type() == QEvent.Type.Show
        if shown and self.pending_columns is not None:
            shares, self.pending_columns = self.pending_columns, None
            QTimer.singleShot(0, lambda: self.lay_out_columns(shares))
        return False

    def lay_out_columns(self, shares: tuple[float, ...]) -> None:
        """The splitter's columns in their remembered proportions, each still usable."""
        total = sum(self.splitter.sizes())
        self.splitter.setSizes(column_widths(shares, total))


#: The narrowest each column stays (filters, results, details) in logical pixels, while the
#: window is wide enough for all three.
COLUMN_MINIMUMS = (180, 300, 240)
DEFAULT_SHARES = (0.2, 0.46, 0.34)
DEFAULT_SIZE = QSize(1280, 800)


def room(window: QWidget) -> QSize:
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


def _parsed(saved: object) -> object:
    """A value saved as JSON, read as the library's small files are (bounded, never deeper
    than the reader allows): the state file is a text file anyone could edit."""
    return safe_json.parse(str(saved).encode("utf-8"), safe_json.MAX_SMALL_FILE_BYTES)


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
