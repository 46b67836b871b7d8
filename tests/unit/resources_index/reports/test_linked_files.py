"""Nothing is written outside the folders the program owns: a counts file or a state file that
is a link (to another library's database, say) is set aside, never opened or written through."""

import hashlib
import shutil
from pathlib import Path

import pytest

from resources_index.library.library import Library, open_library
from resources_index.library.state import SET_ASIDE as STATE_ASIDE
from resources_index.reports.usage import REPORTS_DIR, SET_ASIDE, USAGE_FILE, Usage
from tests.helpers.reporting import county_policy


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("linked", ["", "-wal", "-shm"])
def test_a_linked_counts_file_is_set_aside_and_the_victim_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, linked: str
) -> None:
    county_policy(tmp_path, monkeypatch, "Contra Costa")
    other = Library(tmp_path / "other")
    with Usage.opened(other) as usage:  # a valid counts database elsewhere
        usage.count("opened", "three-houses")
    victim = tmp_path / f"victim.sqlite{linked}"
    shutil.copy(other.root / REPORTS_DIR / USAGE_FILE, tmp_path / "victim.sqlite")
    if linked:
        victim.write_bytes(b"\0" * 4096)
    before = _digest(victim)
    laptop = Library(tmp_path / "laptop")
    folder = laptop.root / REPORTS_DIR
    folder.mkdir(parents=True)
    (folder / (USAGE_FILE + linked)).symlink_to(victim)
    with Usage.opened(laptop) as usage:
        usage.count("opened", "three-houses")
        usage.count("opened", "three-houses")
    assert _digest(victim) == before  # never written through the link
    assert not (folder / (USAGE_FILE + linked)).is_symlink()
    assert any((folder / SET_ASIDE).iterdir())  # the link, set aside (doctor names it)
    with Usage.opened(laptop) as usage:  # counting goes on in a file of its own
        report = usage.report(usage_period())
    assert report is not None


def usage_period() -> str:
    from resources_index.reports.periods import period_of

    return period_of()


def test_a_linked_state_file_is_set_aside_and_the_victim_untouched(tmp_path: Path) -> None:
    other = open_library(tmp_path / "other")
    other.state.set_favorite("three-houses", True)
    other.close()
    victim = tmp_path / "victim.sqlite3"
    shutil.copy(other.root / "state.sqlite3", victim)
    before = _digest(victim)
    root = tmp_path / "laptop"
    open_library(root).close()
    (root / "state.sqlite3").unlink()
    (root / "state.sqlite3").symlink_to(victim)
    library = Library(root)
    assert library.current() is not None  # the starter, its state started again
    library.state.set_favorite("another", True)
    library.close()
    assert _digest(victim) == before
    assert not (root / "state.sqlite3").is_symlink()
    assert [p.is_symlink() for p in (root / STATE_ASIDE).iterdir()] == [True]


def test_a_linked_state_journal_is_never_written_or_replayed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.bin"
    victim.write_bytes(b"precious" * 1000)
    before = _digest(victim)
    root = tmp_path / "laptop"
    open_library(root).close()
    (root / "state.sqlite3-journal").symlink_to(victim)
    library = Library(root)
    assert library.current() is not None
    library.state.set_favorite("three-houses", True)
    assert library.state.favorites() == ["three-houses"]
    library.close()
    assert _digest(victim) == before and not (root / "state.sqlite3-journal").exists()
