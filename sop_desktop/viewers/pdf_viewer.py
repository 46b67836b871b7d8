"""A PDF viewer (QtPdf): pages, zoom, find in the document, printing, and opening at a given
page."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPageSize, QPainter, QShortcut, QShowEvent
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from sop_desktop.accessible import caption
from sop_desktop.paper import default_paper
from sop_desktop.printing import begin, draw_pdf_page
from sop_desktop.viewers.tool_buttons import tool_button, with_toolbar

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfViewer(QWidget):
    """One document. ``open(path, page, find)`` shows ``page`` (1-based) with ``find`` marked."""

    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Document pages"))
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.view.setSearchModel(self.search_model)

        self.previous_button = self._tool("◀", self.tr("Previous page"), self.previous_page)
        self.page_box = QSpinBox(self)
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setMinimum(1)
        self.page_box.editingFinished.connect(lambda: self.go_to_page(self.page_box.value()))
        self.page_count = QLabel(self)
        caption(self.page_count, self.tr("Number of pages"))
        self.next_button = self._tool("▶", self.tr("Next page"), self.next_page)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        self.zoom_box.addItem(self.tr("Fit width"), "width")
        self.zoom_box.addItem(self.tr("Fit page"), "page")
        for factor in ZOOMS:
            self.zoom_box.addItem(f"{factor:.0%}", factor)
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)
        self.find_field = QLineEdit(self)
        self.find_field.setPlaceholderText(self.tr("Find in document"))
        self.find_field.setAccessibleName(self.tr("Find in document"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(self.search_model.setSearchString)
        self.find_status = QLabel(self)
        caption(self.find_status, self.tr("Matches found"))
        self.find_previous_button = self._tool("▲", self.tr("Previous match"), self.find_previous)
        self.find_next_button = self._tool("▼", self.tr("Next match"), self.find_next)
        self.search_model.countChanged.connect(self._show_match_count)
        self.print_button = self._tool(self.tr("Print…"), self.tr("Print"), self.ask_print)

        with_toolbar(
            self,
            (self.previous_button, self.page_box, self.page_count, self.next_button, self.zoom_box),
            (
                self.find_field,
                self.find_status,
                self.find_previous_button,
                self.find_next_button,
                self.print_button,
            ),
            self.view,
        )
        self.match = -1
        self.pending_page = 0
        self.path: Path | None = None  # the document shown
        self.view.pageNavigator().currentPageChanged.connect(
            lambda page: self.page_box.setValue(page + 1)
        )
        for keys, action in (
            (QKeySequence.StandardKey.Find, self.focus_find),
            (QKeySequence.StandardKey.Print, self.ask_print),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            (QKeySequence(Qt.Key.Key_PageDown), self.next_page),
            (QKeySequence(Qt.Key.Key_PageUp), self.previous_page),
        ):
            QShortcut(keys, self, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _tool(self, text: str, name: str, action: object) -> QToolButton:
        return tool_button(self, text, name, action)

    # -- document --------------------------------------------------------------------------------

    def open(self, path: Path, page: int = 1, find: str = "") -> bool:
        self.document.close()
        self.path = path
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.failed.emit(self.tr("This PDF could not be opened ({0}).").format(error.name))
            return False
        count = self.document.pageCount()
        self.page_box.setMaximum(max(1, count))
        self.page_count.setText(self.tr("of {0}").format(count))
        # The view scrolls back to the top when it is first laid out: jump once it has been.
        self.pending_page = page
        if self.isVisible():
            QTimer.singleShot(0, self._apply_pending_page)
        if find:
            self.find_field.setText(find)
            self.search_model.setSearchString(find)
        return True

    # -- printing --------------------------------------------------------------------------------

    def ask_print(self) -> None:
        """The system's print dialog (printer, pages, copies), then print."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first printing

        count = self.document.pageCount()
        if count <= 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(default_paper(printer.printerName()).size))
        printer.setDocName(self.window().windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, count)
        dialog.setFromTo(1, count)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer, printer.fromPage() or 1, printer.toPage() or count)

    def print_to(self, printer: "QPrinter", first: int = 1, last: int = 0) -> int:
        """Print pages ``first`` to ``last`` (1-based; 0: to the end), each fitted to the paper;
        return how many were printed."""
        count = self.document.pageCount()
        last = count if last <= 0 else min(last, count)
        painter = QPainter()
        if count <= 0 or first > last or not begin(painter, printer):
            self.failed.emit(self.tr("Nothing was printed: the printer could not be used."))
            return 0
        try:
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                draw_pdf_page(printer, painter, self.document, number - 1)
        finally:
            painter.end()
        return last - first + 1

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._apply_pending_page)

    def _apply_pending_page(self) -> None:
        if self.pending_page:
            page, self.pending_page = self.pending_page, 0
            self.go_to_page(page)

    def current_page(self) -> int:
        """The page shown, 1-based."""
        return self.view.pageNavigator().currentPage() + 1

    def go_to_page(self, page: int) -> None:
        count = self.document.pageCount()
        if count <= 0:
            return
        page = min(max(1, page), count)
        if self.pending_page:  # a jump still to come goes here too, not back to the start
            self.pending_page = page
        self.view.pageNavigator().jump(page - 1, QPointF(), self.view.pageNavigator().currentZoom())
        self.page_box.setValue(page)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    # -- zoom ------------------------------------------------------------------------------------

    def _zoom_chosen(self, position: int) -> None:
        choice = self.zoom_box.itemData(position)
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def step_zoom(self, direction: int) -> None:
        current = self.view.zoomFactor()
        steps = [z for z in ZOOMS if (z > current + 0.01 if direction > 0 else z < current - 0.01)]
        if steps:
            target = steps[0] if direction > 0 else steps[-1]
            self.zoom_box.setCurrentIndex(self.zoom_box.findData(target))

    # -- find ------------------------------------------------------------------------------------

    def _show_match_count(self) -> None:
        count = self.search_model.count()
        text = self.find_field.text()
        self.find_status.setText(self.tr("%n matches", "", count) if text else "")
        self.match = -1

    def _go_to_match(self, number: int) -> None:
        count = self.search_model.count()
        if count == 0:
            return
        self.match = number % count
        link = self.search_model.resultAtIndex(self.match)
        self.view.setCurrentSearchResultIndex(self.match)
        self.view.pageNavigator().jump(link)
        self.find_status.setText(self.tr("{0} of {1}").format(self.match + 1, count))

    def focus_find(self) -> None:
        """Ctrl+F: to the find box with what it holds selected, so typing replaces it."""
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def find_next(self) -> None:
        self._go_to_match(self.match + 1)

    def find_previous(self) -> None:
        self._go_to_match(self.match - 1)
