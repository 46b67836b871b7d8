"""A Markdown, HTML or plain-text document read inside the program, as a PDF is: zoom, find in
the document (opened at the words a search found), Print, keyboard scrolling. A link to a page
on the internet opens in the web browser only when clicked and confirmed; nothing else leaves.
"""

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from sop_desktop.accessible import caption
from sop_desktop.viewers.text_view import TextView
from sop_desktop.viewers.tool_buttons import tool_button, with_toolbar

ZOOMS = (0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
WEB_SCHEMES = ("http", "https")


class TextViewer(QWidget):
    """One text document. ``open(library, resource, find)`` shows it with ``find`` marked."""

    failed = Signal(str)
    said = Signal(str)  # what printing did, for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.resource: Resource | None = None
        self.view = TextView(self)
        self.view.setAccessibleDescription(self.tr("Text of the document"))
        self.view.link_clicked.connect(self.follow_link)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        for factor in ZOOMS:
            self.zoom_box.addItem(f"{factor:.0%}", factor)
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(1.0))
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)
        self.find_field = QLineEdit(self)
        self.find_field.setPlaceholderText(self.tr("Find in document"))
        self.find_field.setAccessibleName(self.tr("Find in document"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(self._find)
        self.find_status = QLabel(self)
        caption(self.find_status, self.tr("Matches found"))
        self.find_previous_button = tool_button(
            self, "▲", self.tr("Previous match"), self.find_previous
        )
        self.find_next_button = tool_button(self, "▼", self.tr("Next match"), self.find_next)
        self.print_button = tool_button(self, self.tr("Print…"), self.tr("Print"), self.ask_print)

        with_toolbar(
            self,
            (self.zoom_box,),
            (
                self.find_field,
                self.find_status,
                self.find_previous_button,
                self.find_next_button,
                self.print_button,
            ),
            self.view,
        )
        self.setFocusProxy(self.view)  # the keys scroll the text
        for keys, action in (
            (QKeySequence.StandardKey.Find, self.focus_find),
            (QKeySequence.StandardKey.Print, self.ask_print),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
        ):
            QShortcut(keys, self, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- document --------------------------------------------------------------------------------

    def open(self, library: Library, resource: Resource, find: str = "") -> bool:
        """Show ``resource``'s text; with ``find``, at the first place it occurs."""
        self.library, self.resource = library, resource
        self.view.setAccessibleName(resource.title)
        problem = self.view.show_resource(library, resource)
        if problem:
            self.failed.emit(problem)
            return False
        self.find_field.blockSignals(True)
        self.find_field.setText(find)
        self.find_field.blockSignals(False)
        self._find(find)
        if find:
            self.find_next()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Laid out only now: the match found before the window showed is scrolled to again.
        QTimer.singleShot(0, self.view.scroll_to_current)

    def follow_link(self, url: QUrl) -> None:
        """A web page opens in the browser once the person agrees; other links go nowhere."""
        # Shown encoded: a right-to-left mark or a look-alike name cannot disguise the address.
        address = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        if url.scheme() not in WEB_SCHEMES:
            self.failed.emit(self.tr("This link does not lead to a web page: {0}").format(address))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Open a web page"),
            self.tr(
                "This link leads to a page on the internet, at {0}:\n{1}\n\nOpen it in your web"
                " browser? You need to be online."
            ).format(url.host(QUrl.ComponentFormattingOption.FullyEncoded), address),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)

    # -- printing --------------------------------------------------------------------------------

    def ask_print(self) -> None:
        """Print as the details' Print does: with its other-language version, or in large
        print, on the paper chosen."""
        from sop_desktop.dialogs.print_dialog import ask_and_print_resource  # QtPrintSupport

        if self.library is not None and self.resource is not None:
            ask_and_print_resource(self, self.library, self.resource, self.said.emit)

    # -- zoom ------------------------------------------------------------------------------------

    def _zoom_chosen(self, position: int) -> None:
        self.view.zoom = float(self.zoom_box.itemData(position))
        self.view.apply_zoom()
        self.view.scroll_to_current()

    def step_zoom(self, direction: int) -> None:
        position = self.zoom_box.currentIndex() + direction
        if 0 <= position < self.zoom_box.count():
            self.zoom_box.setCurrentIndex(position)

    # -- find ------------------------------------------------------------------------------------

    def _find(self, words: str) -> None:
        count = self.view.find_words(words)
        self.find_status.setText(self.tr("%n matches", "", count) if words.strip() else "")

    def _go_to_match(self, number: int) -> None:
        count = len(self.view.matches)
        if count:
            self.view.go_to_match(number)
            self.find_status.setText(self.tr("{0} of {1}").format(self.view.current + 1, count))

    def focus_find(self) -> None:
        """Ctrl+F: to the find box with what it holds selected, so typing replaces it."""
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def find_next(self) -> None:
        self._go_to_match(self.view.current + 1)

    def find_previous(self) -> None:
        self._go_to_match(self.view.current - 1)
