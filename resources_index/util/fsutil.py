"""Durable, atomic file writes: write beside, fsync, rename, fsync the folder.

A reader (or a process started after a crash) sees either the old file or the new one, never a
mix. Everything in the library and in a published catalog is written through these helpers.
"""

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from resources_index.errors import CancelledError, LibraryError, Size

CHUNK = 1024 * 1024
#: Room a sync or an import leaves free on the disk, for the system and the state database.
DISK_RESERVE_BYTES = 32 * 1024 * 1024


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding ``folder`` (or its nearest existing parent)."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return shutil.disk_usage(folder).free


def mb(count: int) -> str:
    """A byte count as people read it: ``12.5 MB``."""
    return f"{count / (1024 * 1024):,.1f} MB"


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _process_umask() -> int:
    """The umask, read once at import (reading it means setting it: not safe once threads run)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _process_umask()


def give_ordinary_mode(fd: int) -> None:
    """Give a file made by ``mkstemp`` (always 0600) the mode an ordinary new file gets, 0644
    under the usual umask: a published catalog must be readable by the web server's user."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, 0o666 & ~_UMASK)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Yield a file that replaces ``target`` only if the ``with`` block finishes without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    give_ordinary_mode(fd)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading only if it is an ordinary file. A FIFO, a device or a socket
    planted in a bundle would block the reader forever (while it holds the library lock), so
    the file is opened without waiting and checked before a byte is read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(f"{path.name} is not an ordinary file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class NotRegularFileError(OSError):
    """A path that should hold a file holds a FIFO, a device, a socket or a folder."""


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically and durably."""
    with atomic_writer(target) as handle:
        handle.write(data)


def copy_hashing(
    source: BinaryIO,
    dest: BinaryIO,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[str, int]:
    """Copy ``source`` to ``dest`` and return (SHA-256 hex, bytes). Stops at ``limit`` + 1 bytes;
    ``CancelledError`` between chunks once ``cancel()`` says so."""
    digest = hashlib.sha256()
    total = 0
    while True:
        if cancel is not None and cancel():
            raise CancelledError("cancel.copy")
        want = CHUNK if limit is None else min(CHUNK, limit + 1 - total)
        if want <= 0:
            break
        chunk = source.read(want)
        if not chunk:
            break
        digest.update(chunk)
        dest.write(chunk)
        total += len(chunk)
        if progress:
            progress(len(chunk))
    return digest.hexdigest(), total


def sha256_file(path: Path) -> tuple[str, int]:
    """SHA-256 hex and size of a file, read in chunks."""
    digest = hashlib.sha256()
    total = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            total += len(chunk)
    return digest.hexdigest(), total


def tree_size(path: Path) -> int:
    """Bytes used by the files below ``path`` (0 when it does not exist)."""
    if not path.exists():
        return 0
    total = 0
    # Files come and go while the program runs (a search index being swapped in, a download
    # finishing): what vanishes mid-walk is not counted, and never stops the count.
    for folder, _, names in os.walk(path, onerror=lambda _: None):
        for name in names:
            with contextlib.suppress(OSError):
                total += (Path(folder) / name).lstat().st_size
    return total


def remove_tree(path: Path) -> None:
    """Remove a folder if it exists, ignoring a concurrent removal."""
    shutil.rmtree(path, ignore_errors=True)


def unused_name(folder: Path, stem: str, suffixes: tuple[str, ...] = ("",)) -> Path:
    """``folder / stem``, or ``stem-2``, ``stem-3``… the first for which no ``name + suffix``
    exists: a file set aside never replaces one set aside earlier under the same name."""
    number, base = 1, stem
    while any(os.path.lexists(folder / (base + suffix)) for suffix in suffixes):
        number += 1
        base = f"{stem}-{number}"
    return folder / base


def no_room(kind: str, needed: int, free: int) -> LibraryError:
    """The refusal of a sync or an import the disk has no room for, saying how much to free: what is
    needed plus the room kept for the system, less what is free."""
    short = needed + DISK_RESERVE_BYTES - free
    return LibraryError(
        kind,
        needed=Size(needed),
        free=Size(max(free, 0)),
        reserve=Size(DISK_RESERVE_BYTES),
        short=Size(short),
    )
