"""Start-up: open (or seed) the library, choose the language, then show the main window."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from resources_index.errors import ResourcesError
from resources_index.library import Library, open_library
from sop_desktop import i18n
from sop_desktop.mainwindow import MainWindow
from sop_desktop.search_controller import SearchOutcome


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SOP Desktop")
    app.setOrganizationName("SOP Desktop")
    app.setApplicationDisplayName("SOP Desktop")
    return app


def run(data_dir: Path, probe: str | None = None, started: float | None = None) -> int:
    """Run the program. ``probe``: type this query once shown, print the seconds from
    ``started`` to its answer and quit (for ``benchmarks/startup_bench.py``)."""
    app = make_app()
    error = None
    try:
        library = open_library(data_dir)
    except ResourcesError as exc:
        error = str(exc)
        library = Library(data_dir)
    translators = i18n.install(app, i18n.choose_language(library.settings().interface_language))
    window = MainWindow(library)
    window.show()
    if error:
        QMessageBox.critical(window, "SOP Desktop", error)
    if probe is not None:
        _attach_probe(window, probe, started or time.perf_counter())
    code = int(app.exec())
    del translators
    return code


def _attach_probe(window: MainWindow, query: str, started: float) -> None:
    def answered(outcome: SearchOutcome) -> None:
        if outcome.query == query and outcome.rows:
            print(
                f"answered {len(outcome.rows)} in {time.perf_counter() - started:.3f}", flush=True
            )
            window.close()

    window.search.answered.connect(answered)
    QTimer.singleShot(0, lambda: window.search_field.setText(query))
