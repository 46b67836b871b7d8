"""Text extraction at publish time, so laptops only ever index plain text.

Each extractor returns the document's own title (if it has one), its first heading, and its text
in segments that keep where the words are: a page of a PDF, a slide of a deck, a cue of a video's
captions (with times), a section of anything else. ``text_object`` turns that into the JSON text
object a catalog ships beside every resource.
"""

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from resources_index.catalog import limits
from resources_index.catalog.model import canonical_json
from resources_index.errors import ResourcesError


class ExtractError(ResourcesError):
    """A document cannot be read: encrypted, damaged, or not what its name says."""


@dataclass
class Extracted:
    """What publishing learns from a document's contents."""

    title: str | None = None
    heading: str | None = None
    segments: list[dict[str, Any]] = field(default_factory=list)

    def plain_text(self) -> str:
        return "\n".join(str(s["text"]) for s in self.segments)

    def without(self, boilerplate: Sequence[str]) -> None:
        """Leave out of every segment the lines a publisher repeats on each page (a footer, a
        notice), however the page wrapped them: they would otherwise match every search for
        their words and stand in for the document's own text in passages. A segment left
        empty is dropped."""
        patterns = [_spread(line) for line in boilerplate if line.split()]
        if not patterns:
            return
        kept = []
        for segment in self.segments:
            text = str(segment["text"])
            for pattern in patterns:
                text = pattern.sub("\n", text)
            text = _clean(text)
            if text:
                kept.append({**segment, "text": text})
        self.segments = kept

    def end_section(self, lines: list[str]) -> None:
        """Close a section made of ``lines`` (if it has any text) and empty the list."""
        text = _clean("\n".join(lines))
        if text:
            number = len(self.segments) + 1
            self.segments.append({"kind": "section", "number": number, "text": text})
        lines.clear()


def _spread(line: str) -> re.Pattern[str]:
    """A pattern for ``line`` with any run of spaces or line breaks between its words."""
    return re.compile(r"\s+".join(re.escape(word) for word in line.split()))


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def extract_pdf(path: Path) -> Extracted:
    """Text page by page with PDFium (the engine QtPdf uses, so page numbers agree)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ExtractError("extract.password", name=path.name) from None
        raise ExtractError("extract.not_pdf", name=path.name, reason=str(exc)) from None
    try:
        result = Extracted(title=(document.get_metadata_value("Title") or "").strip() or None)
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            text = _clean(textpage.get_text_range())
            textpage.close()
            page.close()
            if text:
                result.segments.append({"kind": "page", "number": number + 1, "text": text})
        if result.segments:
            result.heading = result.segments[0]["text"].split("\n", 1)[0].strip() or None
        return result
    finally:
        document.close()


def count_pdf_pages(path: Path) -> int | None:
    """How many pages a PDF has (as the viewer will show them), or None when it cannot be read."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return None
    try:
        return len(document)
    finally:
        document.close()


#: What an office package may unpack to, all its parts together, when its text is extracted.
MAX_OFFICE_UNPACKED_BYTES = 1024 * 1024 * 1024


def check_parts_inflate(path: Path, limit: int = MAX_OFFICE_UNPACKED_BYTES) -> None:
    """Refuse (``ExtractError``) an office package whose parts give more than they declare,
    or more than ``limit`` in all: python-docx and python-pptx read each part whole, which
    inflates it without bound before cutting it to its declared size."""
    from resources_index.documents.zip_inflation import InflationError, check_inflation

    try:
        check_inflation(path, limit)
    except InflationError as exc:
        raise ExtractError("extract.too_large_inside", name=path.name, reason=str(exc)) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ExtractError(
            "extract.damaged", name=path.name, kind=path.suffix[1:], reason=str(exc)
        ) from None


