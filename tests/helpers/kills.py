"""Killing a program at a moment it has reached, seen on disk, rather than after a guessed
delay: a guess lands elsewhere on a loaded machine, and the test then proves less than it says."""

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.002


def kill_when(
    process: subprocess.Popen[bytes], reached: Callable[[], bool], timeout: float = 180
) -> bool:
    """SIGKILL ``process`` as soon as ``reached()`` holds; False when it ended before that."""
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        if reached():
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise AssertionError("the moment to kill the program at never came")
        time.sleep(POLL_SECONDS)
    return False


def bytes_in(folder: Path) -> int:
    """Bytes of the files directly in ``folder`` (0 when it does not exist)."""
    total = 0
    try:
        for entry in os.scandir(folder):
            try:
                total += entry.stat().st_size
            except OSError:
                continue  # renamed away meanwhile
    except OSError:
        return 0
    return total


def replaced(path: Path) -> Callable[[], bool]:
    """A test that holds once ``path`` is another file than now (renamed over: a commit)."""
    before = path.stat().st_ino

    def changed() -> bool:
        try:
            return path.stat().st_ino != before
        except FileNotFoundError:
            return False

    return changed


def install_moments(root: Path, scratch: str, megabytes: "list[float]") -> list[Callable[[], bool]]:
    """Moments of an import or a sync into the library at ``root``: the first bytes arriving in
    its ``scratch`` folder, each of ``megabytes`` arrived there (all before the switch: the
    old catalog stays), and the new ``catalog.json`` just renamed in (the new one)."""
    folder = root / scratch
    arriving = [lambda: bytes_in(folder) > 0]
    arriving += [lambda mb=mb: bytes_in(folder) >= mb * 1024 * 1024 for mb in megabytes]
    return [*arriving, replaced(root / "catalog.json")]
