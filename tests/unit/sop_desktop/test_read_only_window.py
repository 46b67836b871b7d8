"""The window over a library on a read-only share whose index is behind its catalog: it
opens, searches and answers, and says nothing in an error box (the update it could not
write is in the log)."""

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from resources_index.search.archive import STAMP_FILE
from resources_index.search.library_search import INDEX_DIR
from sop_desktop.workers import wait_for_tasks
from tests.helpers.faults import a_searched_library, read_only, small_disk
from tests.helpers.window_driving import open_window, type_query


def test_the_window_searches_a_read_only_library(qtbot: QtBot, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 60) as disk:
        searched = a_searched_library(disk)
        stamp = searched.root / INDEX_DIR / STAMP_FILE
        stamp.write_text(json.dumps({**json.loads(stamp.read_text()), "manifest_sha256": "0"}))
        read_only(disk)
        window = open_window(qtbot, Library(searched.root))
        try:
            outcome = type_query(qtbot, window, "safety plan")
            assert outcome.rows and window.message_box is None
        finally:
            window.close()
            wait_for_tasks()
            window.library.close()
