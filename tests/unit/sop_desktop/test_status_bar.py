"""The status bar says what is known, never "Online" on the system's word alone: no server
set, the last attempt that failed and when, the last sync that worked and when; the catalog
by the day it was published, written as the interface's language writes dates, its version
number in the details."""

from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.served import point_at
from tests.helpers.window_driving import open_window
from tests.helpers.window_reading import shown_message

MESES = "ene feb mar abr may jun jul ago sept oct nov dic"


def heard(widget: QWidget) -> tuple[str, str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)


def test_before_any_sync_the_bar_says_no_server_and_the_catalog_by_its_day(
    qtbot: QtBot, english: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    status = window.status_area
    manifest = starter_library.current()
    assert manifest is not None
    day = manifest.created.astimezone()
    name, details = heard(status.catalog_label)
    assert name == f"Catalog of {day:%b} {day.day}, {day.year}"
    assert details.startswith(f"Catalog version {manifest.version}, published {day:%b} {day.day}")
    assert status.catalog_label.toolTip() == details
    assert heard(status.network_label)[0] == "No sync server"
    assert heard(status.last_sync_label)[0] == "Never synced"
    window.close()


def test_in_spanish_a_failed_sync_is_said_with_its_time_and_never_en_linea(
    qtbot: QtBot, spanish: None, starter_library: Library, keys: tuple[Path, Path]
) -> None:
    window: MainWindow = open_window(qtbot, starter_library)
    status = window.status_area
    manifest = starter_library.current()
    assert manifest is not None
    day = manifest.created.astimezone()
    month = MESES.split()[day.month - 1]
    assert heard(status.catalog_label)[0] == f"Catálogo del {day.day} {month} {day.year}"
    point_at(starter_library, "http://127.0.0.1:9/", keys)
    status.show_catalog_facts()
    assert heard(status.last_sync_label)[0] == "Aún no sincronizado"  # a server, not tried
    window.start_sync()
    shown_message(qtbot, window).accept()
    texts = [heard(label)[0] for label in (status.network_label, status.last_sync_label)]
    assert not any("línea" in text or "Online" in text for text in texts)
    said = texts[1]
    assert said.startswith("Falló la última sincronización ")
    assert said.endswith(" · ninguna ha funcionado todavía")
    today = datetime.now().astimezone()
    # the date of the attempt, as Spanish writes it
    assert f"{today.day} {MESES.split()[today.month - 1]} {today.year}, " in said
    window.close()
