"""One writer per library, and logs that help support without carrying personal data."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resources_index.cli.main import main
from resources_index.library.library import Library
from resources_index.library.lock import LockedError, exclusive
from resources_index.publish.publisher import publish
from tests.helpers.served import SlowHandler, running


def start_sync(root: Path, url: str, key: Path, *more: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "resources_index.cli", "--data-dir", str(root), *more]
    return subprocess.Popen(
        [*command, "sync", url, "--trust", str(key)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_syncs_started_at_once_never_both_write(
    tmp_path: Path, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    (source / "recording.mp4").write_bytes(os.urandom(2 * 1024 * 1024))
    publish(source, published, keys[0], catalog_id="test-catalog")
    root = tmp_path / "shared-library"
    with running(published, handler=SlowHandler) as server:
        first = start_sync(root, server.url, keys[1])
        second = start_sync(root, server.url, keys[1])
        outcomes = sorted((p.wait(120), p.communicate()[1]) for p in (first, second))
        assert [code for code, _ in outcomes] == [0, 1]
        assert "Another SOP Desktop program is using the library" in outcomes[1][1]
        waiting = [start_sync(root, server.url, keys[1], "--wait", "120") for _ in range(2)]
        for process in waiting:
            process.communicate(timeout=180)
        assert [p.returncode for p in waiting] == [0, 0]  # one after the other
    library = Library(root)
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert library.verify() == []


def test_the_lock_is_refused_in_process_and_released_after(tmp_path: Path) -> None:
    with (
        exclusive(tmp_path),
        pytest.raises(LockedError, match="--wait SECONDS"),
        exclusive(tmp_path, wait=0.2),
    ):
        pass
    with exclusive(tmp_path, wait=0.2):  # released by the first block
        pass


def test_logs_record_what_happened_without_queries_or_home_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    data = ["--data-dir", str(tmp_path / "library")]
    assert main([*data, "search", "Maria Lopez danger"]) == 0
    assert main([*data, "sync", "http://127.0.0.1:9/"]) == 1
    capsys.readouterr()
    log = (tmp_path / "logs" / "sop-desktop.log").read_text()
    assert "sop-resources search started" in log and "sync failed: Could not reach" in log
    assert "Maria" not in log and "Lopez" not in log
    assert "library folder ~/library" in log
    assert str(tmp_path) not in log, log  # the home folder is written as ~


def test_waiting_for_the_lock_can_be_given_up_and_ends_when_it_is_let_go(tmp_path: Path) -> None:
    from resources_index.library.lock import acquire_within, library_lock

    root = tmp_path / "library"
    holder, waiter = library_lock(root), library_lock(root)
    holder.acquire()
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 3

    assert not acquire_within(waiter, 60, cancel)  # given up long before a minute
    assert len(asked) == 3
    assert not acquire_within(waiter, 0.2)  # still held: refused after the wait
    holder.release()
    assert acquire_within(waiter, 5)
    waiter.release()
