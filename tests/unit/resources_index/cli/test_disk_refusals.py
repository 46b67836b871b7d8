"""A read-only or full disk under the library, met by the command line: one sentence of what
could not be done and why, never the system's own words ("Read-only file system")."""

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources_index.cli.main import main


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_a_read_only_library_says_what_was_not_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _tmpfs(tmp_path / "lib", "4m") as lib:
        data = ["--data-dir", str(lib)]
        assert main([*data, "settings", "set", "download_limit_mb", "10"]) == 0
        _read_only(lib)
        capsys.readouterr()
        assert main([*data, "settings", "set", "download_limit_mb", "20"]) != 0
        said = capsys.readouterr().err.strip()
        assert said == (
            f"sop-resources: The settings were not saved: {lib / 'settings.json'} could not be"
            " written (the disk is read-only)."
        )
        assert main([*data, "sync", "http://127.0.0.1:9/pub/"]) != 0
        said = capsys.readouterr().err.strip()
        assert said.startswith("sop-resources: Nothing was synced: ")
        assert said.endswith("(the disk is read-only).") and "Read-only file system" not in said


def test_a_full_disk_says_what_was_not_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _tmpfs(tmp_path / "lib", "256k") as lib:
        data = ["--data-dir", str(lib)]
        filler = lib / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        capsys.readouterr()
        assert main([*data, "settings", "set", "download_limit_mb", "20"]) != 0
        said = capsys.readouterr().err.strip()
        assert said.startswith("sop-resources: The settings were not saved: ")
        assert said.endswith("the disk is full.") and "No space" not in said
