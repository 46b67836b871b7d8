"""Presenting a kit: the audience screen full screen (the projector), the presenter view on the
laptop with the current and next item, the item's note and the elapsed time.

Keys, on either window, as presentation clickers send them: PageDown, Right, Down or Space for
the next page or item, PageUp, Left or Up for the previous, B to blank the audience screen,
Esc to leave. PDFs go page by page; videos play with their captions; other kinds show a title
card. A kit that is not fully on the laptop is refused before it starts (see ``readiness``).
"""

from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from resources_index.catalog.model import KitItem
from resources_index.catalog.positions import is_paged, is_timed, start_text
from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from sop_desktop.labels import label
from sop_desktop.viewers.pdf_viewer import PdfViewer
from sop_desktop.viewers.video_player import VideoPlayer

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up}


@dataclass(frozen=True)
class Slide:
    """One step of the presentation: an item of the kit and its resource."""

    item: KitItem
    resource: Resource


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
    """What the room sees: the document, the video, a title card, or black."""

    def __init__(self, presentation: "Presentation") -> None:
        super().__init__(presentation)
        self.setWindowTitle(self.tr("SOP Desktop: presentation"))
        self.setStyleSheet("background: black;")
        self.stack = QStackedWidget(self)
        self.pdf = PdfViewer(self)
        self.pdf.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        for control in self.pdf.findChildren(QWidget):
            if control is not self.pdf.view and not self.pdf.view.isAncestorOf(control):
                control.hide()  # the room sees the page, not the toolbar
        self.pdf.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pdf.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.video = VideoPlayer(self)
        self.video.set_controls_visible(False)
        self.card = QLabel(self)
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.setWordWrap(True)
        self.card.setStyleSheet("color: white; font-size: 36pt; padding: 40px;")
        self.blank = QWidget(self)
        self.blank.setAccessibleName(self.tr("Blank screen"))
        for widget in (self.pdf, self.video, self.card, self.blank):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)


class PresenterView(_KeyRelay):
    """What the trainer sees on the laptop."""

    def __init__(self, presentation: "Presentation") -> None:
        super().__init__(presentation)
        self.setWindowTitle(self.tr("SOP Desktop: presenter view"))
        self.current = QLabel(self)
        self.current.setAccessibleName(self.tr("Current item"))
        self.current.setWordWrap(True)
        font = self.current.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.current.setFont(font)
        self.position = QLabel(self)
        self.position.setAccessibleName(self.tr("Position in the kit"))
        self.note = QLabel(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-size: 16pt; padding: 12px; background: palette(base);")
        self.next = QLabel(self)
        self.next.setAccessibleName(self.tr("Next item"))
        self.next.setWordWrap(True)
        self.clock = QLabel("0:00", self)
        self.clock.setAccessibleName(self.tr("Elapsed time"))
        clock_font = self.clock.font()
        clock_font.setPointSizeF(clock_font.pointSizeF() * 2)
        self.clock.setFont(clock_font)
        self.blanked = QLabel(self)
        self.blanked.setAccessibleName(self.tr("Audience screen state"))
        self.keys = QLabel(
            self.tr("PageDown / → / Space: next · PageUp / ←: previous · B: blank · Esc: end"),
            self,
        )
        self.keys.setAccessibleName(self.tr("Keys"))
        layout = QVBoxLayout(self)
        for widget in (self.clock, self.current, self.position, self.note, self.next):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.blanked)
        layout.addWidget(self.keys)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 30)


