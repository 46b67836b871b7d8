"""A library whose catalog was signed with a key the administrator withdrew: the window says
so once, stays usable (typing is not met with a message per letter), and a message never
locks the welcome of a first start, nor the welcome the message."""

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resources_index.config.policy import POLICY_ENV
from resources_index.library.library import Library, open_library
from sop_desktop.controllers.search_controller import PAUSE_MS
from sop_desktop.window.main_window import MainWindow
from sop_desktop.workers import wait_for_tasks

WITHDRAWN = "administrator no longer trusts"


@pytest.fixture
def withdrawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: Path, keys: tuple[Path, Path]
) -> Library:
    """A laptop whose catalog came with the policy's key, which the policy then withdrew."""
    policy = tmp_path / "policy.json"
    policy.write_text(
        json.dumps(
            {"preseed_bundle": str(published), "settings": {"trusted_keys": [keys[1].read_text()]}}
        )
    )
    monkeypatch.setenv(POLICY_ENV, str(policy))
    library = open_library(tmp_path / "laptop")
    assert library.current() is not None
    library.close()
    policy.write_text(json.dumps({"settings": {"trusted_keys": []}}))
    return Library(tmp_path / "laptop")


def _window(qtbot: QtBot, library: Library) -> tuple[MainWindow, list[str]]:
    window = MainWindow(library)
    qtbot.addWidget(window)
    said: list[str] = []
    window.announcer.said.connect(said.append)
    return window, said


def _boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_withdrawn_key_is_said_once_and_typing_goes_on(qtbot: QtBot, withdrawn: Library) -> None:
    window, said = _window(qtbot, withdrawn)
    window.show()
    qtbot.waitUntil(lambda: len(_boxes(window)) == 1, timeout=20_000)
    assert WITHDRAWN in _boxes(window)[0].text() and "damaged" not in _boxes(window)[0].text()
    _boxes(window)[0].accept()
    qtbot.keyClicks(window.search_field, "safety plan")
    qtbot.wait(PAUSE_MS * 4)
    wait_for_tasks()
    qtbot.wait(200)  # the failures delivered to this thread
    assert window.search_field.text() == "safety plan"
    assert _boxes(window) == [], "a message per keystroke"
    assert [s for s in said if WITHDRAWN in s] == [said[0]], said
    window.show_catalog_facts()  # as after a change of the catalog
    label = window.status_area.catalog_label.text()
    assert label == "Catalog's key not trusted", label  # never "Library damaged"
    window.close()
    wait_for_tasks()
    withdrawn.close()


def test_a_message_never_locks_the_welcome_nor_the_welcome_a_message(
    qtbot: QtBot, withdrawn: Library
) -> None:
    window, _ = _window(qtbot, withdrawn)
    window.show()
    # The failure came first (the first answer is read off this thread): the welcome of a
    # first start is shown over nothing, and the message comes back once it is closed.
    qtbot.waitUntil(lambda: len(_boxes(window)) == 1, timeout=20_000)
    welcome = window.show_welcome()
    assert welcome.isVisible() and _boxes(window) == []
    welcome.close()
    qtbot.waitUntil(lambda: len(_boxes(window)) == 1)
    assert WITHDRAWN in _boxes(window)[0].text()
    _boxes(window)[0].accept()
    # The welcome first: a failure meanwhile waits for it to be closed.
    welcome = window.show_welcome()
    window.show_error("The library could not be read.")
    assert welcome.isVisible() and _boxes(window) == []
    welcome.close()
    qtbot.waitUntil(lambda: len(_boxes(window)) == 1)
    assert _boxes(window)[0].text() == "The library could not be read."
    _boxes(window)[0].accept()
    window.close()
    wait_for_tasks()
    withdrawn.close()
