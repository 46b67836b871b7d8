"""The C allocator's arenas: threads allocating at once share two arenas once limited, the
same threads without the limit take one each (so the count below can tell the two apart),
and a limit the user set is left alone. Each case runs in a fresh process: arenas made stay
for the life of a process."""

import os
import subprocess
import sys

import pytest

# Counts glibc's arenas (malloc_info writes one <heap> element per arena) after six threads,
# alive together, have each allocated; prints whether limit_arenas() set the limit, and the
# count.
ARENAS_USED = """
import ctypes, sys, tempfile, threading
from sop_desktop.allocator import limit_arenas
limited = limit_arenas() if sys.argv[1] == "limit" else False
together = threading.Barrier(6)
kept = []
def allocate():
    together.wait()
    kept.append([bytearray(300_000) for _ in range(20)])
    together.wait()
threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
with tempfile.NamedTemporaryFile(suffix=".xml") as report:
    stream = libc.fopen(report.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(stream))
    libc.fclose(ctypes.c_void_p(stream))
    print(limited, open(report.name).read().count("<heap nr="))
"""


def arenas_used(mode: str, **environment: str) -> tuple[bool, int]:
    env = {k: v for k, v in os.environ.items() if k not in ("MALLOC_ARENA_MAX", "GLIBC_TUNABLES")}
    done = subprocess.run(
        [sys.executable, "-c", ARENAS_USED, mode],
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    limited, count = done.stdout.split()
    return limited == "True", int(count)


pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="glibc's arenas (Linux)"
)


def test_threads_share_two_arenas_once_limited() -> None:
    assert arenas_used("limit") == (True, 2)


def test_without_the_limit_each_thread_takes_an_arena_of_its_own() -> None:
    limited, count = arenas_used("leave")
    assert not limited and count >= 6


def test_a_limit_set_where_the_program_was_started_is_left_alone() -> None:
    assert arenas_used("limit", MALLOC_ARENA_MAX="4") == (False, 4)
