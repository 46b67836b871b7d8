"""A scope or filter that narrows the results is said where the results are, survives a
restart visibly, is cleared by "Clear filters", and a query that finds nothing in it says how
many the whole library has, one click away."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from tests.helpers.window_driving import answer_to, open_window, type_query


def heard_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(QAccessible.Text.Name)


def test_a_remembered_scope_is_shown_with_the_results_and_a_query_it_hides_is_one_click_away(
    qtbot: QtBot, starter_library: Library
) -> None:
    first = open_window(qtbot, starter_library)
    seen = type_query(qtbot, first, "scaling questions")
    first.open_resource(seen.rows[0].resource, seen.rows[0].location)
    first.search_field.clear()
    answer_to(qtbot, first, lambda: first.filters.set_scope("recent", emit=True))
    for viewer in list(first.viewers.values()):
        viewer.close()
    first.close()

    window = open_window(qtbot, starter_library)  # the scope comes back from the last run
    window.side.setCurrentWidget(window.kits)  # the sidebar shows kits, not the scope
    bar = window.narrowing
    assert bar.isVisible() and heard_name(bar.label) == "Showing only: Recently viewed"
    assert bar.clear_button.isEnabled() and window.filters.clear_button.isEnabled()

    hidden = type_query(qtbot, window, "harm statements")
    assert hidden.total == 0 and hidden.everywhere is not None and hidden.everywhere > 0
    notice = heard_name(window.notice)
    assert window.notice.isVisible()
    assert f"The whole library has {hidden.everywhere} results" in notice, notice

    everywhere = answer_to(qtbot, window, lambda: window.notice.linkActivated.emit("everywhere"))
    assert everywhere.query == "harm statements" and everywhere.scope == "all"
    assert everywhere.total - len(everywhere.folded) == hidden.everywhere  # as the list counts
    assert not bar.isVisible() and not window.filters.clear_button.isEnabled()
    window.close()


def test_clear_filters_beside_the_results_clears_the_scope_and_the_filters(
    qtbot: QtBot, window: QWidget
) -> None:
    answer_to(qtbot, window, lambda: window.filters.check("language", "es"))
    answer_to(qtbot, window, lambda: window.filters.set_scope("favorites", emit=True))
    bar = window.narrowing
    assert heard_name(bar.label) == "Showing only: Favorites · Language: Spanish"
    cleared = answer_to(
        qtbot, window, lambda: qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    )
    qtbot.waitUntil(lambda: window.last_outcome.scope == "all")
    assert cleared.browsing and window.last_outcome.total > 40
    assert window.filters.scope == "all" and window.filters.selected == {}
    assert not bar.isVisible()


def test_nothing_anywhere_says_so_without_offering_the_whole_library(
    qtbot: QtBot, window: QWidget
) -> None:
    answer_to(qtbot, window, lambda: window.filters.check("type", "video"))
    nothing = type_query(qtbot, window, "zebraquartz")
    assert nothing.everywhere == 0
    assert heard_name(window.notice) == (
        "Nothing found, here or in the whole library. Try fewer or other words."
    )
