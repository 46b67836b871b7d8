"""Filling in an instrument's form window as a person does, and reading what it prints."""

from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.instruments.question_widgets import ChoiceField, LineField, TextField
from sop_desktop.window.main_window import MainWindow


def open_form(window: MainWindow, form_id: str) -> FormWindow:
    definition = window.instruments.definitions()[form_id]
    form = window.instruments.open_instrument(definition, resume=False)
    assert form is not None
    return form


def choose(form: FormWindow, name: str, choice: str) -> None:
    field = form.view.rows[name].field
    assert isinstance(field, ChoiceField)
    field.buttons[choice].click()


def type_into(qtbot: QtBot, form: FormWindow, name: str, text: str) -> None:
    field = form.view.rows[name].field
    assert isinstance(field, LineField | TextField)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, text)


def complete_observation(form: FormWindow, label: str, rating: str) -> None:
    form.subject.setText(label)
    choose(form, "meeting_kind", "first")
    choose(form, "present", "parents")
    for name in (
        "purpose_explained",
        "three_questions",
        "harm_danger_apart",
        "plain_language",
        "strengths_and_safety",
        "child_voice",
        "scaling_asked",
        "next_steps_agreed",
    ):
        choose(form, name, rating)
    assert form.complete(), form.session.issues()
    form.close()


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return " ".join(text.split())  # lines wrapped on paper joined again


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    return printer
