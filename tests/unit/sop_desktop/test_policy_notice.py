"""A policy file that cannot be used never empties the window: the library opens with the last
valid policy, and the status bar (and so a screen reader) says which file, which line and what
is wrong."""

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources_index.catalog.times import parse_time
from resources_index.config.policy import POLICY_ENV
from resources_index.errors import Words
from resources_index.library.library import open_library
from sop_desktop.dates import moment_text
from tests.helpers.window_driving import open_window


def test_a_broken_policy_is_said_in_the_status_bar_and_the_library_stays(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(
        json.dumps(
            {"preseed_bundle": str(published), "settings": {"trusted_keys": [keys[1].read_text()]}}
        )
    )
    monkeypatch.setenv(POLICY_ENV, str(policy))
    open_library(tmp_path / "library").close()  # the county's first start: kept
    policy.write_text('{\n  "settings": {\n    "server_url": "https://x/",,\n  }\n}\n')
    window = open_window(qtbot, open_library(tmp_path / "library"))
    try:
        assert window.last_outcome is not None and window.last_outcome.total > 0
        label = window.status_area.policy_label
        assert label.isVisible() and label.text() == "The policy file cannot be used."
        said = label.toolTip()  # the whole: which file, which line, what applies
        assert str(policy) in said and "line 3 is not valid JSON" in said
        assert "last valid policy" in said and "damaged" not in said
        kept = json.loads((tmp_path / "library" / "policy-last-valid.json").read_text())
        assert kept["read_at"] not in said  # the time as the interface writes it, not ISO
        assert moment_text(parse_time(kept["read_at"], Words("when.last_sync"))) in said
        assert label.accessibleDescription() == said  # what a screen reader is given
        assert window.status_area.catalog_label.text() != "Library damaged"
        # A sync's own messages come and go beside it; the policy's stays.
        window.statusBar().showMessage("Already up to date.", 8000)
        window.show_catalog_facts()  # what the end of a sync does
        assert label.isVisible() and label.toolTip() == said
        assert window.statusBar().currentMessage() == "Already up to date."
    finally:
        window.close()


def test_the_policy_sentence_is_short_and_in_spanish(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    spanish: None,
) -> None:
    """The short sentence and its whole, in the interface's language; the TOML parser's own
    (English) words in neither."""
    policy = tmp_path / "policy.toml"
    policy.write_text('[settings]\nserver_url = "https://x/"\nproxy = = 1\n')
    monkeypatch.setenv(POLICY_ENV, str(policy))
    window = open_window(qtbot, open_library(tmp_path / "library"))
    try:
        label = window.status_area.policy_label
        assert label.isVisible() and label.text() == "No se puede usar el archivo de política."
        said = label.toolTip()
        assert said.startswith(f"No se puede usar el archivo de política {policy}")
        assert "línea 3" in said and "Invalid" not in said and "Expected" not in said
    finally:
        window.close()


def test_a_policy_with_a_typo_is_said_with_each_problem_and_the_library_stays(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    """A key's name misspelt ("setings"): the last valid policy applies, the window is full,
    and the status bar's whole names the file, the line and the typo."""
    policy = tmp_path / "policy.json"
    good = {
        "preseed_bundle": str(published),
        "settings": {"trusted_keys": [keys[1].read_text()]},
        "locked": ["trusted_keys"],
    }
    policy.write_text(json.dumps(good, indent=1))
    monkeypatch.setenv(POLICY_ENV, str(policy))
    open_library(tmp_path / "library").close()  # the county's first start: kept
    policy.write_text(policy.read_text().replace('"settings"', '"setings"'))
    window = open_window(qtbot, open_library(tmp_path / "library"))
    try:
        assert window.last_outcome is not None and window.last_outcome.total > 0
        label = window.status_area.policy_label
        assert label.isVisible() and label.text() == "The policy file has problems."
        said = label.toolTip()
        assert f"{policy}, line 3: unknown key 'setings' ignored." in said
        assert "last valid policy" in said and label.accessibleDescription() == said
        assert window.status_area.catalog_label.text() != "Library damaged"
    finally:
        window.close()
