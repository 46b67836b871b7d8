"""Keys that move between the search field and the results, as in a browser's address bar:
Down goes to the results, Escape clears the query, / comes back to search."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from sop_desktop.window.main_window import MainWindow


class SearchKeys(QObject):
    """An event filter on the search field and the results list."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        window.search_field.installEventFilter(self)
        window.results.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        window, key = self.window, event.key()
        if watched is window.search_field:
            if key == Qt.Key.Key_Down and window.results_model.rowCount():
                window.results.setFocus()
                if not window.results.currentIndex().isValid():
                    window.results.setCurrentIndex(window.results_model.index(0))
                return True
            if key == Qt.Key.Key_Escape and window.search_field.text():
                window.search_field.clear()
                return True
        elif key == Qt.Key.Key_Slash and not isinstance(watched, QLineEdit):
            window.focus_search()
            return True
        return False
