"""What every subcommand shares: exit codes, the library it works on, progress on a terminal."""

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from resources_index.config import paths
from resources_index.errors import ResourcesError, Words, reason_of
from resources_index.library.library import Library, open_library

if TYPE_CHECKING:
    from resources_index.sync.report import SyncProgress

EXIT_OK, EXIT_FAILED, EXIT_PROBLEMS = 0, 1, 3


def human_bytes(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{count} bytes"


def progress_printer(label: str) -> Callable[[int, int], None]:
    """A one-line progress bar on a terminal; silent when output is redirected."""
    if not sys.stderr.isatty():
        return lambda done, total: None

    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        end = "\n" if done >= total else ""
        print(f"\r{label} [{bar:<30}] {share:4.0%} {human_bytes(done)}", end=end, file=sys.stderr)

    return show


def sync_progress(label: str) -> "Callable[[SyncProgress], None]":
    show = progress_printer(label)
    return lambda p: show(p.bytes_done, p.bytes_total) if p.bytes_total else None


def refresh_index(library: Library) -> None:
    """Bring the search index up to date now, so the first search after a change is quick."""
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(library)
    search.refresh()
    search.close()


def opened_library(args: argparse.Namespace) -> Library:
    return open_library(paths.data_dir(args.data_dir))


def server_url(args: argparse.Namespace, library: Library) -> str:
    url = getattr(args, "url", None) or library.settings().server_url
    if not url and library.policy.unusable is not None:  # the address may be in that file
        raise ResourcesError("cli.no_server_policy", policy=library.policy.unusable)
    if not url:
        raise ResourcesError("cli.no_server")
    return str(url)


def describe(error: ResourcesError | OSError, command: str = "") -> str:
    """The one place the command line puts a failure into words (English: ``messages.py``):
    a system's refusal as what could not be done (``command``) and why, never its own
    text."""
    if isinstance(error, ResourcesError):
        return str(error)
    action = _ACTIONS.get(command)
    done = Words(action) if action else Words("os.action.other", command=command or "command")
    reason = reason_of(error)
    if not error.filename:
        return str(Words("os.failed", action=done, reason=reason))
    path = Path(str(error.filename))
    if path.name == ".lock":  # the library's lock: the folder is what could not be written
        path = path.parent
    elif meant := _WRITTEN_IN_PLACE.fullmatch(path.name):  # write_atomic's file for another
        path = path.with_name(meant[1])
    return str(Words("os.failed_at", action=done, path=path, reason=reason))


#: The name ``write_atomic`` writes a file under before it takes the file's place.
_WRITTEN_IN_PLACE = re.compile(r"\.(.+)\.[^.]+\.part")
#: What each command could not do, when the system refuses it (a read-only or full disk).
_ACTIONS = {
    "settings": "os.action.settings",
    "sync": "os.action.sync",
    "offline": "os.action.offline",
    "import-bundle": "os.action.import",
}
