from pathlib import Path

from pytestqt.qtbot import QtBot

from resources_index.library import open_library
from sop_desktop.mainwindow import MainWindow


def test_window_lists_the_starter_catalog(qtbot: QtBot, tmp_path: Path) -> None:
    library = open_library(tmp_path / "lib")
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    assert model.rowCount() == len(library.current().resources) >= 40  # type: ignore[union-attr]
    titles = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert "The Three Houses: a tip sheet for talking with children" in titles
    assert "44 resources" in window.status_label.text()
    assert window.table.accessibleName()
    library.close()
