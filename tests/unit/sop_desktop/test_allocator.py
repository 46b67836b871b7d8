"""The C allocator's arenas: threads allocating at once share two arenas once limited, the
same threads without the limit take one each (so the count below can tell the two apart),
and a limit the user set is left alone. Each case runs in a fresh process: arenas made stay
for the life of a process."""

import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.allocator import TRIM_EVERY_MS
from sop_desktop.window import main_window
from tests.helpers.window_driving import open_window

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


# Fills the heap with 100,000 blocks of 1,000 bytes, frees all but every 50th (the ones kept
# hold the pages between them, so the heap cannot simply shrink from its top), and prints the
# resident memory in MB before and after release_free_memory(), and what it returned.
FREED_PAGES = """
import re
from pathlib import Path
from sop_desktop.allocator import release_free_memory
def resident():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"^VmRSS:\\s+(\\d+) kB", status, re.M).group(1)) / 1024
blocks = [bytearray(1000) for _ in range(100_000)]
kept = blocks[::50]
del blocks
before = resident()
released = release_free_memory()
print(before, resident(), released)
"""


def test_free_heap_pages_go_back_to_the_system() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FREED_PAGES], capture_output=True, text=True, check=True
    )
    before, after, released = done.stdout.split()
    assert released == "True"
    assert float(before) - float(after) > 50, (before, after)  # of about 100 MB freed


def test_the_window_hands_free_pages_back_now_and_then(
    qtbot: QtBot, starter_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(main_window, "release_free_memory", lambda: asked.append(True))
    monkeypatch.setattr(main_window, "TRIM_EVERY_MS", 50)
    window = open_window(qtbot, starter_library)
    assert window.trimming.isActive()
    qtbot.waitUntil(lambda: len(asked) >= 2)
    window.close()
    assert TRIM_EVERY_MS <= 60_000  # in the program: at least once a minute
