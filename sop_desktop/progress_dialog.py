"""Work on files the user started (a copy, a kit export or import) with progress and Cancel.

The work runs on the background runner; a progress dialog appears only when it takes longer
than a moment, and the window stays usable meanwhile (the dialog is not modal).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from sop_desktop.workers import TaskSignals, run_task

SHOW_AFTER_MS = 500


def run_with_progress(
    parent: QWidget,
    label: str,
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[str, str], None],
    on_cancelled: Callable[[], None] | None = None,
) -> TaskSignals:
    """Run ``function(*args, progress=, cancel=)`` in the background behind a progress dialog
    labelled ``label``; its Cancel stops the work, which then reports ``on_cancelled``."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle("SOP Desktop")
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def show_progress(value: Any) -> None:
        done, total = value
        dialog.setMaximum(max(1, total // 1024))
        dialog.setValue(min(done, total) // 1024)

    def ended(callback: Callable[..., None] | None, *values: Any) -> None:
        dialog.close()
        if callback is not None:
            callback(*values)

    task = run_task(
        function,
        *args,
        on_done=lambda result: ended(on_done, result),
        on_error=lambda sentence, details: ended(on_error, sentence, details),
        on_progress=show_progress,
        on_cancelled=lambda: ended(on_cancelled),
        cancellable=True,
    )
    dialog.canceled.connect(task.cancel)
    return task
