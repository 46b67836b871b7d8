"""The real main window opened over a library, and typing and waiting for its answers."""

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.controllers.search_controller import SearchOutcome
from sop_desktop.instruments.form_window import FormWindow
from sop_desktop.window.main_window import MainWindow


def open_window(qtbot: QtBot, library: Library) -> MainWindow:
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.last_outcome is not None, timeout=20_000)
    return window


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
