"""A window for one open resource inside the program: a PDF, a video, or a text document
(Markdown, HTML, plain text)."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from resources_index.catalog.positions import is_paged, is_text, is_timed, page_of
from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from sop_desktop.viewers.pdf_viewer import PdfViewer
from sop_desktop.viewers.text_viewer import TextViewer
from sop_desktop.viewers.video_player import VideoPlayer


def viewable_inside(resource: Resource) -> bool:
    """PDFs (an office document's PDF rendition too), videos and text documents (Markdown,
    HTML, plain text) open inside the program; other kinds in the system's program."""
    return is_paged(resource) or is_timed(resource) or is_text(resource)


class ViewerWindow(QMainWindow):
    """Shows ``resource`` from ``library``; ``show_at`` moves to a page or a moment."""

    def __init__(self, library: Library, resource: Resource, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.resource = resource
        self.setWindowTitle(resource.title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer: PdfViewer | VideoPlayer | TextViewer
        if is_paged(resource):
            self.viewer = PdfViewer(self)
        elif is_text(resource):
            self.viewer = TextViewer(self)
            self.viewer.said.connect(lambda sentence: self.statusBar().showMessage(sentence, 10000))
        else:
            self.viewer = VideoPlayer(self)
        self.viewer.failed.connect(lambda message: self.statusBar().showMessage(message))
        self.setCentralWidget(self.viewer)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self.resize(1000, 760)

    def show_at(
        self, location: dict[str, Any] | None, find: str = "", caption_language: str = ""
    ) -> None:
        """Open the file at the page or caption time of ``location``."""
        location = location or {}
        # Read in place: the viewers never write, and a video is not copied twice.
        path = self.library.object_path(self.resource.shown.sha256)
        if isinstance(self.viewer, PdfViewer):
            self.viewer.open(path, page_of(location), find)
        elif isinstance(self.viewer, TextViewer):
            self.viewer.open(self.library, self.resource, find)
            self.viewer.setFocus()  # the arrows and Page Down scroll the text
        else:
            captions: dict[str, Path] = {
                entry.language or self.resource.language: self.library.object_path(entry.sha256)
                for entry in self.resource.captions()
                if self.library.store.has(entry.sha256, entry.size)
            }
            language = caption_language or self.resource.language
            self.viewer.open(path, captions, language, int(location.get("time_ms", 0)))
            self.viewer.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the document or video (a full-screen video first leaves full screen)."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if isinstance(self.viewer, VideoPlayer):
            self.viewer.stop()
        super().closeEvent(event)
