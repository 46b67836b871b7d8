"""The library to a USB drive and onto another laptop, from the window (File menu)."""

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import open_library
from sop_desktop.window.library_transfer import BUNDLE_FOLDER, _bundle_in
from sop_desktop.window.main_window import MainWindow
from tests.helpers.manifests import read_manifest
from tests.helpers.served import point_at
from tests.helpers.window_driving import open_window
from tests.helpers.window_reading import shown_message


def test_the_library_goes_to_a_drive_and_onto_another_laptop(
    qtbot: QtBot, tmp_path: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    first = open_library(tmp_path / "laptop-a")
    first.import_bundle(published, [load_public_key(keys[1])])
    window = open_window(qtbot, first)
    drive = tmp_path / "usb"
    (drive / "photos").mkdir(parents=True)  # a drive is rarely empty
    window.transfer.export_to(drive / BUNDLE_FOLDER)
    qtbot.waitUntil(
        lambda: window.message_box is not None and "Library copied to" in window.message_box.text(),
        timeout=30_000,
    )
    copied = window.message_box
    assert copied.isVisible() and copied.windowTitle() == "Library copied"  # read whole
    manifest = first.current()
    assert manifest is not None and all(
        first.store.has(e.sha256, e.size) for r in manifest.resources for e in r.files
    )
    assert "left out" not in copied.text()  # every resource is here: nothing is said missing
    assert (drive / BUNDLE_FOLDER / "catalog.json").is_file()
    assert _bundle_in(drive) == drive / BUNDLE_FOLDER  # the drive itself may be chosen

    second = open_library(tmp_path / "laptop-b")
    point_at(second, "http://127.0.0.1:9/", keys)  # trusts the statewide key, as IT sets up
    other = open_window(qtbot, second)
    other.transfer.import_from(_bundle_in(drive))
    version = read_manifest(published, keys[1]).version
    qtbot.waitUntil(
        lambda: other.statusBar().currentMessage().startswith(f"Catalog version {version}"),
        timeout=30_000,
    )
    manifest = second.current()
    assert manifest is not None and manifest.version == version
    qtbot.waitUntil(lambda: other.count_label.text() == f"{len(manifest.resources)} resources")
    other.close()
    window.close()


def test_a_library_holding_only_the_starter_says_why_it_is_not_copied(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.transfer.export_to(tmp_path / "usb" / BUNDLE_FOLDER)
    box = shown_message(qtbot, window)
    assert "starter" in box.text()
    assert not (tmp_path / "usb" / BUNDLE_FOLDER / "catalog.json").exists()


def test_copying_the_library_can_be_cancelled_and_leaves_no_catalog(
    qtbot: QtBot, tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from resources_index.publish.publisher import publish

    for number in range(4):  # recordings large enough to be copied one after another
        (source / f"recording-{number}.mp4").write_bytes(os.urandom(6 * 1024 * 1024))
    publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    library = open_library(tmp_path / "laptop")
    library.import_bundle(tmp_path / "www", [load_public_key(keys[1])])
    window = open_window(qtbot, library)
    window.transfer.export_to(tmp_path / "usb" / BUNDLE_FOLDER)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None
    dialog.findChild(QPushButton).click()  # its Cancel button
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Copy cancelled"), timeout=30_000
    )
    assert not (tmp_path / "usb" / BUNDLE_FOLDER / "catalog.json").exists()
    window.close()
