"""Every member of a zip package inflated once, in chunks, with a hard cap on the bytes it
really gives: a zip bomb whose headers declare a small size is refused after at most that
many bytes (plus one chunk), never after inflating what it truly holds.

Python's ``zipfile`` reads a member whole (``ZipFile.read``, as python-docx and python-pptx
do) by asking zlib for up to 2 GiB at once and only then cutting it to the declared size, so
a package must pass this check before anything reads it whole.
"""

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: Compressed bytes read, and inflated bytes asked for, at a time.
CHUNK_BYTES = 256 * 1024
#: The local file header: signature, versions, flags, method, time, date, CRC, sizes, and
#: the lengths of the name and of the extra field (APPNOTE 4.3.7).
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"


class InflationError(ValueError):
    """A member inflates to more than it declares, or cannot be inflated (its words say)."""


def check_inflation(path: Path, limit: int) -> None:
    """Inflate every member of the package at ``path``, keeping none of it, and raise
    ``InflationError`` when one gives more bytes than its header declares, all of them more
    than ``limit``, or one is encrypted or compressed otherwise than stored or deflated
    (office packages never are). ``zipfile.BadZipFile`` or ``OSError`` for what is not a
    readable zip at all."""
    try:
        _check(path, limit)
    except NotImplementedError as exc:  # zipfile's word for a version or method it lacks
        raise zipfile.BadZipFile(str(exc)) from None


def _check(path: Path, limit: int) -> None:
    total = 0
    with zipfile.ZipFile(path) as package, path.open("rb") as raw:
        for member in package.infolist():
            if member.flag_bits & 0x1:
                raise InflationError(f"its part {member.filename!r} is encrypted")
            got = 0
            for size in _inflated(raw, member):
                got += size
                total += size
                if got > member.file_size:
                    raise InflationError(
                        f"its part {member.filename!r} unpacks to more than the"
                        f" {member.file_size:,} bytes it declares"
                    )
                if total > limit:
                    raise InflationError(f"it unpacks to more than {limit:,} bytes")


def _inflated(raw: IO[bytes], member: zipfile.ZipInfo) -> Iterator[int]:
    """The sizes of the chunks ``member``'s data inflates to, read from ``raw``."""
    raw.seek(member.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"no local header for {member.filename!r}")
    fields = _LOCAL_HEADER.unpack(header)
    raw.seek(fields[-2] + fields[-1], 1)  # past the name and the extra field
    left = member.compress_size
    if member.compress_type == zipfile.ZIP_STORED:
        while left > 0:
            chunk = raw.read(min(left, CHUNK_BYTES))
            if not chunk:
                raise zipfile.BadZipFile(f"{member.filename!r} is cut short")
            left -= len(chunk)
            yield len(chunk)
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise InflationError(f"its part {member.filename!r} is compressed in an unusual way")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        while left > 0 and not inflater.eof:
            data = raw.read(min(left, CHUNK_BYTES))
            if not data:
                raise zipfile.BadZipFile(f"{member.filename!r} is cut short")
            left -= len(data)
            while data and not inflater.eof:
                out = inflater.decompress(data, CHUNK_BYTES)  # never more than a chunk
                yield len(out)
                data = inflater.unconsumed_tail
        yield len(inflater.flush(CHUNK_BYTES))
    except zlib.error as exc:
        raise InflationError(f"its part {member.filename!r} cannot be inflated ({exc})") from None
