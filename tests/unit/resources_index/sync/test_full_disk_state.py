"""A sync on a disk that is already full (the state file's own writes fail): the plain
disk-full sentence, the library intact and readable, never SQLite's words or a traceback."""

import contextlib
import shutil
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.errors import LibraryError
from resources_index.library.library import Library
from resources_index.sync import syncer as sync_module
from resources_index.sync.syncer import sync
from resources_index.util import fsutil
from tests.helpers.faults import cli, small_disk
from tests.helpers.served import running
from tests.helpers.syncing import FAST


def _fill(disk: Path) -> None:
    """Fill ``disk`` to the last byte, as ``dd if=/dev/zero`` would."""
    for number, chunk in enumerate((65536, 512)):
        with contextlib.suppress(OSError), (disk / f"ballast-{number}").open("wb") as ballast:
            while True:
                ballast.write(b"\0" * chunk)
                ballast.flush()


def test_a_state_write_on_a_full_disk_raises_the_disk_full_error_and_keeps_the_state(
    tmp_path: Path,
) -> None:
    """SQLite ends the transaction itself when the disk is full; the error that counts is
    the one raised, never "cannot rollback - no transaction is active"."""
    import sqlite3

    from resources_index.errors import reason_of
    from resources_index.library.state import StateDB

    with small_disk(tmp_path / "disk", 2) as disk:
        state = StateDB(disk / "state.sqlite3")
        state.set_many({"server": "kept"})
        _fill(disk)
        with pytest.raises(sqlite3.OperationalError) as raised:
            state.set_many({"big": "x" * 200_000})
        assert reason_of(raised.value).kind == "os.disk_full", raised.value
        assert state.get("server") == "kept" and state.get("big") is None
        state.set_many({"server": "kept"})  # usable again: no transaction left open
        state.close()


def test_a_sync_on_a_full_disk_says_so_and_the_library_stays(
    tmp_path: Path, published: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    trusted = [load_public_key(keys[1])]
    with small_disk(tmp_path / "disk", 48) as disk, running(published) as server:
        library = Library(disk / "library")
        sync(library, server.url, trusted, http=FAST)  # a library synced with the server
        version = library.current().version  # type: ignore[union-attr]
        library.close()
        library = Library(disk / "library")  # (opening tidies what a run left: then fill)
        library.current()
        _fill(disk)
        assert fsutil.free_bytes(disk) == 0
        # A state write that must grow the file (SQLite updates a same-sized value in place,
        # which a full tmpfs may still take): the time of the sync, as long as it takes.
        monkeypatch.setattr(sync_module, "format_time", lambda moment: "2026" + "0" * 100_000)
        with pytest.raises(LibraryError) as raised:
            sync(library, server.url, trusted, http=FAST)  # the catalog has not changed
        assert raised.value.kind == "library.disk_full", raised.value
        assert library.current().version == version  # type: ignore[union-attr]
        library.close()
        monkeypatch.undo()
        shutil.copy(keys[1], tmp_path / "key.pub")
        done = cli(disk / "library", "sync", server.url, "--trust", str(tmp_path / "key.pub"))
        # (the same-sized write may still fit: then it works, else the same sentence)
        said = done.stderr
        assert "Traceback" not in said and "rollback" not in said and "sqlite" not in said.lower()
        assert done.returncode == 0 or "disk holding the library is full" in said, said
        searched = cli(disk / "library", "search", "three houses")
        assert searched.returncode == 0 and "Traceback" not in searched.stderr
