"""Generate the starter catalog's source documents from ``assets/starter/content.yaml``.

Run it after editing the content; commit what it writes under ``assets/starter/source/``.
Every document says what it is, in English and Spanish (a line on each PDF page and slide, at
the top of the other formats, and in the file's own metadata): sample content written for SOP
Desktop, not produced or endorsed by the agencies whose materials the program carries once a
county points it at the statewide catalog.
It needs fpdf2 (from the ``test`` extra), ffmpeg and espeak-ng for the video, and DejaVu Sans
(fonts-dejavu) to measure long slides. Documents are
made reproducible where the formats allow (fixed creation dates).
"""

import csv
import datetime as dt
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pptx
import yaml
from fpdf import FPDF
from pptx.text.layout import TextFitter
from pptx.util import Emu, Inches, Pt

from resources_index.library.starter import STARTER_AUTHOR, STARTER_NOTICE

ROOT = Path(__file__).resolve().parents[1]
STARTER = ROOT / "assets" / "starter"
SOURCE = STARTER / "source"
FIXED_DATE = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
CSV_KEYS = [
    "file",
    "id",
    "title",
    "summary",
    "type",
    "practice_elements",
    "audiences",
    "language",
    "publisher",
    "tags",
    "translations",
]
SIDECAR_FORMATS = {"html", "mp4"}  # these get a YAML sidecar; the rest a catalog.csv row
NOTICE = STARTER_NOTICE
AUTHOR = STARTER_AUTHOR  # the Author of every document's own metadata
SUMMARY_LIMIT = 300
#: The size of a slide's body text in the default layout; a longer body is made smaller until it
#: fits above the notice (the font LibreOffice draws Calibri with here, measured, with room
#: for the bullets and line spacing the measure leaves out), never below the smallest size.
SLIDE_BODY_PT = 32
SMALLEST_SLIDE_BODY_PT = 16
SLIDE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#: The words on the video's card during each caption, in order.
VIDEO_CARDS = (
    "The Three Houses",
    "House of Good Things",
    "House of Worries",
    "House of Dreams",
    "Watch for stress",
    "In the child's words",
    "Created by Nicki Weld\nand Maggie Greening",
    "Sample content\nwritten for SOP Desktop",
)


def notice_lines(item: dict) -> list[str]:
    """The notice in the document's language first, then in the other."""
    first = item["language"]
    return [NOTICE[first], *(text for lang, text in NOTICE.items() if lang != first)]


