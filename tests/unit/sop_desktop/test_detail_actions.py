"""The details pane's actions say what they do: keeping a file on the laptop and saving a copy
of it elsewhere are not both "Guardar" (save)."""

import pytest
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from sop_desktop.panels.detail_pane import DetailPane
from sop_desktop.window.main_window import MainWindow


def test_keep_on_this_laptop_and_save_a_copy_in_english(qtbot: QtBot, window: MainWindow) -> None:
    manifest = window.library.current()
    assert manifest is not None
    window.details.show_resource(manifest.by_id["safety-plan-family-handout"])
    keep, save = window.details.offline_button, window.details.save_button
    assert keep.text().startswith("&Keep on laptop") and save.text() == "&Save a copy…"
    heard = QAccessible.queryAccessibleInterface(keep).text(QAccessible.Text.Name)
    assert heard == keep.text().replace("&", "")  # the name a reader hears is the label


@pytest.mark.usefixtures("spanish")
def test_keep_on_this_laptop_and_save_a_copy_cannot_be_confused_in_spanish(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = DetailPane(window.library)  # built under the Spanish translation
    qtbot.addWidget(pane)
    manifest = window.library.current()
    assert manifest is not None
    pane.show_resource(manifest.by_id["safety-plan-family-handout"])
    names = {
        button: QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
        for button in (pane.offline_button, pane.save_button)
    }
    assert pane.save_button.text() == "&Guardar una copia…"
    assert pane.offline_button.text().startswith("&Mantener en este equipo")
    assert names[pane.save_button] == "Guardar una copia"
    assert names[pane.offline_button].startswith("Mantener en este equipo")
    assert not names[pane.offline_button].startswith("Guardar")
