"""Collecting hits within a time budget *and* a filter (facet choices, a scope).

Whoosh's ``TimeLimitCollector`` runs its own loop over the matches, which bypasses a
``FilterCollector`` wrapped inside it, so an answer while typing ignored the filters (and the
scope). This collector does both in one loop. It reads ``Searcher._filter_to_comb``, one more
reason ``whoosh-reloaded`` is pinned.
"""

from typing import Any

from whoosh import collectors, query
from whoosh.searching import TimeLimit


class TimedFilter(collectors.TimeLimitCollector):
    """Stop at ``budget`` seconds; collect only documents ``restrict`` matches."""

    def __init__(self, child: Any, budget: float, restrict: query.Query | None) -> None:
        super().__init__(child, budget, use_alarm=False)
        self.restrict = restrict
        self._allow: Any = None

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        restrict = self.restrict
        self._allow = top_searcher._filter_to_comb(restrict) if restrict is not None else None

    def collect_matches(self) -> None:
        child, allow, offset = self.child, self._allow, self.offset
        for sub_docnum in child.matches():
            if self.timedout:
                raise TimeLimit
            if allow is None or offset + sub_docnum in allow:
                child.collect(sub_docnum)
        if self.timedout:
            raise TimeLimit
