"""Long work off the GUI thread: a callable on a thread pool that reports through signals.

The window never waits on disk or network: this is the one place that starts work on another
thread. ``run_task`` keeps each task's signal object alive until it has reported, then lets Qt
delete it. A task can report progress and be cancelled the way the core's long operations
expect (``progress(done, total)`` and ``cancel()`` keywords); a cancelled task reports
``cancelled``, never a failure; any other failure becomes a plain sentence plus details for a
"Show details" button (``error_sentences.describe`` and ``support_details``; the traceback goes to
the log file).
"""

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from resources_index.errors import CancelledError
from sop_desktop.error_sentences import describe, support_details


class TaskSignals(QObject):
    """What a task reports: its result, or a sentence and technical details; its progress;
    that it was cancelled. ``cancel()`` asks a cancellable task to stop."""

    finished = Signal(object)
    failed = Signal(str, str)
    progress = Signal(object)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def cancel_requested(self) -> bool:
        return self._stop.is_set()


def _progress_relay(signals: TaskSignals) -> Callable[..., None]:
    """The ``progress`` callable a task calls from its thread: ``(done, total)`` or one value."""

    def relay(*values: Any) -> None:
        with contextlib.suppress(RuntimeError):
            signals.progress.emit(values[0] if len(values) == 1 else values)

    return relay


def _execute(
    signals: TaskSignals, function: Callable[..., Any], args: tuple[Any, ...], keywords: set[str]
) -> None:
    """Run ``function(*args)`` on a pool thread, with the ``progress`` and ``cancel`` keywords
    asked for, and report its result, its cancellation or its failure through ``signals``."""
    extra: dict[str, Any] = {}
    if "progress" in keywords:
        extra["progress"] = _progress_relay(signals)
    if "cancel" in keywords:
        extra["cancel"] = signals.cancel_requested
    try:
        result = function(*args, **extra)
    except CancelledError:
        _report(signals.cancelled)
    except Exception as exc:  # a bug or an OS error too: still a message, never a crash
        logging.getLogger(__name__).exception("A task failed: %s", type(exc).__name__)
        _report(signals.failed, describe(exc), support_details(exc))
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


def _receiver(callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback`` behind a plain function. Connected as it is, another signal's ``emit``
    (``on_error=self.failed.emit``, as the search passes at every keystroke) left about 60
    bytes in PySide for every task, after the task and its signal object were gone."""
    return lambda *values: callback(*values)


def run_task(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = False,
    pool: QThreadPool | None = None,
) -> TaskSignals:
    """Start ``function`` on ``pool`` (the global pool by default); callbacks run on the GUI
    thread. With ``on_progress``, ``function`` receives a ``progress`` keyword to call; with
    ``cancellable``, a ``cancel`` keyword to poll (the returned object's ``cancel()`` sets it)."""
    signals = TaskSignals()
    _running.add(signals)

    def forget(*_: Any) -> None:
        _running.discard(signals)
        signals.deleteLater()

    if on_done is not None:
        signals.finished.connect(_receiver(on_done))
    if on_error is not None:
        signals.failed.connect(_receiver(on_error))
    if on_progress is not None:
        signals.progress.connect(_receiver(on_progress))
    if on_cancelled is not None:
        signals.cancelled.connect(_receiver(on_cancelled))
    for ending in (signals.finished, signals.failed, signals.cancelled):
        ending.connect(forget)  # connected last: runs after the callbacks
    keywords = {"progress"} if on_progress is not None else set()
    if cancellable:
        keywords.add("cancel")
    # The pool runs a plain callable: Qt owns and deletes the runnable it wraps it in, so no
    # Python object has to outlive the thread that runs it.
    (pool or QThreadPool.globalInstance()).start(
        lambda: _execute(signals, function, args, keywords)
    )
    return signals


def wait_for_tasks(milliseconds: int = 30_000) -> bool:
    """Let running tasks finish (at exit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(milliseconds)
