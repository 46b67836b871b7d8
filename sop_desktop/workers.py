"""Long work off the GUI thread: a callable on a thread pool that reports through signals.

The window never waits on disk or network. ``run_task`` keeps each task's signal object alive
until it has reported, then lets Qt delete it, and turns any failure into a plain sentence plus
details for a "Show details" button.
"""

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from resources_index.errors import ResourcesError


class TaskSignals(QObject):
    """What a task reports: its result, or a sentence and technical details; progress."""

    finished = Signal(object)
    failed = Signal(str, str)
    progress = Signal(object)


def _execute(
    signals: TaskSignals, function: Callable[..., Any], args: tuple[Any, ...], takes_progress: bool
) -> None:
    """Run ``function(*args)`` (with ``report=`` when ``takes_progress``) on a pool thread and
    report its result or its failure through ``signals``."""
    try:
        if takes_progress:
            result = function(*args, report=signals.progress.emit)
        else:
            result = function(*args)
    except ResourcesError as exc:
        _report(signals.failed, str(exc), traceback.format_exc())
    except Exception as exc:  # a bug or an OS error: still a message, never a crash
        sentence = QCoreApplication.translate(
            "Task", "Something went wrong: {0}. The library was not changed."
        ).format(exc)
        _report(signals.failed, sentence, traceback.format_exc())
    else:
        _report(signals.finished, result)


def _report(signal: Any, *values: Any) -> None:
    with contextlib.suppress(RuntimeError):  # the program is closing: nobody to tell
        signal.emit(*values)


#: Signal objects of tasks that have not reported yet. Each is released (and deleted by Qt)
#: once its task has reported: the callbacks connected to it refer back to it, a cycle
#: through Qt that Python's collector cannot see, so without this every keystroke's task
#: stayed in memory for good.
_running: set[TaskSignals] = set()


def run_task(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> TaskSignals:
    """Start ``function`` on ``pool`` (the global pool by default); callbacks run on the GUI
    thread. With ``on_progress``, ``function`` receives a ``report`` keyword to call."""
    signals = TaskSignals()
    _running.add(signals)

    def forget(*_: Any) -> None:
        _running.discard(signals)
        signals.deleteLater()

    if on_done is not None:
        signals.finished.connect(on_done)
    if on_error is not None:
        signals.failed.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    signals.finished.connect(forget)  # connected last: runs after the callbacks
    signals.failed.connect(forget)
    takes_progress = on_progress is not None
    # The pool runs a plain callable: Qt owns and deletes the runnable it wraps it in, so no
    # Python object has to outlive the thread that runs it.
    (pool or QThreadPool.globalInstance()).start(
        lambda: _execute(signals, function, args, takes_progress)
    )
    return signals


def wait_for_tasks(milliseconds: int = 30_000) -> bool:
    """Let running tasks finish (at exit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(milliseconds)
