"""The Kits tab of the real window on a laptop's screen, in the language given; run as
``python -m tests.helpers.kits_on_a_small_screen LIBRARY LANGUAGE [SHOT]`` under the screen
and scale to try. It prints one JSON line: for Present, Export and Print whether each is
wholly in sight without scrolling, and the height of the items list (in lines of text) at
the top of the panel and scrolled to its end (see ``test_kits_fit``)."""

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from resources_index.library.library import Library
from sop_desktop import i18n
from sop_desktop.window.main_window import MainWindow
from tests.helpers.fitted_windows import settle


def in_sight(widget: QWidget) -> bool:
    """Whether all of ``widget`` is drawn on the window (not cut by a scrolling part)."""
    seen = widget.visibleRegion().boundingRect()
    return widget.isVisible() and seen.size() == widget.size()


def items_seen(window: MainWindow) -> float:
    items = window.kits.items
    return items.visibleRegion().boundingRect().height() / items.fontMetrics().lineSpacing()


def main() -> None:
    root, language = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([])
    i18n.install(app, language)
    library = Library(root)
    library.ensure_starter()
    window = MainWindow(library)
    window.show()
    while window.last_outcome is None:
        settle(app, 5)
    window.side.setCurrentWidget(window.kits)
    settle(app)
    buttons = {key: in_sight(window.kits.buttons[key]) for key in ("present", "export", "print")}
    top = items_seen(window)
    if len(sys.argv) > 3:
        window.grab().save(sys.argv[3])
    area = window.kits.findChild(QScrollArea)
    assert area is not None
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    settle(app)
    lines = window.kits.items.height() / window.kits.items.fontMetrics().lineSpacing()
    print(
        json.dumps(
            {
                "buttons": buttons,
                "items_lines": lines,
                "items_seen_at_top": top,
                "scrolls": area.verticalScrollBar().maximum() > 0,
                "kit": window.kits.kit.name if window.kits.kit else "",
            }
        )
    )


if __name__ == "__main__":
    main()
