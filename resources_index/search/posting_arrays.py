"""A searcher's posting lists as arrays, from the stored arrays or Whoosh's blocks, kept.

Decoded lists are kept (the most recently used, up to ``KEPT_POSTINGS``) for the life of the
searcher or until a new session is asked for, and so are common words' positions
(``posting_positions``), counted against the same budget.
"""

from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from resources_index.search import posting_positions
from resources_index.search.posting_blocks import (
    Floats,
    Ids,
    WordPositions,
    decode,
    phrase_documents,
)
from resources_index.search.posting_positions import StoredPositions
from resources_index.search.posting_store import PHRASES, SUFFIX, StoredPostings

#: Postings (or positions) kept decoded per searcher (about 16 bytes each): the commonest
#: words stay read.
KEPT_POSTINGS = 4_000_000
#: Where positions are kept among the lists.
POSITIONS = "positions:"


class PostingArrays:
    """Posting lists of one searcher's segments as arrays, the most recently used kept.

    Common words come from the arrays stored beside their segment in ``folder``
    (``posting_store``), the others are decoded from Whoosh's blocks."""

    def __init__(self, folder: Path | None = None, kept: int = KEPT_POSTINGS) -> None:
        self._folder = folder
        self._kept = kept
        self._held = 0
        self._lists: OrderedDict[tuple[int, str, str], tuple[Any, ...]] = OrderedDict()
        self._stores: dict[int, StoredPostings | None] = {}
        self._positions: dict[int, StoredPositions | None] = {}

    def _store(self, leaf: Any) -> StoredPostings | None:
        key = id(leaf)
        if key not in self._stores:
            store = None
            if self._folder is not None:
                name = f"{leaf.segment().segment_id()}{SUFFIX}"
                store = StoredPostings(self._folder / name, leaf.doc_count_all())
            self._stores[key] = store
        return self._stores[key]

    def phrase(self, leaf_searcher: Any, fieldname: str, terms: tuple[str, ...]) -> Ids:
        """The documents of one segment holding the phrase (deleted ones perhaps included):
        stored for the acronyms' phrases, otherwise found once and kept."""
        leaf = leaf_searcher.reader()
        key = (id(leaf), PHRASES + fieldname, " ".join(terms))
        found = self._lists.get(key)
        if found is None:
            store = self._store(leaf)
            stored = None if store is None else store.phrase(fieldname, terms)
            if stored is None:
                stored = phrase_documents(
                    leaf_searcher,
                    fieldname,
                    terms,
                    lambda t: self._word_positions(leaf, fieldname, t),
                )
            found = (stored, np.ones(len(stored)))
            self._keep(key, found)
        else:
            self._lists.move_to_end(key)
        docs: Ids = found[0]
        return docs

    def _word_positions(self, leaf: Any, fieldname: str, text: str) -> WordPositions | None:
        """A common word's positions from the segment's positions file, kept; None for a
        word it does not hold (rare words, read from Whoosh's blocks by the caller)."""
        key = (id(leaf), POSITIONS + fieldname, text)
        found = self._lists.get(key)
        if found is not None:
            self._lists.move_to_end(key)
            return found
        if id(leaf) not in self._positions:
            store = None
            if self._folder is not None:
                name = f"{leaf.segment().segment_id()}{posting_positions.SUFFIX}"
                store = StoredPositions(self._folder / name, leaf.doc_count_all())
            self._positions[id(leaf)] = store
        store = self._positions[id(leaf)]
        stored = None if store is None else store.read(fieldname, text)
        if stored is not None:
            self._keep(key, stored)
        return stored

    def forget(self) -> None:
        """Drop the lists read so far (the stored arrays' directories stay: they describe
        the segments, not a session)."""
        self._lists.clear()
        self._held = 0

    def read(self, leaf: Any, fieldname: str, text: str) -> tuple[Ids, Floats] | None:
        """The postings of ``text`` in ``fieldname`` of the segment ``leaf`` (deleted
        documents included: the caller masks them), or None when the segment lacks it."""
        key = (id(leaf), fieldname, text)
        found = self._lists.get(key)
        if found is not None:
            self._lists.move_to_end(key)
            return found
        if not leaf.doc_frequency(fieldname, text):
            return None
        store = self._store(leaf)
        expected = leaf.doc_frequency(fieldname, text)
        found = None if store is None else store.read(fieldname, text, expected)
        if found is None:
            found = decode(leaf, fieldname, text)
        self._keep(key, found)
        return found

    def _keep(self, key: tuple[int, str, str], found: tuple[Any, ...]) -> None:
        """Keep ``found`` (its last array is the longest), dropping the least recently used
        lists beyond the budget."""
        self._lists[key] = found
        self._held += len(found[-1])
        while self._held > self._kept and len(self._lists) > 1:
            _, dropped = self._lists.popitem(last=False)
            self._held -= len(dropped[-1])
