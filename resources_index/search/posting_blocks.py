"""Reading a word's postings from Whoosh's blocks as arrays: document numbers and weights.

Whoosh hands out postings one at a time through Python matchers, which is most of the cost of
a query on a large library (a common word is in most resources). Read as arrays, a posting
list is scored with a few array operations instead. This reads Whoosh's posting blocks
(``whoosh-reloaded`` is pinned for that); if they ever change, ``decode`` walks Whoosh's own
matcher instead, slower but the same numbers.
"""

from collections.abc import Iterator, Sequence
from itertools import chain
from pickle import UnpicklingError, loads
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


class _Unreadable(Exception):
    """Whoosh's position bytes are not laid out as this module expects."""


def _all_positions(values: Sequence[bytes]) -> tuple[Ids, Ids]:
    """The positions of many postings at once: how many each has, and all of them in order.

    Each value is a length and a pickled list of gaps; the lists are unpickled in one call
    (one pickle that builds the list of them) instead of one call per posting, which is most
    of the time a phrase of common words takes."""
    inner = []
    for value in values:
        body = value[4:]
        if body[:2] != b"\x80\x02":
            raise _Unreadable
        inner.append(body[2:-1] if body.endswith(b".") else body[2:])
    lists = loads(b"\x80\x02(" + b"".join(inner) + b"l.")
    if len(lists) != len(values):
        raise _Unreadable
    counts = np.fromiter((len(gaps) for gaps in lists), dtype=np.int64, count=len(lists))
    gaps = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
    summed = np.cumsum(gaps)
    before = np.concatenate(([0], summed))[np.cumsum(counts) - counts]  # sum before each list
    return counts, summed - np.repeat(before, counts)


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


def phrase_documents(leaf_searcher: Any, fieldname: str, terms: Sequence[str]) -> Ids:
    """The documents of one segment holding ``terms`` one after another (Whoosh's phrase
    with slop 1). Only documents holding every word have their positions read."""
    leaf = leaf_searcher.reader()
    try:
        lists = [_with_positions(leaf, fieldname, term) for term in terms]
        common = lists[0][0]
        for ids, _ in lists[1:]:
            common = np.intersect1d(common, ids, assume_unique=True)
        if type(leaf.schema[fieldname].format) is not formats.Positions:
            raise _Unreadable
        positions = [
            _all_positions([values[i] for i in np.searchsorted(ids, common).tolist()])
            for ids, values in lists
        ]
        return _phrase_in(common, positions)
    except (_Unreadable, AttributeError, IndexError, TypeError, ValueError, UnpicklingError):
        phrase = query.Phrase(fieldname, list(terms))  # Whoosh's blocks changed: its own way
        return np.fromiter(leaf_searcher.docs_for_query(phrase), dtype=np.int64)
