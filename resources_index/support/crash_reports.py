"""Crash reports for support: a fatal error leaves its stacks in the log folder, and the next
start says so once.

A crash inside Qt or another native library (a segmentation fault, an abort such as Python's
"none_dealloc") kills the process before any Python handler runs, so the user sees the window
vanish and county IT has nothing to go on. ``arm`` opens ``crash-pending-PROGRAM.txt`` in the
log folder, writes a short header (program, versions, start time) and has ``faulthandler``
write the stacks of every thread into it on a fatal signal (on Python 3.14 and newer also the
native C stack). A normal run leaves only the header; ``collect`` at the next start keeps a
file that has more as ``crash-PROGRAM-YYYYMMDD-HHMMSS.txt`` (the newest ten are kept) and
returns its path, once. Nothing personal is written: no query, no user name, no file path
outside the program's own folders.
"""

import faulthandler
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from resources_index import __version__
from resources_index.config import paths
from resources_index.util.fsutil import discard_file, replace_file

HEADER_END = "--- stacks of the fatal error follow ---\n"
KEEP = 10

_armed: TextIO | None = None  # kept open for the life of the process: faulthandler writes here


def pending_file(program: str, folder: Path | None = None) -> Path:
    return (folder or paths.log_dir()) / f"crash-pending-{program}.txt"


def collect(program: str, folder: Path | None = None) -> Path | None:
    """The report a crash of the previous run left, moved where it is kept; None when the
    previous run ended normally (or there was none). Call before ``arm``, which starts anew."""
    pending = pending_file(program, folder)
    try:
        text = pending.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    _, _, stacks = text.partition(HEADER_END)
    if not stacks.strip():
        return None
    moment = datetime.fromtimestamp(pending.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    kept = pending.with_name(f"crash-{program}-{moment}.txt")
    try:
        replace_file(pending, kept)
    except OSError:
        return None
    old = sorted(pending.parent.glob(f"crash-{program}-*.txt"))
    for extra in old[:-KEEP]:
        discard_file(extra)
    return kept


def arm(program: str, about: dict[str, str] | None = None, folder: Path | None = None) -> Path:
    """From now on a fatal error writes its stacks into the pending report. ``about``: more
    lines for the header (the GUI adds Qt's version). Never stops the program: when the folder
    cannot be written, faulthandler writes to the standard error stream as before."""
    global _armed
    target = pending_file(program, folder)
    lines = {
        "program": f"{program} {__version__}",
        "python": sys.version.split()[0],
        "platform": _system(),
        "started": datetime.now().astimezone().isoformat(timespec="seconds"),
        **(about or {}),
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        stream = target.open("w", encoding="utf-8")
        stream.writelines(f"{name}: {value}\n" for name, value in lines.items())
        stream.write(HEADER_END)
        stream.flush()
    except OSError:
        _to_standard_error()
        return target
    if _armed is not None:
        _armed.close()
    _armed = stream
    faulthandler.enable(file=stream, all_threads=True)
    return target


def _system() -> str:
    """The operating system, cheaply (``platform.platform()`` costs start-up milliseconds)."""
    if hasattr(os, "uname"):
        name = os.uname()
        return f"{name.sysname} {name.release} {name.machine}"
    import platform

    return platform.platform()


def disarm() -> None:
    """Back to faulthandler on the standard error stream (for tests and a clean exit)."""
    global _armed
    if _armed is not None:
        _to_standard_error()
        _armed.close()
        _armed = None


def _to_standard_error() -> None:
    if sys.stderr is None:  # a windowed program on Windows has no standard error stream
        faulthandler.disable()
    else:
        faulthandler.enable(all_threads=True)
