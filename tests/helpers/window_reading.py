"""Reading what the window shows: status messages, table cells, shortcut rows, and words left
in English in a sentence meant to be Spanish."""

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from resources_index.reports.periods import period_of
from resources_index.reports.usage import Usage
from sop_desktop.dialogs.report_view import ReportView
from sop_desktop.window.main_window import MainWindow

#: Words that are the same in both languages (names of formats and of the format's own fields).
_SHARED = {
    "pdf",
    "json",
    "sop",
    "sha",
    "tar",
    "bytes",
    "kit",
    "kits",
    "catalog_id",
    "rendition",
    "index",
    "windows",
}


def english_words_left(english: str, said: str) -> set[str]:
    """The words of the English sentence still found in the Spanish one, the quoted values
    (ids, file names, field names) aside, which are the same in every language."""

    def words(text: str) -> set[str]:
        unquoted = re.sub(r"'[^']*'", " ", text)
        return {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", unquoted)} - _SHARED

    return words(english) & words(said)


def read_rows(window: MainWindow) -> dict[str, str]:
    """What each row of the table says, cell by cell, through the accessibility interface:
    {what it does: keys}."""
    dialog = window.menus.show_keys()
    interface = QAccessible.queryAccessibleInterface(dialog.tree)
    assert interface is not None and interface.isValid()
    assert interface.role() == QAccessible.Role.Tree
    cells = [interface.child(i) for i in range(interface.childCount())]
    said = [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.TreeItem]
    rows: dict[str, str] = {}
    for keys, what in zip(said[::2], said[1::2], strict=True):  # two cells a row
        if what:
            rows.setdefault(what, keys)
    items: list[QTreeWidgetItem] = [dialog.tree.topLevelItem(0).child(0)]
    assert items[0].text(0) == rows[items[0].text(1)]  # the cells are the rows shown
    dialog.close()
    return rows


def shown_message(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: getattr(window, "message_box", None) is not None, timeout=20_000)
    box: QMessageBox = window.message_box
    qtbot.waitUntil(box.isVisible)
    return box


def counted(library: Library) -> dict[tuple[str, str], int]:
    usage = Usage.of(library)
    try:
        report = usage.report(period_of())
    finally:
        usage.close()
    return {(m["measure"], m["key"]): m["value"] for m in report["measures"]}


def shown_cells(view: ReportView) -> list[str]:
    """The report's table as a screen reader reads it, cell by cell."""
    interface = QAccessible.queryAccessibleInterface(view.table)
    assert interface is not None and interface.role() == QAccessible.Role.Tree
    cells = [interface.child(i) for i in range(interface.childCount())]
    return [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.TreeItem]
