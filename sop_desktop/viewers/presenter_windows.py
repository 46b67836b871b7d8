"""The two windows of a presentation: what the room sees (full screen on the projector) and
what the trainer sees (the presenter view). Every key either receives goes to the presentation.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QPalette, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from sop_desktop.accessible import caption
from sop_desktop.fonts import enlarged
from sop_desktop.viewers.fitted_text import FittedText
from sop_desktop.viewers.pdf_viewer import PdfViewer
from sop_desktop.viewers.text_view import TextView
from sop_desktop.viewers.video_player import VideoPlayer

if TYPE_CHECKING:
    from sop_desktop.viewers.presenter import Presentation


# A text document on the projector: this many times the interface's text size.
TEXT_ZOOM = 2.4
TEXT_MARGIN = 64  # pixels: the text kept off the screen's edges, which projectors crop
LINK_ON_BLACK = "#9ecbff"  # a light blue that reads as a link on black (10:1)


class _KeyRelay(QWidget):
    """A window that hands every key to the presentation."""

    def __init__(self, presentation: "Presentation") -> None:
        super().__init__()
        self.presentation = presentation
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.presentation.handle_key(Qt.Key(event.key())):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.presentation.stop()
        super().closeEvent(event)


class AudienceScreen(_KeyRelay):
    """What the room sees: the document (a PDF's page, or a text document's text in large
    type), the video, a title card, or black."""

    def __init__(self, presentation: "Presentation") -> None:
        super().__init__(presentation)
        self.setWindowTitle(self.tr("SOP Desktop: presentation"))
        self.setStyleSheet("background: black;")
        self.stack = QStackedWidget(self)
        self.pdf = PdfViewer(self)
        self.pdf.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        # The whole page (a portrait handout, a slide) on the screen: no margins to scroll past.
        self.pdf.view.setDocumentMargins(QMargins(0, 0, 0, 0))
        self.pdf.view.setPageSpacing(0)
        self.pdf.zoom_box.setCurrentIndex(self.pdf.zoom_box.findData("page"))
        around = self.pdf.view.palette()  # black around the page, as around a slide
        around.setColor(QPalette.ColorRole.Dark, Qt.GlobalColor.black)
        self.pdf.view.setPalette(around)
        for control in self.pdf.findChildren(QWidget):
            if control is not self.pdf.view and not self.pdf.view.isAncestorOf(control):
                control.hide()  # the room sees the page, not the toolbar
        self.pdf.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pdf.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.video = VideoPlayer(self)
        self.video.set_controls_visible(False)
        self.card = FittedText(36, self)  # a long title at 1366×768 still fits the screen
        self.card.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.label.setStyleSheet("color: white; padding: 40px;")
        # Light text on the room's black, large enough for the back row; PageDown scrolls it.
        self.text = TextView(self, link=QColor(LINK_ON_BLACK))
        self.text.setStyleSheet(
            f"QTextBrowser {{ color: white; background: black; border: none;"
            f" selection-background-color: {LINK_ON_BLACK}; selection-color: black; }}"
        )
        self.text.zoom = TEXT_ZOOM
        self.text.margin = TEXT_MARGIN
        self.text.apply_zoom()
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.blank = QWidget(self)
        self.blank.setAccessibleName(self.tr("Blank screen"))
        for widget in (self.pdf, self.video, self.card, self.text, self.blank):
            self.stack.addWidget(widget)
        # Every key is the presentation's: the viewers' own keys (a PDF's Page Down, a video's
        # Space) would move the picture without the presentation knowing.
        for shortcut in self.findChildren(QShortcut):
            shortcut.setEnabled(False)
        for child in self.findChildren(QWidget):
            child.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)


class PresenterView(_KeyRelay):
    """What the trainer sees on the laptop."""

    def __init__(self, presentation: "Presentation") -> None:
        super().__init__(presentation)
        self.setWindowTitle(self.tr("SOP Desktop: presenter view"))
        self.current = QLabel(self)
        caption(self.current, self.tr("Current item"))
        self.current.setWordWrap(True)
        self.current.setFont(enlarged(self.current.font(), 1.6, bold=True))
        self.position = QLabel(self)
        caption(self.position, self.tr("Position in the kit"))
        self.note_box = FittedText(16, self)  # a long note shrinks, then scrolls: never cut
        self.note = self.note_box.label
        caption(self.note, self.tr("Note"))
        self.note.setStyleSheet("padding: 12px; background: palette(base);")
        self.next = QLabel(self)
        caption(self.next, self.tr("Next item"))
        self.next.setWordWrap(True)
        self.clock = QLabel("0:00", self)
        caption(self.clock, self.tr("Elapsed time"))
        self.clock.setFont(enlarged(self.clock.font(), 2))
        self.blanked = QLabel(self)
        caption(self.blanked, self.tr("Audience screen state"))
        self.keys = QLabel(
            self.tr(
                "PageDown / →: next · PageUp / ←: previous · Space: next, or play/pause a video"
                " · C: captions · B: blank · N: notes · Esc: end"
            ),
            self,
        )
        caption(self.keys, self.tr("Keys"))
        self.keys.setWordWrap(True)  # the view fits a small screen at 200 %
        self.position.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.clock, self.current, self.position):
            layout.addWidget(widget)
        layout.addWidget(self.note_box, 1)
        layout.addWidget(self.next)
        layout.addWidget(self.blanked)
        layout.addWidget(self.keys)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 30)
