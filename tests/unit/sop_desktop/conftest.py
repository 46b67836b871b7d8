"""The real main window over a real library, offscreen, and a helper to wait for answers."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library, open_library
from sop_desktop import i18n
from sop_desktop.controllers.search_controller import SearchOutcome
from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.window.main_window import MainWindow
from sop_desktop.workers import wait_for_tasks
from tests.helpers.reporting import county_policy


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


def open_window(qtbot: QtBot, library: Library) -> MainWindow:
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.last_outcome is not None, timeout=20_000)
    return window


@pytest.fixture
def window(qtbot: QtBot, starter_library: Library) -> Iterator[MainWindow]:
    window = open_window(qtbot, starter_library)
    yield window
    for viewer in list(window.viewers.values()):
        viewer.close()
    window.close()
    wait_for_tasks()


def final_answer(qtbot: QtBot, window: MainWindow, query: str) -> SearchOutcome:
    """Wait for the complete (not quick) answer to ``query``."""

    def settled() -> bool:
        outcome = window.last_outcome
        return outcome is not None and outcome.query == query and not outcome.quick

    qtbot.waitUntil(settled, timeout=20_000)
    assert window.last_outcome is not None
    return window.last_outcome


def answer_to(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> SearchOutcome:
    """Do ``action`` (a click, a filter) and wait for the complete answer it causes."""
    before = window.search.generation
    action()

    def settled() -> bool:
        outcome = window.last_outcome
        return outcome is not None and outcome.generation > before and not outcome.quick

    qtbot.waitUntil(settled, timeout=20_000)
    assert window.last_outcome is not None
    return window.last_outcome


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> SearchOutcome:
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    return final_answer(qtbot, window, text)


@pytest.fixture
def spanish_county_window(
    qtbot: QtBot, spanish: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """A county's laptop (reports on) with the interface in Spanish."""
    county_policy(tmp_path, monkeypatch)
    return open_window(qtbot, open_library(tmp_path / "library"))


def open_observation(
    qtbot: QtBot, library: Library, language: str, request: pytest.FixtureRequest
) -> tuple[MainWindow, FormWindow]:
    """The window in ``language`` and the starter's safety-mapping observation opened fresh."""

    request.getfixturevalue("spanish" if language == "es" else "english")
    window = open_window(qtbot, library)
    definition = window.instruments.definitions()["safety_mapping_observation"]
    form = window.instruments.open_instrument(definition, resume=False)
    assert isinstance(form, FormWindow) and form.form_language == language
    return window, form
