"""A Markdown, HTML or plain-text document shown as text that reflows, offline by construction.

Nothing the document names is loaded: an image or a style sheet on a server, a file elsewhere
on the laptop (``file:``, a relative path) is refused by ``loadResource``; only pictures carried
inside the document itself (``data:``) are drawn. Links are not followed here: the viewer
decides (``link_clicked``). The document's own colours give way to the appearance in use
(light, dark, high contrast), so no page is dark text on a dark window; its sizes follow the
interface's font (the system's text size) times the zoom.
"""

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from resources_index.catalog.records import Resource
from resources_index.documents.extract import read_text
from resources_index.library.library import Library
from resources_index.search.query import fold_same_length
from sop_desktop.appearance import contrast, towards
from sop_desktop.fonts import enlarged
from sop_desktop.labels import size_text

MARKDOWN = "text/markdown"
HTML = "text/html"
DOCUMENT_MARGIN = 24  # pixels of air around the text, as a page has
LINE_HEIGHT = 125  # per cent of the font's own line
MATCH_TINT = 0.35  # the other matches: this far from the background to the selection's colour
READABLE_CHARACTERS = 90  # at most this many characters a line: a wide window centres a column
# Larger text documents are not laid out in the window: Qt lays a document out at once (a
# 6.9 MB text took 49 s and 1.5 GB; 1 MiB of short lines 4.5 s and 434 MB on a busy machine).
# A tip sheet is a few kilobytes; 512 KiB is about 250 pages: beyond, Save a copy.
MAX_SHOWN_BYTES = 512 * 1024
# Deeper HTML is not laid out either: Qt's time grows with the square of the nesting (2,000
# levels 0.4 s, 10,000 levels 4.2 s); real pages nest a few dozen deep.
MAX_HTML_DEPTH = 200
# A line longer than this is broken where it reaches it (one 8 MB line never finished laying out).
MAX_LINE_CHARACTERS = 10_000
# Matches tinted at once, around the current one (each tint is an object Qt redraws).
MAX_MARKED = 1000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def html_depth(text: str) -> int:
    """How deep ``text``'s elements nest, counted from its tags (void elements and
    self-closed ones aside), stopping once past ``MAX_HTML_DEPTH``."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(text):
        if name.lower() in _VOID or self_closed:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_HTML_DEPTH:
            break
    return deepest


def broken_lines(text: str) -> str:
    """``text`` with every line longer than ``MAX_LINE_CHARACTERS`` broken where it reaches it."""
    if all(len(line) <= MAX_LINE_CHARACTERS for line in text.splitlines()):
        return text
    return "\n".join(
        "\n".join(
            line[i : i + MAX_LINE_CHARACTERS] for i in range(0, len(line), MAX_LINE_CHARACTERS)
        )
        or line
        for line in text.split("\n")
    )


def match_positions(text: str, words: str) -> list[int]:
    """Where ``words`` start in ``text``, accents and case aside, folded as the search folds
    them (``ninos`` finds ``Niños``), every character at its own position."""
    wanted = fold_same_length(" ".join(words.split()))
    if not wanted:
        return []
    haystack = fold_same_length(text)
    found, start = [], haystack.find(wanted)
    while start >= 0:
        found.append(start)
        start = haystack.find(wanted, start + len(wanted))
    return found


class TextView(QTextBrowser):
    """The document's text. ``refused`` lists every address it declined to load."""

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, link: QColor | None = None) -> None:
        super().__init__(parent)
        self.zoom = 1.0
        self.margin = DOCUMENT_MARGIN
        self.link = link  # links' colour where the palette's is not the one shown (a projector)
        self.refused: list[str] = []
        self.matches: list[int] = []  # where the words found start
        self.match_length = 0
        self.current = -1
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._anchor)
        self.document().setUndoRedoEnabled(False)
        self.apply_zoom()

    # -- content --------------------------------------------------------------------------------

    def show_resource(self, library: Library, resource: Resource) -> str:
        """Show ``resource``'s document, read in place from the library; return why it could
        not be shown ("" when it is)."""
        entry = resource.shown
        path: Path = library.object_path(entry.sha256)
        if entry.size > MAX_SHOWN_BYTES:
            self.show_text("", "text/plain")
            return self.tr(
                "“{0}” is too large to show here ({1}): Save a copy to read it in another program."
            ).format(resource.title, size_text(entry.size))
        try:
            text = read_text(path)
        except OSError:
            self.show_text("", "text/plain")
            return self.tr("“{0}” could not be read from the library.").format(resource.title)
        if entry.media_type == HTML and html_depth(text) > MAX_HTML_DEPTH:
            self.show_text("", "text/plain")
            return self.tr(
                "“{0}” nests its parts too deeply to show here: Save a copy to read it in"
                " another program."
            ).format(resource.title)
        self.show_text(broken_lines(text), entry.media_type)
        return ""

    def show_text(self, text: str, media_type: str) -> None:
        """``text`` as Markdown, HTML or plain text (by ``media_type``), in the window's
        colours, with no words marked."""
        self.refused.clear()
        self.matches, self.current = [], -1
        if media_type == MARKDOWN:  # HTML inside is shown as written (Qt's would drop text)
            self.document().setMarkdown(
                text,
                QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                | QTextDocument.MarkdownFeature.MarkdownNoHTML,
            )
        elif media_type == HTML:
            self.setHtml(text)
        else:
            self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # read from its start
        self.document().setDocumentMargin(self.margin)
        spacing = QTextBlockFormat()  # lines a little apart, easier to follow than Qt's own
        spacing.setLineHeight(
            LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        everything = QTextCursor(self.document())
        everything.select(QTextCursor.SelectionType.Document)
        everything.mergeBlockFormat(spacing)
        self.apply_zoom()
        self.recolour()

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Only what the document carries inside itself; never the network, never a file."""
        url = QUrl(name)
        if url.scheme() == "data":
            return super().loadResource(kind, url)
        self.refused.append(url.toString())
        # Something empty, not nothing: given nothing, the document reads a local file itself.
        if int(kind) == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "" and url.path() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())  # a place in this document
            return
        self.link_clicked.emit(url)

    # -- appearance -----------------------------------------------------------------------------

    # -- scrolling by screens (a projector's PageDown) -----------------------------------------

    def screen_step(self) -> int:
        """How far one screen on goes: a screen less a line, so no line is lost between."""
        line = self.fontMetrics().lineSpacing() * self.zoom
        return max(1, self.verticalScrollBar().pageStep() - round(line))

    def screens(self) -> tuple[int, int]:
        """Which screen of the text is shown, and how many there are (1-based)."""
        bar, step = self.verticalScrollBar(), self.screen_step()
        return -(-bar.value() // step) + 1, -(-bar.maximum() // step) + 1

    def scroll_screen(self, direction: int) -> bool:
        """One screen on (1) or back (-1); False when the text ends (or begins) there."""
        bar = self.verticalScrollBar()
        if (bar.value() >= bar.maximum()) if direction > 0 else (bar.value() <= bar.minimum()):
            return False
        bar.setValue(bar.value() + direction * self.screen_step())
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Home and Ctrl+End go to the very start and end of the text (the caret's
        line alone stopped short of the end's margin)."""
        bar = self.verticalScrollBar()
        if event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            bar.setValue(bar.maximum())
        elif event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            bar.setValue(bar.minimum())
        else:
            super().keyPressEvent(event)

    def apply_zoom(self) -> None:
        """The document's size: the widget's font (the interface's) times the zoom."""
        self.document().setDefaultFont(enlarged(self.font(), self.zoom))
        self.fit_column()

    def fit_column(self) -> None:
        """Lines no longer than the eye follows easily: in a wide window the text is a
        column in the middle, as a book's page (Kiwix and Zeal do the same)."""
        column = QFontMetricsF(self.document().defaultFont()).averageCharWidth()
        side = max(float(self.margin), (self.viewport().width() - column * READABLE_CHARACTERS) / 2)
        frame = self.document().rootFrame()
        shape = frame.frameFormat()
        if abs(shape.leftMargin() - side) >= 1 or abs(shape.rightMargin() - side) >= 1:
            shape.setLeftMargin(side)
            shape.setRightMargin(side)
            frame.setFrameFormat(shape)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_column()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # a new font becomes the document's: zoom it again
        if event.type() == QEvent.Type.FontChange:
            self.apply_zoom()
        elif event.type() == QEvent.Type.PaletteChange:
            self.recolour()

    def link_colour(self) -> QColor:
        return self.link or self.palette().color(QPalette.ColorRole.Link)

    def recolour(self) -> None:
        """The text in the appearance's colours: the document's own text and background
        colours removed (a page written dark on white, shown on a dark window, is read in the
        window's colours), links in the appearance's link colour."""
        document = self.document()
        runs: list[tuple[int, int, QTextCharFormat]] = []
        blocks: list[int] = []
        block = document.begin()
        while block.isValid():
            if block.blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush):
                blocks.append(block.position())
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid():
                    runs.append((fragment.position(), fragment.length(), fragment.charFormat()))
                fragments += 1
            block = block.next()
        cursor = QTextCursor(document)
        for position in blocks:
            cursor.setPosition(position)
            shape = QTextBlockFormat(cursor.blockFormat())
            shape.clearBackground()
            cursor.setBlockFormat(shape)
        link = QBrush(self.link_colour())
        for position, length, old in runs:
            look = QTextCharFormat(old)
            look.clearBackground()
            if look.isAnchor() and look.anchorHref():
                look.setForeground(link)
                look.setFontUnderline(True)
            else:
                look.clearForeground()
            if look != old:
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(look)
        frame = QTextFrameFormat(document.rootFrame().frameFormat())
        if frame.hasProperty(QTextFormat.Property.BackgroundBrush):
            frame.clearBackground()
            document.rootFrame().setFrameFormat(frame)
        self._mark()

    # -- finding --------------------------------------------------------------------------------

    def find_words(self, words: str) -> int:
        """Mark every place ``words`` occur (accents and case aside); return how many."""
        self.matches = match_positions(self.document().toRawText(), words)
        self.match_length = len(" ".join(words.split()))
        self.current = -1
        if not self.matches:  # no match left selected beside "0 matches"
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
        self._mark()
        return len(self.matches)

    def go_to_match(self, number: int) -> None:
        """Select match ``number`` (wrapping round) and scroll it into view, a third down."""
        if not self.matches:
            return
        self.current = number % len(self.matches)
        self.setTextCursor(self._cursor(self.matches[self.current]))
        self._mark()
        self.scroll_to_current()

    def scroll_to_current(self) -> None:
        if 0 <= self.current < len(self.matches):
            place = self.cursorRect(self._cursor(self.matches[self.current]))
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + place.top() - self.viewport().height() // 3)

    def _cursor(self, start: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + self.match_length, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark(self) -> None:
        """Every match tinted, the current one in the selection's colours."""
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        tint = towards(palette.color(QPalette.ColorRole.Base), highlight, MATCH_TINT)
        # The other matches' words in whichever of the two text colours reads better there.
        ink = max(
            palette.color(QPalette.ColorRole.Text),
            palette.color(QPalette.ColorRole.HighlightedText),
            key=lambda colour: contrast(colour, tint),
        )
        marks = []
        around = max(self.current, 0) - MAX_MARKED // 2
        first = max(0, min(around, len(self.matches) - MAX_MARKED))
        for number, start in enumerate(self.matches[first : first + MAX_MARKED], start=first):
            mark = QTextEdit.ExtraSelection()
            mark.cursor = self._cursor(start)
            look = QTextCharFormat()
            if number == self.current:
                look.setBackground(highlight)
                look.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                look.setBackground(tint)
                look.setForeground(ink)
            mark.format = look
            marks.append(mark)
        self.setExtraSelections(marks)
