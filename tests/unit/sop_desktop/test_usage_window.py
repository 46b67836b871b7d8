"""The window's side of usage reports: what a person does is counted as the command line's
searches are; feedback and requests; what is shared shown exactly; the policy decides."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resources_index.catalog.model import KitItem
from resources_index.library.library import open_library
from resources_index.reports.periods import period_of
from resources_index.reports.usage import Usage
from sop_desktop.dialogs.feedback_dialog import FeedbackDialog
from sop_desktop.window.main_window import MainWindow
from tests.helpers.reporting import county_policy
from tests.helpers.window_driving import final_answer, open_window, type_query
from tests.helpers.window_reading import counted, shown_cells


@pytest.fixture
def county_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    county_policy(tmp_path, monkeypatch)
    window = open_window(qtbot, open_library(tmp_path / "library"))
    yield window
    window.close()


def test_what_a_person_does_in_the_window_is_counted_never_what_they_typed(
    qtbot: QtBot, county_window: MainWindow, tmp_path: Path
) -> None:
    window = county_window
    assert type_query(qtbot, window, "zebraquartz xylofon").total == 0
    outcome = type_query(qtbot, window, "three houses")  # the first search opened nothing
    window.filters.check("language", "en")
    window.open_resource(outcome.rows[0].resource, outcome.rows[0].location)
    window.save_copy(outcome.rows[0].resource, tmp_path / "usb" / "copy.pdf")
    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage())
    corrected = type_query(qtbot, window, "harm statment")
    assert corrected.corrected and corrected.suggestion == "harm statements"
    window.open_current()  # the correction was taken
    show = window.present([KitItem(outcome.rows[0].resource.id)])
    assert show is not None
    with qtbot.waitSignal(show.ended):
        show.stop()
    for viewer in list(window.viewers.values()):
        viewer.close()
    window.close()  # the last search was followed by an open: not counted as unopened
    seen = counted(window.library)
    rid = outcome.rows[0].resource.id
    assert seen[("searches", "")] == 3
    assert seen[("corrections_accepted", "harm statements")] == 1
    assert seen[("presented", rid)] == 1
    assert seen[("zero_result_searches", "(+2 other words)")] == 1  # no word of the catalog
    assert seen[("searches_without_open", "(+2 other words)")] == 1
    assert ("searches_without_open", "three houses") not in seen
    assert seen[("opened", rid)] == 1 and seen[("saved", rid)] == 1
    assert seen[("filters_used", "language:en")] == 1
    assert not any("zebraquartz" in key for _, key in seen)


def test_feedback_and_a_request_are_counted_and_the_request_is_shown_before_it_goes(
    qtbot: QtBot, county_window: MainWindow
) -> None:
    window = county_window
    outcome = type_query(qtbot, window, "three houses")
    resource = outcome.rows[0].resource
    assert window.details.feedback_button.isVisible()
    window.details.feedback_button.click()
    [dialog] = [d for d in window.findChildren(FeedbackDialog) if d.isVisible()]
    assert dialog.windowTitle() == f"Feedback on “{resource.title}”"
    assert not dialog.send.isEnabled()  # nothing chosen yet
    dialog.choices["out_of_date"].click()
    dialog.send.click()
    request = window.counting.ask_request()
    assert "Do not write names" in request.warning.text()
    request.text.setPlainText("A tip sheet on teens, call me at 555-0100 or ana@example.org")
    request.forward.click()
    assert request.preview.text() == "A tip sheet on teens, call me at [removed] or [removed]"
    assert request.send.isVisible()
    request.send.click()
    assert window.statusBar().currentMessage().startswith("Thank you")
    seen = counted(window.library)
    assert seen[("feedback", f"{resource.id}:out_of_date")] == 1
    assert (
        seen[("resource_requests", "A tip sheet on teens, call me at [removed] or [removed]")] == 1
    )


def test_settings_show_exactly_what_is_shared_and_the_policy_lock_greys_the_choice(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county_policy(tmp_path, monkeypatch, locked=True)
    window = open_window(qtbot, open_library(tmp_path / "library"))
    type_query(qtbot, window, "three houses")
    dialog = window.open_settings()
    assert dialog.reporting.isChecked() and not dialog.reporting.isEnabled()
    assert dialog.reporting.toolTip() == "Set by your administrator"
    view = dialog.show_report()
    shown = json.loads(view.text.toPlainText())
    usage = Usage.of(window.library)
    assert shown["next"] == usage.report(period_of())  # exactly what will be sent
    usage.close()
    view.close()
    dialog.reject()
    window.close()


def test_with_no_policy_the_window_counts_nothing_and_offers_no_feedback(
    qtbot: QtBot, window: MainWindow
) -> None:
    outcome = type_query(qtbot, window, "zebraquartz")
    type_query(qtbot, window, "three houses")
    window.open_resource(type_query(qtbot, window, "three houses").rows[0].resource)
    assert not window.details.feedback_button.isVisible()
    dialog = window.open_settings()
    assert not dialog.reporting.isEnabled() and not dialog.reporting.isChecked()
    dialog.reject()
    assert outcome.total == 0
    assert not (window.library.root / "reports").exists()


def test_searches_typed_at_60_ms_a_key_count_once_each_when_settled_not_per_keystroke(
    qtbot: QtBot, county_window: MainWindow
) -> None:
    """Five questions typed as a quick typist does; the first paused in the middle of a word
    (a settled half word) and one corrected by backspacing: five searches, one found nothing."""
    window = county_window
    field = window.search_field
    field.clear()
    qtbot.keyClicks(field, "saf", delay=60)
    final_answer(qtbot, window, "saf")  # typing paused long enough to settle on half a word
    qtbot.keyClicks(field, "ety plan", delay=60)
    final_answer(qtbot, window, "safety plan")
    for query in ("harm statment", "zebraquartz", "three houses"):
        field.clear()
        qtbot.keyClicks(field, query, delay=60)
        final_answer(qtbot, window, query)
    field.clear()
    qtbot.keyClicks(field, "scalinx", delay=60)  # a slip, corrected before the pause
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "g", delay=60)
    final_answer(qtbot, window, "scaling")
    window.close()
    seen = counted(window.library)
    assert seen[("searches", "")] == 5
    assert sum(v for (m, _), v in seen.items() if m == "zero_result_searches") == 1
    assert sum(v for (m, _), v in seen.items() if m == "searches_without_open") == 5


def test_a_search_is_counted_once_it_settles_and_one_typed_just_before_quitting_too(
    qtbot: QtBot, county_window: MainWindow
) -> None:
    window = county_window
    assert type_query(qtbot, window, "zebraquartz").total == 0
    qtbot.waitUntil(lambda: counted(window.library).get(("searches", ""), 0) == 1, timeout=5000)
    assert counted(window.library)[("zero_result_searches", "(+1 other word)")] == 1
    type_query(qtbot, window, "zebraquartz")  # answered again: still one search
    window.side.setCurrentWidget(window.kits)
    assert counted(window.library)[("searches", "")] == 1
    window.side.setCurrentWidget(window.filters)
    type_query(qtbot, window, "three houses")
    window.side.setCurrentWidget(window.kits)  # switching counts it at once
    assert counted(window.library)[("searches", "")] == 2
    window.search_field.setText("safety plan")  # and quit before the search settles
    window.close()
    seen = counted(window.library)
    assert seen[("searches", "")] == 3
    assert sum(v for (m, _), v in seen.items() if m == "searches_without_open") == 3


def test_what_is_shared_is_a_readable_table_with_the_json_one_click_away(
    qtbot: QtBot, county_window: MainWindow
) -> None:
    window = county_window
    outcome = type_query(qtbot, window, "harm statements")  # a document
    resource = outcome.rows[0].resource
    window.open_resource(resource, outcome.rows[0].location)
    window.filters.check("language", "en")
    dialog = window.open_settings()
    view = dialog.show_report()
    view.show()
    assert view.table.isVisible() and not view.text.isVisible()
    cells = shown_cells(view)
    assert cells[0].startswith("This week's report so far: week 20")
    row = cells.index("Opened")
    assert cells[row + 1 : row + 3] == [resource.title, "1"]  # its title, not its id
    row = cells.index("Filters used")
    assert cells[row + 1 : row + 3] == ["English", "1"]
    assert "opened" not in cells and "{" not in " ".join(cells)
    qtbot.mouseClick(view.as_sent, Qt.MouseButton.LeftButton)  # the JSON, one click away
    assert view.text.isVisible() and not view.table.isVisible()
    usage = Usage.of(window.library)
    assert json.loads(view.text.toPlainText())["next"] == usage.report(period_of())
    usage.close()
    view.close()
    dialog.reject()
    for viewer in list(window.viewers.values()):
        viewer.close()


def test_what_is_shared_reads_in_spanish(qtbot: QtBot, spanish_county_window: MainWindow) -> None:
    window = spanish_county_window
    outcome = type_query(qtbot, window, "harm statements")  # a document
    window.open_resource(outcome.rows[0].resource, outcome.rows[0].location)
    dialog = window.open_settings()
    view = dialog.show_report()
    cells = shown_cells(view)
    assert cells[0].startswith("El informe de esta semana hasta ahora: semana 20"), cells
    assert "Abierto" in cells and "Búsquedas" in cells, cells  # opened from: counted now
    assert view.as_sent.text() == "Mostrar tal como se envía (JSON)"
    view.close()
    dialog.reject()
    for viewer in list(window.viewers.values()):
        viewer.close()
    window.close()
