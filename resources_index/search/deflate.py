"""``zlib.compress``'s bytes for the many short inputs of a rebuild, in a fraction of its time.

A rebuild compresses one pickle per posting block (tens of thousands of them, most under a
hundred bytes), and for such inputs most of ``zlib.compress`` is setting up and clearing its
32 KiB window. zlib's deflate only looks back ``window - 262`` bytes (``MAX_DIST``) and reads
the whole input into a buffer of twice the window, so an input at most that long is compressed
the same with a smaller window and the same hash table (the same memory level): the same
matches, the same blocks, the same checksum. Only the header's window size differs, and it is
set back. Each input takes the smallest window that holds it (512 bytes and up; the largest,
zlib.compress's own settings). With a zlib whose deflate is not the reference one (zlib-ng,
for example) every input takes ``zlib.compress``.
"""

import re
import zlib
from collections.abc import Callable

#: The longest input the smallest window (512 bytes) compresses the same.
SHORT = (1 << 9) - 262
#: zlib's releases whose deflate this reasoning was checked against.
REFERENCE = re.compile(r"1\.2\.(1[1-3])|1\.3(\.1)?")
_WINDOWS = range(9, zlib.MAX_WBITS + 1)
_MEMORY_LEVEL = 8  # zlib.compress's: the same hash table


def compressor(level: int) -> Callable[[bytes], bytes]:
    """A function giving what ``zlib.compress(data, level)`` gives."""
    if not 1 <= level <= 9 or not REFERENCE.fullmatch(zlib.ZLIB_RUNTIME_VERSION):
        return lambda data: zlib.compress(data, level)
    header = zlib.compress(b"", level)[:2]
    compressobj, deflated, largest = zlib.compressobj, zlib.DEFLATED, _WINDOWS[-1]

    def compressed(data: bytes) -> bytes:
        window = max(_WINDOWS[0], min(largest, (len(data) + 261).bit_length()))
        stream = compressobj(level, deflated, window, _MEMORY_LEVEL)
        body = stream.compress(data) + stream.flush()
        return body if window == largest else header + body[2:]

    return compressed
