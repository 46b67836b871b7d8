"""The one background runner: results and failures reach the GUI thread, and nothing a task
used stays in memory once it has reported."""

import gc
import threading

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from resources_index.errors import ResourcesError
from sop_desktop import workers


def live_signal_objects() -> int:
    gc.collect()
    return sum(isinstance(o, workers.TaskSignals) for o in gc.get_objects())


def test_results_failures_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def counting(limit: int, report: object) -> int:
        for n in range(limit):
            report(n)  # type: ignore[operator]
        return limit

    def failing() -> None:
        raise ResourcesError("The server is away.")

    workers.run_task(
        counting,
        3,
        on_done=lambda value: seen.append(("done", value, threading.get_ident() == gui)),
        on_progress=lambda value: seen.append(("progress", value, threading.get_ident() == gui)),
    )
    workers.run_task(
        failing,
        on_error=lambda sentence, _: seen.append(
            ("failed", sentence, threading.get_ident() == gui)
        ),
    )
    qtbot.waitUntil(lambda: sum(kind in ("done", "failed") for kind, _, _ in seen) == 2)
    assert ("done", 3, True) in seen and ("failed", "The server is away.", True) in seen
    assert [value for kind, value, _ in seen if kind == "progress"] == [0, 1, 2]
    assert all(on_gui for _, _, on_gui in seen)


def test_nothing_a_task_used_stays_after_it_reported(qtbot: QtBot) -> None:
    """Each keystroke runs a task; the window kept every one of them (80 KB a query) until
    the signal objects were released after reporting."""
    before = live_signal_objects()
    answers: list[int] = []
    for n in range(300):
        workers.run_task(lambda n=n: n, on_done=answers.append)
    qtbot.waitUntil(lambda: len(answers) == 300)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert workers._running == set()
    assert live_signal_objects() - before < 5
