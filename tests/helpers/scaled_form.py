"""A form window at a scale, measured as a person would see it; run as
``python -m tests.helpers.scaled_form LIBRARY SHOT.png`` under the scale to try
(``QT_SCALE_FACTOR``), it prints one JSON line (see ``test_instruments_window``) and saves
what the window shows to SHOT.png."""

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from resources_index.library.library import Library
from sop_desktop.instruments.question_widgets import LineField
from sop_desktop.window.main_window import MainWindow


def main() -> None:
    app = QApplication([])
    library = Library(Path(sys.argv[1]))
    library.ensure_starter()
    window = MainWindow(library)
    window.show()
    definition = window.instruments.definitions()["safety_mapping_observation"]
    form = window.instruments.open_instrument(definition, resume=False)
    assert form is not None
    screen = form.screen().availableGeometry()
    form.resize(min(form.width(), screen.width()), min(form.height(), screen.height()))
    field = form.view.rows["scaling_given"].field
    assert isinstance(field, LineField)
    field.edit.setText("14")
    field.edit.textEdited.emit("14")
    for _ in range(20):
        app.processEvents()
    form.grab().save(sys.argv[2])
    view = form.view
    headings = [row.heading for row in view.rows.values() if row.isVisible()]
    buttons = (form.complete_button, form.print_button, form.close_button)
    print(
        json.dumps(
            {
                "fits_screen": form.frameGeometry().width() <= screen.width()
                and form.height() <= screen.height(),
                "sideways": view.horizontalScrollBar().maximum(),
                "headings_inside": all(
                    h.mapTo(view.widget(), h.rect().topRight()).x() <= view.viewport().width()
                    for h in headings
                ),
                "headings_wrapped": max(h.height() for h in headings)
                > 1.5 * headings[0].fontMetrics().height(),
                "buttons_inside": all(
                    b.mapTo(form, b.rect().bottomRight()).x() <= form.width() for b in buttons
                ),
                "message": view.rows["scaling_given"].message.text(),
                "ratio": form.devicePixelRatioF(),
            }
        )
    )


if __name__ == "__main__":
    main()
