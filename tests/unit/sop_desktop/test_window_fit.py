"""Every window opens inside the screen it is on: on a 1366×768 laptop at 100 %, 150 % and
200 %, the main window (even with a size remembered from a larger screen), the document and
video viewers, the presenter view and the dialogs, frame and title bar included. Each scale runs
the real program in its own process, as the system would start it."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QRect, QSize
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.screen_fit import fitted_geometry
from tests.helpers.on_a_screen import run_on_screen
from tests.helpers.window_driving import open_window


@pytest.mark.parametrize(
    ("scale", "logical"), [("1", (1366, 768)), ("1.5", (911, 512)), ("2", (683, 384))]
)
def test_every_window_opens_inside_a_1366_by_768_screen(
    tmp_path: Path, scale: str, logical: tuple[int, int]
) -> None:
    seen = run_on_screen(
        tmp_path, scale, (1366, 768), "tests.helpers.fitted_windows", str(tmp_path / "library")
    )
    area = QRect(*seen["area"])
    assert (area.width(), area.height()) == logical  # the scale really applied
    names = [window["name"] for window in seen["windows"]]
    assert names == [
        "main",
        "safety-plan-development-guide",
        "three-houses-video",
        "teaming-toolkit-for-partners",
        "presenter",
        "settings",
        "welcome",
        "guide",
        "shortcuts",
        "print",
    ]
    for window in seen["windows"]:
        assert area.contains(QRect(*window["outer"])), (window, seen["area"])
    assert seen["remembered"] == "1920x1200"  # the state file held the larger screen's size
    main = QRect(*seen["windows"][0]["inside"])
    assert main.width() < 1920 and main.height() < 1200  # the remembered size did not fit


def test_a_size_that_fits_is_remembered(qtbot: QtBot, starter_library: Library) -> None:
    window = open_window(qtbot, starter_library)
    area = window.screen().availableGeometry()
    wanted = QSize(area.width() * 2 // 3, area.height() * 2 // 3)
    window.resize(wanted)
    window.close()
    again = open_window(qtbot, starter_library)
    assert again.size() == wanted
    again.close()


def test_a_window_is_shrunk_and_moved_onto_the_screen() -> None:
    area, frame = QRect(0, 0, 911, 512), QMargins(4, 28, 4, 4)
    fitted = fitted_geometry(area, frame, QRect(600, 300, 1500, 1140), QSize(400, 300))
    assert fitted == QRect(4, 28, 903, 480)
    assert fitted_geometry(area, frame, QRect(100, 100, 300, 200), QSize()) == QRect(
        100, 100, 300, 200
    )  # a window that fits stays as it is


def test_a_size_from_a_smaller_screen_is_reused_and_a_larger_one_fills_the_screen(
    tmp_path: Path,
) -> None:
    from tests.helpers.on_a_screen import run_on_screen as on

    laptop = str(tmp_path / "one" / "library")
    (tmp_path / "one").mkdir()
    on(tmp_path / "one", "1", (1366, 768), "tests.helpers.remembered_size", laptop, "1280", "736")
    seen = on(tmp_path / "one", "1", (1920, 1080), "tests.helpers.remembered_size", laptop)
    assert seen["size"] == [1280, 736]  # it fits: the same size again
    trainer = str(tmp_path / "two" / "library")
    (tmp_path / "two").mkdir()
    on(
        tmp_path / "two",
        "1.5",
        (1920, 1080),
        "tests.helpers.remembered_size",
        trainer,
        "1200",
        "650",
    )
    seen = on(tmp_path / "two", "2", (1920, 1080), "tests.helpers.remembered_size", trainer)
    width, height = seen["area"]
    assert seen["size"][0] > width * 0.9 and seen["size"][1] > height * 0.85  # fills the screen
    assert seen["columns"][1] >= 300  # the results column stays usable
