"""Start-up: open (or seed) the library, then show the main window."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from resources_index.errors import ResourcesError
from resources_index.library import Library, open_library
from sop_desktop.mainwindow import MainWindow


def run(data_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("SOP Desktop")
    app.setOrganizationName("SOP Desktop")
    try:
        library = open_library(data_dir)
    except ResourcesError as exc:
        QMessageBox.critical(None, "SOP Desktop", f"The library could not be opened.\n\n{exc}")
        library = Library(data_dir)
    window = MainWindow(library)
    window.show()
    return int(app.exec())