def summary(item: dict) -> str:
    """The catalog summary: the first whole sentences (up to 300 characters) of the body's first
    paragraph of some length, as publishing would infer it, so the notice every document
    carries never becomes one and a PDF's summary does not stop where its first line wraps."""
    for line in item["body"].strip().splitlines():
        line = line.strip()
        if len(line) > 60 and not line.startswith("## ") and line != item["title"]:
            if len(line) <= SUMMARY_LIMIT:
                return line
            sentences = re.split(r"(?<=[.?!])\s+", line)
            kept = sentences[0]
            for sentence in sentences[1:]:
                if len(kept) + 1 + len(sentence) > SUMMARY_LIMIT:
                    break
                kept += " " + sentence
            if len(kept) <= SUMMARY_LIMIT:
                return kept
            return kept[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return ""


def sections(body: str) -> list[tuple[str | None, list[str], bool]]:
    """(heading, paragraphs, starts_new_page) for each section of a body."""
    result: list[tuple[str | None, list[str], bool]] = []
    new_page = False
    for line in body.strip().splitlines():
        line = line.strip()
        if line == "---":
            new_page = True
        elif line.startswith("## "):
            result.append((line[3:], [], new_page))
            new_page = False
        elif line:
            if not result:
                result.append((None, [], False))
            result[-1][1].append(line)
    return result


class NoticedPDF(FPDF):
    """A letter-size page with the notice at the foot of every page."""

    def __init__(self, notice: list[str]) -> None:
        super().__init__(format="Letter")
        self.notice = notice

    def footer(self) -> None:
        self.set_y(-20)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        for line in self.notice:
            self.multi_cell(0, 3.6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)


def make_pdf(item: dict, path: Path) -> None:
    pdf = NoticedPDF(notice_lines(item))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(item["title"])
    pdf.set_author(AUTHOR)
    pdf.set_subject(" ".join(notice_lines(item)))
    pdf.set_creator("SOP Desktop starter catalog")
    pdf.set_lang(item["language"])
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=26)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, item["title"])
    pdf.ln(4)
    for heading, paragraphs, page_break in sections(item["body"]):
        if page_break:
            pdf.add_page()
        if heading:
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(0, 7, heading)
            pdf.ln(1)
        pdf.set_font("Helvetica", "", 11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(2)
    pdf.output(str(path))


def make_docx(item: dict, path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = item["title"]
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    set_office_properties(document.core_properties, item)
    document.add_heading(item["title"], level=0)
    for line in notice_lines(item):
        document.add_paragraph().add_run(line).italic = True
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "\n".join(notice_lines(item))
    for heading, paragraphs, _ in sections(item["body"]):
        if heading:
            document.add_heading(heading, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.save(str(path))


def set_office_properties(properties: object, item: dict) -> None:
    """Author and description of a Word or PowerPoint file (never the library's default)."""
    properties.author = AUTHOR  # type: ignore[attr-defined]
    properties.last_modified_by = AUTHOR  # type: ignore[attr-defined]
    first, second = notice_lines(item)  # each within the 255 characters a property may hold
    properties.subject = first  # type: ignore[attr-defined]
    properties.comments = second  # type: ignore[attr-defined]


def make_pptx(item: dict, path: Path) -> None:
    deck = pptx.Presentation()
    deck.core_properties.title = item["title"]
    set_office_properties(deck.core_properties, item)
    for index, (heading, paragraphs, _) in enumerate(sections(item["body"])):
        layout = deck.slide_layouts[0 if index == 0 else 1]
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = heading or item["title"]
        body = slide.placeholders[1]
        body.text = "\n".join(paragraphs)
        fit_body(body)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(6.75), Inches(9), Inches(0.6))
        box.text_frame.word_wrap = True
        box.text_frame.text = "\n".join(notice_lines(item))
        for paragraph in box.text_frame.paragraphs:
            paragraph.runs[0].font.size = Pt(10)
            paragraph.runs[0].font.italic = True
    deck.save(str(path))


def fit_body(body: object) -> None:
    """Make a long slide body smaller so it stays on the slide and off the notice below it."""
    frame = body.text_frame  # type: ignore[attr-defined]
    width, height = body.width, body.height  # type: ignore[attr-defined]
    room = (Emu(width - Inches(0.8)), Emu(int(height * 0.7)))
    size = TextFitter.best_fit_font_size(frame.text, room, SLIDE_BODY_PT, SLIDE_FONT)
    if size < SLIDE_BODY_PT:
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(max(size, SMALLEST_SLIDE_BODY_PT))


def make_html(item: dict, path: Path) -> None:
    parts = [
        f'<!DOCTYPE html>\n<html lang="{item["language"]}">\n<head><meta charset="utf-8">',
        f'<meta name="author" content="{AUTHOR}">',
        f"<title>{html.escape(item['title'])}</title></head>\n<body>",
        f"<h1>{html.escape(item['title'])}</h1>",
        *(f"<p><em>{html.escape(line)}</em></p>" for line in notice_lines(item)),
    ]
    for heading, paragraphs, _ in sections(item["body"]):
        if heading:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    parts.append("</body>\n</html>\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def make_markdown(item: dict, path: Path) -> None:
    lines = [f"# {item['title']}", ""]
    for line in notice_lines(item):
        lines += [f"*{line}*", ""]
    for heading, paragraphs, _ in sections(item["body"]):
        if heading:
            lines += [f"## {heading}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def make_text(item: dict, path: Path) -> None:
    lines = [p for _, paragraphs, _ in sections(item["body"]) for p in paragraphs]
    lines[1:1] = notice_lines(item)  # after the title line
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def vtt_time(seconds: float) -> str:
    return f"00:{int(seconds // 60):02d}:{seconds % 60:06.3f}"


def make_video(item: dict, path: Path) -> None:
    """A short captioned video: a title card per cue, narrated by espeak-ng."""
    cues = item["video"]
    for column, suffix in ((2, ".en.vtt"), (3, ".es.vtt")):
        lines = ["WEBVTT", ""]
        for number, cue in enumerate(cues, start=1):
            lines += [str(number), f"{vtt_time(cue[0])} --> {vtt_time(cue[1])}", cue[column], ""]
        path.with_suffix(suffix).write_text("\n".join(lines), encoding="utf-8")
    duration = cues[-1][1]
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    with tempfile.TemporaryDirectory() as tmp:
        narration = Path(tmp) / "narration.wav"
        parts = []
        for index, cue in enumerate(cues):
            wav = Path(tmp) / f"cue{index}.wav"
            subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), cue[2]], check=True)
            parts.append(wav)
        inputs = [arg for p in parts for arg in ("-i", str(p))]
        delays = "".join(f"[{i}]adelay={int(c[0] * 1000)}:all=1[a{i}];" for i, c in enumerate(cues))
        mix = "".join(f"[a{i}]" for i in range(len(cues)))
        subprocess.run(
            [
                "ffmpeg",
                "-y",
                "-loglevel",
                "error",
                *inputs,
                "-filter_complex",
                f"{delays}{mix}amix=inputs={len(cues)}:normalize=0",
                "-t",
                str(duration),
                "-ar",
                "22050",
                str(narration),
            ],
            check=True,
        )
        draws = []
        for index, cue in enumerate(cues):
            card = Path(tmp) / f"card{index}.txt"
            card.write_text(VIDEO_CARDS[index % len(VIDEO_CARDS)])
            draws.append(
                f"drawtext=fontfile={font}:textfile={card}:fontcolor=white:fontsize=34:"
                f"x=(w-text_w)/2:y=(h-text_h)/2-30:enable='between(t,{cue[0]},{cue[1]})'"
            )
        subprocess.run(
            [
                "ffmpeg",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"color=c=0x1d4e89:s=640x360:d={duration}:r=15",
                "-i",
                str(narration),
                "-vf",
                ",".join(draws),
                "-c:v",
                "libx264",
                "-preset",
                "slow",
                "-crf",
                "30",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "48k",
                "-shortest",
                "-movflags",
                "+faststart",
                "-map_metadata",
                "-1",
                "-metadata",
                f"title={item['title']}",
                "-metadata",
                f"artist={AUTHOR}",
                "-metadata",
                f"comment={notice_lines(item)[0]}",  # one language a tag: MP4 keeps 255 bytes
                "-metadata",
                f"description={notice_lines(item)[1]}",
                "-fflags",
                "+bitexact",
                str(path),
            ],
            check=True,
        )


MAKERS = {
    "pdf": make_pdf,
    "docx": make_docx,
    "pptx": make_pptx,
    "html": make_html,
    "md": make_markdown,
    "txt": make_text,
    "mp4": make_video,
}


def metadata(item: dict) -> dict:
    data = {k: item[k] for k in CSV_KEYS[1:] if k in item}
    if "body" in item:
        data["summary"] = summary(item)
    if item["file"].endswith(".pdf"):
        data.pop("title")  # PDFs carry their title in their own metadata
    return data


def main() -> int:
    content = yaml.safe_load((STARTER / "content.yaml").read_text(encoding="utf-8"))
    if SOURCE.exists():
        shutil.rmtree(SOURCE)
    rows = []
    for item in content:
        path = SOURCE / item["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        extension = path.suffix[1:]
        MAKERS[extension](item, path)
        if extension in SIDECAR_FORMATS:
            sidecar = path.with_name(path.name + ".meta.yaml")
            sidecar.write_text(yaml.safe_dump(metadata(item), allow_unicode=True, sort_keys=False))
        else:
            row = {k: "; ".join(v) if isinstance(v, list) else v for k, v in metadata(item).items()}
            rows.append({"file": item["file"], **row})
    with (SOURCE / "catalog.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_KEYS)
        writer.writeheader()
        writer.writerows(rows)
    kits = sorted((STARTER / "kits").glob("*.yaml"))
    for kit in kits:  # curated session kits, published as they are
        (SOURCE / "kits").mkdir(exist_ok=True)
        shutil.copyfile(kit, SOURCE / "kits" / kit.name)
    shutil.copyfile(STARTER / "terms.csv", SOURCE / "terms.csv")  # bilingual search terms
    forms = sorted((STARTER / "instruments").glob("*.xlsx"))
    for form in forms:  # instruments and their sidecars, published as they are
        (SOURCE / "instruments").mkdir(exist_ok=True)
        for path in (form, form.with_suffix(".yaml")):
            if path.exists():
                shutil.copyfile(path, SOURCE / "instruments" / path.name)
    print(
        f"Wrote {len(content)} resources, {len(kits)} kits and {len(forms)} instruments"
        f" under {SOURCE}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
