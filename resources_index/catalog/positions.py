"""Where a kit item opens: a page of a document or a moment of a video, as trainers write it."""

from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.field_kinds import Where, require
from resources_index.catalog.records import Resource


def is_timed(resource: Resource) -> bool:
    """Whether the resource plays in time (a video): opened at a moment, shown with captions."""
    return resource.main.media_type.startswith("video/")


def is_paged(resource: Resource) -> bool:
    """Whether the resource is shown inside the program page by page: a PDF, or an office
    document published with a PDF rendition (``Resource.shown``)."""
    return resource.shown.media_type == limits.PDF_MEDIA_TYPE


#: Text documents shown inside the program as text (not page by page).
TEXT_MEDIA_TYPES = frozenset({"text/markdown", "text/html", "text/plain"})


def is_text(resource: Resource) -> bool:
    """Whether the resource is a Markdown, HTML or plain-text document, read inside the
    program as text that reflows (no pages, no times)."""
    return resource.shown.media_type in TEXT_MEDIA_TYPES


def is_deck(resource: Resource) -> bool:
    """Whether the resource is a slide deck (PowerPoint, OpenDocument or Keynote): its pages
    are slides, and are called so."""
    media_type = resource.main.media_type
    return "presentation" in media_type or media_type == "application/vnd.ms-powerpoint"


def page_of(location: dict[str, Any] | None) -> int:
    """The page a search hit opens at: its page, or its slide (a deck's rendition has one
    page per slide); the first page otherwise."""
    location = location or {}
    return int(location.get("page") or location.get("slide") or 1)


def parse_start(text: str, timed: bool) -> int:
    """A start typed by a trainer: ``5`` (a page) for a document; ``3:20``, ``1:02:03`` or a
    number of seconds for a video (``timed``). Empty means the beginning (0). ValueError when
    it is neither."""
    text = text.strip().lower().removeprefix("p.").removeprefix("page").strip()
    if not text:
        return 0
    parts = text.split(":")
    if not all(part.isdigit() for part in parts) or len(parts) > (3 if timed else 1):
        raise ValueError(text)
    value = 0
    for part in parts:
        value = value * 60 + int(part)
    if len(parts) > 1 and any(int(part) >= 60 for part in parts[1:]):
        raise ValueError(text)
    if value > limits.MAX_KIT_START:
        raise ValueError(text)
    return value


def start_text(start: int, timed: bool) -> str:
    """``start`` as a trainer writes it: ``5`` for a page, ``3:20`` for a time; empty for 0."""
    if not start:
        return ""
    if not timed:
        return str(start)
    hours, rest = divmod(start, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def kit_start(raw: dict[str, Any], where: Where) -> int:
    """The optional ``start`` of a kit item read from JSON: a whole number within limits."""
    start = raw.get("start", 0)
    require(
        type(start) is int and 0 <= start <= limits.MAX_KIT_START,
        "invalid.item_start",
        where=where,
    )
    return int(start)


def start_of(resource: Resource, location: dict[str, Any] | None) -> int:
    """Where a resource added from a search hit opens: the page of the hit in a PDF, its
    second in a video; else the beginning."""
    if location and is_paged(resource) and ("page" in location or "slide" in location):
        return page_of(location)
    if location and is_timed(resource) and "time_ms" in location:
        return int(location["time_ms"]) // 1000
    return 0
