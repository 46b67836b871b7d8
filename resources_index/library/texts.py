"""A resource's extracted text (its pages, slides or caption cues), as the library holds it:
for printing in large type, or reading where the original cannot be shown."""

from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.records import Resource
from resources_index.errors import CatalogError
from resources_index.library.library import Library
from resources_index.util import safe_json


def text_segments(library: Library, resource: Resource) -> list[dict[str, Any]]:
    """The segments of ``resource``'s text object (none when it is missing or unreadable)."""
    entry = resource.file("text")
    if entry is None or not library.store.has(entry.sha256, entry.size):
        return []
    try:
        raw = safe_json.read_bytes(library.object_path(entry.sha256), limits.MAX_TEXT_OBJECT_BYTES)
        data = safe_json.loads(raw, entry.name, limits.MAX_TEXT_OBJECT_BYTES)
    except (OSError, CatalogError, safe_json.BadJson):
        return []
    segments = data.get("segments", []) if isinstance(data, dict) else []
    return [s for s in segments if isinstance(s, dict) and isinstance(s.get("text"), str)]
