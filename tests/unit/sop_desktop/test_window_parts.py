"""The window's parts built alone, without the main window: each is given the library, the
notifier and the library's change signals, and does its job with nothing else."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from resources_index.catalog.records import Resource
from resources_index.library.library import Library, open_library
from resources_index.reports.periods import period_of
from resources_index.reports.usage import Usage
from sop_desktop.accessible import Announcer
from sop_desktop.controllers.search_controller import SearchController, SearchOutcome
from sop_desktop.controllers.sync_controller import SyncController
from sop_desktop.dialogs.settings_dialog import SettingsDialog
from sop_desktop.panels.filter_panel import FilterPanel
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.notifier import Notifier
from sop_desktop.window.status_area import StatusArea
from sop_desktop.window.sync_jobs import SyncJobs
from sop_desktop.window.usage_counting import UsageCounting
from sop_desktop.window.window_state import WindowState
from tests.helpers.reporting import county_policy
from tests.helpers.served import point_at, running


@pytest.fixture
def host(qtbot: QtBot) -> QMainWindow:
    """A bare window for the parts to live in (not the program's window)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def notifier(host: QMainWindow) -> Notifier:
    return Notifier(host, host.statusBar(), Announcer(host))


def measures(library: Library) -> dict[tuple[str, str], int]:
    """This week's usage counts, by measure and key."""
    usage = Usage.of(library)
    try:
        report = usage.report(period_of())
    finally:
        usage.close()
    return {(m["measure"], m["key"]): m["value"] for m in report["measures"]}


def total(seen: dict[tuple[str, str], int], measure: str) -> int:
    return sum(value for (name, _), value in seen.items() if name == measure)


@pytest.fixture
def county_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """The starter library on a county's laptop, where usage reports are on."""
    county_policy(tmp_path, monkeypatch)
    library = open_library(tmp_path / "library")
    yield library
    library.close()


def some_resources(library: Library, count: int) -> list[Resource]:
    manifest = library.current()
    assert manifest is not None and len(manifest.resources) >= count
    return list(manifest.resources[:count])


def test_usage_counting_counts_what_the_library_says_was_used(
    host: QMainWindow, notifier: Notifier, county_library: Library
) -> None:
    events = LibraryEvents()
    typed = ["harm statment"]
    counting = UsageCounting(Usage.of(county_library), events, lambda: typed[0], notifier, host)
    assert counting.active
    first, second = some_resources(county_library, 2)
    corrected = SearchOutcome(
        generation=1,
        query="harm statment",
        total=4,
        suggestion="harm statements",
        corrected=True,
    )
    counting.answered(corrected)
    events.resource_used.emit("opened", first)  # opened from a corrected search
    events.resource_used.emit("presented", first)
    events.resource_used.emit("printed", second)
    events.resource_used.emit("saved", second)
    counting.close()
    seen = measures(county_library)
    assert seen[("opened", first.id)] == 1
    assert seen[("presented", first.id)] == 1
    assert seen[("printed", second.id)] == 1
    assert seen[("saved", second.id)] == 1
    assert ("opened", second.id) not in seen
    assert total(seen, "corrections_accepted") == 1
    assert seen[("searches", "")] == 1  # the search something was opened from, once
    assert total(seen, "searches_without_open") == 0


def test_nothing_is_counted_where_reports_are_off(
    host: QMainWindow, notifier: Notifier, tmp_path: Path
) -> None:
    library = open_library(tmp_path / "library")
    events = LibraryEvents()
    counting = UsageCounting(Usage.of(library), events, str, notifier, host)
    assert not counting.active
    (resource,) = some_resources(library, 1)
    events.resource_used.emit("opened", resource)
    counting.close()
    seen = measures(library)
    assert total(seen, "opened") == 0 and total(seen, "days_used") == 0, seen
    library.close()


def test_the_notifier_tells_the_status_bar_a_box_and_assistive_technology(
    qtbot: QtBot, host: QMainWindow, notifier: Notifier
) -> None:
    said: list[str] = []
    notifier.announcer.said.connect(said.append)
    notifier.status("Saved a copy as plan.pdf")
    assert host.statusBar().currentMessage() == "Saved a copy as plan.pdf"
    assert said == ["Saved a copy as plan.pdf"]  # what the eye reads at the bottom is heard
    notifier.announce("12 results")
    assert said[-1] == "12 results"
    assert host.statusBar().currentMessage() == "Saved a copy as plan.pdf"  # heard, not shown
    notifier.error("The server could not be reached.", "timed out", "Sync did not finish")
    box = notifier.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert said[-1] == "The server could not be reached."
    assert box.text() == "The server could not be reached."
    assert box.detailedText() == "timed out"
    # A screen reader finds the box by the name the accessibility layer gives it.
    face = QAccessible.queryAccessibleInterface(box)
    assert face is not None
    assert face.text(QAccessible.Text.Name) == "Sync did not finish"
    box.close()
    notifier.message("Library copied to E:/SOP Desktop library: 3 files (2 kB).")
    assert notifier.box is not None and notifier.box is not box
    assert said[-1] == "Library copied to E:/SOP Desktop library: 3 files (2 kB)."
    notifier.box.close()


def sync_jobs(host: QMainWindow, notifier: Notifier, library: Library) -> SyncJobs:
    """The window's side of syncing, built alone on ``library``."""
    button = QPushButton("Sync", host)
    return SyncJobs(
        SyncController(library, host),
        library,
        LibraryEvents(host),
        notifier,
        StatusArea(host, library),
        (button,),
        QLabel(host),
        lambda: SettingsDialog(library, host),
    )


def test_a_sync_that_brings_a_catalog_says_the_catalog_changed(
    qtbot: QtBot,
    host: QMainWindow,
    notifier: Notifier,
    starter_library: Library,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    jobs = sync_jobs(host, notifier, starter_library)
    heard: list[str] = []
    jobs.events.catalog_changed.connect(lambda: heard.append("catalog"))
    jobs.events.files_changed.connect(lambda: heard.append("files"))
    jobs.events.state_changed.connect(lambda: heard.append("state"))
    (button,) = jobs.controls
    with running(published) as server:
        point_at(starter_library, server.url, keys)
        with qtbot.waitSignal(jobs.events.catalog_changed, timeout=30_000):
            assert jobs.controller.start_sync()
            assert not button.isEnabled()  # one job at a time
        assert heard == ["files", "catalog"]
        assert button.isEnabled()
        assert "Sync finished" in jobs.sync_notice.text() and jobs.sync_notice.isVisibleTo(host)
        assert starter_library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
        # The same catalog again: nothing new, only the state (the last sync) changed.
        heard.clear()
        with qtbot.waitSignal(jobs.events.state_changed, timeout=30_000):
            assert jobs.controller.start_sync()
    assert heard == ["files", "state"]
    assert host.statusBar().currentMessage() == "Already up to date."
    assert notifier.box is None


def test_a_failed_sync_is_told_through_the_notifier(
    qtbot: QtBot, host: QMainWindow, notifier: Notifier, starter_library: Library
) -> None:
    jobs = sync_jobs(host, notifier, starter_library)
    with qtbot.waitSignal(jobs.events.state_changed, timeout=10_000):
        jobs.controller.start_sync()  # no server is set
    box = notifier.box
    assert box is not None
    assert box.windowTitle() == "Sync did not finish"
    assert "No server address is set" in box.text()
    box.close()


def test_the_window_state_comes_back_on_a_bare_window(
    qtbot: QtBot, host: QMainWindow, starter_library: Library, tmp_path: Path
) -> None:
    remembered = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    remembered.setValue("size", "790x600")  # within the offscreen screen
    remembered.setValue("columns", "[0.25, 0.4, 0.35]")  # each above its minimum
    remembered.setValue("filters", '{"type": ["video"], "nonsense": ["x"]}')
    remembered.setValue("scope", "favorites")
    splitter = QSplitter(Qt.Orientation.Horizontal, host)
    for _ in range(3):
        splitter.addWidget(QWidget(splitter))
    host.setCentralWidget(splitter)
    filters = FilterPanel(host)
    search = SearchController(starter_library, host)
    state = WindowState(host, remembered, splitter, filters, search)
    state.restore()
    assert (host.width(), host.height()) == (790, 600)
    assert filters.selected == search.filters == {"type": ["video"]}
    assert filters.scope == search.scope == "favorites"
    assert "pending_splitter" not in vars(host)  # nothing is added to the window
    host.show()  # the columns take their shares once the window has its size

    def near_shares() -> bool:
        sizes = splitter.sizes()
        wanted = [sum(sizes) * share for share in (0.25, 0.4, 0.35)]
        return all(abs(a - b) <= 10 for a, b in zip(sizes, wanted, strict=True))

    qtbot.waitUntil(near_shares)
    filters.set_scope("recent")
    state.save()
    again = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert again.value("scope") == "recent"
    assert again.value("size") == "790x600"
    search.close()
