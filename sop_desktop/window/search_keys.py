"""Keys that move between the search field and the results, as in a browser's address bar:
Down goes to the results, Escape clears the query, / comes back to search."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from sop_desktop.panels.results_view import ResultsView


class SearchKeys(QObject):
    """An event filter on the search field and the results list; ``focus_search`` brings
    the keyboard back to the search field."""

    def __init__(
        self, search_field: QLineEdit, results: ResultsView, focus_search: Callable[[], None]
    ) -> None:
        super().__init__(search_field)
        self.search_field = search_field
        self.results = results
        self.focus_search = focus_search
        search_field.installEventFilter(self)
        results.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, results = event.key(), self.results
        if watched is self.search_field:
            model = results.model()
            if key == Qt.Key.Key_Down and model.rowCount():
                results.setFocus()
                if not results.currentIndex().isValid():
                    results.setCurrentIndex(model.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
        elif key == Qt.Key.Key_Slash and not isinstance(watched, QLineEdit):
            self.focus_search()
            return True
        return False
