"""Reading a word's postings from Whoosh's blocks as arrays: document numbers and weights.

Whoosh hands out postings one at a time through Python matchers, which is most of the cost of
a query on a large library (a common word is in most resources). Read as arrays, a posting
list is scored with a few array operations instead. This reads Whoosh's posting blocks
(``whoosh-reloaded`` is pinned for that); if they ever change, ``decode`` walks Whoosh's own
matcher instead, slower but the same numbers.
"""

from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from pickle import UnpicklingError, loads
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import formats, query
from whoosh.matching.wrappers import FilterMatcher

Ids = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
#: A word's documents, how many positions it has in each, and the positions in document order.
WordPositions = tuple[Ids, Ids, Ids]


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


def positions_of(leaf: Any, fieldname: str, text: str) -> WordPositions | None:
    """Every position of a word in the segment ``leaf``: its documents, how many positions
    each has, and the positions in document order; None when Whoosh's blocks are not laid
    out as this module expects."""
    try:
        if type(leaf.schema[fieldname].format) is not formats.Positions:
            return None
        ids, values = _with_positions(leaf, fieldname, text)
        return (ids, *_all_positions(values))
    except (_Unreadable, AttributeError, IndexError, TypeError, ValueError, UnpicklingError):
        return None


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
    try:
        if type(leaf.schema[fieldname].format) is not formats.Positions:
            raise _Unreadable
        lists: list[WordPositions | tuple[Ids, list[bytes]]] = []
        for term in terms:
            kept = stored(term)
            lists.append(kept if kept is not None else _with_positions(leaf, fieldname, term))
        common = lists[0][0]
        for found in lists[1:]:
            common = np.intersect1d(common, found[0], assume_unique=True)
        positions = []
        for found in lists:
            if len(found) == 3:
                positions.append(_select(found, common))
            else:
                ids, values = found
                chosen = np.searchsorted(ids, common).tolist()
                positions.append(_all_positions([values[i] for i in chosen]))
        return _phrase_in(common, positions)
    except (_Unreadable, AttributeError, IndexError, TypeError, ValueError, UnpicklingError):
        phrase = query.Phrase(fieldname, list(terms))  # Whoosh's blocks changed: its own way
        return np.fromiter(leaf_searcher.docs_for_query(phrase), dtype=np.int64)
