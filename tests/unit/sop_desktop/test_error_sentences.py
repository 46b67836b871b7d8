"""Errors said whole in the reader's language: the system's own text ("No space left on
device", English whatever the interface's) never inside a Spanish sentence, sizes and numbers
as the interface's locale writes them, and the catch-all sentence claiming nothing it does
not know."""

import errno
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resources_index.errors import LibraryError, Size
from resources_index.library import copies
from resources_index.library.library import Library
from sop_desktop.error_sentences import describe
from tests.helpers.window_driving import open_window, type_query


def full_disk(*_: object, **__: object) -> tuple[str, int]:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_save_a_copy_on_a_full_disk_is_said_in_spanish_without_the_systems_words(
    qtbot: QtBot,
    spanish: None,
    starter_library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, starter_library)
    resource = type_query(qtbot, window, "plan de seguridad").rows[0].resource
    monkeypatch.setattr(copies, "copy_hashing", full_disk)  # a disk cannot be filled here
    target = tmp_path / "usb" / "copia.pdf"
    window.save_copy(resource, target)
    qtbot.waitUntil(lambda: getattr(window, "message_box", None) is not None, timeout=20_000)
    box: QMessageBox = window.message_box
    interface = QAccessible.queryAccessibleInterface(box)
    assert interface is not None
    said = box.text()
    assert said == f"No se pudo escribir {target} (el disco está lleno).", said
    assert "No space" not in said and "Errno" not in said
    box.accept()
    window.close()


def test_sizes_and_counts_in_a_spanish_sentence_are_written_the_spanish_way(
    spanish: None,
) -> None:
    error = LibraryError(
        "library.sync_no_room",
        needed=Size(1_234_567_890),
        free=Size(5_000),
        reserve=Size(32 << 20),
        short=Size(1_234_567_890 + (32 << 20) - 5_000),
    )
    said = describe(error)
    assert "necesita 1,1 GB" in said and "tiene 4,9 kB libres" in said, said  # as the window's
    english = str(error)
    assert "1,177.4 MB" in english  # the command line, in English


def test_the_unforeseen_is_said_by_its_kind_and_claims_nothing_of_the_library(
    spanish: None,
) -> None:
    said = describe(OSError(errno.ENOSPC, "No space left on device"))
    assert said == (
        "Algo salió mal: el disco está lleno. Los detalles están en el archivo de registro."
    )
    said = describe(PermissionError(errno.EACCES, "Permission denied", "/media/usb/x.pdf"))
    assert said.startswith("Algo salió mal con /media/usb/x.pdf: se denegó el permiso.")
    assert "biblioteca" not in describe(RuntimeError("boom")) and "boom" not in describe(
        RuntimeError("boom")
    )
