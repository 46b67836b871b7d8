"""Starting the program after it was updated: a newer packaged starter replaces an older one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources_index.config import paths
from resources_index.library.library import Library, open_library
from sop_desktop.app import tell_about_crash
from tests.helpers.starter import older_starter
from tests.helpers.window_driving import open_window


def test_an_updated_program_installs_its_newer_starter_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "library"
    with monkeypatch.context() as patch:  # the library as an earlier program version left it
        older = older_starter(tmp_path / "older-program" / "starter")
        patch.setattr(paths, "starter_catalog_dir", lambda: older)
        open_library(root).close()
    result = subprocess.run(
        [sys.executable, "-m", "sop_desktop", "--data-dir", str(root), "--startup-probe", "safety"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0 and result.stdout.startswith("answered"), result.stderr
    library = Library(root)
    manifest = library.current()
    library.close()
    assert manifest is not None and manifest.version > 1
    assert {kit.id for kit in manifest.kits} == {"introducing-sop", "introduccion-sop"}


CRASH_AFTER_SHOWING = """
import ctypes, sys
from PySide6.QtCore import QTimer
from sop_desktop import app, __main__

shown = app.MainWindow.show

def show_then_crash(window):
    shown(window)
    QTimer.singleShot(300, lambda: ctypes.string_at(0))  # a fault inside native code

app.MainWindow.show = show_then_crash
sys.exit(__main__.main(sys.argv[1:]))
"""


def test_a_crash_leaves_a_report_and_the_next_start_says_where_it_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    logs = tmp_path / "logs"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOP_DESKTOP_LOGS": str(logs)}
    env.pop("PYTHONFAULTHANDLER", None)
    root = tmp_path / "library"
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_SHOWING, "--data-dir", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert crashed.returncode != 0, crashed.stderr
    pending = logs / "crash-pending-sop-desktop.txt"
    text = pending.read_text()
    assert "Fatal Python error: Segmentation fault" in text and "qt: 6." in text

    again = subprocess.run(
        [sys.executable, "-m", "sop_desktop", "--data-dir", str(root), "--startup-probe", "plan"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert again.returncode == 0 and again.stdout.startswith("answered"), again.stderr
    [report] = logs.glob("crash-sop-desktop-*.txt")
    assert "Fatal Python error: Segmentation fault" in report.read_text()
    assert "Fatal Python error" not in pending.read_text()  # the new run's file is clean

    library = open_library(root)
    window = open_window(qtbot, library)
    box = tell_about_crash(window, report)
    assert box.isVisible()  # shown with open(): the window behind it stays usable
    assert str(report) in box.text() and "closed unexpectedly" in box.text()
    box.close()
    window.close()
    library.close()
