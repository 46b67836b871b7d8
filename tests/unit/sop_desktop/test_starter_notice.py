"""The welcome and About say what the starter catalog is, in English and in Spanish, and
never that it comes from CDSS, CalSWEC or the Regional Training Academies (issue 31)."""

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sop_desktop import i18n
from sop_desktop.dialogs.welcome import WelcomeDialog, welcome_text
from sop_desktop.window.main_window import MainWindow

NOT_THEIRS = {
    "en": "not produced or endorsed by CDSS, CalSWEC or the Regional Training Academies",
    "es": "No fue producido ni está respaldado por el CDSS, CalSWEC ni las Academias",
}
ABOUT_NOT_THEIRS = {
    "en": NOT_THEIRS["en"],
    "es": "no producido ni respaldado por el CDSS, CalSWEC ni las Academias Regionales",
}
SAMPLE = {"en": "sample content", "es": "contenido de muestra"}


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = i18n.install(qapp, request.param) if request.param == "es" else []
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def agencies_only_denied(text: str, denial: str) -> None:
    """Every sentence that names an agency is the one that says the starter is not theirs."""
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if re.search(r"CDSS|CalSWEC|Academ", sentence):
            assert denial in sentence, sentence


def test_the_welcome_says_the_starter_is_sample_content(language: str, qtbot: QtBot) -> None:
    text = welcome_text()
    assert SAMPLE[language] in text.lower()
    assert NOT_THEIRS[language] in " ".join(text.split())
    agencies_only_denied(text, NOT_THEIRS[language])
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    shown = dialog.text.toPlainText()  # what a reader, or a screen reader, gets
    assert NOT_THEIRS[language] in " ".join(shown.split())


def test_about_says_the_starter_is_sample_content(
    language: str,
    window: MainWindow,
) -> None:
    text = window.menus.about_text()
    assert text.startswith("SOP Desktop ")
    assert SAMPLE[language] in text.lower()
    assert ABOUT_NOT_THEIRS[language] in " ".join(text.split())
    agencies_only_denied(text, ABOUT_NOT_THEIRS[language])
