"""Replacing and removing what another program holds open, as Windows refuses it.

Windows refuses to rename or delete a file (or a folder holding it) while another handle holds
it open; ``tests.helpers.windows_sharing`` holds a real file open and refuses as Windows would.
Each operation waits for the holder to let go, or after ``HOLD_WAIT_SECONDS`` says so plainly
and leaves the old file or folder as it was.
"""

import logging
import os
from pathlib import Path

import pytest

from resources_index.cli.common import describe
from resources_index.errors import reason_of
from resources_index.library.kits import KitStore
from resources_index.library.library import Library
from resources_index.support import logs
from resources_index.util import fsutil
from resources_index.util.fsutil import (
    FileInUseError,
    remove_file,
    remove_tree,
    remove_tree_checked,
    replace_file,
    swap_in,
    write_atomic,
)
from tests.helpers.windows_sharing import files_below, holding


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wait of 0.2 s instead of 2 s: the tests that hold a file to the end stay quick."""
    monkeypatch.setattr(fsutil, "HOLD_WAIT_SECONDS", 0.2)


def test_a_replace_waits_for_the_holder_to_let_go(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    with holding(target, let_go_after=3) as holder:
        write_atomic(target, b"new")
    assert holder.refused == ["replace"] * 3
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no part file left


def test_a_replace_held_past_the_wait_says_so_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    with holding(target) as holder, pytest.raises(FileInUseError) as caught:
        write_atomic(target, b"new")
    # 10 ms, doubling, at most 250 ms between attempts, 2 s in all: 13 attempts.
    assert len(holder.refused) == 13
    assert str(reason_of(caught.value)) == "another program is using it"
    assert describe(caught.value, "settings") == (
        f"The settings were not saved: {target} could not be written (another program is using it)."
    )
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_an_error_that_is_not_a_held_file_is_not_waited_on(tmp_path: Path) -> None:
    """An error other than Windows' refusal is the system's, at once."""
    with pytest.raises(FileNotFoundError):
        replace_file(tmp_path / "never-written", tmp_path / "settings.json")
    assert not (tmp_path / "settings.json").exists()


@pytest.mark.skipif(os.name == "nt", reason="Windows refuses these with access denied")
def test_a_folder_in_the_way_is_said_at_once(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, b"x")  # replacing a folder by a file
    (tmp_path / "folder").mkdir()
    with pytest.raises(IsADirectoryError):
        remove_file(tmp_path / "folder")


def test_a_removal_waits_and_then_leaves_the_file(tmp_path: Path, short_wait: None) -> None:
    draft = tmp_path / "draft.json"
    draft.write_bytes(b"answers")
    with holding(draft, let_go_after=2):
        remove_file(draft)
    assert not draft.exists()
    draft.write_bytes(b"answers")
    with holding(draft), pytest.raises(FileInUseError):
        remove_file(draft)
    assert draft.read_bytes() == b"answers"


def test_a_tree_held_open_is_removed_when_let_go_or_left(tmp_path: Path, short_wait: None) -> None:
    folder = tmp_path / "scratch"
    (folder / "deep").mkdir(parents=True)
    (folder / "deep" / "file.pdf").write_bytes(b"%PDF")
    with holding(folder / "deep" / "file.pdf", let_go_after=1):
        remove_tree_checked(folder)
    assert not folder.exists()
    (folder / "deep").mkdir(parents=True)
    (folder / "deep" / "file.pdf").write_bytes(b"%PDF")
    with holding(folder / "deep" / "file.pdf"):
        assert remove_tree(folder) is False  # best effort: left for a later clean-up
        with pytest.raises(FileInUseError):
            remove_tree_checked(folder)
    assert files_below(folder) == {"deep/file.pdf": b"%PDF"}


def test_a_folder_swap_held_past_the_wait_puts_everything_back(
    tmp_path: Path, short_wait: None
) -> None:
    current, fresh, aside = tmp_path / "index", tmp_path / "index.new", tmp_path / "index.old"
    current.mkdir()
    (current / "segment").write_bytes(b"old segment")
    fresh.mkdir()
    (fresh / "segment").write_bytes(b"new segment")
    with holding(current / "segment"), pytest.raises(FileInUseError):
        swap_in(fresh, current, aside)
    assert files_below(current) == {"segment": b"old segment"}
    assert files_below(fresh) == {"segment": b"new segment"}
    assert not aside.exists()
    with holding(current / "segment", let_go_after=4) as holder:
        swap_in(fresh, current, aside)
    assert len(holder.refused) == 4
    assert files_below(current) == {"segment": b"new segment"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]


def test_a_kit_held_open_is_not_deleted(library: Library, short_wait: None) -> None:
    kits = KitStore(library)
    kit = kits.create("Monday session")
    path = next((library.root / "kits").glob("*.json"))
    with holding(path), pytest.raises(FileInUseError):
        kits.delete(kit)
    assert [k.id for k in kits.all()] == [kit.id]
    with holding(path, let_go_after=1):
        kits.delete(kit)
    assert kits.all() == []


def test_a_log_another_program_holds_is_appended_to_unrotated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window holds the log open on Windows while the command line writes it too: the
    command line stops rotating and goes on appending, losing no line and no older log."""
    monkeypatch.setenv("SOP_DESKTOP_LOGS", str(tmp_path))
    monkeypatch.setattr(logs, "ROTATION_WAIT_SECONDS", 0.05)
    target = logs.setup("test")
    assert target is not None
    handler = next(h for h in logging.getLogger("resources_index").handlers if h.sop_log)  # type: ignore[attr-defined]
    try:
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.maxBytes = 100  # the next line rotates
        (tmp_path / (logs.LOG_FILE + ".1")).write_text("older log\n")
        with holding(target) as holder:
            for number in range(3):
                logging.getLogger("resources_index").warning("held line %d", number)
        assert holder.refused and set(holder.refused) == {"replace"}
        text = target.read_text()
        assert all(f"held line {n}" in text for n in range(3))
        assert handler.maxBytes == 0
        backups = sorted(p.name for p in tmp_path.glob(logs.LOG_FILE + ".*"))
        assert backups == [logs.LOG_FILE + ".2"]  # the older log moved along, not lost
        assert (tmp_path / backups[0]).read_text() == "older log\n"
    finally:
        for name in ("resources_index", "sop_desktop"):
            logging.getLogger(name).removeHandler(handler)
        handler.close()
