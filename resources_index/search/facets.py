"""Counting results per facet value (type, publisher, practice element, audience, language).

Each value's documents are a mask over the index (read once per reader from the posting
arrays), so counting a value among thousands of matches is one array operation. A resource
and its translations are one row of the list, so they count once (``fold``): a value counts
the rows that choosing it would show.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from resources_index.search.posting_blocks import decode
from resources_index.search.schema import FACETS

Mask = npt.NDArray[np.bool_]


class FacetCounter:
    """Facet counts over one index reader, whose postings per value are read once."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._masks: dict[str, dict[str, Mask]] | None = None
        self._groups: Mapping[str, int] = {}
        self._members: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None = None

    def fold(self, groups: Mapping[str, int]) -> None:
        """Count the resources of one group (a resource and its translations: resource id ->
        group number, for resources with a translation) as one row from now on."""
        self._groups, self._members = groups, None

    def _grouped(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The documents of resources with translations, and each one's group number."""
        if self._members is None:
            docs: list[int] = []
            numbers: list[int] = []
            for rid, number in self._groups.items():
                if self.reader.doc_frequency("id", rid):
                    found = list(self.reader.postings("id", rid).all_ids())
                    docs += found
                    numbers += [number] * len(found)
            self._members = (np.asarray(docs, dtype=np.int64), np.asarray(numbers, np.int64))
        return self._members

    def rows(self, mask: Mask) -> int:
        """How many rows of the list the documents of ``mask`` make: a resource and its
        translations are one."""
        docs, numbers = self._grouped() if self._groups else (None, None)
        if docs is None or numbers is None or not len(docs):
            return int(np.count_nonzero(mask))
        inside = mask[docs]
        folded = len(np.unique(numbers[inside]))
        return int(np.count_nonzero(mask)) - int(np.count_nonzero(inside)) + folded

    def _values(self) -> dict[str, dict[str, Mask]]:
        if self._masks is None:
            reader = self.reader
            size = reader.doc_count_all()
            leaves = reader.leaf_readers()
            self._masks = {}
            for name in FACETS:
                values = self._masks[name] = {}
                for term in reader.field_terms(name):
                    text = term.decode() if isinstance(term, bytes) else str(term)
                    mask = np.zeros(size, dtype=bool)
                    for leaf, offset in leaves:  # deleted documents: never among the matches
                        if leaf.doc_frequency(name, text):
                            mask[decode(leaf, name, text)[0] + offset] = True
                    values[text] = mask
        return self._masks

    def counts(
        self, docnums: Iterable[int], filters: dict[str, Sequence[str]]
    ) -> dict[str, dict[str, int]]:
        """Counts per facet value among ``docnums``, each facet restricted by the *other*
        facets' filters (choices widen within a facet, narrow across them)."""
        masks = self._values()
        everything = np.zeros(self.reader.doc_count_all(), dtype=bool)
        everything[np.fromiter(docnums, dtype=np.int64)] = True
        chosen: dict[str, Mask] = {}
        for name, picked in filters.items():
            if name in masks and picked:
                union = np.zeros_like(everything)
                for value in picked:
                    if value in masks[name]:
                        union |= masks[name][value]
                chosen[name] = union
        counts = {}
        for name, values in masks.items():
            matched = everything.copy()
            for other, docs in chosen.items():
                if other != name:
                    matched &= docs
            found = {value: self.rows(matched & docs) for value, docs in values.items()}
            counts[name] = {k: v for k, v in sorted(found.items(), key=lambda kv: -kv[1]) if v}
        return counts
