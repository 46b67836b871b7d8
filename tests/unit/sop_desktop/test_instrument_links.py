"""A form's buttons to the resources that teach its items: named after what they open (a tip
sheet, a practice guide, a module, else "the resource") in the form's language, heard with the
resource's title, and opening the document with nothing to find (not the main window's query,
which may be misspelled and find nothing)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.instruments.form_view import FormView
from sop_desktop.instruments.form_words import link_words, words
from sop_desktop.viewers.pdf_viewer import PdfViewer
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import open_observation, type_query

LINKS = {
    "en": {
        ("tip_sheet", True): "Not observed? Open the tip sheet",
        ("practice_guide", True): "Not observed? Open the practice guide",
        ("curriculum_module", False): "Open the module",
        ("video", True): "Not observed? Open the resource",
        ("toolkit", False): "Open the resource",
    },
    "es": {
        ("tip_sheet", True): "¿No se observó? Abra la hoja de consejos",
        ("practice_guide", True): "¿No se observó? Abra la guía de práctica",
        ("curriculum_module", False): "Abra el módulo",
        ("video", True): "¿No se observó? Abra el recurso",
        ("toolkit", False): "Abra el recurso",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_link_words_follow_the_resource_type_in_the_form_language(language: str) -> None:
    for (kind, observation), said in LINKS[language].items():
        assert words(language, link_words(kind, observation)) == said


def tips(view: FormView) -> dict[str, tuple[str, str, str]]:
    """Each item's link button: (the linked resource's type, its text, its accessible name)."""
    found = {}
    for name, row in view.rows.items():
        if row.tip is not None and row.tip_resource is not None:
            heard = QAccessible.queryAccessibleInterface(row.tip).text(QAccessible.Text.Name)
            found[name] = (row.tip_resource.type, row.tip.text(), heard)
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_observation_names_each_link_after_the_resource_it_opens(
    qtbot: QtBot, starter_library: Library, language: str, request: pytest.FixtureRequest
) -> None:
    window, form = open_observation(qtbot, starter_library, language, request)
    shown = tips(form.view)
    kinds = {kind for kind, _, _ in shown.values()}
    assert {"tip_sheet", "practice_guide"} <= kinds  # the starter links to both
    for name, (kind, text, heard) in shown.items():
        expected = LINKS[language].get((kind, True)) or LINKS[language][("video", True)]
        assert text == expected, name
        title = form.view.rows[name].tip_resource.title  # type: ignore[union-attr]
        assert heard == f"{expected}: {title}"
    form.close()
    window.close()


def test_a_document_opened_from_a_form_does_not_find_the_misspelled_query(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_query(qtbot, window, "saftey plan")
    form = window.instruments.open_instrument(
        window.instruments.definitions()["safety_mapping_observation"], resume=False
    )
    assert form is not None
    row = form.view.rows["purpose_explained"]
    assert row.tip is not None and row.tip_resource is not None
    guide = row.tip_resource
    assert window.opener._find_words(guide)  # the main window would start a find from its query
    qtbot.mouseClick(row.tip, Qt.MouseButton.LeftButton)
    viewer = window.viewers[guide.id]
    assert isinstance(viewer.viewer, PdfViewer)
    assert viewer.viewer.find_field.text() == ""
    form.close()