class Presentation(QObject):
    """Steps through ``slides`` on an audience screen and a presenter view."""

    ended = Signal()

    def __init__(self, library: Library, slides: list[Slide], screen: QScreen | None = None):
        super().__init__()
        self.library = library
        self.slides = slides
        self.index = 0
        self.page = 1
        self.is_blank = False
        self.running = False
        self.audience = AudienceScreen(self)
        self.presenter = PresenterView(self)
        self.elapsed = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.screen = screen

    # -- start and end -----------------------------------------------------------------------

    def start(self, first: int = 0) -> None:
        screens = QGuiApplication.screens()
        target = self.screen or (screens[1] if len(screens) > 1 else screens[0])
        self.audience.setScreen(target)
        self.audience.setGeometry(target.geometry())
        self.audience.showFullScreen()
        self.presenter.show()
        self.presenter.activateWindow()
        self.presenter.setFocus()
        self.running = True
        self.elapsed.start()
        self.ticker.start()
        self._enter(min(max(0, first), len(self.slides) - 1))

    def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        self.ticker.stop()
        self.audience.video.stop()
        self.audience.close()
        self.presenter.close()
        # Qt deletes the windows from its event loop. Left to Python, they would go with the
        # next presentation, whenever the garbage collector breaks their reference cycle: at
        # any moment, on any thread, even while Qt is still delivering their events (a crash).
        for window in (self.audience, self.presenter, self):
            window.deleteLater()
        self.ended.emit()

    # -- keys --------------------------------------------------------------------------------

    def handle_key(self, key: Qt.Key) -> bool:
        if key in NEXT_KEYS:
            self.forward()
        elif key in PREVIOUS_KEYS:
            self.back()
        elif key == Qt.Key.Key_B:
            self.toggle_blank()
        elif key == Qt.Key.Key_Escape:
            self.stop()
        else:
            return False
        return True

    def forward(self) -> None:
        if self._is_pdf() and self.page < self.audience.pdf.document.pageCount():
            self.page += 1
            self.audience.pdf.go_to_page(self.page)
            self._describe()
        elif self.index + 1 < len(self.slides):
            self._enter(self.index + 1)

    def back(self) -> None:
        if self._is_pdf() and self.page > 1:
            self.page -= 1
            self.audience.pdf.go_to_page(self.page)
            self._describe()
        elif self.index > 0:
            self._enter(self.index - 1)

    def toggle_blank(self) -> None:
        self.is_blank = not self.is_blank
        if self.is_blank:
            self.audience.video.player.pause()
            self.audience.stack.setCurrentWidget(self.audience.blank)
        else:
            self._show_current_widget()
        self._describe()

    # -- showing -----------------------------------------------------------------------------

    @property
    def current(self) -> Slide:
        return self.slides[self.index]

    def _is_pdf(self) -> bool:
        return is_paged(self.current.resource)

    def _enter(self, index: int) -> None:
        """Show item ``index`` where its kit says it starts (a page, or a time in a video)."""
        self.index = index
        self.page = max(1, self.current.item.start) if self._is_pdf() else 1
        self._show()

    def _show(self) -> None:
        self.audience.video.stop()
        slide = self.current
        resource = slide.resource
        path = self.library.object_path(resource.main.sha256)
        if self._is_pdf():
            self.audience.pdf.open(path, self.page)
            self.page = min(self.page, max(1, self.audience.pdf.document.pageCount()))
        elif is_timed(resource):
            captions = {
                entry.language or resource.language: self.library.object_path(entry.sha256)
                for entry in resource.captions()
            }
            self.audience.video.open(path, captions, resource.language, slide.item.start * 1000)
        else:
            self.audience.card.setText(resource.title)
        self.is_blank = False
        self._show_current_widget()
        self._describe()

    def _show_current_widget(self) -> None:
        resource = self.current.resource
        if self._is_pdf():
            widget: QWidget = self.audience.pdf
        elif is_timed(resource):
            widget = self.audience.video
        else:
            widget = self.audience.card
        self.audience.stack.setCurrentWidget(widget)

    def _describe(self) -> None:
        view = self.presenter
        slide = self.current
        view.current.setText(slide.resource.title)
        kind = label("type", slide.resource.type)
        where = (
            kind
            if len(self.slides) == 1
            else self.tr("Item {0} of {1} · {2}").format(self.index + 1, len(self.slides), kind)
        )
        if self._is_pdf():
            count = self.audience.pdf.document.pageCount()
            where += " · " + self.tr("page {0} of {1}").format(self.page, count)
        elif slide.item.start and is_timed(slide.resource):
            where += " · " + self.tr("from {0}").format(start_text(slide.item.start, True))
        view.position.setText(where)
        view.note.setText(slide.item.note or self.tr("(no note)"))
        if len(self.slides) == 1:
            view.next.setText("")  # one resource presented: there is no kit to end
        else:
            following = (
                self.slides[self.index + 1].resource.title
                if self.index + 1 < len(self.slides)
                else self.tr("(the end of the kit)")
            )
            view.next.setText(self.tr("Next: {0}").format(following))
        view.blanked.setText(
            self.tr("The audience screen is blank (B to show it again).") if self.is_blank else ""
        )

    def _tick(self) -> None:
        seconds = self.elapsed.elapsed() // 1000
        minutes, seconds = divmod(seconds, 60)
        self.presenter.clock.setText(f"{minutes}:{seconds:02d}")
