"""The Kits tab of the real window on a laptop's screen, in the language given; run as
``python -m tests.helpers.kits_on_a_small_screen LIBRARY LANGUAGE [SHOT]`` under the screen
and scale to try. It prints one JSON line: for Present, Export and Print whether each is
wholly in sight without scrolling, and the height of the items list (in lines of text) at
the top of the panel and scrolled to its end; and how much room each check box of the Browse
tab's filters has inside its row (see ``test_kits_fit``)."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QScrollArea,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

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


def check_box_room(window: MainWindow) -> list[int]:
    """For each check box of the filters: the room above its box inside its row (logical
    pixels; negative when its top edge falls outside the row)."""
    tree = window.filters.tree
    tree.expandAll()
    room = []
    delegate = tree.itemDelegate()
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        for i in range(group.childCount()):
            index = tree.indexFromItem(group.child(i))
            if index.data(Qt.ItemDataRole.CheckStateRole) is None:
                continue
            option = QStyleOptionViewItem()
            option.initFrom(tree)
            option.rect = tree.visualRect(index)
            delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
            box = tree.style().subElementRect(
                QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
            )
            room.append(box.top() - option.rect.top())
    return room


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
    boxes = check_box_room(window)
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
                "check_box_room": boxes,
            }
        )
    )


if __name__ == "__main__":
    main()
