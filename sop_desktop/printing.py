"""Printing for a family and for a session: a resource with its other-language version, in large
type if asked; a kit as a run sheet or as a pack of its handouts. Only the documents go on
paper, never the program's windows.

PDFs print page by page, each fitted to the paper. Large print, and any document the program
cannot draw itself (a Word or PowerPoint file), prints its extracted text, reflowed. The starter's
notice (sample content, not the agencies') is kept out of that text, so a reflowed starter
resource carries it again at the foot of every sheet, in the resource's language.
"""

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtPdf import QPdfDocument

from resources_index.catalog.model import KitItem, Manifest
from resources_index.catalog.positions import is_deck, is_paged, is_timed, start_text
from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from resources_index.library.starter import sample_notice
from resources_index.library.texts import text_segments
from sop_desktop.labels import label
from sop_desktop.paper import give_room

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter  # loaded when first printing

PRINT_DPI = 300  # pages are printed as pictures this sharp (finer only costs memory)
LARGE_POINTS = 18  # large print: the size most agencies use for it
NORMAL_POINTS = 11
FOOTER_POINTS = 9  # a sheet's foot line in normal print (large print keeps its large type)
FOOTER_GAP = 12  # between the text and the foot line, in the layout's pixels (1/96 inch)
RUN_ON_CHARS = 40  # a shorter line is a heading or a list item: it ends its paragraph
SENTENCE_ENDS = (".", "!", "?", ":", '"', "”", ")")
INK = QColor(Qt.GlobalColor.black)  # paper is white whatever the screen's appearance
LINK_INK = QColor("#0b3d91")  # a dark blue that still reads as a link on paper
RULE_INK = QColor("#767676")  # the rule above a sheet's foot line: grey that still prints


@dataclass(frozen=True)
class Printed:
    """What went to the printer: sheets, and the resources that had nothing to print."""

    sheets: int
    skipped: tuple[str, ...] = ()


def print_resources(
    library: Library, resources: Iterable[Resource], printer: "QPrinter", large: bool = False
) -> Printed:
    """Print each resource in turn (a handout pack, or a resource and its translation)."""
    painter = QPainter()
    if not begin(painter, printer):
        return Printed(0, tuple(r.title for r in resources))
    sheets, skipped = 0, []
    try:
        for resource in resources:
            if is_timed(resource):  # a video has no page to print
                skipped.append(resource.title)
                continue
            shown = resource.shown  # an office document's PDF rendition prints as shown
            path = library.object_path(shown.sha256)
            local = library.store.has(shown.sha256, shown.size)
            if not large and local and is_paged(resource):
                sheets += _pdf_pages(printer, painter, path, first_sheet=sheets == 0)
                continue
            document = text_document(library, resource, large)
            if document is None:
                skipped.append(resource.title)
                continue
            footer = footer_document(sample_notice(resource.publisher, resource.language), large)
            sheets += _text_pages(printer, painter, document, sheets == 0, footer)
    finally:
        painter.end()
    return Printed(sheets, tuple(skipped))


def print_run_sheet(
    manifest: Manifest, name: str, items: list[KitItem], printer: "QPrinter"
) -> Printed:
    """The kit as a run sheet: each item, its kind, where it opens and the trainer's note."""
    return print_html([run_sheet_html(manifest, name, items)], printer)


def print_html(parts: list[str], printer: "QPrinter", footers: Sequence[str] = ()) -> Printed:
    """Each HTML document of ``parts`` on pages of its own, in normal type (a run sheet, an
    instrument in each of its languages), with the same place's ``footers`` text (if any) at
    the foot of each of its sheets."""
    painter = QPainter()
    if not begin(painter, printer):
        return Printed(0)
    sheets = 0
    try:
        for number, part in enumerate(parts):
            document = QTextDocument()
            document.setDefaultFont(QFont(QFont().family(), NORMAL_POINTS))
            document.setHtml(part)
            foot = footers[number] if number < len(footers) else ""
            footer = footer_document(foot, large=False)
            sheets += _text_pages(printer, painter, document, sheets == 0, footer)
        return Printed(sheets)
    finally:
        painter.end()


