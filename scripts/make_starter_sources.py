"""Generate the starter catalog's source documents from ``assets/starter/content.yaml``.

Run it after editing the content; commit what it writes under ``assets/starter/source/``.
It needs fpdf2 (from the ``test`` extra), and ffmpeg and espeak-ng for the video. Documents are
made reproducible where the formats allow (fixed creation dates).
"""

import csv
import datetime as dt
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pptx
import yaml
from fpdf import FPDF

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


def make_pdf(item: dict, path: Path) -> None:
    pdf = FPDF(format="Letter")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(item["title"])
    pdf.set_author(item["publisher"])
    pdf.set_margins(22, 20, 22)
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
    document.add_heading(item["title"], level=0)
    for heading, paragraphs, _ in sections(item["body"]):
        if heading:
            document.add_heading(heading, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.save(str(path))


def make_pptx(item: dict, path: Path) -> None:
    deck = pptx.Presentation()
    deck.core_properties.title = item["title"]
    for index, (heading, paragraphs, _) in enumerate(sections(item["body"])):
        layout = deck.slide_layouts[0 if index == 0 else 1]
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = heading or item["title"]
        slide.placeholders[1].text = "\n".join(paragraphs)
    deck.save(str(path))


def make_html(item: dict, path: Path) -> None:
    parts = [
        f'<!DOCTYPE html>\n<html lang="{item["language"]}">\n<head><meta charset="utf-8">',
        f"<title>{html.escape(item['title'])}</title></head>\n<body>",
        f"<h1>{html.escape(item['title'])}</h1>",
    ]
    for heading, paragraphs, _ in sections(item["body"]):
        if heading:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    parts.append("</body>\n</html>\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def make_markdown(item: dict, path: Path) -> None:
    lines = [f"# {item['title']}", ""]
    for heading, paragraphs, _ in sections(item["body"]):
        if heading:
            lines += [f"## {heading}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def make_text(item: dict, path: Path) -> None:
    lines = [p for _, paragraphs, _ in sections(item["body"]) for p in paragraphs]
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
            card.write_text(
                [
                    "The Three Houses",
                    "House of Good Things",
                    "House of Worries",
                    "House of Dreams",
                    "In the child's words",
                ][index % 5]
            )
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
    print(f"Wrote {len(content)} resources and {len(kits)} kits under {SOURCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
