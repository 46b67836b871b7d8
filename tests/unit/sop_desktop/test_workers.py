"""The one background runner: results and failures reach the GUI thread, and nothing a task
used stays in memory once it has reported."""

import gc
import threading
import time
import tracemalloc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from pytestqt.qtbot import QtBot

from resources_index import __version__
from resources_index.errors import CancelledError, ResourcesError, Words
from sop_desktop import workers


def live_signal_objects() -> int:
    gc.collect()
    return sum(isinstance(o, workers.TaskSignals) for o in gc.get_objects())


def test_results_failures_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def counting(limit: int, progress: object) -> int:
        for n in range(limit):
            progress(n, limit)  # type: ignore[operator]
        return limit

    def failing() -> None:
        raise ResourcesError("sync.unreachable", url="http://away/", reason=Words("net.timeout"))

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
    assert ("done", 3, True) in seen and (
        "failed",
        "Could not reach http://away/: it did not answer in time. The library was not changed.",
        True,
    ) in seen
    assert [value for kind, value, _ in seen if kind == "progress"] == [(0, 3), (1, 3), (2, 3)]
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


def test_a_task_reporting_to_another_signal_leaves_nothing_behind(qtbot: QtBot) -> None:
    """The search passes its own signal's ``emit`` as a task's callback at every keystroke;
    connected directly, PySide kept about 60 bytes of each such connection for good."""

    class Relay(QObject):
        done = Signal(object)
        failed = Signal(str, str)

    relay = Relay()
    answers: list[object] = []
    relay.done.connect(answers.append)

    def hundred_tasks() -> None:
        answers.clear()
        for n in range(100):
            workers.run_task(lambda n=n: n, on_done=relay.done.emit, on_error=relay.failed.emit)
        qtbot.waitUntil(lambda: len(answers) == 100)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    hundred_tasks()  # the pool's threads and the bookkeeping at their working size
    tracemalloc.start()
    try:
        for _ in range(20):
            hundred_tasks()
        gc.collect()
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    here = snapshot.filter_traces([tracemalloc.Filter(True, workers.__file__)])
    left = sum(stat.size for stat in here.statistics("filename"))
    # Some 20-50 KB of PySide's own bookkeeping, whatever the number of tasks; before, about
    # 150 bytes more for every task (two such connections): 300 KB here.
    assert left < 100_000, here.statistics("lineno")[:3]


def test_a_cancelled_task_reports_cancelled_never_a_failure(qtbot: QtBot) -> None:
    started = threading.Event()
    seen: list[str] = []

    def until_cancelled(cancel: object) -> None:
        started.set()
        while not cancel():  # type: ignore[operator]
            time.sleep(0.01)
        raise CancelledError("cancel.copy")

    task = workers.run_task(
        until_cancelled,
        on_done=lambda _: seen.append("done"),
        on_error=lambda sentence, _: seen.append(f"failed: {sentence}"),
        on_cancelled=lambda: seen.append("cancelled"),
        cancellable=True,
    )
    assert started.wait(10)
    assert seen == []  # still running: nothing was waited for
    task.cancel()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["cancelled"]


def test_an_unexpected_error_is_one_plain_sentence_with_facts_and_the_log_has_the_rest(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[tuple[str, str]] = []

    def broken() -> None:
        try:
            raise ConnectionResetError(104, "Connection reset by peer")
        except ConnectionResetError as exc:
            raise OSError(5, "Input/output error") from exc

    workers.run_task(broken, on_error=lambda sentence, details: seen.append((sentence, details)))
    qtbot.waitUntil(lambda: bool(seen))
    sentence, details = seen[0]
    # Said as a kind (the system's English stays in the details), nothing claimed of the library.
    assert sentence == (
        "Something went wrong: the disk could not be read or written. Details are in the log file."
    )
    # Plain facts for whoever helps: what failed, why, which program; no traceback.
    assert details.splitlines() == [
        "Problem: OSError",
        "[Errno 5] Input/output error",
        "Because of: ConnectionResetError: [Errno 104] Connection reset by peer",
        f"SOP Desktop {__version__}",
    ]
    assert "Traceback" not in details and "File " not in details
    logged = [r for r in caplog.records if r.name == "sop_desktop.workers"]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log file