def run_sheet_html(manifest: Manifest, name: str, items: list[KitItem]) -> str:
    rows = []
    for number, item in enumerate(items, start=1):
        resource = manifest.by_id.get(item.resource_id)
        title = resource.title if resource else item.resource_id
        kind = label("type", resource.type) if resource else ""
        where = _where(resource, item)
        rows.append(
            f"<tr><td>{number}</td><td><b>{html.escape(title)}</b><br>{html.escape(kind)}"
            f"</td><td>{html.escape(where)}</td><td>{html.escape(item.note)}</td></tr>"
        )
    head = "".join(
        f"<th align='left'>{html.escape(h)}</th>"
        for h in (
            "#",
            QCoreApplication.translate("Printing", "Item"),
            QCoreApplication.translate("Printing", "Opens at"),
            QCoreApplication.translate("Printing", "Note"),
        )
    )
    summary = QCoreApplication.translate("Printing", "Run sheet: {0} items").format(len(items))
    return (
        f"<h1>{html.escape(name)}</h1>"
        f"<p>{html.escape(summary)}</p>"
        f"<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        f"<tr>{head}</tr>{''.join(rows)}</table>"
    )


def _where(resource: Resource | None, item: KitItem) -> str:
    if resource is not None and item.start and is_deck(resource):
        return QCoreApplication.translate("Printing", "slide {0}").format(item.start)
    if resource is not None and item.start and is_paged(resource):
        return QCoreApplication.translate("Printing", "page {0}").format(item.start)
    if resource is not None and item.start and is_timed(resource):
        return start_text(item.start, True)
    return QCoreApplication.translate("Printing", "the beginning")


def begin(painter: QPainter, printer: "QPrinter") -> bool:
    """Start painting on ``printer`` with margins a printer can print inside."""
    give_room(printer)
    return painter.begin(printer)


def text_document(library: Library, resource: Resource, large: bool) -> QTextDocument | None:
    """The resource's text, reflowed under its title (None when it has no text here): the
    title once, the document's headings as headings."""
    segments = text_segments(library, resource)
    if not segments:
        return None
    parts = [f"<h1>{html.escape(resource.title)}</h1>"]
    for number, segment in enumerate(segments):
        text = str(segment["text"])
        if number == 0:
            text = without_title(text, resource.title)
        parts += [
            f"<h2>{html.escape(words)}</h2>" if heading else f"<p>{html.escape(words)}</p>"
            for heading, words in blocks(text)
        ]
    document = QTextDocument()
    document.setDefaultFont(QFont(QFont().family(), LARGE_POINTS if large else NORMAL_POINTS))
    document.setHtml("".join(parts))
    return document


def footer_document(text: str, large: bool) -> QTextDocument | None:
    """``text`` as the foot line of every sheet (None when there is none), in large type for a
    large print so whoever needs it can read it too."""
    if not text:
        return None
    document = QTextDocument()
    document.setDefaultFont(QFont(QFont().family(), LARGE_POINTS if large else FOOTER_POINTS))
    document.setPlainText(text)
    return document


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def without_title(text: str, title: str) -> str:
    """``text`` without the title it begins with (a title printed above it already; in the
    document it may run over two lines)."""
    lines = text.split("\n")
    wanted = _plain(title)
    for count in range(1, min(4, len(lines)) + 1):
        if _plain(" ".join(lines[:count])) == wanted:
            return "\n".join(lines[count:])
    return text


def _is_heading(line: str, following: str) -> bool:
    """A short line that ends no sentence, starts with a capital and has text after it (not
    a list item, not a number)."""
    return (
        len(line) < RUN_ON_CHARS
        and not line.endswith(SENTENCE_ENDS)
        and line[:1].isupper()
        and bool(following)
    )


