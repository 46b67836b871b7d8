"""Help › Keyboard shortcuts writes each key as it is pressed, in the interface language, as
a screen reader reads the table: no media keys ("Help", "Zoom In"), no "Ctrl++", and in
Spanish the names on Spanish keyboards ("Intro", "Mayús"), not Qt's ("Retorno", "Control");
Settings has a key, and the menu answers it."""

from pytestqt.qtbot import QtBot

from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_reading import read_rows


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
    from tests.helpers.window_driving import open_window

    window = open_window(qtbot, starter_library)  # type: ignore[arg-type]
    rows = read_rows(window)
    everything = " ".join(rows.values())
    assert "Control" not in everything and "Retorno" not in everything
    assert rows["Guardar una copia del recurso elegido"] == "Ctrl+S"
    assert rows["Abrir el resultado"] == "Intro"
    assert rows["Control siguiente o anterior"] == "Tab, Mayús+Tab"
    assert rows["Página siguiente o anterior"] == "Av Pág, Re Pág"
    window.close()
