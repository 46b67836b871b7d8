"""Help › Keyboard shortcuts writes each key as it is pressed, in the interface language, as
a screen reader reads the table: no media keys ("Help", "Zoom In"), no "Ctrl++", and in
Spanish the names on Spanish keyboards ("Intro", "Mayús"), not Qt's ("Retorno", "Control");
Settings has a key, and the menu answers it."""

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from sop_desktop.window.main_window import MainWindow


def read_rows(window: MainWindow) -> dict[str, str]:
    """What each row of the table says, cell by cell, through the accessibility interface:
    {what it does: keys}."""
    dialog = window.menus.show_keys()
    interface = QAccessible.queryAccessibleInterface(dialog.tree)
    assert interface is not None and interface.isValid()
    assert interface.role() == QAccessible.Role.Tree
    cells = [interface.child(i) for i in range(interface.childCount())]
    said = [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.TreeItem]
    rows: dict[str, str] = {}
    for keys, what in zip(said[::2], said[1::2], strict=True):  # two cells a row
        if what:
            rows.setdefault(what, keys)
    items: list[QTreeWidgetItem] = [dialog.tree.topLevelItem(0).child(0)]
    assert items[0].text(0) == rows[items[0].text(1)]  # the cells are the rows shown
    dialog.close()
    return rows


def test_keys_are_shown_as_pressed_and_settings_has_one(qtbot: QtBot, window: MainWindow) -> None:
    rows = read_rows(window)
    assert rows["Save a copy of the chosen resource"] == "Ctrl+S"
    assert rows["Guide"] == "F1"
    assert rows["Zoom in or out"] == "Ctrl+Plus, Ctrl+Minus"
    assert rows["Settings"] in ("Ctrl+,", "Ctrl+Comma")
    assert rows["Open the result"] == "Enter"
    assert rows["Previous or next result"] == "↑, ↓"
    assert rows["Next or previous page"] == "Page Down, Page Up"
    settings = [a for a in window.actions() if a.text() == "Se&ttings…"]
    assert settings and any(k.toString() == "Ctrl+," for k in settings[0].shortcuts())


def test_in_spanish_the_keys_have_the_names_spanish_keyboards_print(
    qtbot: QtBot, spanish: None, starter_library: object
) -> None:
    from tests.unit.sop_desktop.conftest import open_window

    window = open_window(qtbot, starter_library)  # type: ignore[arg-type]
    rows = read_rows(window)
    everything = " ".join(rows.values())
    assert "Control" not in everything and "Retorno" not in everything
    assert rows["Guardar una copia del recurso elegido"] == "Ctrl+S"
    assert rows["Abrir el resultado"] == "Intro"
    assert rows["Control siguiente o anterior"] == "Tab, Mayús+Tab"
    assert rows["Página siguiente o anterior"] == "Av Pág, Re Pág"
    window.close()
