"""A second start on the same library brings the first window forward instead of writing."""

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from resources_index.library.lock import library_lock
from sop_desktop.single_instance import SingleInstance


def test_a_second_start_wakes_the_first_and_stands_down(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "library")
    assert first.claim()
    with qtbot.waitSignal(first.woken, timeout=5000):
        second = SingleInstance(tmp_path / "library")
        assert not second.claim()
    other = SingleInstance(tmp_path / "another-library")
    assert other.claim()  # another library is another program
    other.close()
    first.close()


def test_the_program_refuses_to_open_a_library_another_program_is_writing(
    tmp_path: Path,
) -> None:
    root = tmp_path / "library"
    lock = library_lock(root)
    lock.acquire()
    try:
        result = subprocess.run(
            [sys.executable, "-c", PROGRAM, str(root)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    finally:
        lock.release()
    assert result.returncode == 1, result.stderr
    assert "being updated by another program" in result.stdout


PROGRAM = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QMessageBox
import sop_desktop.app as app
QMessageBox.critical = lambda parent, title, text: print(text)  # no one to click OK here
app.LOCK_WAIT_SECONDS = 0.5
sys.exit(app.run(Path(sys.argv[1])))
"""


def test_waiting_for_the_library_lock_keeps_the_window_answering(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The lock is waited for in the background: the call returns at once, the event loop
    runs meanwhile, and the program goes on as soon as the other program lets go."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from sop_desktop.app import LibraryWriter

    root = tmp_path / "library"
    other = library_lock(root)
    other.acquire()
    window = QWidget()
    qtbot.addWidget(window)
    writer = LibraryWriter(root)
    taken: list[str] = []
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    writer.take(window, lambda: taken.append("first"))
    writer.take(window, lambda: taken.append("second"))  # asked again meanwhile: one wait
    assert writer.lock is None and taken == []
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the GUI thread is free while it waits
    assert taken == []
    other.release()
    qtbot.waitUntil(lambda: len(taken) == 2, timeout=10_000)
    assert taken == ["first", "second"] and writer.lock is not None
    timer.stop()
    writer.release()
