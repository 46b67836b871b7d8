"""Qt's own texts in the interface language, as the rest of the window says them: the menus'
keys as the keys' table writes them ("Ctrl+S" in both languages, never "Control+S"), shown
and heard; in Spanish Qt's dialogs from Qt's own translation, with "archivo" as the window
says it (not Spain's "fichero") and a folder's kind in Spanish."""

import pytest
from PySide6.QtCore import QDir, QFileInfo
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFileIconProvider,
    QLabel,
    QMenu,
    QStyleOptionMenuItem,
)
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import open_window
from tests.helpers.window_reading import read_rows


def menu_keys(window: MainWindow, action: QAction) -> tuple[str, str]:
    """The key an action's menu shows beside its name, and the one a screen reader hears."""
    menu = next(m for m in window.menuBar().findChildren(QMenu) if action in m.actions())
    option = QStyleOptionMenuItem()
    menu.initStyleOption(option, action)
    shown = option.text.split("\t")[1]
    face = QAccessible.queryAccessibleInterface(menu)
    item = next(
        face.child(i)
        for i in range(face.childCount())
        if face.child(i).text(QAccessible.Text.Name) == action.text().replace("&", "")
    )
    return shown, item.text(QAccessible.Text.Accelerator)


@pytest.mark.parametrize(
    ("fixture", "save_row", "quit_row", "quit_keys"),
    [
        ("english", "Save a copy of the chosen resource", "Quit", "Ctrl+Q"),
        ("spanish", "Guardar una copia del recurso elegido", "Salir", "Ctrl+Q"),
    ],
)
def test_menus_show_keys_as_the_keys_table_does(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    starter_library: Library,
    fixture: str,
    save_row: str,
    quit_row: str,
    quit_keys: str,
) -> None:
    request.getfixturevalue(fixture)
    window = open_window(qtbot, starter_library)
    rows = read_rows(window)
    actions = [a for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    save = next(a for a in actions if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Save))
    quitting = next(a for a in actions if a.shortcut() == QKeySequence("Ctrl+Q"))
    assert menu_keys(window, save) == (rows[save_row], rows[save_row]) == ("Ctrl+S", "Ctrl+S")
    assert menu_keys(window, quitting)[0] == rows[quit_row] == quit_keys
    everything = " ".join(
        a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in actions
    )
    assert "Control" not in everything
    window.close()


def test_qt_dialogs_speak_spanish_as_the_window_does(
    qtbot: QtBot, spanish: None, tmp_path: object
) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancelar"  # Qt's own translation
    dialog = QFileDialog(None, "Guardar una copia", QDir.homePath())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "archivo" in labels.lower() and "fichero" not in labels.lower(), labels
    assert QFileIconProvider().type(QFileInfo(QDir.homePath())) == "Carpeta"
    dialog.grab().save(str(tmp_path) + "/file-dialog-es.png")  # type: ignore[operator]
