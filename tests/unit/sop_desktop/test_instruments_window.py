"""The starter's instruments filled in the real window: listed in the interface's language,
every question type, skip logic and messages as you go, what a screen reader receives, the form's
own language, a draft after every answer that survives a killed program, completion, the links
between resources and instruments, a coach's history, printing and export."""

import csv
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from resources_index.instruments import responses
from resources_index.instruments.definition import from_json
from resources_index.instruments.responses import ResponseStore, user_responses_folder
from resources_index.library.library import Library, open_library
from sop_desktop.dates import day_text
from sop_desktop.instruments.form_printing import print_blank, print_response
from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.instruments.question_widgets import ChoiceField, LineField, TextField
from sop_desktop.instruments.stamps import stamp_moment
from sop_desktop.window.main_window import MainWindow
from tests.helpers.instrument_forms import (
    choose,
    complete_observation,
    open_form,
    pdf_printer,
    pdf_text,
    type_into,
)
from tests.helpers.kills import kill_when
from tests.helpers.on_a_screen import run_on_screen
from tests.helpers.reporting import county_policy
from tests.helpers.window_driving import open_window
from tests.helpers.window_reading import counted, shown_cells

ROOT = Path(__file__).resolve().parents[3]


def heard(widget: QWidget) -> dict[str, str]:
    """What a screen reader receives of ``widget``: its name, value and description."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return {
        "name": interface.text(QAccessible.Text.Name),
        "value": interface.text(QAccessible.Text.Value),
        "description": interface.text(QAccessible.Text.Description),
    }


def test_the_menu_lists_the_starter_instruments_in_the_interface_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Instruments", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    assert "Export &responses…" in [a.text() for a in file_menu.actions()]
    dialog = window.instruments.show_list()
    shown = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert shown == [
        "Harm and danger statements: self-check\nSelf-check · SOP Desktop sample content"
        " · 0 completed",
        "Safety mapping meeting: coach's observation\nObservation · SOP Desktop sample content"
        " · 0 completed",
        "The Three Houses: knowledge check\nKnowledge check · SOP Desktop sample content"
        " · 0 completed",
    ]
    assert dialog.list.hasFocus() or dialog.list.currentRow() == 0
    dialog.close()


def test_skip_logic_and_constraint_messages_show_as_you_go(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = open_form(window, "harm_danger_self_check")
    rows = form.view.rows
    assert not rows["parents_response"].isHidden()  # asked unless nothing was read aloud
    choose(form, "read_aloud", "no")
    assert rows["parents_response"].isHidden()
    choose(form, "read_aloud", "yes")
    assert not rows["parents_response"].isHidden()
    type_into(qtbot, form, "confidence", "14")
    message = rows["confidence"].message
    assert message.isVisibleTo(form) and message.text() == "Type a number from 0 to 10."
    field = rows["confidence"].field
    assert isinstance(field, LineField)
    field.edit.clear()
    qtbot.keyClicks(field.edit, "seven")
    assert message.text() == "Type a whole number."
    field.edit.clear()
    qtbot.keyClicks(field.edit, "7")
    assert not message.isVisibleTo(form)
    # A required question unanswered is asked for once the person tries to complete.
    assert not rows["harm_impact"].message.isVisibleTo(form)
    assert not form.complete()
    assert rows["harm_impact"].message.text() == "This question needs an answer."
    assert "questions need an answer or a change" in form.status.text()
    # The note shows the score computed from the answers so far.
    choose(form, "harm_behaviour", "yes")
    assert rows["score_note"].heading.text() == "Your checklist score: 4 of 14."
    form.close()


def test_every_question_type_and_groups_work_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    raw = {
        "format": 1,
        "id": "every_type",
        "version": "1",
        "kind": "observation",
        "title": {"en": "Every type", "es": "Todos los tipos"},
        "languages": ["en", "es"],
        "items": [
            {
                "name": "visit",
                "type": "group",
                "labels": {"en": "The visit"},
                "items": [
                    {
                        "name": "kind",
                        "type": "select_one",
                        "labels": {"en": "Kind"},
                        "required": True,
                        "choices": [
                            {"name": "home", "labels": {"en": "Home"}},
                            {"name": "office", "labels": {"en": "Office"}},
                        ],
                    },
                    {
                        "name": "who",
                        "type": "select_multiple",
                        "labels": {"en": "Who"},
                        "choices": [
                            {"name": "mother", "labels": {"en": "Mother"}},
                            {"name": "father", "labels": {"en": "Father"}},
                        ],
                    },
                ],
            },
            {"name": "count", "type": "integer", "labels": {"en": "How many"}},
            {
                "name": "hours",
                "type": "decimal",
                "labels": {"en": "Hours"},
                "constraint": ". <= 8",
                "constraint_messages": {"en": "At most 8."},
            },
            {
                "name": "day",
                "type": "date",
                "labels": {"en": "Day"},
                "constraint": ". <= today()",
                "constraint_messages": {"en": "Not in the future."},
            },
            {"name": "notes", "type": "text", "labels": {"en": "Notes"}},
            {"name": "summary", "type": "note", "labels": {"en": "Hours: ${hours}"}},
        ],
    }
    definition = from_json(raw, "every type")
    store = ResponseStore(user_responses_folder(window.library.root))
    form = FormWindow(
        definition, store, store.new_draft(definition, "en"), lambda _: None, parent=window
    )
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)  # keys go to the window a person is in
    rows = form.view.rows
    assert rows["visit"].heading.text() == "The visit"
    kind = rows["kind"].field
    assert isinstance(kind, ChoiceField)
    kind.buttons["home"].setFocus()
    qtbot.keyClick(kind.buttons["home"], Qt.Key.Key_Space)
    assert form.session.answers["kind"] == "home"
    qtbot.keyClick(kind.buttons["home"], Qt.Key.Key_Down)  # arrows move between choices
    assert form.session.answers["kind"] == "office"
    who = rows["who"].field
    assert isinstance(who, ChoiceField)
    for name in ("mother", "father"):
        who.buttons[name].setFocus()
        qtbot.keyClick(who.buttons[name], Qt.Key.Key_Space)
    assert form.session.answers["who"] == "mother father"
    count = rows["count"].field
    assert isinstance(count, LineField)
    count.edit.setFocus()
    qtbot.keyClicks(count.edit, "3")
    qtbot.keyClick(count.edit, Qt.Key.Key_Tab)  # Tab goes on to the next question
    hours = rows["hours"].field
    assert isinstance(hours, LineField) and hours.edit.hasFocus()
    qtbot.keyClicks(hours.edit, "9.5")
    assert rows["hours"].message.text() == "At most 8."
    hours.edit.clear()
    qtbot.keyClicks(hours.edit, "2.5")
    assert rows["summary"].heading.text() == "Hours: 2.5"
    type_into(qtbot, form, "day", "2999-01-01")
    assert rows["day"].message.text() == "Not in the future."
    day = rows["day"].field
    assert isinstance(day, LineField) and day.edit.placeholderText().startswith("year-month")
    day.edit.clear()
    qtbot.keyClicks(day.edit, "2026-12-01")
    notes = rows["notes"].field
    assert isinstance(notes, TextField)
    notes.edit.setFocus()
    qtbot.keyClicks(notes.edit, "Calm visit")
    qtbot.keyClick(notes.edit, Qt.Key.Key_Tab)
    assert not notes.edit.hasFocus() and notes.edit.toPlainText() == "Calm visit"
    assert rows["notes"].warning.text().startswith("Do not write names, case numbers")
    form.pause.timeout.emit()
    assert form.complete()
    kept = store.completed("every_type")[0][0].answers
    assert kept == {
        "kind": "office",
        "who": "mother father",
        "count": "3",
        "hours": "2.5",
        "day": "2026-12-01",
        "notes": "Calm visit",
    }
    form.close()


def test_a_screen_reader_hears_the_question_its_answer_and_what_is_wrong(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = open_form(window, "safety_mapping_observation")
    rows = form.view.rows
    choose(form, "scaling_asked", "partly")
    given = rows["scaling_given"].field
    assert isinstance(given, LineField)
    type_into(qtbot, form, "scaling_given", "14")
    assert heard(given.edit) == {
        "name": "Where did the participants' scaling answers mostly fall (0 to 10)?",
        "value": "14",
        "description": "Type a number from 0 to 10.",
    }
    kind = rows["meeting_kind"].field
    assert isinstance(kind, ChoiceField)
    assert heard(kind.box)["name"] == "What kind of meeting was it?"
    choose(form, "meeting_kind", "review")
    first, second = (heard(b) for b in kind.buttons.values())
    assert first["name"] == "First mapping with this family"
    assert second["name"] == "Review of an existing map"
    second_button = kind.buttons["review"]
    state = QAccessible.queryAccessibleInterface(second_button).state()
    assert state.checked and isinstance(second_button, QRadioButton)
    went_well = rows["went_well"].field
    assert isinstance(went_well, TextField)
    type_into(qtbot, form, "went_well", "The map was clear")
    said = heard(went_well.edit)
    assert said["name"] == "What went well in this meeting?"
    assert said["value"] == "The map was clear"
    assert said["description"].endswith(
        "Do not write names, case numbers or any detail about a family or a case."
    )
    form.close()


def test_the_form_language_is_chosen_per_form_whatever_the_interface(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = open_form(window, "harm_danger_self_check")
    form.language.setCurrentIndex(form.language.findData("es"))
    assert form.title.text() == "Declaraciones de daño y peligro: autoevaluación"
    heading = form.view.rows["harm_behaviour"].heading.text()
    assert heading.startswith("Mi declaración de daño") and heading.endswith("(obligatoria)")
    type_into(qtbot, form, "confidence", "14")
    assert form.view.rows["confidence"].message.text() == "Escriba un número del 0 al 10."
    assert form.complete_button.text() == "&Complete"  # the interface stays in English
    form.close()
    store = ResponseStore(user_responses_folder(window.library.root))
    assert store.drafts("harm_danger_self_check")[0][-1].language == "es"


def test_a_draft_is_kept_after_every_answer_and_reopening_offers_to_continue_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = open_form(window, "three_houses_knowledge_check")
    store = ResponseStore(user_responses_folder(window.library.root))
    choose(form, "three_houses", "worries_good_dreams")
    assert store.drafts("three_houses_knowledge_check")[0][-1].answers == {
        "three_houses": "worries_good_dreams"
    }
    choose(form, "start_with", "always_worries")
    assert (
        store.drafts("three_houses_knowledge_check")[0][-1].answers["start_with"]
        == "always_worries"
    )
    form.close()
    definition = window.instruments.definitions()["three_houses_knowledge_check"]
    assert window.instruments.open_instrument(definition) is None  # asked first
    question = window.instruments.draft_question
    assert question is not None and question.isVisible()
    modified = store.drafts("three_houses_knowledge_check")[0][-1].modified
    assert question.text() == (  # the time as the window writes dates: "Dec 3, 2026, 2:15 PM"
        f"You have an unfinished response, last changed {stamp_moment(modified)}. Continue it?"
    )
    assert stamp_moment(modified).startswith(day_text(date.fromisoformat(modified[:10])))
    keep = next(
        b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    reopened = window.instruments.forms["three_houses_knowledge_check"]
    assert reopened is not form and reopened.isVisible()
    field = reopened.view.rows["start_with"].field
    assert isinstance(field, ChoiceField) and field.buttons["always_worries"].isChecked()
    reopened.close()


def test_a_draft_survives_the_program_killed_mid_form(qtbot: QtBot, tmp_path: Path) -> None:
    library = open_library(tmp_path / "library")
    library.close()
    draft_folder = user_responses_folder(tmp_path / "library") / "drafts" / "harm_danger_self_check"

    def third_answer_saved() -> bool:
        return any('"read_aloud": "no"' in p.read_text() for p in draft_folder.glob("*.json"))

    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as stderr:
        program = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.form_driver", str(tmp_path / "library")],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        killed = kill_when(program, third_answer_saved, timeout=120)
    assert killed, errors.read_text()[-2000:]
    assert program.returncode == -9
    store = ResponseStore(user_responses_folder(tmp_path / "library"))
    drafts, problems = store.drafts("harm_danger_self_check")
    assert not problems and len(drafts) == 1
    assert drafts[0].answers == {
        "role": "supervisor",
        "harm_behaviour": "partly",
        "read_aloud": "no",
    }
    # The program started again offers to continue it, with the answers and the label.
    window = open_window(qtbot, open_library(tmp_path / "library"))
    definition = window.instruments.definitions()["harm_danger_self_check"]
    assert window.instruments.open_instrument(definition) is None
    question = window.instruments.draft_question
    assert question is not None and question.isVisible()
    keep = next(
        b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    form = window.instruments.forms["harm_danger_self_check"]
    assert form.subject.text() == "AB"
    read_aloud = form.view.rows["read_aloud"].field
    assert isinstance(read_aloud, ChoiceField) and read_aloud.buttons["no"].isChecked()
    assert form.view.rows["parents_response"].isHidden()  # its skip logic as it was left
    form.close()
    window.close()
    window.library.close()


def test_completing_keeps_the_response_shows_the_score_and_counts_the_day(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    days: list[bool] = []
    monkeypatch.setattr(window.counting.usage, "instrument_completed", lambda: days.append(True))
    form = open_form(window, "three_houses_knowledge_check")
    for name, choice in (
        ("three_houses", "worries_good_dreams"),
        ("start_with", "child_lead"),
        ("whose_words", "child"),
        ("right_answers", "true"),
    ):
        choose(form, name, choice)
    choose(form, "before_sharing", "ask_worries")
    choose(form, "before_sharing", "explain_who")
    assert form.complete()
    assert days == [True]
    assert form.status.text() == ("Completed and kept on this laptop. Score: 4 of 5 correct (80 %)")
    field = form.view.rows["start_with"].field
    assert isinstance(field, ChoiceField)
    field.buttons["always_good_things"].click()  # a completed response is read, not changed
    assert field.buttons["child_lead"].isChecked()
    assert not field.buttons["always_good_things"].isChecked()
    assert form.session.answers["start_with"] == "child_lead"
    store = ResponseStore(user_responses_folder(window.library.root))
    assert len(store.completed("three_houses_knowledge_check")[0]) == 1
    assert not store.drafts("three_houses_knowledge_check")[0]
    form.close()


def test_resources_and_instruments_lead_to_each_other(qtbot: QtBot, window: MainWindow) -> None:
    window.show_resource_by_id("three-houses-tip-sheet")
    buttons = window.instruments.detail_buttons
    names = sorted(b.accessibleName() for b in buttons)
    assert names == [
        "Check what you know: The Three Houses: knowledge check",
        "Observe this practice: Safety mapping meeting: coach's observation",
    ]
    assert all(b.isVisibleTo(window) for b in buttons)
    observe = next(b for b in buttons if b.text() == "Observe this practice")
    qtbot.mouseClick(observe, Qt.MouseButton.LeftButton)
    form = window.instruments.forms["safety_mapping_observation"]
    assert form.isVisible()
    tip = form.view.rows["child_voice"].tip
    assert tip is not None and tip.text() == "Not observed? Open the tip sheet"
    teaching = window.library.current().by_id["three-houses-tip-sheet"]  # type: ignore[union-attr]
    assert tip.accessibleName() == f"Not observed? Open the tip sheet: {teaching.title}"
    qtbot.mouseClick(tip, Qt.MouseButton.LeftButton)
    assert window.details.resource is not None
    assert window.details.resource.id == "three-houses-tip-sheet"
    assert "three-houses-tip-sheet" in window.viewers
    form.close()
    window.show_resource_by_id("field-coaching-observation-guide")
    assert [b.text() for b in window.instruments.detail_buttons] == ["Observe this practice"]
    window.show_resource_by_id("sop-glossary")
    assert not window.instruments.detail_buttons


def test_a_coach_sees_a_coachees_scores_over_time(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = ["2026-11-02"]
    monkeypatch.setattr(responses, "now_text", lambda: f"{day[0]}T10:00:00Z")
    for when, label, rating in (
        ("2026-11-02", "JD", "partly"),
        ("2026-11-09", "JD", "observed"),
        ("2026-11-16", "MK", "not_observed"),
    ):
        day[0] = when  # a week apart
        complete_observation(open_form(window, "safety_mapping_observation"), label, rating)
    history = window.instruments.show_history()
    assert history.table.topLevelItemCount() == 3
    first = history.table.topLevelItem(0)
    assert first.text(1) == "Safety mapping meeting: coach's observation"
    assert first.text(2) == "MK" and first.text(3) == "0 of 16"  # the form's highest: 16
    labels = [history.label.itemText(i) for i in range(history.label.count())]
    assert labels == ["JD", "MK"]
    history.label.setCurrentIndex(0)
    assert [value for _, value in history.points()] == [8.0, 16.0]
    assert [day for day, _ in history.points()] == ["Nov 2, 2026", "Nov 9, 2026"]
    description = QAccessible.queryAccessibleInterface(history.chart).text(
        QAccessible.Text.Description
    )
    assert description == "Nov 2, 2026: 8 of 16; Nov 9, 2026: 16 of 16"
    image = history.chart.grab().toImage()
    line = history.chart.palette().color(history.chart.palette().ColorRole.Highlight)

    def in_line_colour(x: int, y: int) -> bool:
        pixel = image.pixelColor(x, y)
        return all(
            abs(a - b) < 40 for a, b in zip(pixel.getRgb()[:3], line.getRgb()[:3], strict=True)
        )

    drawn = sum(in_line_colour(x, y) for x in range(image.width()) for y in range(image.height()))
    assert drawn > 100, (drawn, image.width(), image.height())  # the line and its points
    history.close()


def test_a_blank_form_prints_in_both_languages_and_a_filled_one_with_its_answers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    definition = window.instruments.definitions()["safety_mapping_observation"]
    blank = tmp_path / "blank.pdf"
    done = print_blank(definition, ["en", "es"], pdf_printer(blank))
    assert done.sheets >= 2
    text = pdf_text(blank)
    assert "Safety mapping meeting: coach's observation" in text
    assert "Reunión de mapeo de seguridad: observación del coach" in text
    assert "Practice score" not in text  # a note of computed values says nothing blank
    form = open_form(window, "safety_mapping_observation")
    choose(form, "meeting_kind", "review")
    type_into(qtbot, form, "went_well", "Everyone spoke")
    filled = tmp_path / "filled.pdf"
    assert print_response(definition, "en", form.session, pdf_printer(filled)).sheets >= 1
    text = pdf_text(filled)
    assert "Everyone spoke" in text and "Review of an existing map" in text
    form.close()


def test_export_writes_the_completed_responses_as_csv_into_the_chosen_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    complete_observation(open_form(window, "safety_mapping_observation"), "JD", "partly")
    written = window.instruments.export_responses(tmp_path / "out", confirmed=True)
    assert [p.name for p in written] == ["safety_mapping_observation.csv"]
    rows = list(csv.reader(written[0].read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "SubmissionDate" and "practice-child_voice" in rows[0]
    assert "JD" not in written[0].read_text(encoding="utf-8-sig")  # the label stays here
    assert window.statusBar().currentMessage().startswith("Wrote 1 file")


def test_a_form_reads_at_200_percent_on_a_laptop_screen(tmp_path: Path) -> None:
    seen = run_on_screen(
        tmp_path,
        "2",
        (1366, 768),
        "tests.helpers.scaled_form",
        str(tmp_path / "library"),
        str(tmp_path / "form-200.png"),
    )
    assert seen["ratio"] == 2.0
    assert seen["fits_screen"] and seen["sideways"] == 0, seen
    assert seen["headings_inside"] and seen["headings_wrapped"], seen  # long questions wrap
    assert seen["buttons_inside"], seen
    assert seen["message"] == "Type a number from 0 to 10."


def test_in_spanish_the_list_and_the_form_speak_spanish(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    assert [a.text() for a in window.menuBar().actions()][2] == "&Instrumentos"
    dialog = window.instruments.show_list()
    assert dialog.list.item(0).text() == (
        "Declaraciones de daño y peligro: autoevaluación\nAutoevaluación"
        " · Contenido de muestra de SOP Desktop · 0 completadas"
    )
    form = open_form(window, "harm_danger_self_check")
    assert form.form_language == "es"  # a new form starts in the interface's language
    assert form.complete_button.text() == "&Completar"
    form.language.setCurrentIndex(form.language.findData("en"))  # ... and can change
    assert form.view.rows["harm_behaviour"].heading.text().endswith("(required)")
    assert form.complete_button.text() == "&Completar"
    form.close()
    dialog.close()
    window.close()


def test_what_is_shared_names_the_instruments_measures_in_words(
    qtbot: QtBot, english: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county_policy(tmp_path, monkeypatch)
    window = open_window(qtbot, open_library(tmp_path / "library"))
    assert not [key for key in counted(window.library) if key[0] == "days_used"]
    form = open_form(window, "three_houses_knowledge_check")
    for name, choice in (
        ("three_houses", "worries_good_dreams"),
        ("start_with", "child_lead"),
        ("whose_words", "child"),
        ("right_answers", "false"),
        ("before_sharing", "promise_secret"),
    ):
        choose(form, name, choice)
    assert form.complete()
    form.close()
    days = [key for key in counted(window.library) if key[0] == "days_used"]
    assert len(days) == 1  # completing a form is a day the program was used
    view = window.open_settings().show_report()
    cells = shown_cells(view)
    check = "The Three Houses: knowledge check"
    question = "True or false: there are right and wrong answers in the Three Houses."
    row = cells.index(f"{check} › {question} › False")
    assert cells[row - 1 : row + 2] == [
        "Times an answer was chosen",
        f"{check} › {question} › False",
        "1",
    ]
    row = cells.index(f"{check} › Share of correct answers")
    assert cells[row - 1 : row + 2] == [
        "Completed instruments that answered the question",
        f"{check} › Share of correct answers",
        "1",
    ]
    assert cells[row + 2 : row + 5] == [
        "Sum of the scores, times 100",
        f"{check} › Share of correct answers",
        "8,000",  # 4 of 5 correct: 80 %, times 100
    ]
    assert f"{check} › Score (knowledge_score)" in cells  # a calculation has no label
    assert not any(c.startswith("three_houses_knowledge_check:") for c in cells)
    assert view.fidelity_note.text().startswith("From the instruments you complete, only counts")
    view.close()
    window.close()


def test_export_asks_first_and_writes_nothing_when_the_warning_is_declined(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    complete_observation(open_form(window, "safety_mapping_observation"), "JD", "partly")
    seen: list[str] = []

    def decline() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(100, decline)
    assert window.instruments.export_responses(tmp_path / "out") == []
    assert seen and seen[0].startswith("The exported files hold every completed response")
    assert not (tmp_path / "out").exists()


def test_the_keyboard_starts_on_the_first_question(qtbot: QtBot, window: MainWindow) -> None:
    form = open_form(window, "safety_mapping_observation")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    kind = form.view.rows["meeting_kind"].field
    assert isinstance(kind, ChoiceField)
    qtbot.waitUntil(kind.buttons["first"].hasFocus)
    qtbot.keyClick(kind.buttons["first"], Qt.Key.Key_Space)
    assert form.session.answers["meeting_kind"] == "first"
    form.close()


def test_a_form_closed_untouched_leaves_no_draft(qtbot: QtBot, window: MainWindow) -> None:
    store = ResponseStore(user_responses_folder(window.library.root))
    form = open_form(window, "harm_danger_self_check")
    assert len(store.drafts("harm_danger_self_check")[0]) == 1  # listed while open
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert store.drafts("harm_danger_self_check")[0] == []
    definition = window.instruments.definitions()["harm_danger_self_check"]
    again = window.instruments.open_instrument(definition)
    assert again is not None and window.instruments.draft_question is None  # nothing to ask
    again.close()
