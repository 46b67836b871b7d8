"""A first start that explains itself, and a guide inside the program, in both languages."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sop_desktop import i18n
from sop_desktop.dialogs.welcome import welcome_due
from sop_desktop.window.main_window import MainWindow


def test_the_welcome_is_due_once_per_library(tmp_path: Path) -> None:
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert welcome_due(state)
    assert not welcome_due(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))


def test_help_opens_the_welcome_and_the_guide_inside_the_program(
    qtbot: QtBot, window: MainWindow
) -> None:
    welcome = window.show_welcome()
    assert welcome.isVisible()
    text = welcome.text.toPlainText()
    assert "Everything here works without a connection" in text
    for task in ("Search", "Filter", "Build a kit", "Present", "Sync"):
        assert task in text
    assert not welcome.text.openLinks() and not welcome.text.openExternalLinks()
    guide = welcome.open_guide()
    assert guide.isVisible() and not welcome.isVisible()
    headings = [line for line in guide.text.toMarkdown().splitlines() if line.startswith("## ")]
    assert headings == [
        "## Finding a resource",
        "## Narrowing the list",
        "## Reading, watching, printing",
        "## Session kits and presenting",
        "## Keeping the library up to date",
    ]
    assert window.show_guide().isVisible()  # also straight from Help (F1)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "es")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_welcome_and_the_guide_speak_spanish(
    qtbot: QtBot, spanish: None, window: MainWindow
) -> None:
    welcome = window.show_welcome()
    assert welcome.windowTitle() == "Bienvenido a SOP Desktop"
    assert "Todo funciona sin conexión" in welcome.text.toPlainText()
    guide = welcome.open_guide()
    assert guide.windowTitle() == "Guía de SOP Desktop"
    assert "## Kits de sesión y presentaciones" in guide.text.toMarkdown()
