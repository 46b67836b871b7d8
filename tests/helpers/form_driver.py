"""The real window over a library, a person half-way through the harm and danger self-check:
three questions answered as clicked, then the program keeps running (until it is killed).

    python -m tests.helpers.form_driver LIBRARY
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from resources_index.library.library import open_library
from sop_desktop.window.main_window import MainWindow


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = MainWindow(open_library(Path(sys.argv[1])))
    window.show()

    def fill_in() -> None:
        instruments = window.instruments
        definition = instruments.definitions()["harm_danger_self_check"]
        form = instruments.open_instrument(definition, resume=False)
        assert form is not None
        form.subject.setText("AB")
        form.subject.textEdited.emit("AB")
        rows = form.view.rows
        rows["role"].field.buttons["supervisor"].click()  # type: ignore[union-attr]
        rows["harm_behaviour"].field.buttons["partly"].click()  # type: ignore[union-attr]
        rows["read_aloud"].field.buttons["no"].click()  # type: ignore[union-attr]
        print("answered", flush=True)

    QTimer.singleShot(0, fill_in)
    app.exec()


if __name__ == "__main__":
    main()
