"""Every read and write of Whoosh's private format, in one module, for one Whoosh release.

Whoosh reads postings, field lengths and positions, and writes posting blocks, one value at a
time in Python. The shortcuts of this package do the same work with arrays, which means
touching what Whoosh keeps private: the blocks of a posting list, the lengths column of its
codec, a posting's pickled positions, its scorer's length lookup and BM25 formula, its segment
writer's steps and term writer, and how it pickles analyzers into an index. All of that is
here (the bytes of a term's posting blocks in ``whoosh_blocks``, which only this module
imports), written for Whoosh ``WRITTEN_FOR`` (``pyproject.toml`` pins it). When another release is
installed the log says so once, naming both, and every shortcut takes Whoosh's own way instead:
slower, the same answers. Each time a shortcut is not taken it is counted (``fallbacks``), so a
test fails when one silently stops being taken. The house rules keep every other module off
Whoosh's private names (``tests/unit/resources_index/test_house_rules.py``).
"""

import logging
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from operator import sub
from pickle import UnpicklingError, dumps, loads
from typing import Any

import numpy as np
import numpy.typing as npt
import whoosh
from whoosh import formats, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3FieldWriter, W3PostingsWriter, _lenfield
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.matching.wrappers import FilterMatcher
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from resources_index.search.whoosh_blocks import TermWriter, one_by_one, w3_terms

log = logging.getLogger(__name__)

Ids = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

#: The Whoosh (``whoosh-reloaded``) release whose private format this module reads.
WRITTEN_FOR = "2.7.5"
#: The release installed.
INSTALLED: str = whoosh.versionstring()

_lock = threading.Lock()
_fallbacks: Counter[str] = Counter()
_told: set[tuple[str, str]] = set()


def supported() -> bool:
    """Whether the installed Whoosh is the release this module was written for; the first time
    it is not, a warning names both."""
    installed, written_for = INSTALLED, WRITTEN_FOR
    if installed == written_for:
        return True
    with _lock:
        first = (installed, written_for) not in _told
        _told.add((installed, written_for))
    if first:
        log.warning(
            "Whoosh %s is installed, but search reads the private format of Whoosh %s: "
            "searching and indexing take Whoosh's own slower ways (the same answers)",
            installed,
            written_for,
        )
    return False


def fell_back(shortcut: str) -> None:
    """Count one time ``shortcut`` was not taken and Whoosh's own way was."""
    with _lock:
        _fallbacks[shortcut] += 1
    log.debug("Whoosh's own way taken instead of the shortcut: %s", shortcut)


def fallbacks() -> dict[str, int]:
    """How many times each shortcut has fallen back to Whoosh's own way in this process."""
    with _lock:
        return dict(_fallbacks)


class _Unreadable(Exception):
    """Whoosh's structures are not laid out as this module expects."""


#: What reading a structure laid out otherwise raises.
_MISREAD = (_Unreadable, AttributeError, IndexError, KeyError, TypeError, ValueError)


# Analyzers pickled into an index's table of contents.


def pickle_as(module_name: str, *classes: type) -> None:
    """Have Whoosh pickle ``classes`` (all of one module) as belonging to ``module_name``, and
    that name unpickle to their module: indexes naming either open."""
    for cls in classes:
        module = sys.modules[cls.__module__]
        cls.__module__ = module_name
        sys.modules.setdefault(module_name, module)


# Posting lists read as arrays.


def _matcher(leaf: Any, fieldname: str, text: str) -> Any:
    """The segment's matcher of the word, deleted documents included (masked by callers)."""
    matcher = leaf.postings(fieldname, text)
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


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
    """Whoosh's own way, one posting at a time."""
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)


def postings(leaf: Any, fieldname: str, text: str) -> tuple[Ids, Floats]:
    """The document numbers and weights of a word in the segment ``leaf``, deleted documents
    included, decoded from Whoosh's blocks with array operations (or by its matcher)."""
    if supported():
        try:
            return _from_blocks(_matcher(leaf, fieldname, text))
        except _MISREAD:
            pass
    fell_back("posting blocks")
    return _from_matcher(leaf.postings(fieldname, text))


def encoded_positions(leaf: Any, fieldname: str, text: str) -> tuple[Ids, list[bytes]] | None:
    """A word's documents in the segment ``leaf`` and, for each, its positions still encoded
    (``decode_positions``); None when they cannot be read here."""
    if supported():
        try:
            if type(leaf.schema[fieldname].format) is not formats.Positions:
                raise _Unreadable
            ids: list[Ids] = []
            values: list[bytes] = []
            for block_ids, data in _blocks(_matcher(leaf, fieldname, text)):
                ids.append(block_ids)
                values.extend(data[2])
            return (np.concatenate(ids) if ids else np.empty(0, np.int64)), values
        except _MISREAD:
            pass
    fell_back("positions")
    return None


def decode_positions(values: Sequence[bytes]) -> tuple[Ids, Ids] | None:
    """The positions of many postings at once: how many each has, and all of them in order;
    None when the values are not encoded as this module expects.

    Each value is a length and a pickled list of gaps; the lists are unpickled in one call
    (one pickle that builds the list of them) instead of one call per posting, which is most
    of the time a phrase of common words takes."""
    try:
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
    except (*_MISREAD, UnpicklingError, EOFError):
        fell_back("positions")
        return None
    summed = np.cumsum(gaps)
    before = np.concatenate(([0], summed))[np.cumsum(counts) - counts]  # sum before each list
    return counts, summed - np.repeat(before, counts)


