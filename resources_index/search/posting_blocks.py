"""Reading a word's postings from Whoosh's blocks as arrays: document numbers and weights.

Whoosh hands out postings one at a time through Python matchers, which is most of the cost of
a query on a large library (a common word is in most resources). Read as arrays, a posting
list is scored with a few array operations instead. This reads Whoosh's posting blocks
(``whoosh-reloaded`` is pinned for that); if they ever change, ``decode`` walks Whoosh's own
matcher instead, slower but the same numbers.
"""

from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.matching.wrappers import FilterMatcher

Ids = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def _from_blocks(matcher: Any) -> tuple[Ids, Floats]:
    """Every block of a whoosh3 posting list, decoded with array operations."""
    ids: list[Ids] = []
    weights: list[Floats] = []
    while not matcher._atend:
        matcher._read_data()
        deltas, block_weights = matcher._data[0], matcher._data[1]
        block_ids = np.cumsum(np.asarray(deltas, dtype=np.int64))
        if matcher._byteids:
            block_ids = np.asarray(deltas, dtype=np.int64)
        count = len(block_ids)
        if block_weights is None:
            ids_weights = np.ones(count)
        elif isinstance(block_weights, float):
            ids_weights = np.full(count, block_weights)
        else:
            ids_weights = np.asarray(block_weights, dtype=np.float64)
        ids.append(block_ids)
        weights.append(ids_weights)
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
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
