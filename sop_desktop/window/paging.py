"""Every result reachable: scrolling to the end of a complete answer loads the next page, with
the same ranking, below what is shown (the window asks for 60 results at a time)."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from sop_desktop.controllers.search_controller import SearchController, SearchOutcome
from sop_desktop.panels.results_view import ResultsModel, ResultsView


class ResultPaging(QObject):
    """Watches the results list's scroll bar and appends the pages that come back;
    ``shown_outcome`` is the answer the results show."""

    def __init__(
        self,
        search: SearchController,
        results: ResultsView,
        model: ResultsModel,
        shown_outcome: Callable[[], SearchOutcome | None],
    ) -> None:
        super().__init__(results)
        self.search = search
        self.results = results
        self.model = model
        self.shown_outcome = shown_outcome
        search.more_answered.connect(self._append)
        results.verticalScrollBar().valueChanged.connect(lambda _: self.maybe_more())

    def maybe_more(self) -> bool:
        """At the end of a complete answer that has more results: ask for the next page."""
        outcome, bar = self.shown_outcome(), self.results.verticalScrollBar()
        if outcome is None or outcome.quick or outcome.browsing or bar.value() < bar.maximum():
            return False
        # A row stands for the translations folded into it: they are not asked for again.
        shown = [*(row.resource.id for row in self.model.rows), *outcome.folded]
        return len(shown) < outcome.total and self.search.load_more(shown)

    def _append(self, outcome: SearchOutcome) -> None:
        shown = self.shown_outcome()
        if shown is not None:
            shown.folded += outcome.folded
        self.model.append_rows(outcome.rows)
        # A page that did not reach below the view (or was all translations of rows shown)
        # leaves the scroll bar at its end: no scrolling would ask again, so ask now.
        QTimer.singleShot(0, self.maybe_more)
