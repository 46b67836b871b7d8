"""Start-up: open (or seed) the library, choose the language, then show the main window."""

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from resources_index.errors import CancelledError
from resources_index.library.library import Library, fill_library
from resources_index.support import crash_reports
from sop_desktop import i18n
from sop_desktop.controllers.search_controller import SearchOutcome
from sop_desktop.dialogs.welcome import welcome_due
from sop_desktop.progress_dialog import run_with_progress
from sop_desktop.single_instance import SingleInstance
from sop_desktop.window.main_window import MainWindow
from sop_desktop.workers import run_task, wait_for_tasks

PROGRAM = "sop-desktop"
LOCK_WAIT_SECONDS = 15
SETTLE_AFTER_MS = 1000  # after the first answer: the user is reading, not yet acting


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SOP Desktop")
    app.setOrganizationName("SOP Desktop")
    app.setApplicationDisplayName("SOP Desktop")
    return app


def run(
    data_dir: Path,
    probe: str | None = None,
    started: float | None = None,
    language: str | None = None,
) -> int:
    """Run the program. ``probe``: type this query once shown, print the seconds from
    ``started`` to its answer and quit (for ``benchmarks/startup_bench.py``); ``language``
    (``--lang``) before the one chosen in Settings."""
    app = make_app()
    language = i18n.choose_language(language or Library(data_dir).settings().interface_language)
    translators = i18n.install(app, language)
    instance = SingleInstance(data_dir)
    if not instance.claim():
        print("SOP Desktop is already open on this library; its window was brought forward.")
        return 0
    crashed = crash_reports.collect(PROGRAM)  # before arming, which starts the file anew
    crash_reports.arm(PROGRAM, {"qt": qVersion(), "pyside": PySide6.__version__})
    writer = LibraryWriter(data_dir)
    library = Library(data_dir)
    window = MainWindow(library)
    if _writes_at_start(data_dir):
        # The starter catalog (or a pre-seed bundle) is written only with the lock, and in
        # the background: the window is up meanwhile and shows the library once it is in.
        writer.take(window, lambda: _fill(window))
    instance.woken.connect(lambda: bring_forward(window))
    # The window writes nothing before the user acts: logs and the library lock are taken
    # once the first answer is on screen, so they do not delay it.
    once = _Once(lambda: QTimer.singleShot(SETTLE_AFTER_MS, lambda: _settle(window, writer)))
    window.search.answered.connect(once)
    window.show()
    if probe is None and welcome_due(window.ui_state):
        QTimer.singleShot(0, window.show_welcome)  # the first start explains the program
    if crashed is not None:
        tell_about_crash(window, crashed)
    if probe is not None:
        _attach_probe(window, probe, started or time.perf_counter())
    code = int(app.exec())
    wait_for_tasks(10_000)  # let work under way end before the objects it reports to go
    _record_unfinished_delivery()
    instance.close()
    writer.release()
    crash_reports.disarm()
    del translators
    return code


def _record_unfinished_delivery() -> None:
    """Usage reports still being sent when the window closes (it never waits for them): the
    interrupted delivery is recorded, so ``doctor`` does not show the one before."""
    delivery = sys.modules.get("resources_index.reports.delivery")  # loaded by a sync only
    if delivery is not None:
        delivery.abandon()


def tell_about_crash(window: MainWindow, report: Path) -> QMessageBox:
    """Say once, without blocking the window, that the last run ended abruptly and where the
    report for IT support is."""
    box = QMessageBox(window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("App", "SOP Desktop closed unexpectedly"))
    box.setText(
        QCoreApplication.translate(
            "App",
            "SOP Desktop closed unexpectedly the last time it was used. Your library is safe."
            " If it happens again, give this report to your IT support:\n{0}",
        ).format(report)
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def _writes_at_start(data_dir: Path) -> bool:
    """Whether opening the library writes to it: the first start, or a starter catalog older
    than the one this program ships."""
    probe = Library(data_dir)
    try:
        return not probe.has_catalog() or probe.starter_outdated()
    finally:
        probe.close()


class _Once:
    """Call ``action`` the first time the signal it is connected to fires."""

    def __init__(self, action: Callable[[], None]) -> None:
        self.action: Callable[[], None] | None = action

    def __call__(self, *_: object) -> None:
        if self.action is not None:
            action, self.action = self.action, None
            action()


def _fill(window: MainWindow) -> None:
    """Fill an empty library (pre-seed bundle or starter) or bring in a newer starter, in the
    background, then show it."""

    def fill(library: Library) -> None:
        fill_library(library)
        library.refresh_starter()  # a program update ships a newer starter

    run_task(
        fill,
        window.library,
        on_done=lambda _: window.library_filled(),
        on_error=lambda sentence, details: window.show_error(sentence, details),
    )


def _settle(window: MainWindow, writer: "LibraryWriter") -> None:
    from resources_index.support import logs

    logs.setup("sop-desktop")
    # Copies made for the system's programs that nobody opened for two weeks.
    writer.take(window, lambda: run_task(window.library.prune_open_copies))


class LibraryWriter:
    """The library lock, held while the program runs (see ``resources_index.library.lock``).

    It is taken in the background: while another program (a sync or an import from the command
    line) holds it, a progress dialog says so, and its Cancel quits; after
    ``LOCK_WAIT_SECONDS`` the program says why it cannot open the library, and quits."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.lock: Any = None
        self._then: list[Callable[[], object]] = []  # what they return is not used

    def take(self, window: QWidget, then: Callable[[], object]) -> None:
        """Do ``then`` once the lock is held (at once when it already is)."""
        if self.lock is not None:
            then()
            return
        self._then.append(then)
        if len(self._then) > 1:
            return  # already being taken
        from resources_index.library.lock import acquire_within, library_lock

        lock = library_lock(self.data_dir)

        def acquire(progress: object, cancel: Callable[[], bool]) -> bool:
            if acquire_within(lock, LOCK_WAIT_SECONDS, cancel):
                return True
            if cancel():
                raise CancelledError("cancel.wait")
            return False

        run_with_progress(
            window,
            QCoreApplication.translate(
                "App",
                "Waiting for another program (a sync or an import from the command line) to"
                " finish with the library…",
            ),
            acquire,
            on_done=lambda taken: self._taken(lock, window) if taken else self._refused(window),
            on_error=lambda sentence, _: self._refused(window),
            on_cancelled=lambda: _quit(window),
        )

    def _taken(self, lock: Any, window: QWidget) -> None:
        self.lock = lock
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    def _refused(self, window: QWidget) -> None:
        self._then = []
        QMessageBox.critical(
            window,
            "SOP Desktop",
            QCoreApplication.translate(
                "App",
                "The library in {0} is being updated by another program (a sync or an import"
                " from the command line). Try again when it has finished.",
            ).format(self.data_dir),
        )
        _quit(window)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _quit(window: QWidget) -> None:
    window.close()
    QCoreApplication.exit(1)


def bring_forward(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _attach_probe(window: MainWindow, query: str, started: float) -> None:
    def answered(outcome: SearchOutcome) -> None:
        if outcome.query == query and outcome.rows:
            print(
                f"answered {len(outcome.rows)} in {time.perf_counter() - started:.3f}", flush=True
            )
            window.close()

    window.search.answered.connect(answered)
    QTimer.singleShot(0, lambda: window.search_field.setText(query))
