"""Faults as users bring them: a small (or read-only) disk, and the command line run as a
separate process, as a person or a script runs it."""

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources_index.library.library import Library


@contextlib.contextmanager
def small_disk(folder: Path, megabytes: int) -> Iterator[Path]:
    """A tmpfs of ``megabytes`` at ``folder`` (root only, as CI runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small disk needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resources_index.cli", "--data-dir", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_only(disk: Path) -> None:
    remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip("cannot remount the small disk read-only")


def a_searched_library(disk: Path) -> Library:
    library = Library(disk / "library")
    library.ensure_starter()
    library.close()
    done = cli(library.root, "search", "safety plan", "--limit", "1")
    assert done.returncode == 0, done.stderr  # the index made, while it can be written
    return library
