"""Every result reachable: scrolling to the end of a complete answer loads the next page, with
the same ranking, below what is shown (the window asks for 60 results at a time)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from sop_desktop.controllers.search_controller import SearchOutcome

if TYPE_CHECKING:
    from sop_desktop.window.main_window import MainWindow


class ResultPaging(QObject):
    """Watches the results list's scroll bar and appends the pages that come back."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        window.search.more_answered.connect(self._append)
        window.results.verticalScrollBar().valueChanged.connect(lambda _: self.maybe_more())

    def maybe_more(self) -> bool:
        """At the end of a complete answer that has more results: ask for the next page."""
        window = self.window
        outcome, bar = window.last_outcome, window.results.verticalScrollBar()
        if outcome is None or outcome.quick or outcome.browsing or bar.value() < bar.maximum():
            return False
        # A row stands for the translations folded into it: they are not asked for again.
        shown = [*(row.resource.id for row in window.results_model.rows), *outcome.folded]
        return len(shown) < outcome.total and window.search.load_more(shown)

    def _append(self, outcome: SearchOutcome) -> None:
        if self.window.last_outcome is not None:
            self.window.last_outcome.folded += outcome.folded
        self.window.results_model.append_rows(outcome.rows)
        # A page that did not reach below the view (or was all translations of rows shown)
        # leaves the scroll bar at its end: no scrolling would ask again, so ask now.
        QTimer.singleShot(0, self.maybe_more)
