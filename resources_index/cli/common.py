"""What every subcommand shares: exit codes, the library it works on, progress on a terminal."""

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from resources_index.config import paths
from resources_index.errors import ResourcesError
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
    if not url:
        raise ResourcesError("cli.no_server")
    return str(url)


def describe(error: ResourcesError | OSError) -> str:
    """The one place the command line puts a failure into words (English: ``messages.py``)."""
    if isinstance(error, ResourcesError):
        return str(error)
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}."
