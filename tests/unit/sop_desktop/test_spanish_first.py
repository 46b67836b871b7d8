"""A Spanish interface opens on Spanish resources and says everything in Spanish, the version
in the other language included ("También en inglés", not "Also in English")."""

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from tests.helpers.window_driving import open_window


def test_a_spanish_interface_lists_spanish_first_and_names_the_english_version_in_spanish(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    rows = [row.resource for row in window.results_model.rows]
    languages = [r.language for r in rows]
    spanish_count = languages.count("es")
    assert 0 < spanish_count < len(rows)
    assert languages == ["es"] * spanish_count + ["en"] * (len(rows) - spanish_count)
    for part in (rows[:spanish_count], rows[spanish_count:]):  # each language by title
        assert [r.title.casefold() for r in part] == sorted(r.title.casefold() for r in part)
    shown = window.details.resource
    assert shown is not None and shown.language == "es"  # the first screen, in Spanish
    with_english = next(r for r in rows if r.language == "es" and r.translations)
    window.details.show_resource(with_english)
    interface = QAccessible.queryAccessibleInterface(window.details.translations)
    assert interface is not None
    heard = interface.text(QAccessible.Text.Name)
    assert heard.startswith("También en inglés: "), heard
    assert "Also in" not in heard
    window.close()


def test_an_english_interface_lists_english_first(
    qtbot: QtBot, english: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    languages = [row.resource.language for row in window.results_model.rows]
    assert languages[0] == "en" and languages[-1] == "es"
    assert window.details.resource is not None and window.details.resource.language == "en"
    window.close()
