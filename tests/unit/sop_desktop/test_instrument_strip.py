"""Instruments found like resources: the search's words (either language, accents forgiven)
and the practice-element and audience filters show the matching instruments above the results,
each a button a screen reader names and the keyboard reaches, that opens the form."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resources_index.instruments.definition import from_json
from resources_index.instruments.finding import matching_instruments
from resources_index.library.library import Library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import final_answer, open_window

ROOT = Path(__file__).resolve().parents[3]


def strip_titles(window: MainWindow) -> list[str]:
    strip = window.instruments.strip
    return [b.title for b in strip.buttons] if strip.isVisible() else []


def answered(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    window.search_field.setText(query)
    final_answer(qtbot, window, query)
    return strip_titles(window)


def test_the_words_typed_find_instruments_in_either_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    mapping = ["Safety mapping meeting: coach's observation"]
    assert answered(qtbot, window, "mapping") == mapping
    assert answered(qtbot, window, "MAPEO") == mapping  # its Spanish title
    assert answered(qtbot, window, "declaración de daño") == [
        "Harm and danger statements: self-check"
    ]
    # The knowledge check by its Spanish title, the observation by one of its items' labels.
    assert answered(qtbot, window, "tres casas") == [
        "Safety mapping meeting: coach's observation",
        "The Three Houses: knowledge check",
    ]
    assert answered(qtbot, window, "scaling question") != []  # an item's label
    assert answered(qtbot, window, "zzzz") == []
    assert not window.instruments.strip.isVisible()
    assert answered(qtbot, window, "") == []  # nothing asked: no line above the results


def test_practice_element_and_audience_filters_find_instruments(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.search_field.setText("")
    window.filters.filters_changed.emit({"practice_elements": ["harm_and_danger_statements"]})
    qtbot.waitUntil(lambda: bool(strip_titles(window)), timeout=20_000)
    titles = strip_titles(window)
    assert "Harm and danger statements: self-check" in titles
    assert "The Three Houses: knowledge check" not in titles
    window.filters.filters_changed.emit({"type": ["tip_sheet"]})  # resources only
    qtbot.waitUntil(lambda: strip_titles(window) == [], timeout=20_000)
    window.filters.filters_changed.emit({})


def test_a_screen_reader_names_the_button_and_the_keyboard_opens_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    answered(qtbot, window, "mapping")
    (button,) = window.instruments.strip.buttons
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == (
        "Instrument: Safety mapping meeting: coach's observation"
    )
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # A long title is shortened to the room it has, never widening the results column.
    button.resize(120, button.height())
    assert button.text().endswith("…") and len(button.text()) < len(button.title)
    assert button.minimumSizeHint().width() < 120
    # Tab reaches it after the chosen resource's actions, before the filters.
    window.details.print_button.setFocus()
    qtbot.keyClick(window.details.print_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus, timeout=5_000)
    qtbot.keyClick(button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.filters.tree
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    form = window.instruments.forms.get("safety_mapping_observation")
    assert form is not None and form.isVisible()
    form.close()


def test_in_spanish_the_line_speaks_spanish(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    window.search_field.setText("mapeo")
    final_answer(qtbot, window, "mapeo")
    strip = window.instruments.strip
    assert strip.lead.text() == "Instrumentos:"
    (button,) = strip.buttons
    assert button.title == "Reunión de mapeo de seguridad: observación del coach"
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name).startswith("Instrumento: Reunión de mapeo")
    window.close()


def test_short_words_and_resource_only_filters_find_no_instrument() -> None:
    raw = {
        "format": 1,
        "id": "a",
        "version": "1",
        "kind": "observation",
        "title": {"en": "Scaling questions", "es": "Preguntas de escala"},
        "languages": ["en", "es"],
        "audiences": ["coaches"],
        "items": [{"name": "q", "type": "text", "labels": {"en": "Comment"}}],
    }
    form = from_json(raw, "a")
    assert matching_instruments([form], "es", {}) == []  # too short to mean anything
    assert matching_instruments([form], "escal", {}) == [form]  # as it is typed
    assert matching_instruments([form], "comment", {"audiences": ["coaches"]}) == [form]
    assert matching_instruments([form], "comment", {"audiences": ["caseworkers"]}) == []
    assert matching_instruments([form], "", {"language": ["es"]}) == []


def test_the_glossary_finds_a_form_written_in_one_language_by_the_other_s_words() -> None:
    raw = {
        "format": 1,
        "id": "b",
        "version": "1",
        "kind": "self_check",
        "title": {"en": "Safety plan self-check"},
        "languages": ["en"],
        "items": [{"name": "q", "type": "text", "labels": {"en": "Comment"}}],
    }
    form = from_json(raw, "b")
    assert matching_instruments([form], "plan de seguridad", {}) == [form]
    assert matching_instruments([form], "red de seguridad", {}) == []
