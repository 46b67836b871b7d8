"""What a person reads follows the interface language, whatever the system's locale: one way
of writing a day everywhere ("Dec 3, 2026", "3 dic 2026", never "3 12 2026" under a C
locale), language names in lower case inside Spanish sentences, a search's other words
counted in Spanish with their plural, and, in English, English resources first."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from resources_index.errors import Words
from resources_index.library.library import Library
from sop_desktop.error_sentences import say
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import open_window, type_query
from tests.helpers.window_reading import shown_cells


@pytest.fixture
def c_locale(qapp: QApplication) -> Iterator[None]:
    """A system with no locale set (C or POSIX), the interface in English."""
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def heard(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(QAccessible.Text.Name)


def test_under_a_c_locale_days_are_written_as_english_writes_them(
    qtbot: QtBot, c_locale: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    manifest = starter_library.current()
    assert manifest is not None
    day = manifest.created.astimezone()
    assert heard(window.status_area.catalog_label) == f"Catalog of {day:%b} {day.day}, {day.year}"
    published = window.status_area.catalog_label.accessibleDescription()
    assert f", published {day:%b} {day.day}, {day.year}, " in published
    assert f" {day.month:02d} {day.year}" not in published  # not C's "3 12 2026"
    resource = manifest.resources[0]
    window.details.show_resource(resource._replace(updated="2026-12-03"))
    assert "updated Dec 3, 2026" in heard(window.details.facts)
    expired = say(Words("catalog.expired", date="2026-12-03T01:48:30Z"))
    assert "expired on Dec 3, 2026;" in expired
    window.close()


def test_a_spanish_interface_writes_days_and_language_names_as_spanish_does(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    manifest = starter_library.current()
    assert manifest is not None
    video = manifest.by_id["three-houses-video"]
    window.details.show_resource(video._replace(updated="2026-12-03"))
    facts, files = heard(window.details.facts), heard(window.details.files)
    assert "actualizado el 3 dic 2026" in facts, facts
    assert "(inglés)" in files and "(Inglés)" not in files, files
    window.close()


def test_an_english_interface_under_a_c_locale_shows_the_english_version_first(
    qtbot: QtBot, c_locale: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    rows = type_query(qtbot, window, "safety plan").rows
    manifest = starter_library.current()
    assert manifest is not None
    assert rows[0].resource.language == "en"
    for row in rows:  # a Spanish row is one that has no English version
        others = [manifest.by_id[t].language for t in row.resource.translations]
        assert row.resource.language == "en" or "en" not in others, row.resource.id
    assert "safety-house-tip-sheet" in [row.resource.id for row in rows]
    window.close()


def test_the_search_words_that_do_not_leave_are_counted_in_spanish(
    qtbot: QtBot, spanish_county_window: MainWindow
) -> None:
    window = spanish_county_window
    for query in ("zebraquartz", "xylofon quorbex"):
        type_query(qtbot, window, query)
        window.side.setCurrentWidget(window.kits)  # counted now
        window.side.setCurrentWidget(window.filters)
    view = window.open_settings().show_report()
    cells = shown_cells(view)
    assert "(+1 palabra más)" in cells and "(+2 palabras más)" in cells, " | ".join(cells[6:])
    assert not any("other word" in cell for cell in cells)
    view.close()
    window.close()


def test_filters_keep_their_order_while_counts_change(
    qtbot: QtBot, english: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    group = window.filters.groups["practice_elements"]

    def listed() -> list[str]:
        return [group.child(i).text(0).rsplit(" (", 1)[0] for i in range(group.childCount())]

    before = listed()
    assert before == sorted(before, key=str.casefold) and len(before) > 3
    type_query(qtbot, window, "three houses")  # other counts: nothing moves or goes
    after = listed()
    assert after == before
    counts = [group.child(i).text(0) for i in range(group.childCount())]
    assert any(text.endswith(" (0)") for text in counts), counts
    window.close()


def test_a_moment_is_written_with_its_day_first_spelled(english: None) -> None:
    from sop_desktop.dates import moment_text

    said = moment_text(datetime(2026, 12, 3, 14, 15, tzinfo=UTC))
    assert said.startswith(("Dec 3, 2026, ", "Dec 4, 2026, ", "Dec 2, 2026, ")), said


def test_the_link_to_the_whole_library_is_in_spanish(spanish: None) -> None:
    """Nothing found in a narrowed scope: the count and its link, both in Spanish (the
    link's words once escaped lupdate inside an f-string)."""
    from sop_desktop.window.notices import everywhere_notice

    said = everywhere_notice(2)
    assert ">mostrarlos</a>" in said and "show them" not in said, said
