"""Search as you type, off the GUI thread, with the newest answer always winning.

Each keystroke runs a quick search (titles, tools and labels first; see ``LibrarySearch``); a
pause of ``PAUSE_MS`` runs the complete search with facet counts. Searches run one at a time on
a private single-thread pool; an answer to an older keystroke is dropped. With an empty query
the window is a library to browse: the scope (everything, favorites, recently viewed, what's
new) narrowed by the filters, counted here from the catalog.
"""

import itertools
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from resources_index.catalog.model import Manifest
from resources_index.catalog.records import Resource
from resources_index.catalog.vocabulary import FACETS
from resources_index.library.library import Library
from resources_index.search.query import fold
from resources_index.search.result_row import ResultRow
from sop_desktop.workers import run_task

if TYPE_CHECKING:
    from resources_index.search.library_search import LibrarySearch

PAUSE_MS = 300
SEARCH_LIMIT = 60
SCOPES = ("all", "favorites", "recent", "new")

Filters = dict[str, list[str]]
LIST_FACETS = frozenset({"practice_elements", "audiences"})  # several values per resource


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
    filters: dict[str, list[str]] = field(default_factory=dict)
    scope: str = "all"


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
        others = {k: v for k, v in filters.items() if k != name and v}
        pool = [r for r in resources if _matches(r, others)] if others else resources
        read = attrgetter(name)
        if name in LIST_FACETS:
            values: Iterable[str] = itertools.chain.from_iterable(map(read, pool))
        else:
            values = map(read, pool)
        counts[name] = dict(Counter(values).most_common())
    return counts


class SearchController(QObject):
    """Owns the library's search index and answers the window's queries."""

    answered = Signal(object)  # SearchOutcome
    failed = Signal(str, str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        # The search engine is loaded by the first search, on the worker thread: the window
        # appears without waiting for it.
        self._engine: LibrarySearch | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self.delivered = 0
        self.engine_ready = False
        self.warming = False
        self._titles_for: Manifest | None = None
        self._folded: list[str] = []
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
        if self._engine is not None:
            self._engine.close()

    @property
    def search(self) -> "LibrarySearch":
        if self._engine is None:
            from resources_index.search.library_search import LibrarySearch

            self._engine = LibrarySearch(self.library)
        return self._engine

    # -- off the GUI thread --------------------------------------------------------------------

    def _run(self, quick: bool) -> None:
        self.generation += 1
        # Browsing, and matching titles while the engine is still loading, need only the
        # catalog: they run beside the search thread instead of waiting behind it.
        browsing = not self.query.strip()
        titles_only = not browsing and not self.engine_ready
        run_task(
            self._answer,
            self.generation,
            self.query,
            dict(self.filters),
            self.scope,
            quick,
            titles_only,
            on_done=self._deliver,
            on_error=self.failed.emit,
            pool=None if browsing or titles_only else self.pool,
        )

    def warm_up(self) -> None:
        """Load the search engine and open the index now, before the first keystroke; until
        it is ready, what is typed is matched against titles."""
        self.warming = True
        run_task(
            lambda: self.search.refresh(),
            on_done=self._engine_loaded,
            on_error=self.failed.emit,
            pool=self.pool,
        )

    def _engine_loaded(self, _: object) -> None:
        self.engine_ready = True
        if self.query.strip():
            # Typing paused already (its complete answer came from titles only): answer
            # completely now; still typing: a quick answer, the pause brings the complete one.
            self._run(quick=self.pause.isActive())

    def _answer(
        self,
        generation: int,
        text: str,
        filters: Filters,
        scope: str,
        quick: bool,
        titles_only: bool = False,
    ) -> SearchOutcome:
        if generation != self.generation and text != self.query:  # typing went on meanwhile
            return SearchOutcome(generation, text, filters=filters, scope=scope)
        began = time.perf_counter()
        manifest = self.library.current()
        outcome = SearchOutcome(generation, text, quick=quick, filters=filters, scope=scope)
        if manifest is not None:
            if text.strip() and titles_only:
                self._titles(outcome, manifest, filters, scope)
            elif text.strip():
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

    def _titles(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str
    ) -> None:
        """Titles holding every word typed (the last one as a prefix): the first answers of a
        session, shown while the search engine loads."""
        words = fold(outcome.query).split()
        folded = self._folded_titles(manifest)
        scoped = self._scope_ids(scope)
        keep = set(scoped) if scoped is not None else None
        rows = []
        for resource, title in zip(manifest.resources, folded, strict=True):
            if (
                all(word in title for word in words)
                and (keep is None or resource.id in keep)
                and _matches(resource, filters)
            ):
                rows.append(ResultRow(resource, 0.0, "", None))
        rows.sort(key=lambda row: row.resource.title.casefold())
        outcome.rows = rows[:SEARCH_LIMIT]
        outcome.total = len(rows)
        outcome.quick = True

    def _folded_titles(self, manifest: Manifest) -> list[str]:
        """Titles in lower case without accents, kept per catalog (most are plain ASCII)."""
        if self._titles_for is not manifest:
            self._folded = [
                t.casefold() if t.isascii() else fold(t)
                for t in (r.title for r in manifest.resources)
            ]
            self._titles_for = manifest
        return self._folded

    def _browse(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str
    ) -> None:
        scoped = self._scope_ids(scope)
        if outcome.generation != self.generation:
            return  # typing began meanwhile: this list would not be shown
        if scoped is None:
            pool = sorted(manifest.resources, key=lambda r: r.title.casefold())
            if outcome.generation != self.generation:
                return  # typing began while it was sorted
        else:
            pool = [manifest.by_id[rid] for rid in scoped if rid in manifest.by_id]
        chosen = [r for r in pool if _matches(r, filters)] if filters else pool
        outcome.browsing = True
        outcome.rows = [ResultRow(r, 0.0, "", None) for r in chosen]
        outcome.total = len(chosen)
        outcome.facets = count_facets(pool, filters)

    def _deliver(self, outcome: SearchOutcome) -> None:
        """Show an answer unless a newer one was shown, or it answers another question (an
        answer to the current text still shows while the complete one is being prepared)."""
        if outcome.generation <= self.delivered:
            return
        current = (
            outcome.query == self.query
            and outcome.filters == self.filters
            and outcome.scope == self.scope
        )
        if outcome.generation == self.generation or current:
            self.delivered = outcome.generation
            self.answered.emit(outcome)
