"""The library without a query: scopes (favorites, recently viewed, what's new), filters,
facet counts, and titles matched while the search engine is still loading.

All of it needs only the catalog and the state database, never the index, so the window can
answer from it at once.
"""

import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from resources_index.catalog.model import Manifest
from resources_index.catalog.records import Resource
from resources_index.catalog.vocabulary import FACETS
from resources_index.library.state import StateDB
from resources_index.search.query import fold
from resources_index.search.result_row import ResultRow

SCOPES = ("all", "favorites", "recent", "new")
LIST_FACETS = frozenset({"practice_elements", "audiences"})  # several values per resource

Filters = dict[str, list[str]]


@dataclass
class Listing:
    """Resources to show, how many in all, and the counts for the filter panel."""

    rows: list[ResultRow] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def scope_ids(state: StateDB, scope: str) -> list[str] | None:
    """The resource ids a scope holds, in its own order; None for the whole library."""
    if scope == "favorites":
        return state.favorites()
    if scope == "recent":
        return state.recently_viewed()
    if scope == "new":
        changes = json.loads(state.get("last_changes") or "{}")
        return list(changes.get("added", [])) + list(changes.get("changed", []))
    return None


def _facet_values(resource: Resource, name: str) -> Sequence[str]:
    value = getattr(resource, name)
    return value if isinstance(value, tuple) else (value,)


def matches(resource: Resource, filters: Filters) -> bool:
    """Whether a resource has one of the chosen values of every filtered facet."""
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
        pool = [r for r in resources if matches(r, others)] if others else resources
        read = attrgetter(name)
        if name in LIST_FACETS:
            values: Iterable[str] = itertools.chain.from_iterable(map(read, pool))
        else:
            values = map(read, pool)
        counts[name] = dict(Counter(values).most_common())
    return counts


def browse(
    manifest: Manifest,
    scoped: list[str] | None,
    filters: Filters,
    wanted: Callable[[], bool] = lambda: True,
    language: str = "",
) -> Listing | None:
    """The scope (by title for the whole library, else in its own order) narrowed by the
    filters, with facet counts. The whole library lists the reader's ``language`` first (a
    Spanish interface opens on Spanish resources), each language by title. None as soon as
    ``wanted()`` says the answer is no longer needed (typing began): sorting a large library
    is the costly step."""
    if scoped is None:
        pool = sorted(
            manifest.resources, key=lambda r: (r.language != language, r.title.casefold())
        )
        if not wanted():
            return None
    else:
        pool = [manifest.by_id[rid] for rid in scoped if rid in manifest.by_id]
    chosen = [r for r in pool if matches(r, filters)] if filters else pool
    return Listing(
        [ResultRow(r, 0.0, "", None) for r in chosen], len(chosen), count_facets(pool, filters)
    )


class TitleMatcher:
    """Titles holding every word typed: the first answers of a session, while the search
    engine loads. Titles are folded (lower case, no accents) once per catalog."""

    def __init__(self) -> None:
        self._for: Manifest | None = None
        self._folded: list[str] = []

    def _titles(self, manifest: Manifest) -> list[str]:
        if self._for is not manifest:
            self._folded = [
                t.casefold() if t.isascii() else fold(t)
                for t in (r.title for r in manifest.resources)
            ]
            self._for = manifest
        return self._folded

    def match(
        self, manifest: Manifest, text: str, scoped: list[str] | None, filters: Filters, limit: int
    ) -> Listing:
        words = fold(text).split()
        keep = set(scoped) if scoped is not None else None
        rows = [
            ResultRow(resource, 0.0, "", None)
            for resource, title in zip(manifest.resources, self._titles(manifest), strict=True)
            if all(word in title for word in words)
            and (keep is None or resource.id in keep)
            and matches(resource, filters)
        ]
        rows.sort(key=lambda row: row.resource.title.casefold())
        return Listing(rows[:limit], len(rows))
