"""Real documents made on the fly for tests: PDFs, Word files, slide decks, captions."""

import zipfile
from pathlib import Path

import docx
import pptx
from fpdf import FPDF


def make_pdf(path: Path, pages: list[str], title: str | None = None, password: str = "") -> Path:
    """A real PDF with one page per string (optionally encrypted with a user password)."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 6, text)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def make_docx(path: Path, title: str | None, sections: dict[str, str]) -> Path:
    """A Word document with a heading and a paragraph per section."""
    document = docx.Document()
    if title:
        document.core_properties.title = title
    for heading, text in sections.items():
        document.add_heading(heading, level=1)
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def make_pptx(path: Path, slides: list[tuple[str, str]], notes: str = "") -> Path:
    """A slide deck with a title and body per slide, and notes on the last slide."""
    deck = pptx.Presentation()
    for title, body in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    if notes:
        deck.slides[-1].notes_slide.notes_text_frame.text = notes
    path.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(path))
    return _without_dates(path)


def _without_dates(path: Path) -> Path:
    """The same package with fixed dates inside, so the same slides make the same bytes (as
    they do in a publisher's folder): publishing renders a document once per content."""
    with zipfile.ZipFile(path) as package:
        parts = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in parts:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(fixed, data)
    return path


def make_vtt(path: Path, cues: list[tuple[str, str, str]]) -> Path:
    """WebVTT captions from (start, end, text) cues such as ("00:00:01.000", ...)."""
    lines = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{start} --> {end}", text, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
