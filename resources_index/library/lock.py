"""One writer per library: the desktop program and the command line take the same lock.

The lock is a file beside the library (``.lock``), held by the operating system (``filelock``:
fcntl on Linux and macOS, LockFileEx on Windows), so it is released when a process dies, even
killed. A second writer waits up to ``wait`` seconds, then is refused with a sentence.
"""

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from resources_index.errors import LibraryError
from resources_index.util.progress import Cancel, never

LOCK_FILE = ".lock"
POLL_SECONDS = 0.1


class LockedError(LibraryError):
    """Another program is writing this library."""


def library_lock(root: Path) -> FileLock:
    root.mkdir(parents=True, exist_ok=True)
    return FileLock(str(root / LOCK_FILE), thread_local=False)


def acquire_within(lock: FileLock, seconds: float, cancel: Cancel = never) -> bool:
    """Take ``lock`` within ``seconds``, asking ``cancel()`` every tenth of a second (a window
    waiting for a command-line sync to end lets its user give up); True when taken."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            lock.acquire(timeout=POLL_SECONDS)
            return True
        except Timeout:
            if cancel() or time.monotonic() >= deadline:
                return False


@contextlib.contextmanager
def exclusive(root: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the library's lock for the block, or raise LockedError after ``wait`` seconds."""
    lock = library_lock(root)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise LockedError("library.locked", root=root) from None
    try:
        yield
    finally:
        lock.release()
