"""The real main window over a real library, offscreen, in English or Spanish (the helpers that
drive it are in ``tests/helpers/window_driving.py``)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library, open_library
from sop_desktop import i18n
from sop_desktop.window.main_window import MainWindow
from sop_desktop.workers import wait_for_tasks
from tests.helpers.reporting import county_policy
from tests.helpers.window_driving import open_window


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    """The interface in Spanish (its translation and its locale's numbers and dates)."""
    translators = i18n.install(qapp, "es")
    assert len(translators) >= 1
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The interface in English as written in the United States."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield


@pytest.fixture
def starter_library(tmp_path: Path) -> Iterator[Library]:
    library = open_library(tmp_path / "library")
    yield library
    library.close()


@pytest.fixture
def window(qtbot: QtBot, starter_library: Library) -> Iterator[MainWindow]:
    window = open_window(qtbot, starter_library)
    yield window
    for viewer in list(window.viewers.values()):
        viewer.close()
    window.close()
    wait_for_tasks()


@pytest.fixture
def spanish_county_window(
    qtbot: QtBot, spanish: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """A county's laptop (reports on) with the interface in Spanish."""
    county_policy(tmp_path, monkeypatch)
    return open_window(qtbot, open_library(tmp_path / "library"))
