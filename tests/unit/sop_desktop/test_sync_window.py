"""Sync from the window against a real server on 127.0.0.1: progress, Cancel, errors, refresh."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from sop_desktop.viewers.viewer_window import ViewerWindow
from sop_desktop.window.main_window import MainWindow
from sop_desktop.window.sync_jobs import SyncJobs
from tests.helpers.manifests import read_manifest
from tests.helpers.served import SlowHandler, point_at, running
from tests.helpers.window_driving import type_query
from tests.helpers.window_reading import shown_message


def sync_once(
    qtbot: QtBot, window: MainWindow, library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    """Sync the window's library from ``published``, served on 127.0.0.1, once; the server
    is gone afterwards."""
    with running(published) as server:
        point_at(library, server.url, keys)
        window.sync_button.click()
        qtbot.waitUntil(lambda: "Sync finished" in window.sync_notice.text(), timeout=30_000)


@pytest.fixture
def large_published(source: Path, published: Path, keys: tuple[Path, Path]) -> Iterator[Path]:
    (source / "workshop-recording.mp4").write_bytes(os.urandom(3 * 1024 * 1024))
    publish(source, published, keys[0], catalog_id="test-catalog")
    yield published


def test_sync_shows_progress_stays_searchable_and_can_be_cancelled(
    qtbot: QtBot,
    window: MainWindow,
    starter_library: Library,
    large_published: Path,
    keys: tuple[Path, Path],
) -> None:
    said: list[str] = []
    window.announcer.said.connect(said.append)
    with running(large_published, handler=SlowHandler) as server:
        point_at(starter_library, server.url, keys)
        window.sync_button.click()
        assert said[-1] == "Syncing…"  # a screen reader hears it start
        qtbot.waitUntil(
            lambda: " files · " in window.status_area.progress_label.text(), timeout=20_000
        )
        qtbot.waitUntil(lambda: "25 % downloaded" in said, timeout=20_000)  # and how far
        assert (
            window.status_area.progress.isVisible() and window.status_area.cancel_button.isVisible()
        )
        assert not window.sync_button.isEnabled()
        assert type_query(qtbot, window, "three houses").rows  # searchable during the sync
        window.status_area.cancel_button.click()
        qtbot.waitUntil(lambda: window.sync_button.isEnabled(), timeout=20_000)
    # What the user asked for is said on the status line, not as a failure.
    assert window.statusBar().currentMessage() == "Sync cancelled; the library was not changed."
    assert window.message_box is None
    assert not window.status_area.progress.isVisible()
    assert starter_library.current().catalog_id != "test-catalog"  # type: ignore[union-attr]
    assert starter_library.verify() == []


def test_a_finished_sync_refreshes_the_window_and_lists_what_is_new(
    qtbot: QtBot,
    window: MainWindow,
    starter_library: Library,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    said: list[str] = []
    window.announcer.said.connect(said.append)
    sync_once(qtbot, window, starter_library, published, keys)
    assert "7 new" in window.sync_notice.text() and window.sync_notice.isVisible()
    assert "Sync finished: 7 new, 0 updated, 56 removed. Show what's new" in said
    version = read_manifest(published, keys[1]).version
    assert str(version) in window.status_area.catalog_label.toolTip()
    assert window.status_area.last_sync_label.text().startswith("Last sync ")
    qtbot.waitUntil(lambda: window.count_label.text() == "7 resources")
    window._notice_link("new")
    qtbot.waitUntil(lambda: window.search.scope == "new" and window.last_outcome.total == 7)
    window._notice_link("dismiss")
    assert not window.sync_notice.isVisible()


def test_an_unreachable_server_is_a_clear_message_with_details(
    qtbot: QtBot, window: MainWindow, starter_library: Library, keys: tuple[Path, Path]
) -> None:
    assert window.status_area.network_label.text() == "No sync server"  # none set yet
    point_at(starter_library, "http://127.0.0.1:9/", keys)
    window.start_sync()
    box = shown_message(qtbot, window)
    assert box.text().startswith("Could not reach http://127.0.0.1:9/: no connection")
    assert "The library was not changed." in box.text()
    # Facts for whoever helps, one click away: the address and the reason, not a traceback.
    assert "http://127.0.0.1:9/" in box.detailedText() and "Traceback" not in box.detailedText()
    assert window.results_model.rowCount() == 56
    # The status bar tells the truth: a server is set, and the last attempt failed.
    status = window.status_area
    assert status.network_label.text() != "No sync server"
    assert "Online" not in status.network_label.text()  # the server is not reachable
    assert status.last_sync_label.text().startswith("Last sync failed ")
    assert status.last_sync_label.text().endswith(" · no sync has worked yet")


def test_a_failure_after_a_sync_that_worked_says_both(
    qtbot: QtBot,
    window: MainWindow,
    starter_library: Library,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    sync_once(qtbot, window, starter_library, published, keys)
    label = window.status_area.last_sync_label
    worked = label.text()
    assert worked.startswith("Last sync ")
    window.sync_button.click()  # the server is gone now
    shown_message(qtbot, window).accept()
    assert label.text().startswith("Last sync failed ")
    assert label.text().endswith(worked.replace("Last sync", " · last worked"))


def test_a_file_not_yet_downloaded_is_offered_then_opened(
    qtbot: QtBot,
    window: MainWindow,
    starter_library: Library,
    published: Path,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with running(published) as server:
        point_at(starter_library, server.url, keys, download_policy="when_opened")
        window.start_sync()
        qtbot.waitUntil(lambda: "Sync finished" in window.sync_notice.text(), timeout=30_000)
        manifest = starter_library.current()
        assert manifest is not None
        tip_sheet = manifest.by_id["three-houses"]  # a PDF this laptop never had
        assert not starter_library.store.has(tip_sheet.main.sha256, tip_sheet.main.size)
        asked: list[str] = []

        def answer_yes(*args: object) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer_yes)
        window.open_resource(tip_sheet)
        qtbot.waitUntil(lambda: "three-houses" in window.viewers, timeout=20_000)
    assert "is not on this laptop yet" in asked[0]
    assert isinstance(window.viewers["three-houses"], ViewerWindow)
    assert starter_library.store.has(tip_sheet.main.sha256, tip_sheet.main.size)


def test_the_policy_schedule_syncs_in_the_background_without_dialogs(
    qtbot: QtBot,
    tmp_path: Path,
    published: Path,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    from resources_index.library.library import open_library
    from tests.helpers.window_driving import open_window

    with running(published) as server:
        policy = tmp_path / "policy.json"
        policy.write_text(
            json.dumps(
                {
                    "settings": {"server_url": server.url, "trusted_keys": [keys[1].read_text()]},
                    "sync_interval_hours": 24,
                }
            )
        )
        monkeypatch.setenv("SOP_DESKTOP_POLICY", str(policy))
        monkeypatch.setattr(SyncJobs, "first_check_ms", 0)
        library = open_library(tmp_path / "library")
        window = open_window(qtbot, library)
        qtbot.waitUntil(lambda: "Sync finished" in window.sync_notice.text(), timeout=30_000)
        assert not window.sync_jobs.due()  # just synced: the next one is a day away
        assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    settings = library.user_settings()
    settings.set("server_url", "http://127.0.0.1:9/")  # the policy's is only a default
    settings.save(library.root)
    library.state.set_many({"last_sync_at": "2020-01-01T00:00:00Z"})
    assert window.sync_jobs.due()
    window.sync_jobs.scheduled_sync()
    qtbot.waitUntil(
        lambda: "Scheduled sync did not finish" in window.statusBar().currentMessage(),
        timeout=30_000,
    )
    assert getattr(window, "message_box", None) is None  # no dialog for what nobody asked
    window.close()
