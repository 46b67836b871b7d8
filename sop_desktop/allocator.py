"""The C allocator's arenas, limited before the program's first thread starts.

On Linux, glibc gives threads arenas of their own (up to eight a core), and memory freed in
one arena is kept there for that arena's next use. The window's threads come and go (the
search and background pools, a sync, a video's decoder threads, the software renderer's
threads on a screen without a graphics driver), and their arenas fill in turns: over a
morning, a window that holds no more than it did an hour ago grew by 14 MB every 100 rounds
of ``benchmarks/endurance_bench.py``, free memory spread over a dozen arenas. With two (the
main thread's and one the other threads share) what one thread frees the next one reuses:
1.5 MB every 100 rounds in the same run. Threads wait for each other a little more when they
allocate at once; the window has few that do.

A limit set by the user or a deployment (``MALLOC_ARENA_MAX``, ``GLIBC_TUNABLES``) wins.
Elsewhere (Windows, macOS, a C library other than glibc) this does nothing.
"""

import ctypes
import os
import sys

#: mallopt's parameter number for the arena limit (glibc's malloc.h).
M_ARENA_MAX = -8
ARENAS = 2


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Limit glibc's malloc to ``arenas`` arenas; True when the limit was set here. Call it
    before threads start: arenas already made stay."""
    if not sys.platform.startswith("linux"):
        return False
    if "MALLOC_ARENA_MAX" in os.environ or "arena_max" in os.environ.get("GLIBC_TUNABLES", ""):
        return False  # chosen by whoever started the program
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    except (OSError, AttributeError):
        return False  # not glibc: no arenas to limit
    return bool(mallopt(M_ARENA_MAX, arenas))
