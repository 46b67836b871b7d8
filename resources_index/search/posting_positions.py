"""Where common words stand in each document, kept beside each index segment as arrays.

A quoted phrase needs the positions of its words in every document holding them all. Whoosh
keeps positions pickled inside its posting blocks, one small pickle per posting: for a phrase
of two common words at 20,000 resources, unpickling them is most of the query (a hundred
milliseconds and more). When a segment is written, the positions of every word of the language
fields found in at least ``MIN_DOCUMENTS`` resources are also written once as arrays in
``<segment>.positions`` (Whoosh deletes it with its segment, as it is named like the
segment's own files); rarer words are read from Whoosh's blocks, quickly as they are few.

File: ``MAGIC``, the directory's length (8 bytes, little-endian), the directory (JSON: field ->
word -> [offset, bytes, documents, positions, kind]; under ``@segment``, the id of the
segment it was written for), then each word's arrays compressed with
zlib: document gaps, how many positions each document has, and the gaps between positions in a
document, as 16-bit integers (``narrow``) or, when one does not fit, 32-bit (``wide``).

A missing, damaged or foreign file, or entry, is ignored (the word is then read from Whoosh's
blocks, with the same answer): only an ordinary file is opened, the directory is bounded by the
file's size, each entry is decompressed to at most what it says it holds, and arrays that do
not add up (counts against positions, documents outside the segment or out of order) are
refused.
"""

import json
import logging
import struct
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index

from resources_index.search.posting_blocks import Ids, WordPositions, positions_of
from resources_index.search.posting_store import SEGMENT, segment_mark, written_for
from resources_index.search.schema import TEXT_FIELDS
from resources_index.util import safe_json
from resources_index.util.fsutil import open_regular, write_atomic

log = logging.getLogger(__name__)

SUFFIX = ".positions"
MAGIC = b"SOPPOSN1"
#: Rarer words' positions are read from Whoosh's blocks when a phrase needs them.
MIN_DOCUMENTS = 64
#: A directory larger than this is not read (a real one is a few hundred kilobytes).
MAX_DIRECTORY = 64 * 2**20
_WIDTHS = {"narrow": ("<u2", 2), "wide": ("<u4", 4)}


#: One word's entry as ``pack`` leaves it: documents, positions, kind, bytes.
Packed = tuple[int, int, str, bytes]
#: Field -> word -> its packed positions, in the order of the segment's terms: what a rebuild
#: already holds in memory when it writes its one segment (``segment_building``).
KeptPositions = Mapping[str, Mapping[str, Packed]]


def store_positions(folder: Path, kept: KeptPositions | None = None) -> None:
    """Write the positions file of every segment of the index in ``folder`` that lacks one (a
    segment whose file cannot be written, on a full disk, only answers phrases slower).
    ``kept`` gives the common words' positions of a one-segment index just built, so they
    are not read back from Whoosh's blocks: the same file, sooner."""
    ix = index.open_dir(str(folder))
    try:
        with ix.reader() as reader:
            for leaf, _ in reader.leaf_readers():
                path = folder / f"{leaf.segment().segment_id()}{SUFFIX}"
                if not path.exists():
                    try:
                        write_atomic(path, _encode(leaf, kept))
                    except OSError as exc:
                        log.warning("Phrase positions not written (%s): %s", path.name, exc)
    finally:
        ix.close()


def pack(ids: Ids, counts: Ids, positions: Ids) -> Packed:
    """A word's entry: how many documents and positions, and ``_pack``'s kind and bytes."""
    return (len(ids), len(positions), *_pack(ids, counts, positions))


def _pack(ids: Ids, counts: Ids, positions: Ids) -> tuple[str, bytes]:
    starts = np.cumsum(counts) - counts
    gaps = np.diff(positions, prepend=0)
    gaps[starts[counts > 0]] = positions[starts[counts > 0]]  # each document from zero
    parts = (np.diff(ids, prepend=0), counts, gaps)
    kind = "narrow" if all(not len(p) or p.max() < 2**16 for p in parts) else "wide"
    dtype = _WIDTHS[kind][0]
    return kind, zlib.compress(b"".join(p.astype(dtype).tobytes() for p in parts), 6)


