"""A policy file that cannot be used never empties the window: the library opens with the last
valid policy, and the status bar (and so a screen reader) says which file, which line and what
is wrong."""

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources_index.config.policy import POLICY_ENV
from resources_index.library.library import open_library
from tests.unit.sop_desktop.conftest import open_window


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
        said = window.statusBar().currentMessage()
        assert str(policy) in said and "line 3 is not valid JSON" in said
        assert "last valid policy" in said and "damaged" not in said
        assert window.statusBar().toolTip() == said  # whole, where the bar cuts it short
        assert window.status_area.catalog_label.text() != "Library damaged"
    finally:
        window.close()
