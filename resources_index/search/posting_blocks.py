"""Reading a word's postings and positions as arrays, and finding a phrase's documents with them.

Whoosh hands out postings one at a time through Python matchers, which is most of the cost of
a query on a large library (a common word is in most resources). Read as arrays, a posting
list is scored with a few array operations instead. The arrays come from Whoosh's posting
blocks through ``whoosh_internals``; if those cannot be read (another Whoosh), Whoosh's own
matcher gives the same numbers, slower.
"""

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from whoosh import query

from resources_index.search.whoosh_internals import Floats as Floats  # the array types
from resources_index.search.whoosh_internals import Ids as Ids
from resources_index.search.whoosh_internals import (
    decode_positions,
    encoded_positions,
    postings,
)

#: A word's documents, how many positions it has in each, and the positions in document order.
WordPositions = tuple[Ids, Ids, Ids]


def decode(leaf: Any, fieldname: str, text: str) -> tuple[Ids, Floats]:
    """The postings of a word the segment ``leaf`` holds, deleted documents included."""
    return postings(leaf, fieldname, text)


def _phrase_in(common: Ids, positions: list[tuple[Ids, Ids]]) -> Ids:
    """Which of ``common`` hold the words at consecutive positions; ``positions`` gives, per
    word, how many positions each document has and the positions themselves."""
    width = max(int(p.max()) if len(p) else 0 for _, p in positions) + len(positions) + 1
    held: Ids | None = None
    for offset, (counts, found) in enumerate(positions):
        # A key per (document, position where the phrase would start): equal keys line up.
        keys = np.repeat(common, counts) * width + found + (len(positions) - offset)
        if held is not None:  # both sorted (documents, then positions, ascend): no sort
            spot = np.minimum(np.searchsorted(held, keys), len(held) - 1)
            keys = keys[held[spot] == keys]
        held = keys
        if not len(held):
            break
    docs = (held if held is not None else common) // width
    return docs[np.concatenate(([True], docs[1:] != docs[:-1]))] if len(docs) else docs


def positions_of(leaf: Any, fieldname: str, text: str) -> WordPositions | None:
    """Every position of a word in the segment ``leaf``: its documents, how many positions
    each has, and the positions in document order; None when Whoosh's blocks cannot be read
    here."""
    found = encoded_positions(leaf, fieldname, text)
    if found is None:
        return None
    ids, values = found
    decoded = decode_positions(values)
    return None if decoded is None else (ids, *decoded)


def _select(found: WordPositions, wanted: Ids) -> tuple[Ids, Ids]:
    """The counts and positions of the documents ``wanted`` (each among ``found``'s)."""
    ids, counts, positions = found
    chosen = np.searchsorted(ids, wanted)
    starts = (np.cumsum(counts) - counts)[chosen]
    kept = counts[chosen]
    shift = np.repeat(starts - (np.cumsum(kept) - kept), kept)
    return kept, positions[np.arange(int(kept.sum())) + shift]


def _no_stored(term: str) -> WordPositions | None:
    return None


def phrase_documents(
    leaf_searcher: Any,
    fieldname: str,
    terms: Sequence[str],
    stored: Callable[[str], WordPositions | None] = _no_stored,
) -> Ids:
    """The documents of one segment holding ``terms`` one after another (Whoosh's phrase
    with slop 1). A word's positions come from ``stored`` when it has them (common words,
    ``posting_positions``); otherwise only the documents holding every word have theirs
    unpickled from Whoosh's blocks."""
    leaf = leaf_searcher.reader()
    lists: list[WordPositions | tuple[Ids, list[bytes]]] = []
    for term in terms:
        kept = stored(term) or encoded_positions(leaf, fieldname, term)
        if kept is None:
            return _whooshs_phrase(leaf_searcher, fieldname, terms)
        lists.append(kept)
    common = lists[0][0]
    for found in lists[1:]:
        common = np.intersect1d(common, found[0], assume_unique=True)
    positions = []
    for found in lists:
        if len(found) == 3:
            positions.append(_select(found, common))
            continue
        ids, values = found
        chosen = np.searchsorted(ids, common).tolist()
        decoded = decode_positions([values[i] for i in chosen])
        if decoded is None:
            return _whooshs_phrase(leaf_searcher, fieldname, terms)
        positions.append(decoded)
    return _phrase_in(common, positions)


def _whooshs_phrase(leaf_searcher: Any, fieldname: str, terms: Sequence[str]) -> Ids:
    """Whoosh's own phrase matching, when its blocks cannot be read here."""
    phrase = query.Phrase(fieldname, list(terms))
    return np.fromiter(leaf_searcher.docs_for_query(phrase), dtype=np.int64)
