"""The posting lists of common words, kept beside each index segment as compressed arrays.

Whoosh stores a posting list as pickled, compressed blocks with every position inside; reading
one for a word in most of a 20,000-resource library takes tens of milliseconds, longer than
answering from it. When a segment is written, the lists of words in at least ``MIN_DOCUMENTS``
resources are also written once as arrays (document numbers, weights), with the documents
holding each acronym's phrase, in ``<segment>.postings``, from which a search reads one word in
one slice. Whoosh deletes the file with its segment (it is named like the segment's own files).
A missing, damaged or foreign file, or entry, is ignored: those words are then read from
Whoosh's blocks, slower, with the same numbers. Only a regular file is opened (a FIFO in its
place is never waited on); its directory is read by the bounded JSON reader, no larger than
the file; an entry is used only when every value checks out (whole numbers in range, no more
postings than the segment has documents and exactly as many as Whoosh counts for the word,
document numbers rising within the segment, finite weights), so memory stays bounded by the
file's size and the segment's document count, and no entry can change an answer.

File: ``MAGIC``, the directory's length (8 bytes, little-endian), the directory (JSON: field,
or ``phrase:`` and a field -> word or phrase -> [offset, bytes, postings, kind]; under
``@segment``, the id of the segment it was written for), then each
entry's arrays compressed with zlib (``_pack``): about a twentieth of the segment's size.
"""

import json
import logging
import os
import stat
import struct
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from whoosh import index, searching

from resources_index.search.analysis import phrase_terms
from resources_index.search.posting_blocks import Floats, Ids, decode, phrase_documents
from resources_index.search.query import ACRONYMS
from resources_index.search.schema import TEXT_FIELDS
from resources_index.util import safe_json
from resources_index.util.fsutil import write_atomic

log = logging.getLogger(__name__)

SUFFIX = ".postings"
MAGIC = b"SOPPOST1"
#: Shorter lists are decoded when needed: quick enough, and most words are rare.
MIN_DOCUMENTS = 64
#: The fields queries score words in.
FIELDS = ("body_en", "body_es", "meta", "complete")
#: Phrases every search for an acronym looks for ("sop": "safety organized practice"); the
#: documents holding each are stored (under ``PHRASES + field``) so none is matched live.
STORED_PHRASES = tuple(dict.fromkeys(ACRONYMS.values()))
PHRASES = "phrase:"

#: The directory's entry naming the segment its file was written for: a file copied beside
#: another segment (a restore, a copying tool) is then not taken for that segment's own.
SEGMENT = "@segment"

#: One word's arrays as ``pack`` leaves them: how many postings, their kind, the bytes.
Packed = tuple[int, str, bytes]
#: Field -> word -> its packed arrays, in the order of the segment's terms: what a rebuild
#: already holds in memory when it writes its one segment (``segment_building``).
KeptWords = Mapping[str, Mapping[str, Packed]]


def store_postings(folder: Path, kept: KeptWords | None = None) -> None:
    """Write the arrays of every segment of the index in ``folder`` that lacks them (one that
    cannot be written, on a full disk, is only slower to search). ``kept`` gives the common
    words' arrays of a one-segment index just built, so they are not read back from Whoosh's
    blocks: the same file, sooner."""
    ix = index.open_dir(str(folder))
    try:
        with ix.reader() as reader:
            for leaf, _ in reader.leaf_readers():
                if leaf.segment() is None:  # an index with no document has no segment
                    continue
                path = folder / f"{leaf.segment().segment_id()}{SUFFIX}"
                if not path.exists():
                    try:
                        write_atomic(path, _encode(leaf, kept))
                    except OSError as exc:
                        log.warning("Search arrays not written (%s): %s", path.name, exc)
    finally:
        ix.close()


def pack(ids: Ids, weights: Floats) -> Packed:
    """A word's entry: how many postings, and ``_pack``'s kind and bytes."""
    return (len(ids), *_pack(ids, weights))


def _pack(ids: Ids, weights: Floats) -> tuple[str, bytes]:
    """One word's arrays, compressed: gaps between document numbers as 16-bit integers and
    weights as half floats when that loses nothing (nearly always), else in full."""
    gaps = np.diff(ids, prepend=0)
    half = weights.astype("<f2")
    if len(ids) and gaps.max() < 2**16 and np.array_equal(half.astype(np.float64), weights):
        kind, data = "gaps16", gaps.astype("<u2").tobytes() + half.tobytes()
    else:
        kind, data = "full", ids.astype("<i4").tobytes() + weights.astype("<f8").tobytes()
    return kind, zlib.compress(data, 6)


def _unpack(kind: str, data: bytes, count: int) -> tuple[Ids, Floats] | None:
    """A word's arrays from ``_pack``, or None when the bytes are not what they say."""
    if kind not in ("gaps16", "full") or len(data) != (4 if kind == "gaps16" else 12) * count:
        return None
    if kind == "gaps16":
        gaps = np.frombuffer(data, dtype="<u2", count=count)
        ids = np.cumsum(gaps, dtype=np.int64)
        weights = np.frombuffer(data, dtype="<f2", count=count, offset=2 * count)
    else:
        ids = np.frombuffer(data, dtype="<i4", count=count).astype(np.int64)
        weights = np.frombuffer(data, dtype="<f8", count=count, offset=4 * count)
    return ids, weights.astype(np.float64)


