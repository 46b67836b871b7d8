"""The real window at a scale and a text size, measured as a person would see it; run as
``python -m tests.helpers.scaled_window LIBRARY WIDTH HEIGHT POINTS`` under the scale to try
(``QT_SCALE_FACTOR``), it prints one JSON line (see ``test_scaling``)."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from resources_index.library.library import Library
from sop_desktop.window.main_window import MainWindow


def inked(image_rect: QRect, image: object, ratio: float) -> int:
    """Pixels darker than the background inside ``image_rect`` (logical coordinates)."""
    count = 0
    left, top = round(image_rect.left() * ratio), round(image_rect.top() * ratio)
    right, bottom = round(image_rect.right() * ratio), round(image_rect.bottom() * ratio)
    for y in range(max(0, top), min(image.height(), bottom)):  # type: ignore[attr-defined]
        for x in range(max(0, left), min(image.width(), right), 2):  # type: ignore[attr-defined]
            if QColor(image.pixel(x, y)).lightness() < 110:  # type: ignore[attr-defined]
                count += 1
    return count


def main() -> None:
    root, width, height, points = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    app = QApplication([])
    if float(points) > 0:  # a large system font
        font = QFont(app.font())
        font.setPointSizeF(float(points))
        app.setFont(font)
    library = Library(Path(root))
    library.ensure_starter()
    window = MainWindow(library)
    window.resize(width, height)
    window.show()
    window.search_field.setText("safety plan")
    deadline = 0
    while deadline < 400 and not (window.last_outcome and not window.last_outcome.quick):
        app.processEvents()
        QApplication.instance().thread().msleep(25)  # type: ignore[union-attr]
        deadline += 1
    for _ in range(20):
        app.processEvents()
    view = window.results
    ratio = view.devicePixelRatioF()
    image = view.viewport().grab().toImage()
    metrics = view.fontMetrics()
    rows = []
    for number in range(min(3, window.results_model.rowCount())):
        rect = view.visualRect(window.results_model.index(number))
        line = metrics.height()
        icon = int(line * 1.25) + line
        band = QRect(
            rect.left() + icon + 12, rect.top() + 4, rect.width() - icon - 40, int(line * 1.25)
        )
        rows.append(
            {"room": band.width() / metrics.averageCharWidth(), "ink": inked(band, image, ratio)}
        )
    details = window.details
    print(
        json.dumps(
            {
                "rows": rows,
                "details_sideways": details.horizontalScrollBar().maximum(),
                "details_body": details.widget().width(),
                "details_viewport": details.viewport().width(),
                "buttons_inside": all(
                    b.geometry().right() <= details.viewport().width()
                    for b in details.action_buttons
                ),
                "filters_sideways": window.filters.tree.horizontalScrollBar().maximum(),
                "count": window.count_label.text(),
            }
        )
    )
    window.close()


if __name__ == "__main__":
    main()
