"""Search as you type, off the GUI thread, with the newest answer always winning.

Each keystroke runs a quick search (titles, tools and labels first; see ``LibrarySearch``); a
pause of ``PAUSE_MS`` runs the complete search with facet counts. Searches run one at a time on
a private single-thread pool; an answer to an older keystroke is dropped. With an empty query
the window is a library to browse: the scope (everything, favorites, recently viewed, what's
new) narrowed by the filters, counted here from the catalog.
"""

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from resources_index.catalog import Manifest, Resource
from resources_index.library import Library
from resources_index.search import LibrarySearch, ResultRow
from resources_index.search_index import FACETS
from sop_desktop.workers import run_task

PAUSE_MS = 300
SEARCH_LIMIT = 60
SCOPES = ("all", "favorites", "recent", "new")

Filters = dict[str, list[str]]


@dataclass
class SearchOutcome:
    """One answer for the results list and the filter panel."""

    generation: int
    query: str
    rows: list[ResultRow] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    corrected: bool = False
    quick: bool = False
    browsing: bool = False
    elapsed_ms: float = 0.0


def _facet_values(resource: Resource, name: str) -> Sequence[str]:
    value = getattr(resource, name)
    return value if isinstance(value, tuple) else (value,)


def _matches(resource: Resource, filters: Filters) -> bool:
    return all(
        not values or any(v in values for v in _facet_values(resource, name))
        for name, values in filters.items()
    )


def count_facets(resources: Sequence[Resource], filters: Filters) -> dict[str, dict[str, int]]:
    """Counts per facet value. Each facet is counted over the resources that pass the *other*
    facets' filters, so choosing one type still shows how many of each other type there are
    (choices within a facet widen, across facets narrow)."""
    counts: dict[str, dict[str, int]] = {}
    for name in FACETS:
        others = {k: v for k, v in filters.items() if k != name}
        counter: Counter[str] = Counter()
        for resource in resources:
            if _matches(resource, others):
                counter.update(_facet_values(resource, name))
        counts[name] = dict(counter.most_common())
    return counts


class SearchController(QObject):
    """Owns the library's search index and answers the window's queries."""

    answered = Signal(object)  # SearchOutcome
    failed = Signal(str, str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.search = LibrarySearch(library)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self.query = ""
        self.filters: Filters = {}
        self.scope = "all"
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(lambda: self._run(quick=False))

    # -- what the window asks ------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        if text == self.query:
            return
        self.query = text
        if text.strip():
            self._run(quick=True)
            self.pause.start()
        else:
            self.pause.stop()
            self._run(quick=False)

    def set_filters(self, filters: Filters) -> None:
        self.filters = {k: list(v) for k, v in filters.items() if v}
        self.pause.stop()
        self._run(quick=False)

    def set_scope(self, scope: str) -> None:
        self.scope = scope if scope in SCOPES else "all"
        self.pause.stop()
        self._run(quick=False)

    def rerun(self) -> None:
        """Search again (after a sync, or a favorite changed)."""
        self.pause.stop()
        self._run(quick=False)

    def close(self) -> None:
        self.pause.stop()
        self.pool.waitForDone(10_000)
        self.search.close()

    # -- off the GUI thread --------------------------------------------------------------------

    def _run(self, quick: bool) -> None:
        self.generation += 1
        run_task(
            self._answer,
            self.generation,
            self.query,
            dict(self.filters),
            self.scope,
            quick,
            on_done=self._deliver,
            on_error=self.failed.emit,
            pool=self.pool,
        )

    def _answer(
        self, generation: int, text: str, filters: Filters, scope: str, quick: bool
    ) -> SearchOutcome:
        if generation != self.generation:  # a newer keystroke is already queued
            return SearchOutcome(generation, text)
        began = time.perf_counter()
        manifest = self.library.current()
        outcome = SearchOutcome(generation, text, quick=quick)
        if manifest is not None:
            if text.strip():
                self._search(outcome, manifest, filters, scope, quick)
            else:
                self._browse(outcome, manifest, filters, scope)
        outcome.elapsed_ms = (time.perf_counter() - began) * 1000
        return outcome

    def _scope_ids(self, scope: str) -> list[str] | None:
        state = self.library.state
        if scope == "favorites":
            return state.favorites()
        if scope == "recent":
            return state.recently_viewed()
        if scope == "new":
            changes = json.loads(state.get("last_changes") or "{}")
            return list(changes.get("added", [])) + list(changes.get("changed", []))
        return None

    def _search(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str, quick: bool
    ) -> None:
        rows, results = self.search.search(
            outcome.query,
            filters,
            limit=SEARCH_LIMIT,
            as_you_type=True,
            facets=not quick,
            quick=quick,
        )
        scoped = self._scope_ids(scope)
        if scoped is not None:
            keep = set(scoped)
            rows = [row for row in rows if row.resource.id in keep]
        outcome.rows = rows
        outcome.total = results.total if scoped is None else len(rows)
        outcome.facets = results.facets
        outcome.suggestion = results.suggestion
        outcome.corrected = results.corrected
        outcome.quick = results.quick

    def _browse(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str
    ) -> None:
        scoped = self._scope_ids(scope)
        if scoped is None:
            pool = sorted(manifest.resources, key=lambda r: r.title.casefold())
        else:
            pool = [manifest.by_id[rid] for rid in scoped if rid in manifest.by_id]
        chosen = [r for r in pool if _matches(r, filters)]
        outcome.browsing = True
        outcome.rows = [ResultRow(r, 0.0, "", None) for r in chosen]
        outcome.total = len(chosen)
        outcome.facets = count_facets(pool, filters)

    def _deliver(self, outcome: SearchOutcome) -> None:
        if outcome.generation == self.generation:
            self.answered.emit(outcome)
