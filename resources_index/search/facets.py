"""Counting results per facet value (type, publisher, practice element, audience, language)."""

from collections.abc import Iterable, Sequence
from typing import Any

from resources_index.search.schema import FACETS


class FacetCounter:
    """Facet counts over one index reader, whose postings per value are read once."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._postings: dict[str, dict[str, frozenset[int]]] | None = None

    def _values(self) -> dict[str, dict[str, frozenset[int]]]:
        if self._postings is None:
            reader = self.reader
            self._postings = {
                name: {
                    (t.decode() if isinstance(t, bytes) else t): frozenset(
                        reader.postings(name, t).all_ids()
                    )
                    for t in reader.field_terms(name)
                }
                for name in FACETS
            }
        return self._postings

    def counts(
        self, docnums: Iterable[int], filters: dict[str, Sequence[str]]
    ) -> dict[str, dict[str, int]]:
        """Counts per facet value among ``docnums``, each facet restricted by the *other*
        facets' filters (choices widen within a facet, narrow across them)."""
        everything = set(docnums)
        postings = self._values()
        chosen: dict[str, set[int]] = {}
        for name, picked in filters.items():
            if name in postings and picked:
                chosen[name] = set().union(*(postings[name].get(v, ()) for v in picked))
        counts = {}
        for name, values in postings.items():
            matched = everything
            for other, docs in chosen.items():
                if other != name:
                    matched = matched & docs
            found = {value: len(matched & docs) for value, docs in values.items()}
            counts[name] = {k: v for k, v in sorted(found.items(), key=lambda kv: -kv[1]) if v}
        return counts
