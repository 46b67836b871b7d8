"""Long work off the GUI thread: a callable on a thread pool that reports through signals.

The window never waits on disk or network. ``run_task`` keeps each task's signal object alive
until it has reported, and turns any failure into a plain sentence plus details for a
"Show details" button.
"""

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from resources_index.errors import ResourcesError


class TaskSignals(QObject):
    """What a task reports: its result, or a sentence and technical details; progress."""

    finished = Signal(object)
    failed = Signal(str, str)
    progress = Signal(object)


class Task(QRunnable):
    """Runs ``function(*args, report=...)`` when ``takes_progress``, else ``function(*args)``."""

    def __init__(
        self, function: Callable[..., Any], *args: Any, takes_progress: bool = False
    ) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.takes_progress = takes_progress
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            if self.takes_progress:
                result = self.function(*self.args, report=self.signals.progress.emit)
            else:
                result = self.function(*self.args)
        except ResourcesError as exc:
            self._report(self.signals.failed, str(exc), traceback.format_exc())
        except Exception as exc:  # a bug or an OS error: still a message, never a crash
            sentence = QCoreApplication.translate(
                "Task", "Something went wrong: {0}. The library was not changed."
            ).format(exc)
            self._report(self.signals.failed, sentence, traceback.format_exc())
        else:
            self._report(self.signals.finished, result)

    @staticmethod
    def _report(signal: Any, *values: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the program is closing: nobody to tell
            signal.emit(*values)


_running: set[Task] = set()


def run_task(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``function`` on ``pool`` (the global pool by default); callbacks run on the GUI
    thread. With ``on_progress``, ``function`` receives a ``report`` keyword to call."""
    task = Task(function, *args, takes_progress=on_progress is not None)
    task.setAutoDelete(False)
    _running.add(task)

    def forget(*_: Any) -> None:
        _running.discard(task)

    if on_done is not None:
        task.signals.finished.connect(on_done)
    if on_error is not None:
        task.signals.failed.connect(on_error)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    task.signals.finished.connect(forget)
    task.signals.failed.connect(forget)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def wait_for_tasks(milliseconds: int = 30_000) -> bool:
    """Let running tasks finish (at exit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(milliseconds)
