"""A term's posting blocks and term-table row written as Whoosh 3's bytes, in one call.

Whoosh's postings writer takes a term in five steps of method calls and objects (a term info,
a block buffer filled one posting at a time, its statistics, the term table's row), which
costs more than the bytes themselves when most terms have one or a few postings, as a
rebuild's do. ``w3_terms`` writes what those steps write, the same bytes (the tests compare
them with Whoosh's own writer), from a term's lists at once, and gathers the bytes into large
writes. It reads Whoosh's private format, as ``whoosh_internals`` does, and is used only
through ``whoosh_internals.SegmentWriterSteps.term_writer``, which checks the Whoosh release
and the writer's classes first; otherwise ``one_by_one`` takes Whoosh's own steps.
"""

from array import array
from collections.abc import Callable
from hashlib import md5
from operator import sub
from pickle import dumps
from typing import Any, NamedTuple

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.filedb.filetables import _lengths as _ROW_LENGTHS
from whoosh.filedb.filetables import md5_hash
from whoosh.system import _INT_SIZE, pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

from resources_index.search.deflate import compressor

#: A term's packed statistics, before where its postings are.
_TERM_INFO = W3TermInfo._struct
#: Pieces of bytes gathered before they are written.
_PIECES = 1 << 14
#: Compressed blocks remembered (many terms of a document have the same one-posting block),
#: only short ones: at most some 16 MB, where long blocks remembered took a hundred.
_REMEMBERED = 1 << 16
_REMEMBERED_LENGTH = 128


class TermWriter(NamedTuple):
    """``write(text, ids, weights, values, lengths)`` writes a term's postings: its documents
    in order and, for each, its weight, value (empty for none) and field length (0 for none).
    ``finish()`` once the field's last term is written."""

    write: Callable[[bytes, list[int], list[float], list[bytes], list[int]], None]
    finish: Callable[[], None]


def one_by_one(writer: Any) -> TermWriter:
    """Whoosh's own steps, through its field writer's public methods."""

    def write(
        text: bytes, ids: list[int], weights: list[float], values: list[bytes], lengths: list[int]
    ) -> None:
        writer.start_term(text)
        for posting in zip(ids, weights, values, lengths, strict=True):
            writer.add(*posting)
        writer.finish_term()

    return TermWriter(write, lambda: None)


def _mini_weights(stored: "array[float]") -> float | tuple[float, ...] | None:
    """A block's weights as ``W3PostingsWriter._mini_weights`` stores them."""
    one = stored[0]
    if stored.count(one) == len(stored):
        return None if one == 1.0 else one
    return tuple(stored)


def _md5_hash(key: bytes) -> int:
    """``filetables.md5_hash``: the digest's last four bytes, without going through hex."""
    return int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")


def w3_terms(writer: Any, postings: Any) -> TermWriter:
    """What ``W3PostingsWriter`` (the blocks) and ``W3FieldWriter.finish_term`` (the term
    table's row) write for each term of the field ``writer`` is writing with ``postings``."""
    postfile, table, field_id = writer._postfile, writer._tindex, writer._fieldid
    limit, level = postings._blocklimit, postings._compression
    fixed = writer._format.fixed_value_size()
    compress = compressor(level) if level else None
    compressed: dict[bytes, bytes] = {}
    prefix, positions, buckets, hashfn = (
        pack_ushort(field_id),
        table.index,
        table.buckets,
        table.hashfn,
    )
    pieces: list[bytes] = []
    rows: list[bytes] = []
    at, row_at, lastkey = postfile.tell(), table.dbfile.tell(), table.lastkey
    bytes_of_lengths: dict[int | None, int] = {}

    def byte_of(length: int | None) -> int:
        """``length_to_byte``, remembered."""
        byte = bytes_of_lengths.get(length)
        if byte is None:
            byte = bytes_of_lengths[length] = length_to_byte(length)
        return byte

    hash_of = _md5_hash if hashfn is md5_hash else hashfn

    def block(
        ids: list[int], weights: list[float], values: list[bytes], lengths: list[int], last: bool
    ) -> tuple[float, float, int | None, int]:
        """Write a block as ``W3PostingsWriter._write_block`` does; what the term info adds
        up from it: its weights' sum, the heaviest, the shortest and longest field length."""
        nonlocal at
        stored = array("f", weights)  # as Whoosh's block buffer keeps them
        if fixed == 0:
            mini_values: Any = None
        else:
            kept = [v for v in values if v]
            mini_values = b"".join(kept) if fixed and fixed > 0 else tuple(kept)
        mini_ids = (ids[0],) if len(ids) == 1 else tuple(map(sub, ids, [0, *ids[:-1]]))
        data = dumps((mini_ids, _mini_weights(stored), mini_values), 2)
        if compress is not None and len(data) > _REMEMBERED_LENGTH:
            data = compress(data)
        elif compress is not None:
            packed = compressed.get(data)
            if packed is None:
                if len(compressed) >= _REMEMBERED:
                    compressed.clear()
                packed = compressed[data] = compress(data)
            data = packed
        known = [n for n in lengths if n]
        low, high = (min(known), max(known)) if known else (None, 0)
        most = max(weights)
        most = most if most > 0 else 0
        info = dumps((len(ids), ids[-1], most, level, byte_of(low), byte_of(high)), 2)
        length = len(info) + len(data)
        pieces.extend((pack_int(-length if last else length), info, data))
        at += _INT_SIZE + length
        return sum(stored), most, low, high

    def write(
        text: bytes, ids: list[int], weights: list[float], values: list[bytes], lengths: list[int]
    ) -> None:
        nonlocal at, row_at, lastkey
        start = at
        pieces.append(WHOOSH3_HEADER_MAGIC)
        at += len(WHOOSH3_HEADER_MAGIC)
        count = len(ids)
        if count <= limit:
            total, heaviest, shortest, longest = block(ids, weights, values, lengths, True)
            total = 0 + total  # as the term info adds it up
        else:
            total, heaviest, shortest, longest = 0, 0, None, 0
            for first in range(0, count, limit):
                last = min(first + limit, count)
                added, most, low, high = block(
                    ids[first:last],
                    weights[first:last],
                    values[first:last],
                    lengths[first:last],
                    last == count,
                )
                total += added
                shortest = low if shortest is None else min(shortest, low)  # type: ignore[type-var]
                longest, heaviest = max(longest, high), max(heaviest, most)
        low_byte = 0 if shortest is None else byte_of(shortest)
        stats = (False, total, count, low_byte, byte_of(longest), heaviest, ids[0], ids[-1])
        key = prefix + text
        value = _TERM_INFO.pack(*stats) + pack_long(start) + pack_int(at - start)
        if key <= lastkey:
            raise ValueError(f"Keys must increase: {lastkey!r}..{key!r}")
        lastkey = key
        positions.append(row_at)
        hashed = hash_of(key)
        buckets[hashed & 255].append((hashed, row_at))
        rows.extend((_ROW_LENGTHS.pack(len(key), len(value)), key, value))
        row_at += _ROW_LENGTHS.size + len(key) + len(value)
        if len(pieces) > _PIECES:
            finish()

    def finish() -> None:
        postfile.write(b"".join(pieces))
        table.dbfile.write(b"".join(rows))
        pieces.clear()
        rows.clear()
        table.lastkey = lastkey

    return TermWriter(write, finish)
