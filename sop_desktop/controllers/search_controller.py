"""Search as you type, off the GUI thread, with the newest answer always winning.

Each keystroke runs a quick search (titles, tools and labels first; see ``LibrarySearch``); a
pause of ``PAUSE_MS`` runs the complete search with facet counts. Searches run one at a time on
a private single-thread pool; an answer to an older keystroke is dropped. With an empty query
the window is a library to browse: the scope (everything, favorites, recently viewed, what's
new) narrowed by the filters, counted here from the catalog.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from resources_index.catalog.model import Manifest
from resources_index.library.library import Library
from resources_index.search.browsing import (
    SCOPES,
    Filters,
    TitleMatcher,
    browse,
    scope_ids,
)
from resources_index.search.result_row import ResultRow
from sop_desktop.i18n import interface_language
from sop_desktop.workers import run_task

if TYPE_CHECKING:
    from resources_index.search.library_search import LibrarySearch

PAUSE_MS = 300
SEARCH_LIMIT = 60


def searched_filters(filters: Filters) -> dict[str, Sequence[str]]:
    """The filters as the search takes them (it reads the values, never adds to them)."""
    return dict(filters)


def reader_language() -> str:
    """The interface's language ("en", "es"): of a resource and its translation, the one
    shown first when the words typed could be either language."""
    return interface_language()


@dataclass
class SearchOutcome:
    """One answer for the results list and the filter panel."""

    generation: int
    query: str
    rows: list[ResultRow] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True  # False: an estimate (a quick answer while typing)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    corrected: bool = False
    unmatched: tuple[str, ...] = ()  # words no resource has; the rows have the others
    quick: bool = False
    browsing: bool = False
    elapsed_ms: float = 0.0
    filters: dict[str, list[str]] = field(default_factory=dict)
    scope: str = "all"
    folded: list[str] = field(default_factory=list)  # hits shown on a translation's row
    index_lost: bool = False  # the index was found damaged: titles answered, a rebuild is due
    # A complete answer that found nothing in a narrowed scope: how many the whole library has.
    everywhere: int | None = None


class SearchController(QObject):
    """Owns the library's search index and answers the window's queries."""

    answered = Signal(object)  # SearchOutcome
    more_answered = Signal(object)  # SearchOutcome: the next page of the answer shown
    indexing = Signal(int, int)  # resources indexed so far, in all (a build on this laptop)
    failed = Signal(str, str)  # sentence, details: once while the same failure lasts

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
        self._titles = TitleMatcher()
        self.loading_more = False
        self.query = ""
        self.filters: Filters = {}
        self.scope = "all"
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(lambda: self._run(quick=False))
        # The failure said last, until an answer comes: a library that cannot be read fails
        # every keystroke's search alike, and is said once, not once per letter typed.
        self.failure_said: str | None = None

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
            on_error=self._failed,
            pool=None if browsing or titles_only else self.pool,
        )

    def warm_up(self) -> None:
        """Load the search engine and open the index now, before the first keystroke; until
        it is ready, what is typed is matched against titles."""
        self.warming = True
        run_task(
            lambda progress: self.search.refresh(progress),
            on_done=self._engine_loaded,
            on_error=self._failed,
            on_progress=lambda done_total: self.indexing.emit(*done_total),
            pool=self.pool,
        )

    def catalog_changed(self) -> None:
        """The catalog was replaced outside a sync (an import, the starter filling an empty
        library): bring the index up to date on the search thread, then answer again."""
        run_task(
            lambda: self.search.refresh(),
            on_done=lambda _: self.rerun(),
            on_error=self._failed,
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
                self._titles_answer(outcome, manifest, filters, scope)
            elif text.strip():
                self._search(outcome, manifest, filters, scope, quick)
            else:
                self._browse(outcome, manifest, filters, scope)
        outcome.elapsed_ms = (time.perf_counter() - began) * 1000
        return outcome

    def _search(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str, quick: bool
    ) -> None:
        rows, results = self.search.search(
            outcome.query,
            searched_filters(filters),
            limit=SEARCH_LIMIT,
            as_you_type=True,
            facets=not quick,
            quick=quick,
            within=scope_ids(self.library.state, scope),  # counts and hits of the scope
            language=reader_language(),
        )
        if not self.search.index.is_open():
            # Found damaged just now (a disk error, a file another program broke): titles
            # answer, and the index is rebuilt in the background with its progress shown.
            outcome.index_lost = True
            self._titles_answer(outcome, manifest, filters, scope)
            return
        outcome.rows, outcome.folded = rows, list(results.folded)
        outcome.total, outcome.total_exact = results.total, results.total_exact
        outcome.facets = results.facets
        outcome.suggestion = results.suggestion
        outcome.corrected = results.corrected
        outcome.unmatched = results.unmatched
        outcome.quick = results.quick
        if not quick and not rows and (filters or scope != "all"):
            # The same search in the whole library, counted as the list would show it (a
            # resource and its translation one row), so the number said is the number seen.
            _, whole = self.search.search(
                outcome.query,
                {},
                limit=SEARCH_LIMIT,
                as_you_type=True,
                facets=False,
                quick=False,
                language=reader_language(),
            )
            outcome.everywhere = whole.total - len(whole.folded)

    def _titles_answer(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str
    ) -> None:
        """Titles holding every word typed, while the search engine loads."""
        scoped = scope_ids(self.library.state, scope)
        listing = self._titles.match(manifest, outcome.query, scoped, filters, SEARCH_LIMIT)
        outcome.rows, outcome.total, outcome.quick = listing.rows, listing.total, True

    def _browse(
        self, outcome: SearchOutcome, manifest: Manifest, filters: Filters, scope: str
    ) -> None:
        scoped = scope_ids(self.library.state, scope)
        if outcome.generation != self.generation:
            return  # typing began meanwhile: this list would not be shown
        listing = browse(
            manifest,
            scoped,
            filters,
            lambda: outcome.generation == self.generation,
            language=reader_language(),
        )
        if listing is None or outcome.generation != self.generation:
            return
        outcome.browsing = True
        outcome.rows, outcome.total, outcome.facets = listing.rows, listing.total, listing.facets

    def load_more(self, shown: list[str]) -> bool:
        """Ask for the page after ``shown`` (the ids of the complete answer on screen), with
        the same ranking; the rows shown are neither searched for passages again nor
        replaced. False when a page is already on its way."""
        if self.loading_more:
            return False
        self.loading_more = True
        run_task(
            self._more,
            self.delivered,
            self.query,
            dict(self.filters),
            self.scope,
            list(shown),
            on_done=self._deliver_more,
            on_error=self._failed,
            pool=self.pool,
        )
        return True

    def _more(
        self, generation: int, text: str, filters: Filters, scope: str, shown: list[str]
    ) -> SearchOutcome:
        rows, results = self.search.search(
            text,
            searched_filters(filters),
            limit=len(shown) + SEARCH_LIMIT,
            as_you_type=True,
            quick=False,
            within=scope_ids(self.library.state, scope),
            skip=frozenset(shown),
            language=reader_language(),
        )
        return SearchOutcome(
            generation,
            text,
            rows,
            results.total,
            filters=filters,
            scope=scope,
            folded=list(results.folded),
        )

    def _failed(self, sentence: str, details: str) -> None:
        if sentence != self.failure_said:
            self.failure_said = sentence
            self.failed.emit(sentence, details)

    def _deliver_more(self, outcome: SearchOutcome) -> None:
        self.loading_more = False
        if outcome.generation == self.delivered:  # still the answer on screen
            self.more_answered.emit(outcome)

    def _deliver(self, outcome: SearchOutcome) -> None:
        """Show an answer unless a newer one was shown, or it answers another question (an
        answer to the current text still shows while the complete one is being prepared)."""
        if outcome.index_lost and self.engine_ready:
            self.engine_ready = False  # titles answer until the rebuild below is done
            self.warm_up()
        if outcome.generation <= self.delivered:
            return
        current = (
            outcome.query == self.query
            and outcome.filters == self.filters
            and outcome.scope == self.scope
        )
        if outcome.generation == self.generation or current:
            self.delivered = outcome.generation
            self.failure_said = None
            self.answered.emit(outcome)
