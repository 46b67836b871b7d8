"""``zlib.compress`` of short inputs, the same bytes in a third of the time.

A rebuild compresses one short pickle per posting block (tens of thousands of them, most under
a hundred bytes), and for such inputs most of ``zlib.compress`` is setting up and clearing its
32 KiB window. zlib's deflate (levels 1 to 3, its "fast" strategy) only looks back
``window - 262`` bytes, so an input of at most ``SHORT`` bytes is compressed the same with the
smallest window, 512 bytes, and the same hash table: the same matches, the same blocks, the
same checksum. Only the header's window size differs, and it is set back. With a zlib whose
deflate is not the reference one (zlib-ng, for example) every input takes ``zlib.compress``.
"""

import re
import zlib
from collections.abc import Callable

#: The longest input compressed with the small window (512 - 262 bytes: how far back deflate
#: looks for a match in it).
SHORT = 250
#: zlib's releases whose deflate this reasoning was checked against.
REFERENCE = re.compile(r"1\.2\.(1[1-3])|1\.3(\.1)?")
_FAST_LEVELS = range(1, 4)
_SMALL_WINDOW = 9
_MEMORY_LEVEL = 8  # zlib's default: the same hash table as zlib.compress


def compressor(level: int) -> Callable[[bytes], bytes]:
    """A function giving what ``zlib.compress(data, level)`` gives."""
    if level not in _FAST_LEVELS or not REFERENCE.fullmatch(zlib.ZLIB_RUNTIME_VERSION):
        return lambda data: zlib.compress(data, level)
    header = zlib.compress(b"", level)[:2]
    compressobj, compress, deflated = zlib.compressobj, zlib.compress, zlib.DEFLATED

    def compressed(data: bytes) -> bytes:
        if len(data) > SHORT:
            return compress(data, level)
        small = compressobj(level, deflated, _SMALL_WINDOW, _MEMORY_LEVEL)
        body = small.compress(data) + small.flush()
        return header + body[2:]

    return compressed
