"""My completed instruments, in English and Spanish: each response listed with its date as the
window writes dates and its score out of the form's highest; opened again read-only (Enter, a
double click, Open) and printed as filled in with its completion date and label; the chart's
axis up to the form's highest score, same-day points told apart by their time; on paper, one
answer asked shows circles and several show boxes."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from resources_index.instruments import responses
from resources_index.library.library import Library
from sop_desktop.instruments.form_printing import (
    CHECKED_BOX,
    CHECKED_CIRCLE,
    EMPTY_BOX,
    EMPTY_CIRCLE,
    print_blank,
    print_response,
)
from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.instruments.history_dialog import HistoryDialog
from sop_desktop.instruments.question_widgets import ChoiceField
from sop_desktop.instruments.stamps import stamp_clock, stamp_day, stamp_moment
from sop_desktop.window.main_window import MainWindow
from tests.helpers.instrument_forms import (
    choose,
    complete_observation,
    open_form,
    pdf_printer,
    pdf_text,
    type_into,
)
from tests.helpers.window_driving import open_window

WORDS = {
    "en": {
        "completed": "Completed: {0}",
        "label": "Label: {0}",
        "status": "Completed {0}.",
        "of": "{0} of {1}",
        "one": "(choose one)",
        "all": "(choose all that apply)",
        "warning": "Do not write names, case numbers",
        "hint": "No names, case numbers or details of a family.",
    },
    "es": {
        "completed": "Completada: {0}",
        "label": "Etiqueta: {0}",
        "status": "Completada el {0}.",
        "of": "{0} de {1}",
        "one": "(elija una)",
        "all": "(marque todas las que correspondan)",
        "warning": "No escriba nombres, números de caso",
        "hint": "Sin nombres, números de caso ni detalles de una familia.",
    },
}
STAMPS = ["2026-12-03T09:00:00Z", "2026-12-03T15:30:00Z", "2026-12-04T10:00:00Z"]


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> str:
    request.getfixturevalue("spanish" if request.param == "es" else "english")
    return str(request.param)


def history_of_three(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, HistoryDialog]:
    """Two observations of JD on one day and one the next, then a knowledge check."""
    window = open_window(qtbot, library)
    when = [STAMPS[0]]
    monkeypatch.setattr(responses, "now_text", lambda: when[0])
    for stamp, rating in zip(STAMPS, ("partly", "observed", "not_observed"), strict=True):
        when[0] = stamp
        form = open_form(window, "safety_mapping_observation")
        type_into(qtbot, form, "went_well", "Everyone spoke")
        complete_observation(form, "JD", rating)
    when[0] = "2026-12-05T08:00:00Z"
    check = open_form(window, "three_houses_knowledge_check")
    for name, choice in (
        ("three_houses", "worries_good_dreams"),
        ("start_with", "always_worries"),
        ("whose_words", "child"),
        ("right_answers", "false"),
        ("before_sharing", "explain_who"),
    ):
        choose(check, name, choice)
    assert check.complete()
    check.close()
    return window, window.instruments.show_history()


def test_the_list_says_when_and_how_much_out_of_what(
    qtbot: QtBot, starter_library: Library, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    window, history = history_of_three(qtbot, starter_library, monkeypatch)
    rows = [history.table.topLevelItem(i) for i in range(history.table.topLevelItemCount())]
    assert [r.text(0) for r in rows] == [
        stamp_moment(s) for s in ["2026-12-05T08:00:00Z", *reversed(STAMPS)]
    ]
    assert rows[1].text(0).startswith("Dec 4, 2026" if language == "en" else "4 dic 2026")
    of = WORDS[language]["of"]
    assert [r.text(3) for r in rows][1:] == [of.format(0, 16), of.format(16, 16), of.format(8, 16)]
    assert rows[0].text(3).endswith(" %") and rows[0].text(3)[0].isdigit()
    # The chart: JD's three, the two of one day told apart by their time.
    history.instrument.setCurrentIndex(history.instrument.findData("safety_mapping_observation"))
    labels = [label for label, _ in history.points()]
    assert labels == [
        f"{stamp_day(STAMPS[0])}, {stamp_clock(STAMPS[0])}",
        f"{stamp_day(STAMPS[1])}, {stamp_clock(STAMPS[1])}",
        stamp_day(STAMPS[2]),
    ]
    assert len(set(labels)) == 3
    described = QAccessible.queryAccessibleInterface(history.chart).text(
        QAccessible.Text.Description
    )
    assert described == "; ".join(
        f"{label}: {of.format(value, 16)}" for label, value in zip(labels, (8, 16, 0), strict=True)
    )
    assert history.chart.maximum == 16
    history.close()
    window.close()


def test_the_chart_axis_reaches_the_forms_highest_score(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(responses, "now_text", lambda: STAMPS[0])
    complete_observation(open_form(window, "safety_mapping_observation"), "JD", "partly")
    history = window.instruments.show_history()
    assert [value for _, value in history.points()] == [8.0]
    history.chart.resize(480, 240)
    image = history.chart.grab().toImage()
    line = history.chart.palette().color(history.chart.palette().ColorRole.Highlight)
    rows = [
        y
        for y in range(image.height())
        for x in range(image.width())
        if all(
            abs(a - b) < 40
            for a, b in zip(image.pixelColor(x, y).getRgb()[:3], line.getRgb()[:3], strict=True)
        )
    ]
    assert rows
    # 8 of 16 is drawn half-way up, not at the top as the highest score alone would put it.
    middle = (min(rows) + max(rows)) / 2
    assert 0.3 * image.height() < middle < 0.6 * image.height(), (middle, image.height())
    history.close()


def test_a_completed_response_opens_read_only_and_prints_as_filled_in(
    qtbot: QtBot,
    starter_library: Library,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    tmp_path: object,
) -> None:
    window, history = history_of_three(qtbot, starter_library, monkeypatch)
    history.table.setCurrentItem(history.table.topLevelItem(3))  # the oldest observation
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Return)
    opened = window.instruments.completed_forms
    assert len(opened) == 1
    form = opened[0]
    assert isinstance(form, FormWindow) and form.isVisible() and form.is_completed
    assert form.response.completed == STAMPS[0] and form.subject.text() == "JD"
    assert form.subject.isReadOnly() and not form.complete_button.isEnabled()
    assert form.status.text() == WORDS[language]["status"].format(stamp_moment(STAMPS[0]))
    rating = form.view.rows["purpose_explained"].field
    assert isinstance(rating, ChoiceField) and rating.buttons["partly"].isChecked()
    rating.buttons["observed"].click()  # read, not changed
    assert rating.buttons["partly"].isChecked() and not rating.buttons["observed"].isChecked()
    # Printed from there: its date as the window writes dates, its label, its answers.
    path = tmp_path / "filled.pdf"  # type: ignore[operator]
    facts = form.paper_facts()
    assert print_response(form.definition, language, form.session, pdf_printer(path), facts)
    text = pdf_text(path)
    said = WORDS[language]
    written = " ".join(said["completed"].format(stamp_moment(STAMPS[0])).split())
    assert written in text  # (a narrow space before AM is a space in a PDF's text)
    assert said["label"].format("JD") in text
    assert "Everyone spoke" in text
    # One privacy line under each text answer (two text questions), not the hint too.
    assert text.count(said["warning"]) == 2 and said["hint"] not in text
    assert CHECKED_CIRCLE in text and CHECKED_BOX in text  # "partly"; "parents"
    form.close()
    # A double click and the Open button open one too.
    first = history.table.topLevelItem(0)
    rect = history.table.visualItemRect(first)
    for click in (qtbot.mouseClick, qtbot.mouseDClick):  # as a mouse sends a double click
        click(history.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    history.table.setCurrentItem(history.table.topLevelItem(1))
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    ids = [f.response.form_id for f in window.instruments.completed_forms]
    assert ids == ["three_houses_knowledge_check", "safety_mapping_observation"]
    for shown in list(window.instruments.completed_forms):
        shown.close()
    assert not window.instruments.completed_forms
    history.close()
    window.close()


def test_on_paper_one_answer_shows_circles_and_several_show_boxes(
    qtbot: QtBot, window: MainWindow, tmp_path: object, language: str
) -> None:
    definition = window.instruments.definitions()["safety_mapping_observation"]
    path = tmp_path / "blank.pdf"  # type: ignore[operator]
    assert print_blank(definition, [language], pdf_printer(path)).sheets >= 1
    text = pdf_text(path)
    items = [item for item, _ in definition.walk()]
    ones = sum(len(i.choices) for i in items if i.type == "select_one")
    several = sum(len(i.choices) for i in items if i.type == "select_multiple")
    assert (text.count(EMPTY_CIRCLE), text.count(EMPTY_BOX)) == (ones, several)
    said = WORDS[language]
    assert text.count(said["one"]) == sum(i.type == "select_one" for i in items)
    assert text.count(said["all"]) == 1
    assert text.count(said["warning"]) == 2 and said["hint"] not in text


def test_a_drafts_times_are_written_as_the_window_writes_dates(
    qtbot: QtBot, starter_library: Library, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setattr(responses, "now_text", lambda: "2026-12-03T15:30:00Z")
    window = open_window(qtbot, starter_library)
    form = open_form(window, "three_houses_knowledge_check")
    choose(form, "start_with", "always_worries")
    clock = stamp_clock("2026-12-03T15:30:00Z")
    assert clock in form.status.text() and "2026-12-03" not in form.status.text()
    form.close()
    definition = window.instruments.definitions()["three_houses_knowledge_check"]
    assert window.instruments.open_instrument(definition) is None  # asked first
    question = window.instruments.draft_question
    assert question is not None
    moment = stamp_moment("2026-12-03T15:30:00Z")
    assert moment.startswith("Dec 3, 2026, " if language == "en" else "3 dic 2026, ")
    assert moment in question.text() and "2026-12-03" not in question.text()
    question.close()
    window.close()