def segment_mark(leaf: Any) -> dict[str, str]:
    """The directory entry ``SEGMENT`` of the arrays of the segment ``leaf``."""
    return {"id": str(leaf.segment().segment_id())}


def written_for(words: dict[str, Any], path: Path, suffix: str) -> bool:
    """False when the directory names another segment than its file's name does (a file
    written before the mark names none, and is taken as before)."""
    mark = words.get(SEGMENT)
    return mark is None or mark == {"id": path.name[: -len(suffix)]}


def _common_words(leaf: Any, fieldname: str) -> Iterator[tuple[str, Packed]]:
    """The field's words in at least ``MIN_DOCUMENTS`` documents, read from Whoosh's blocks."""
    for term, info in leaf.iter_field(fieldname):
        if info.doc_frequency() >= MIN_DOCUMENTS:
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            yield text, pack(*decode(leaf, fieldname, text))


def _encode(leaf: Any, kept: KeptWords | None = None) -> bytes:
    directory: dict[str, dict[str, Any]] = {SEGMENT: segment_mark(leaf)}
    chunks: list[bytes] = []
    offset = 0
    for fieldname in FIELDS:
        if fieldname not in leaf.schema:
            continue
        words = directory.setdefault(fieldname, {})
        common: Iterable[tuple[str, Packed]] = (
            kept[fieldname].items()
            if kept is not None and fieldname in kept
            else _common_words(leaf, fieldname)
        )
        for text, (count, kind, data) in common:
            words[text] = [offset, len(data), count, kind]
            chunks.append(data)
            offset += len(data)
    searcher = searching.Searcher(leaf)
    for fieldname in TEXT_FIELDS:
        phrases = directory.setdefault(PHRASES + fieldname, {})
        for phrase in STORED_PHRASES:
            terms = phrase_terms(fieldname, phrase.split())
            held = all(leaf.doc_frequency(fieldname, t) for t in terms)
            docs = phrase_documents(searcher, fieldname, terms) if held else np.empty(0, np.int64)
            kind, data = _pack(docs, np.ones(len(docs)))
            phrases[" ".join(terms)] = [offset, len(data), len(docs), kind]
            chunks.append(data)
            offset += len(data)
    head = json.dumps(directory, sort_keys=True, separators=(",", ":")).encode()
    return MAGIC + struct.pack("<Q", len(head)) + head + b"".join(chunks)


def _open_regular(path: Path) -> BinaryIO | None:
    """``path`` opened for reading when it is a regular file (never a FIFO or a device, which
    could hang or never end), else None."""
    try:
        handle = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            return None
        return os.fdopen(handle, "rb")
    except OSError:
        os.close(handle)
        return None


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class StoredPostings:
    """The arrays file of one segment, or nothing when it is missing or unreadable."""

    def __init__(self, path: Path, documents: int) -> None:
        self.path = path
        self.documents = documents
        self.words: dict[str, dict[str, list[Any]]] = {}
        self.start = self.size = 0
        handle = _open_regular(path)
        if handle is None:
            return
        try:
            with handle:
                if handle.read(len(MAGIC)) != MAGIC:
                    return
                (length,) = struct.unpack("<Q", handle.read(8))
                self.size = os.fstat(handle.fileno()).st_size
                if length > self.size:  # a damaged length
                    return
                words = safe_json.parse(handle.read(length), length)
        except (OSError, ValueError, struct.error):  # safe_json.BadJson is a ValueError
            self.words = {}
            return
        if not isinstance(words, dict) or not written_for(words, path, SUFFIX):
            return
        if all(isinstance(w, dict) for w in words.values()):
            self.words, self.start = words, len(MAGIC) + 8 + length

    def phrase(self, fieldname: str, terms: Sequence[str]) -> Ids | None:
        """The documents holding the phrase of ``terms``, if stored here."""
        found = self.read(PHRASES + fieldname, " ".join(terms))
        return None if found is None else found[0]

    def read(
        self, fieldname: str, text: str, expected: int | None = None
    ) -> tuple[Ids, Floats] | None:
        """The word's document numbers and weights, or None when they are not stored here
        (or not as they should be: ``expected`` is how many postings Whoosh counts)."""
        entry = self.words.get(fieldname, {}).get(text)
        if not isinstance(entry, list) or len(entry) != 4:
            return None
        offset, length, count, kind = entry
        if not (_whole(offset) and _whole(length) and _whole(count) and isinstance(kind, str)):
            return None
        if min(offset, length, count) < 0 or self.start + offset + length > self.size:
            return None
        if count > self.documents or (expected is not None and count != expected):
            return None
        handle = _open_regular(self.path)
        if handle is None:
            return None
        try:
            with handle:
                handle.seek(self.start + offset)
                # At most what ``count`` postings take: a damaged file cannot inflate further.
                data = zlib.decompressobj().decompress(handle.read(length), 12 * count)
            found = _unpack(kind, data, count)
        except (OSError, ValueError, zlib.error):
            return None
        if found is None or not _sound(found, self.documents):
            return None
        return found


def _sound(found: tuple[Ids, Floats], documents: int) -> bool:
    """Document numbers rising strictly within the segment, and finite weights."""
    ids, weights = found
    if not len(ids):
        return True
    return bool(
        ids[0] >= 0
        and ids[-1] < documents
        and (len(ids) < 2 or np.all(np.diff(ids) > 0))
        and np.all(np.isfinite(weights))
    )