# Field lengths, from the lengths column of Whoosh's codec.


def _lengths_column(per_document: Any, fieldname: str) -> list[int] | None:
    """Each document's length of ``fieldname`` (0 for none) from a per-document reader's
    column, or None when the segment has no such column."""
    column = per_document._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    return None if column is None else [byte_to_length(b) for b in column]


def segment_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """Each document's length of ``fieldname`` in the segment ``reader`` (0 for none), decoded
    at once; None when they cannot be read here (Whoosh's own lookup is then used)."""
    if supported():
        try:
            return _lengths_column(reader._perdoc, fieldname)
        except _MISREAD:
            pass
    fell_back("field lengths")
    return None


def written_lengths(per_document: Any, fieldname: str) -> list[int | None] | None:
    """Each document's length of ``fieldname`` in a segment being written, as the writer's
    ``doc_field_length`` gives it (None for none); None when they cannot be read here."""
    if supported():
        try:
            column = _lengths_column(per_document, fieldname)
            return None if column is None else [n or None for n in column]
        except _MISREAD:
            pass
    fell_back("field lengths")
    return None


def use_lengths(scorer: Any, lengths: Callable[[], Sequence[int] | None]) -> None:
    """Have a Whoosh scorer that looks up field lengths look them up in the table ``lengths``
    gives (each document's, by number), unless it gives None."""
    if hasattr(scorer, "dfl"):
        table = lengths()
        if table is not None:
            scorer.dfl = table.__getitem__


def bm25_scores(scorer: Any, weights: Floats, lengths: Floats) -> Floats | None:
    """What Whoosh's ``BM25FScorer`` gives each posting of ``weights`` (with these field
    lengths): its ``bm25()``, the same operations in the same order, over every posting at
    once; None for another scorer or another Whoosh."""
    if not supported() or not isinstance(scorer, scoring.BM25FScorer):
        return None
    k1, b = scorer.K1, scorer.B
    norm = weights + k1 * ((1 - b) + b * lengths / scorer.avgfl)
    scores: Floats = scorer.idf * ((weights * (k1 + 1)) / norm)
    return scores


def set_match_count(results: Any, count: int) -> None:
    """Tell Whoosh ``results`` how many documents matched (so it never counts them again)."""
    results._total = count


def frequency_value(freq: int) -> bytes:
    """A posting's value in a field of Whoosh's ``Frequency`` format."""
    value: bytes = pack_uint(freq)
    return value


def positions_encoder(fmt: Any) -> Callable[[list[int]], bytes]:
    """``fmt.encode`` for a field of Whoosh's ``Positions`` format, as one expression (its
    own walks the list in a loop): the count, then the pickled gaps; with another Whoosh,
    its own."""
    if not supported() or type(fmt) is not formats.Positions:
        return fmt.encode  # type: ignore[no-any-return]

    def encode(positions: list[int]) -> bytes:
        gaps = [positions[0], *map(sub, positions[1:], positions)] if positions else []
        return pack_uint(len(positions)) + dumps(gaps, 2)  # type: ignore[no-any-return]

    return encode


# A segment's postings written a block at a time.


class SegmentWriterSteps(SegmentWriter):
    """Whoosh's segment writer with the private steps a subclass writing its own postings
    needs, under public names. Unless ``writes_postings``, it is Whoosh's own."""

    def writes_postings(self) -> bool:
        """Whether ``write_postings`` writes the segment's postings (else Whoosh's pool)."""
        return False

    def write_postings(self, lengths: Any) -> None:
        """Write every posting through ``self.fieldwriter``; ``lengths`` is the segment's
        per-document reader (None when the codec keeps no length statistics)."""
        raise NotImplementedError

    def _flush_segment(self) -> None:
        if not self.writes_postings():
            super()._flush_segment()
            return
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        self.write_postings(lengths)
        self.fieldwriter.close()
        if lengths is not None:
            lengths.close()

    def begin_document(self, fields: dict[str, Any]) -> tuple[float, list[str]]:
        """Check the writer and the fields of a document being added: its boost and the
        names of its fields, in the order Whoosh's ``add_document`` takes them."""
        self._check_state()
        boost = self._doc_boost(fields)
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(self.schema, names)
        return float(boost), names

    def boost_of(self, fields: dict[str, Any], fieldname: str, document_boost: float) -> float:
        return float(self._field_boost(fields, fieldname, document_boost))

    def document_added(self) -> None:
        """What Whoosh's ``add_document`` records once a document is in."""
        self._added = True
        self.docnum += 1

    def term_writer(self) -> TermWriter:
        """A writer of the terms of the field being written, in order: each term's blocks
        and term-table row as bytes, straight to the files when the field writer is
        whoosh3's as this module knows it, else through the field writer one posting at a
        time. Either way the bytes Whoosh's own writer writes."""
        writer = self.fieldwriter
        try:
            postings = writer._postwriter
            if (
                supported()
                and type(writer) is W3FieldWriter
                and type(postings) is W3PostingsWriter
                and type(writer._tindex) is OrderedHashWriter
                and postings._inlinelimit <= 1  # (a posting list is never inlined)
                and not postings._byteids
            ):
                return w3_terms(writer, postings)
        except _MISREAD:
            pass
        fell_back("term writing")
        return one_by_one(writer)
