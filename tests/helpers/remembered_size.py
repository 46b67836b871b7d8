"""The main window closed at one size and opened again, possibly on another screen or scale;
run as ``python -m tests.helpers.remembered_size LIBRARY [WIDTH HEIGHT]`` under the screen and
scale to try. With a size, the window is shown, given that size and closed (so it remembers
it); without, it is opened as a person would. It prints one JSON line: the screen's available
area, the window's size and the splitter's column widths (see ``test_window_fit``)."""

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from resources_index.library.library import Library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.fitted_windows import settle


def main() -> None:
    app = QApplication([])
    library = Library(Path(sys.argv[1]))
    library.ensure_starter()
    window = MainWindow(library)
    window.show()
    while window.last_outcome is None:
        settle(app, 5)
    settle(app)
    if len(sys.argv) > 3:
        window.resize(int(sys.argv[2]), int(sys.argv[3]))
        settle(app)
    area = window.screen().availableGeometry()
    seen = {
        "area": [area.width(), area.height()],
        "size": [window.width(), window.height()],
        "columns": window.splitter.sizes(),
    }
    window.close()
    settle(app)
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
