"""The starter's instruments say they are sample content wherever a person meets them: the list
of Instruments › Fill in an instrument, the form's window (in the form's language) and the paper,
blank or filled in; an instrument another publisher published says nothing of the kind."""

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from resources_index.instruments.session import FormSession
from resources_index.library.library import Library
from resources_index.library.starter import STARTER_NOTICE, STARTER_PUBLISHER
from sop_desktop.instruments.form_printing import print_blank, print_response
from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.instruments.instruments_dialog import InstrumentsDialog
from sop_desktop.window.main_window import MainWindow
from tests.helpers.instrument_forms import pdf_printer
from tests.helpers.window_driving import open_window

FORMS = ("harm_danger_self_check", "safety_mapping_observation", "three_houses_knowledge_check")
PUBLISHER = {"en": "SOP Desktop sample content", "es": "Contenido de muestra de SOP Desktop"}


def heard_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return str(interface.text(QAccessible.Text.Name))


def listed(dialog: InstrumentsDialog) -> list[str]:
    """Each row as a screen reader hears it (the list's children)."""
    interface = QAccessible.queryAccessibleInterface(dialog.list)
    assert interface is not None
    return [
        interface.child(row).text(QAccessible.Text.Name) for row in range(interface.childCount())
    ]


def check_list(dialog: InstrumentsDialog, language: str) -> None:
    rows = listed(dialog)
    assert len(rows) == len(FORMS) == dialog.list.count()
    for row in rows:
        assert PUBLISHER[language] in row, row
    assert dialog.sample.isVisibleTo(dialog)
    assert dialog.sample.text() == STARTER_NOTICE[language] == heard_name(dialog.sample)


def test_the_list_says_the_starter_instruments_are_sample_content(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.instruments.show_list()
    check_list(dialog, "en")
    dialog.close()


def test_in_spanish_the_list_says_it_in_spanish(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    dialog = window.instruments.show_list()
    check_list(dialog, "es")
    assert STARTER_NOTICE["en"] not in dialog.sample.text()
    dialog.close()
    window.close()


def test_the_form_window_says_it_under_the_title_in_the_form_s_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    for form_id in FORMS:
        definition = window.instruments.definitions()[form_id]
        assert definition.publisher == STARTER_PUBLISHER
        form = window.instruments.open_instrument(definition, resume=False)
        assert isinstance(form, FormWindow)
        assert form.sample.isVisibleTo(form)
        assert form.sample.text() == STARTER_NOTICE["en"] == heard_name(form.sample)
        form.language.setCurrentIndex(form.language.findData("es"))
        assert form.sample.text() == STARTER_NOTICE["es"] == heard_name(form.sample)
        form.close()


def test_another_publisher_s_instrument_is_not_called_sample_content(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    definitions = window.instruments.definitions()
    theirs = {key: replace(definition, publisher="cdss") for key, definition in definitions.items()}
    dialog = InstrumentsDialog(theirs, window.instruments.store, lambda _: None, window)
    qtbot.addWidget(dialog)
    rows = listed(dialog)
    assert all("California Department of Social Services" in row for row in rows), rows
    assert not any("sample" in row.lower() for row in rows)
    assert dialog.sample.isHidden() and not dialog.sample.text()
    definition = theirs["harm_danger_self_check"]
    form = window.instruments.open_instrument(definition, resume=False)
    assert isinstance(form, FormWindow)
    assert form.sample.isHidden() and not form.sample.text()
    form.close()
    done = print_blank(definition, ["en", "es"], pdf_printer(tmp_path / "theirs.pdf"))
    assert done.sheets == len(page_texts(tmp_path / "theirs.pdf")) >= 2
    for text in page_texts(tmp_path / "theirs.pdf"):
        assert STARTER_NOTICE["en"] not in text and STARTER_NOTICE["es"] not in text


def page_texts(path: Path) -> list[str]:
    """Each printed sheet's text, its lines wrapped on paper joined again."""
    printed = pdfium.PdfDocument(path)
    texts = [" ".join(page.get_textpage().get_text_range().split()) for page in printed]
    printed.close()
    return texts


def test_a_printed_blank_form_says_it_on_every_sheet_in_the_sheet_s_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    for form_id in FORMS:
        definition = window.instruments.definitions()[form_id]
        english = print_blank(definition, ["en"], pdf_printer(tmp_path / "en.pdf")).sheets
        done = print_blank(definition, ["en", "es"], pdf_printer(tmp_path / "both.pdf"))
        texts = page_texts(tmp_path / "both.pdf")
        assert done.sheets == len(texts) > english >= 1
        for number, text in enumerate(texts):  # the English sheets first, then the Spanish
            language, other = ("en", "es") if number < english else ("es", "en")
            assert text.endswith(STARTER_NOTICE[language]), (form_id, number, text[-200:])
            assert STARTER_NOTICE[other] not in text


def test_a_printed_response_says_it_in_its_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    definition = window.instruments.definitions()["harm_danger_self_check"]
    for language in ("en", "es"):
        out = tmp_path / f"{language}.pdf"
        print_response(definition, language, FormSession(definition), pdf_printer(out))
        texts = page_texts(out)
        assert texts and all(text.endswith(STARTER_NOTICE[language]) for text in texts)
