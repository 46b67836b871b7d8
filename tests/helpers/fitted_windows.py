"""Every window of the program opened on one screen, as a person would meet them, and where
each lies; run as ``python -m tests.helpers.fitted_windows LIBRARY [SHOTS]`` under the screen
and scale to try (``QT_QPA_PLATFORM=offscreen:configfile=…``, ``QT_SCALE_FACTOR``). It prints
one JSON line: the screen's available area, the size the state file remembered before the
window opened and each window's geometry with the frame a window
manager adds (see ``test_window_fit``); with SHOTS, a picture of each window goes there."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from resources_index.catalog.model import KitItem
from resources_index.library.library import Library
from sop_desktop.dialogs.print_dialog import PrintChoices
from sop_desktop.screen_fit import frame_allowance
from sop_desktop.window.main_window import UI_STATE_FILE, MainWindow


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        app.thread().msleep(10)


def placed(name: str, window: QWidget, shots: Path | None) -> dict[str, object]:
    inside = window.geometry()
    frame = frame_allowance(window)
    outer = inside.adjusted(-frame.left(), -frame.top(), frame.right(), frame.bottom())
    if shots is not None:
        window.grab().save(str(shots / f"{name}.png"))
    return {"name": name, "outer": outer.getRect(), "inside": inside.getRect()}


def main() -> None:
    root = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    app = QApplication([])
    library = Library(root)
    library.ensure_starter()
    # A size remembered from a larger screen (a docking station's 1920×1200).
    remembered = QSettings(str(root / UI_STATE_FILE), QSettings.Format.IniFormat)
    if not remembered.contains("size"):
        big = MainWindow(library)
        big.setGeometry(QRect(0, 0, 1920, 1200))
        big.save_state()
        big.deleteLater()
    settle(app)
    remembered.sync()
    saved = str(remembered.value("size"))
    window = MainWindow(library)
    window.show()
    while window.last_outcome is None:
        settle(app, 5)
    manifest = library.current()
    assert manifest is not None
    found = [placed("main", window, shots)]
    for rid in (
        "safety-plan-development-guide",
        "three-houses-video",
        "teaming-toolkit-for-partners",
    ):
        window.open_resource(manifest.by_id[rid])
        settle(app)
        found.append(placed(rid, window.viewers[rid], shots))
        window.viewers[rid].close()
        settle(app)
    presentation = window.present([KitItem("safety-plan-development-guide")])
    assert presentation is not None
    presentation.toggle_notes()  # one screen: the presenter view is shown with N
    settle(app)
    found.append(placed("presenter", presentation.presenter, shots))
    presentation.stop()
    settle(app)
    dialogs = [
        ("settings", window.open_settings()),
        ("welcome", window.show_welcome()),
        ("guide", window.show_guide()),
        ("shortcuts", window.menus.show_keys()),
    ]
    choices = PrintChoices(window, "es")
    choices.show()
    dialogs.append(("print", choices))
    settle(app)
    for name, dialog in dialogs:
        found.append(placed(name, dialog, shots))
        dialog.close()
    area = window.screen().availableGeometry()
    print(json.dumps({"area": area.getRect(), "remembered": saved, "windows": found}))
    window.close()
    settle(app)


if __name__ == "__main__":
    main()