class _Unreadable(Exception):
    """Whoosh's blocks are not as expected: nothing is stored."""


def _common_words(leaf: Any, fieldname: str) -> Iterator[tuple[str, Packed]]:
    """The field's words in at least ``MIN_DOCUMENTS`` documents, read from Whoosh's blocks."""
    for term, info in leaf.iter_field(fieldname):
        if info.doc_frequency() >= MIN_DOCUMENTS:
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            found = positions_of(leaf, fieldname, text)
            if found is None:
                raise _Unreadable
            yield text, pack(*found)


def _encode(leaf: Any, kept: KeptPositions | None = None) -> bytes:
    directory: dict[str, dict[str, Any]] = {SEGMENT: segment_mark(leaf)}
    chunks: list[bytes] = []
    offset = 0
    for fieldname in TEXT_FIELDS:
        if fieldname not in leaf.schema:
            continue
        words = directory.setdefault(fieldname, {})
        common: Iterable[tuple[str, Packed]] = (
            kept[fieldname].items()
            if kept is not None and fieldname in kept
            else _common_words(leaf, fieldname)
        )
        try:
            for text, (documents, count, kind, data) in common:
                words[text] = [offset, len(data), documents, count, kind]
                chunks.append(data)
                offset += len(data)
        except _Unreadable:
            return MAGIC + struct.pack("<Q", 2) + b"{}"
    head = json.dumps(directory, sort_keys=True, separators=(",", ":")).encode()
    return MAGIC + struct.pack("<Q", len(head)) + head + b"".join(chunks)


class StoredPositions:
    """The positions file of one segment, or nothing when it is missing or unreadable."""

    def __init__(self, path: Path, documents: int) -> None:
        self.path = path
        self.documents = documents
        self.words: dict[str, dict[str, list[Any]]] = {}
        self.start = self.size = 0
        try:
            with open_regular(path) as handle:
                if handle.read(len(MAGIC)) != MAGIC:
                    return
                (length,) = struct.unpack("<Q", handle.read(8))
                size = handle.seek(0, 2)
                if length > min(size, MAX_DIRECTORY):  # a damaged length
                    return
                handle.seek(len(MAGIC) + 8)
                words = safe_json.parse(handle.read(length), MAX_DIRECTORY)
            if (
                isinstance(words, dict)
                and written_for(words, path, SUFFIX)
                and all(isinstance(w, dict) for w in words.values())
            ):
                self.words, self.start, self.size = words, len(MAGIC) + 8 + length, size
        except (OSError, ValueError, struct.error):
            self.words = {}

    def read(self, fieldname: str, text: str) -> WordPositions | None:
        """The word's documents, how many positions each has, and the positions, or None
        when they are not stored here (or not as they should be)."""
        entry = self.words.get(fieldname, {}).get(text)
        if not isinstance(entry, list) or len(entry) != 5 or entry[4] not in _WIDTHS:
            return None
        try:
            offset, length, documents, count = (int(v) for v in entry[:4])
            if min(offset, length, documents, count) < 0 or documents > self.documents:
                return None
            if self.start + offset + length > self.size:
                return None
            dtype, width = _WIDTHS[entry[4]]
            expected = width * (2 * documents + count)
            with open_regular(self.path) as handle:
                handle.seek(self.start + offset)
                inflate = zlib.decompressobj()
                data = inflate.decompress(handle.read(length), expected)
            if len(data) != expected or inflate.unconsumed_tail:
                return None
        except (OSError, ValueError, TypeError, zlib.error):
            return None
        return _unpack(np.frombuffer(data, dtype=dtype).astype(np.int64), documents, self.documents)


def _unpack(values: Ids, documents: int, limit: int) -> WordPositions | None:
    """The arrays of one entry, or None when they do not add up."""
    ids = np.cumsum(values[:documents])
    counts = values[documents : 2 * documents]
    gaps = values[2 * documents :]
    if documents and (ids[-1] >= limit or (documents > 1 and not (np.diff(ids) > 0).all())):
        return None
    if int(counts.sum()) != len(gaps) or (documents and counts.min() < 1):
        return None
    summed = np.cumsum(gaps)
    before = np.concatenate(([0], summed))[np.cumsum(counts) - counts]
    return ids, counts, summed - np.repeat(before, counts)