def _open_office(path: Path, loader: Any) -> Any:
    check_parts_inflate(path)
    try:
        return loader(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractError(
            "extract.damaged", name=path.name, kind=path.suffix[1:], reason=str(exc)
        ) from None
    except Exception as exc:  # python-docx/pptx raise their own package errors
        raise ExtractError(
            "extract.unreadable", name=path.name, reason=f"{type(exc).__name__}: {exc}"
        ) from None


def extract_docx(path: Path) -> Extracted:
    """Paragraphs and table cells, split into sections at each heading."""
    import docx

    document = _open_office(path, docx.Document)
    result = Extracted(title=(document.core_properties.title or "").strip() or None)
    section: list[str] = []

    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph.text.strip()
        if not text:
            continue
        if style.startswith(("Heading", "Title")):
            result.heading = result.heading or text
            result.end_section(section)
        section.append(text)
    for table in document.tables:
        for row in table.rows:
            section.append(" | ".join(cell.text.strip() for cell in row.cells))
    result.end_section(section)
    return result


def extract_pptx(path: Path) -> Extracted:
    """Slide by slide: every text frame and table, then the speaker notes."""
    import pptx

    deck = _open_office(path, pptx.Presentation)
    result = Extracted(title=(deck.core_properties.title or "").strip() or None)
    for number, slide in enumerate(deck.slides, start=1):
        lines: list[str] = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                lines.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    lines.append(" | ".join(cell.text for cell in row.cells))
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            lines.append(slide.notes_slide.notes_text_frame.text)
        if result.heading is None and slide.shapes.title is not None:
            result.heading = slide.shapes.title.text.strip() or None
        text = _clean("\n".join(lines))
        if text:
            result.segments.append({"kind": "slide", "number": number, "text": text})
    return result


class _HTMLText(HTMLParser):
    _SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "svg"}
    _BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "li",
        "br",
        "tr",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.heading = ""
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack.append(tag)
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if any(t in self._SKIP for t in self._stack):
            return
        if "title" in self._stack:
            self.title += data
            return
        if "h1" in self._stack and not self.heading.strip():
            self.heading += data
        self.parts.append(data)


def extract_html(path: Path) -> Extracted:
    parser = _HTMLText()
    parser.feed(read_text(path))
    parser.close()
    text = _clean("".join(parser.parts))
    segments = [{"kind": "section", "number": 1, "text": text}] if text else []
    return Extracted(parser.title.strip() or None, parser.heading.strip() or None, segments)


def extract_markdown(path: Path) -> Extracted:
    """Sections at each heading; emphasis, links and list marks reduced to their words."""
    result = Extracted()
    section: list[str] = []

    for line in read_text(path).splitlines():
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            result.end_section(section)
            result.heading = result.heading or heading.group(1)
            line = heading.group(1)
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", line)
        section.append(re.sub(r"[*_`>]+", "", line))
    result.end_section(section)
    return result


def extract_plain(path: Path) -> Extracted:
    text = _clean(read_text(path))
    segments = [{"kind": "section", "number": 1, "text": text}] if text else []
    first = text.split("\n", 1)[0].strip() if text else None
    return Extracted(None, first, segments)


def _timestamp_ms(value: str) -> int:
    parts = value.strip().split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2]) if len(parts) > 1 else 0
    hours = int(parts[-3]) if len(parts) > 2 else 0
    return round((hours * 3600 + minutes * 60 + seconds) * 1000)


def extract_captions(path: Path, language: str | None = None) -> Extracted:
    """WebVTT cues with start and end times in milliseconds."""
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.read(str(path))
    except (MalformedFileError, UnicodeDecodeError, ValueError) as exc:
        raise ExtractError("extract.bad_captions", name=path.name, reason=str(exc)) from None
    result = Extracted()
    for cue in captions.captions:
        text = _clean(cue.text)
        if not text:
            continue
        segment: dict[str, Any] = {
            "kind": "cue",
            "start_ms": _timestamp_ms(cue.start),
            "end_ms": _timestamp_ms(cue.end),
            "text": text,
        }
        if language:
            segment["language"] = language
        result.segments.append(segment)
    return result


def read_text(path: Path) -> str:
    """A text file's words: UTF-16 when it starts with that encoding's mark (Notepad's
    "Unicode"), else UTF-8 (with or without its mark), else Windows' Western encoding, as
    publishing read them (the window shows the text its search found)."""
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


EXTRACTORS = {
    ".pdf": extract_pdf,
    ".docx": extract_docx,
    ".pptx": extract_pptx,
    ".html": extract_html,
    ".htm": extract_html,
    ".md": extract_markdown,
    ".txt": extract_plain,
}


def extract(path: Path) -> Extracted:
    """Extract a main file's text; media files have none of their own (captions carry it)."""
    extractor = EXTRACTORS.get(path.suffix.lower())
    return extractor(path) if extractor else Extracted()


def text_object(language: str, extracted: Extracted) -> bytes:
    """The JSON text object shipped with a resource (see docs/catalog-format.md)."""
    data = {
        "format": limits.TEXT_FORMAT,
        "format_version": 1,
        "language": language,
        "segments": extracted.segments,
    }
    return canonical_json(data)