def blocks(text: str) -> list[tuple[bool, str]]:
    """Lines extracted from a page joined back into paragraphs, so large type reflows them,
    each marked whether it is a heading: a line runs on into the next unless it ends a
    sentence or is short (a heading or a list item)."""
    lines = [raw.strip() for raw in text.split("\n")]
    found: list[tuple[bool, str]] = []
    joining = False
    for number, line in enumerate(lines):
        if not line:
            joining = False
            continue
        if joining:
            found[-1] = (False, found[-1][1] + " " + line)
        else:
            following = next((n for n in lines[number + 1 :] if n), "")
            found.append((_is_heading(line, following), line))
        joining = len(line) >= RUN_ON_CHARS and not line.endswith(SENTENCE_ENDS)
    return found


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``blocks``, headings included, as plain text."""
    return [words for _, words in blocks(text)]


def printable_area(printer: "QPrinter") -> QRectF:
    """The printer's printable area, from the painter's origin."""
    area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    area.moveTo(0, 0)  # the painter's origin is the printable area's corner
    return area


def draw_pdf_page(
    printer: "QPrinter", painter: QPainter, document: QPdfDocument, index: int
) -> None:
    """Page ``index`` (from 0) of ``document``, fitted to the paper and centred."""
    area = printable_area(printer)
    points = document.pagePointSize(index)
    scale = min(area.width() / points.width(), area.height() / points.height())
    target = QRectF(0, 0, points.width() * scale, points.height() * scale)
    target.moveCenter(area.center())
    dpi = min(PRINT_DPI, printer.resolution())
    picture = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    painter.drawImage(target, document.render(index, picture))


def _pdf_pages(printer: "QPrinter", painter: QPainter, path: Path, first_sheet: bool) -> int:
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        return 0
    count = document.pageCount()
    for number in range(count):
        if number or not first_sheet:
            printer.newPage()
        draw_pdf_page(printer, painter, document, number)
    document.close()
    return count


def _text_pages(
    printer: "QPrinter",
    painter: QPainter,
    document: QTextDocument,
    first_sheet: bool,
    footer: QTextDocument | None = None,
) -> int:
    """Lay ``document`` out on the printer's pages and draw them one by one, each with
    ``footer`` (if any) at its foot, below the room the text is given."""
    area = printable_area(printer)
    # Lay out at the printer's resolution so a point is a point on paper.
    scale = printer.resolution() / 96
    sheet = area.size() / scale
    under = 0.0
    if footer is not None:
        footer.setTextWidth(sheet.width())
        under = footer.size().height()
    body = QSizeF(sheet.width(), sheet.height() - (under + FOOTER_GAP if under else 0))
    document.setPageSize(body)
    pages = document.pageCount()
    for page in range(pages):
        if page or not first_sheet:
            printer.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.save()
        painter.translate(0, -page * body.height())
        clip = QRectF(0, page * body.height(), body.width(), body.height())
        painter.setClipRect(clip)
        if document.rootFrame().childFrames():  # a table (a run sheet): Qt draws it
            document.documentLayout().draw(painter, paper_context(clip))
        else:
            draw_lines(painter, document, clip)
        painter.restore()
        if footer is not None:  # under a thin rule, apart from the text
            painter.translate(0, sheet.height() - under)
            painter.setPen(RULE_INK)
            painter.drawLine(QPointF(0, -FOOTER_GAP / 2), QPointF(sheet.width(), -FOOTER_GAP / 2))
            draw_lines(painter, footer, QRectF(0, 0, sheet.width(), under))
        painter.restore()
    return pages


def draw_lines(painter: QPainter, document: QTextDocument, page: QRectF) -> None:
    """The lines of ``document`` (paragraphs and headings only) that start on ``page``, each
    once. Qt's own drawing draws a whole paragraph wherever part of it is on the page, and the
    clip hides the rest only from the eye: a PDF's text layer had the line before a page break
    again at the top of the next page (found twice by a search, read twice aloud)."""
    painter.setPen(INK)
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if page.top() <= origin.y() + line.y() < page.bottom():
                line.draw(painter, origin)
        block = block.next()


def paper_context(clip: QRectF) -> QAbstractTextDocumentLayout.PaintContext:
    """How text is drawn on paper: dark ink, never the screen palette's text colour (white
    in the dark and high contrast appearances), only the lines inside ``clip``."""
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette(context.palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Text, INK)
        palette.setColor(group, QPalette.ColorRole.WindowText, INK)
        palette.setColor(group, QPalette.ColorRole.Link, LINK_INK)
        palette.setColor(group, QPalette.ColorRole.Base, QColor(Qt.GlobalColor.white))
    context.palette = palette
    context.clip = clip
    return context
