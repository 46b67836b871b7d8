"""Help › Keyboard shortcuts: every key the program answers, where it works and what it does,
in a table a screen reader reads row by row: each key as it is pressed, in the interface
language (``key_names``), only keys a keyboard has."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.key_names import is_keyboard_key, key_text, standard_keys

Keys = list[QKeySequence]
Std = QKeySequence.StandardKey


def _keys(*names: str | Std) -> Keys:
    """Sequences from portable names ("Ctrl+K") and standard keys (every binding of each)."""
    found: Keys = []
    for name in names:
        if isinstance(name, Std):
            found += QKeySequence.keyBindings(name)
        else:
            found.append(QKeySequence(name))
    return found


class ShortcutsDialog(QDialog):
    """The table of keys; ``rows`` holds (place, keys, what they do) for the tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = self._rows()
        tree = self.tree = QTreeWidget(self)
        tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        tree.setColumnCount(2)
        tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        tree.setRootIsDecorated(False)
        tree.setWordWrap(True)
        places: dict[str, QTreeWidgetItem] = {}
        for place, keys, what in self.rows:
            if place not in places:
                heading = QTreeWidgetItem(tree, [place])
                heading.setFirstColumnSpanned(True)
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                places[place] = heading
            shown = ", ".join(key_text(k) for k in keys if is_keyboard_key(k))
            QTreeWidgetItem(places[place], [shown, what])
        tree.expandAll()
        tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _rows(self) -> list[tuple[str, Keys, str]]:
        window, results = self.tr("The window"), self.tr("Results")
        pdf, video = self.tr("A document"), self.tr("A video")
        kits, show = self.tr("A kit's items"), self.tr("Presenting")
        return [
            (window, _keys("Ctrl+K", "Ctrl+F", "Ctrl+L", "/"), self.tr("Go to the search field")),
            (window, _keys("Esc"), self.tr("Clear the search field")),
            (window, _keys("Ctrl+1"), self.tr("All resources")),
            (window, _keys("Ctrl+2"), self.tr("Favorites")),
            (window, _keys("Ctrl+3"), self.tr("Recently viewed")),
            (window, _keys("Ctrl+4"), self.tr("What's new")),
            (window, _keys("Ctrl+Shift+L"), self.tr("Clear filters")),
            (window, _keys(Std.Save), self.tr("Save a copy of the chosen resource")),
            (window, _keys("F5"), self.tr("Sync now")),
            (window, standard_keys(Std.Preferences, "Ctrl+,"), self.tr("Settings")),
            (window, _keys(Std.HelpContents), self.tr("Guide")),
            (window, standard_keys(Std.Quit, "Ctrl+Q"), self.tr("Quit")),
            (window, _keys("Tab", "Shift+Tab"), self.tr("Next or previous control")),
            (results, _keys("Down"), self.tr("From the search field to the results")),
            (results, _keys("Up", "Down"), self.tr("Previous or next result")),
            (results, _keys("Return"), self.tr("Open the result")),
            (pdf, _keys("PgDown", "PgUp"), self.tr("Next or previous page")),
            (pdf, _keys(Std.Find), self.tr("Find in the document")),
            (pdf, _keys(Std.ZoomIn, Std.ZoomOut), self.tr("Zoom in or out")),
            (pdf, _keys(Std.Print), self.tr("Print")),
            (pdf, _keys("Esc", Std.Close), self.tr("Close the document or video")),
            (video, _keys("Space", "K"), self.tr("Play or pause")),
            (video, _keys("Left", "Right"), self.tr("Back or forward 5 seconds")),
            (video, _keys("J", "L"), self.tr("Back or forward 10 seconds")),
            (video, _keys("Home"), self.tr("Back to the beginning")),
            (video, _keys("F"), self.tr("Full screen on or off")),
            (video, _keys("C"), self.tr("Captions: English, Spanish, off, in turn")),
            (video, _keys("Esc"), self.tr("Leave full screen, then close the video")),
            (kits, _keys("Ctrl+Up", "Ctrl+Down"), self.tr("Move the item up or down")),
            (kits, _keys(Std.Delete), self.tr("Remove the item from the kit")),
            (
                show,
                _keys("PgDown", "Right", "Down", "Space"),
                self.tr("Next page or item (Space plays or pauses a video)"),
            ),
            (show, _keys("PgUp", "Left", "Up"), self.tr("Previous page or item")),
            (show, _keys("K"), self.tr("Play or pause a video")),
            (show, _keys("C"), self.tr("A video's captions: English, Spanish, off, in turn")),
            (show, _keys("B"), self.tr("Blank the screen, or show it again")),
            (show, _keys("N"), self.tr("Notes on or off (one screen)")),
            (show, _keys("Esc"), self.tr("End the presentation")),
        ]
