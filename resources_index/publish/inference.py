"""What publishing infers when a publisher said nothing: ids, titles, types, languages,
summaries, and the version number a publish gets."""

import re
from datetime import UTC, datetime
from pathlib import Path

from resources_index.catalog import limits, vocabulary
from resources_index.documents.extract import Extracted

VIDEO_SUFFIXES = {".mp4", ".m4v", ".webm", ".mp3", ".m4a"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}

TYPE_HINTS = [
    ("tip_sheet", ("tip sheet", "tip-sheet", "tipsheet", "tip_sheet")),
    ("coaching_guide", ("coaching guide", "coaching-guide", "coaching_guide")),
    ("practice_guide", ("practice guide", "practice-guide", "guide")),
    ("practice_brief", ("brief",)),
    ("curriculum_module", ("module", "curriculum")),
    ("toolkit", ("toolkit",)),
    ("worksheet", ("worksheet",)),
    ("handout", ("handout",)),
]


def next_version(previous: int, now: datetime) -> int:
    """The version a publish gets: the publish time as a number (``20261201192023`` for
    2026-12-01 19:20:23 UTC, as DNS serials are made), or one more than the previous version
    when that is higher (several publishes within a second). A publish into an empty folder (a
    new server, a lost folder) therefore still lands above every version laptops may hold."""
    return max(previous + 1, int(now.astimezone(UTC).strftime("%Y%m%d%H%M%S")))


def fold_id(written: str) -> str:
    """An id as a publisher's spreadsheet has it (``R07``, `` r07 ``) in the catalog's form:
    lower case, no surrounding spaces. The signed format itself stays strict."""
    return written.strip().lower()


def derive_id(relative: str) -> str:
    stem = re.sub(r"\.[^./]+$", "", relative)
    slug = vocabulary.normalize_key(stem.replace("/", "-")).replace("_", "-")
    return slug[:128].strip("-.") or "resource"


def humanize(stem: str) -> str:
    words = re.sub(r"[_\-.]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


def guess_type(path: Path) -> str:
    if path.suffix.lower() in VIDEO_SUFFIXES:
        return "video"
    hay = path.as_posix().lower()
    for rtype, hints in TYPE_HINTS:
        if any(hint in hay for hint in hints):
            return rtype
    return "curriculum_module" if path.suffix.lower() == ".pptx" else "other"


def language_hint(path: Path) -> str | None:
    match = re.search(r"[._-](en|es)$", path.stem.lower())
    return match.group(1) if match else None


def caption_language(caption: Path, video: Path) -> str | None:
    """``talk.es.vtt`` beside ``talk.mp4`` is Spanish; ``talk.vtt`` is in the video's language."""
    if caption.stem.lower() == video.stem.lower():
        return None
    lang = caption.stem.rsplit(".", 1)[-1].lower()
    return lang if limits.LANGUAGE_PATTERN.fullmatch(lang) else None


def summary_from(extracted: Extracted, title: str) -> str:
    for segment in extracted.segments:
        for paragraph in re.split(r"\n\s*\n|\n", str(segment["text"])):
            paragraph = paragraph.strip()
            if len(paragraph) > 60 and paragraph != title:
                if len(paragraph) <= 300:
                    return paragraph
                return paragraph[:297].rsplit(" ", 1)[0] + "…"
    return ""
