"""Reading a word's postings from Whoosh's blocks as arrays: document numbers and weights.

Whoosh hands out postings one at a time through Python matchers, which is most of the cost of
a query on a large library (a common word is in most resources). Read as arrays, a posting
list is scored with a few array operations instead. This reads Whoosh's posting blocks
(``whoosh-reloaded`` is pinned for that); if they ever change, ``decode`` walks Whoosh's own
matcher instead, slower but the same numbers.
"""

from collections.abc import Iterator, Sequence
from itertools import accumulate
from pickle import loads
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import formats, query
from whoosh.matching.wrappers import FilterMatcher

Ids = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def _blocks(matcher: Any) -> Iterator[tuple[Ids, Any]]:
    """Each block of a whoosh3 posting list: its document numbers and its data as stored
    (document gaps, weights, values)."""
    while not matcher._atend:
        matcher._read_data()
        data = matcher._data
        if matcher._byteids:
            yield np.asarray(data[0], dtype=np.int64), data
        else:
            yield np.cumsum(np.asarray(data[0], dtype=np.int64)), data
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)


def _from_blocks(matcher: Any) -> tuple[Ids, Floats]:
    """Every block of a whoosh3 posting list, decoded with array operations."""
    ids: list[Ids] = []
    weights: list[Floats] = []
    for block_ids, data in _blocks(matcher):
        count, block_weights = len(block_ids), data[1]
        if block_weights is None:
            weights.append(np.ones(count))
        elif isinstance(block_weights, float):
            weights.append(np.full(count, block_weights))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float64))
        ids.append(block_ids)
    if not ids:
        return np.empty(0, np.int64), np.empty(0)
    return np.concatenate(ids), np.concatenate(weights)


def _from_matcher(matcher: Any) -> tuple[Ids, Floats]:
    """The portable way, one posting at a time."""
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)


def decode(leaf: Any, fieldname: str, text: str) -> tuple[Ids, Floats]:
    """The postings of a word the segment ``leaf`` holds, deleted documents included."""
    matcher = leaf.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):  # deletions: masked by the caller
        matcher = matcher.child
    try:
        return _from_blocks(matcher)
    except (AttributeError, IndexError, TypeError):  # Whoosh's blocks changed
        return _from_matcher(leaf.postings(fieldname, text))


def _with_positions(leaf: Any, fieldname: str, text: str) -> tuple[Ids, list[bytes]]:
    """A word's document numbers and, for each, its positions still encoded."""
    matcher = leaf.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids: list[Ids] = []
    values: list[bytes] = []
    for block_ids, data in _blocks(matcher):
        ids.append(block_ids)
        values.extend(data[2])
    return (np.concatenate(ids) if ids else np.empty(0, np.int64)), values


def _positions(value: bytes) -> Iterator[int]:
    """Whoosh's ``Positions.decode_positions``, summed in C: a common word stands hundreds
    of times in a long guide."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(value[4:]))


def phrase_documents(leaf_searcher: Any, fieldname: str, terms: Sequence[str]) -> Ids:
    """The documents of one segment holding ``terms`` one after another (Whoosh's phrase
    with slop 1). Only documents holding every word have their positions read."""
    leaf = leaf_searcher.reader()
    try:
        lists = [_with_positions(leaf, fieldname, term) for term in terms]
        common = lists[0][0]
        for ids, _ in lists[1:]:
            common = np.intersect1d(common, ids, assume_unique=True)
        where = [np.searchsorted(ids, common).tolist() for ids, _ in lists]
        fmt = leaf.schema[fieldname].format
        positions = _positions if type(fmt) is formats.Positions else fmt.decode_positions
        kept = []
        for k, doc in enumerate(common.tolist()):
            starts = set(positions(lists[0][1][where[0][k]]))
            for offset in range(1, len(lists)):
                following = positions(lists[offset][1][where[offset][k]])
                starts &= {p - offset for p in following}
                if not starts:
                    break
            if starts:
                kept.append(doc)
        return np.asarray(kept, dtype=np.int64)
    except (AttributeError, IndexError, TypeError):  # Whoosh's blocks changed
        phrase = query.Phrase(fieldname, list(terms))
        return np.fromiter(leaf_searcher.docs_for_query(phrase), dtype=np.int64)
