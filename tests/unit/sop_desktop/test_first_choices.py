"""What a person meets first: the Kits tab on the kit in the interface's language (English
first in English, Spanish first in Spanish); folder and file dialogs opening in Documents
(or home), not the folder the program was started from; the language of a run chosen with
``sop-desktop --lang``, said in ``--help``."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.__main__ import parse_args
from sop_desktop.start_folder import start_folder
from tests.helpers.window_driving import open_window


@pytest.mark.parametrize(("fixture", "language"), [("english", "en"), ("spanish", "es")])
def test_the_kits_tab_opens_on_the_kit_in_the_interface_language(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    starter_library: Library,
    fixture: str,
    language: str,
) -> None:
    request.getfixturevalue(fixture)
    window = open_window(qtbot, starter_library)
    window.side.setCurrentWidget(window.kits)
    kit = window.kits.kit
    manifest = starter_library.current()
    assert kit is not None and manifest is not None
    languages = {manifest.by_id[item.resource_id].language for item in kit.items}
    assert languages == {language}, (kit.name, languages)
    assert window.kits.kit_list.currentItem().text().startswith(kit.name)  # what is shown
    window.close()


def test_folder_dialogs_open_in_documents_or_home_not_the_working_folder(
    qtbot: QtBot,
    starter_library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # started from a folder that is not the person's
    asked: list[str] = []

    def folder_asked(parent: object, caption: str, folder: str = "", *_: object) -> str:
        asked.append(folder)
        return ""  # the person cancels: a modal dialog cannot be answered in a test

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder_asked)
    window = open_window(qtbot, starter_library)
    window.transfer.ask_export()
    window.transfer.ask_import()
    assert asked == [start_folder(), start_folder()]
    assert Path(asked[0]) != tmp_path and Path(asked[0]) in (
        Path.home(),
        Path.home() / "Documents",
        Path(start_folder()),
    )
    assert Path(start_folder()).is_dir()
    window.close()


def test_the_language_of_a_run_is_an_option_said_in_help() -> None:
    assert parse_args(["--lang", "es"]).lang == "es"
    assert parse_args([]).lang is None
    shown = subprocess.run(
        [sys.executable, "-m", "sop_desktop", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert shown.returncode == 0 and "--lang {en,es}" in shown.stdout
    assert "interface language" in shown.stdout
