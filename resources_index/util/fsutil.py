"""Durable, atomic file writes: write beside, fsync, rename, fsync the folder.

A reader (or a process started after a crash) sees either the old file or the new one, never a
mix. Everything in the library and in a published catalog is written through these helpers.

Every rename, replace and removal of a file or folder that another handle may hold open goes
through ``replace_file``, ``remove_file`` and the tree helpers here: Windows refuses those while
a handle opened without FILE_SHARE_DELETE is open (a virus scanner or the search indexer
reading a file just written, a video playing, another copy of the program), and lets go a
moment later. They try again for up to ``HOLD_WAIT_SECONDS``, then raise ``FileInUseError``
with the old file or folder left as it was (``docs/windows.md`` lists every call).
"""

import contextlib
import errno
import glob
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from resources_index.errors import CancelledError, LibraryError, Size

CHUNK = 1024 * 1024
#: How long, in all, a replace or a removal waits for another program to let go of a file.
HOLD_WAIT_SECONDS = 2.0
_FIRST_PAUSE, _LONGEST_PAUSE = 0.01, 0.25
#: Windows' refusals of a file someone holds: access denied (a rename onto or of an open
#: file, a delete pending), a sharing violation, a lock violation.
_HELD_WINERRORS = (5, 32, 33)
#: A test's stand-in for Windows on a system that never refuses: called before every attempt
#: with the operation and the paths it touches, it raises ``PermissionError`` as Windows would
#: while a test holds one of them open. None outside tests.
refusals: Callable[[str, tuple[Path, ...]], None] | None = None

log = logging.getLogger(__name__)
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
        replace_file(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
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


class FileInUseError(PermissionError):
    """Another program kept a file or folder open past ``HOLD_WAIT_SECONDS``: the replace or
    removal was not done, and what was there is still there. Its errno (EBUSY) is said "another
    program is using it" (``errors.reason_of``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EBUSY, "another program is using it", str(path))


def _held(error: OSError) -> bool:
    """Whether ``error`` is Windows' refusal of a file someone holds (or the test's stand-in
    for it). Elsewhere a ``PermissionError`` means permission, and is not waited on."""
    if isinstance(error, FileInUseError) or not isinstance(error, PermissionError):
        return False
    return refusals is not None or getattr(error, "winerror", None) in _HELD_WINERRORS


def _patiently(
    operation: str, paths: tuple[Path, ...], attempt: Callable[[], object], wait: float
) -> None:
    """Run ``attempt`` until it is not refused for a held file, pausing longer each time (10
    ms, doubling, at most 250 ms) up to ``wait`` seconds in all; then ``FileInUseError``."""
    waited, pause = 0.0, _FIRST_PAUSE
    while True:
        try:
            if refusals is not None:
                refusals(operation, paths)
            attempt()
            return
        except OSError as exc:
            if not _held(exc):
                raise
            if waited >= wait - 1e-9:
                log.warning("%s of %s refused after %.1f s: %s", operation, paths[0], waited, exc)
                raise FileInUseError(paths[0]) from exc
        pause = min(pause, max(wait - waited, 0.0))
        time.sleep(pause)
        waited += pause
        pause = min(pause * 2 or _FIRST_PAUSE, _LONGEST_PAUSE)


def replace_file(source: Path, target: Path, wait: float | None = None) -> None:
    """``os.replace(source, target)`` (a file, or a folder onto a name that is free), waiting
    for another program to let go of either; ``FileInUseError`` leaves both as they were."""
    _patiently(
        "replace",
        (target, source),
        lambda: source.replace(target),
        HOLD_WAIT_SECONDS if wait is None else wait,
    )


def remove_file(path: Path, wait: float | None = None) -> None:
    """Delete ``path`` if it exists, waiting for another program to let go of it."""
    _patiently(
        "remove",
        (path,),
        lambda: path.unlink(missing_ok=True),
        HOLD_WAIT_SECONDS if wait is None else wait,
    )


def discard_file(path: Path) -> bool:
    """Delete ``path`` if it exists and can be deleted: False (said in the log) when it is kept
    open past the wait or cannot be removed, for a later clean-up to find."""
    try:
        remove_file(path)
    except OSError as exc:
        log.info("%s was left for later: %s", path, exc)
        return False
    return True


def _remove_tree_once(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    if os.path.lexists(path):
        with contextlib.suppress(FileNotFoundError):  # removed meanwhile by another program
            shutil.rmtree(path)  # once more, to learn why it stays


def remove_tree_checked(path: Path, wait: float | None = None) -> None:
    """Remove a folder if it exists, waiting for another program to let go of what is in it;
    ``FileInUseError`` (or the system's error) when it is still there."""
    _patiently(
        "remove_tree",
        (path,),
        lambda: _remove_tree_once(path),
        HOLD_WAIT_SECONDS if wait is None else wait,
    )


def remove_tree(path: Path, wait: float | None = None) -> bool:
    """Remove a folder if it exists, ignoring a concurrent removal; False when some of it
    stays (held open past the wait, or not removable), for a later clean-up to find."""
    try:
        remove_tree_checked(path, wait)
    except OSError as exc:
        log.info("%s was left for later: %s", path, exc)
        return False
    return True


def swap_in(fresh: Path, current: Path, aside: Path | None = None) -> None:
    """Put the folder ``fresh`` in place of ``current``, moved to ``aside`` (a free name) then
    removed when it can be. Without ``aside``, it goes to ``NAME.old`` (``NAME.old-2``… when
    one left by an earlier swap is still read by another program; those go first, if they
    can). When Windows refuses a rename past the wait, ``current`` is put back as it was and
    ``FileInUseError`` raised: ``fresh`` stays for the caller."""
    if aside is None:
        for left in current.parent.glob(glob.escape(current.name) + ".old*"):
            remove_tree(left, wait=0)  # one still read is not waited for: it has a name
        aside = unused_name(current.parent, current.name + ".old")
    moved = os.path.lexists(current)
    if moved:
        replace_file(current, aside)
    try:
        replace_file(fresh, current)
    except BaseException:
        if moved:
            replace_file(aside, current)
        raise
    fsync_dir(current.parent)
    remove_tree(aside, wait=_LONGEST_PAUSE)  # a scanner lets go soon; a reader goes on


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
