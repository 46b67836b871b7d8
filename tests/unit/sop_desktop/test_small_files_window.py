"""The window opens whole over hostile small files beside the catalog: a kit file nested
100,000 deep or a FIFO in ``kits/``, the record of the last sync attempt as either."""

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources_index.library.kits import KITS_DIR, KitStore
from resources_index.library.library import open_library
from resources_index.sync.schedule import ATTEMPT_FILE
from tests.helpers.window_driving import open_window

pytestmark = pytest.mark.timeout(120)  # a FIFO waited on fails the test, never hangs it


@pytest.mark.parametrize("fifo", [False, True], ids=["nested deep", "a FIFO"])
def test_the_window_opens_over_hostile_kits_and_attempt_record(
    qtbot: QtBot, tmp_path: Path, fifo: bool
) -> None:
    library = open_library(tmp_path / "library")
    KitStore(library).create("Monday training")
    for path in (library.root / KITS_DIR / "bad.json", library.root / ATTEMPT_FILE):
        if fifo:
            os.mkfifo(path)
        else:
            path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    window = open_window(qtbot, library)
    try:
        assert window.last_outcome is not None and window.last_outcome.total > 0
        assert window.status_area.catalog_label.text() != "Library damaged"
        kits = window.kits
        kits.reload()
        names = [kits.kit_list.item(i).text() for i in range(kits.kit_list.count())]
        assert any("Monday training" in name for name in names)
    finally:
        window.close()
