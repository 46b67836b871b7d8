"""The catalog model: resources, their files, and the manifest that lists them.

``Manifest.from_bytes`` is the one gate every manifest passes, from a server, a USB drive or the
library's own folder: it refuses anything malformed or outside the format's limits with a
sentence that names the problem. ``Manifest.to_bytes`` is canonical (sorted keys, no spaces), so
publishing the same content twice produces the same bytes.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from resources_index.catalog import limits
from resources_index.errors import CatalogError
from resources_index.util import safe_json


def utc_now() -> datetime:
    """The current time in UTC, without microseconds (the format's resolution)."""
    return datetime.now(UTC).replace(microsecond=0)


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, as the format writes times."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: object, what: str) -> datetime:
    """Read a time written by ``format_time`` (or any RFC 3339 time with an offset)."""
    if not isinstance(value, str):
        raise CatalogError(f"The catalog's {what} is missing or not a time.")
    shown = value[:40]
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CatalogError(f"The catalog's {what} ({shown!r}) is not a valid time.") from None
    if moment.tzinfo is None:
        raise CatalogError(f"The catalog's {what} ({shown!r}) has no time zone.")
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 with an offset that leaves the calendar
        raise CatalogError(f"The catalog's {what} ({shown!r}) is out of range.") from None


class FileEntry(NamedTuple):
    """One file of a resource, stored in the catalog by its SHA-256.

    Resources and their files are named tuples rather than dataclasses: a large catalog holds
    tens of thousands of them, and tuples are made several times faster (start-up reads them
    all)."""

    role: str
    name: str
    sha256: str
    size: int
    media_type: str
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "role": self.role,
            "name": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "media_type": self.media_type,
        }
        if self.language:
            data["language"] = self.language
        return data


class Resource(NamedTuple):
    """A curriculum item, tip sheet, video...: its metadata and its files (see ``FileEntry``)."""

    id: str
    title: str
    type: str
    language: str
    files: tuple[FileEntry, ...]
    summary: str = ""
    practice_elements: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    translations: tuple[str, ...] = ()
    publisher: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""

    def file(self, role: str) -> FileEntry | None:
        """The first file with ``role`` (``main``, ``text``, ``thumbnail``), if any."""
        return next((f for f in self.files if f.role == role), None)

    @property
    def main(self) -> FileEntry:
        entry = self.file("main")
        assert entry is not None  # guaranteed by validation
        return entry

    def captions(self) -> list[FileEntry]:
        return [f for f in self.files if f.role == "captions"]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "type": self.type,
            "practice_elements": list(self.practice_elements),
            "audiences": list(self.audiences),
            "language": self.language,
            "translations": list(self.translations),
            "publisher": self.publisher,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
            "files": [f.to_json() for f in self.files],
        }


@dataclass(frozen=True)
class KitItem:
    """One step of a session kit: a resource, what the trainer says or shows there, and where
    it opens when presented: ``start`` is a page for a document, a second for a video (0: the
    beginning; see ``parse_start`` and ``start_text``)."""

    resource_id: str
    note: str = ""
    start: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"resource_id": self.resource_id, "note": self.note}
        if self.start:
            data["start"] = self.start
        return data


def is_timed(resource: Resource) -> bool:
    """Whether the resource plays in time (a video): opened at a moment, shown with captions."""
    return resource.main.media_type.startswith("video/")


def is_paged(resource: Resource) -> bool:
    """Whether the resource is a PDF: shown inside the program page by page."""
    return resource.main.media_type == "application/pdf"


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


def kit_start(raw: dict[str, Any], where: str) -> int:
    """The optional ``start`` of a kit item read from JSON: a whole number within limits."""
    start = raw.get("start", 0)
    _require(
        type(start) is int and 0 <= start <= limits.MAX_KIT_START,
        f"{where} has an item whose start is not a page or a second.",
    )
    return int(start)


@dataclass(frozen=True)
class CuratedKit:
    """A session kit published by the statewide team (read-only on laptops)."""

    id: str
    name: str
    items: tuple[KitItem, ...]
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "items": [i.to_json() for i in self.items],
        }


@dataclass(frozen=True)
class Manifest:
    """Everything a catalog version holds: its identity, validity window and resources."""

    catalog_id: str
    version: int
    created: datetime
    expires: datetime
    resources: tuple[Resource, ...]
    by_id: dict[str, Resource] = field(default_factory=dict, compare=False, repr=False)
    #: A search index built at publish time for this exact content (optional), and its schema.
    search_index: FileEntry | None = None
    search_index_schema: int = 0
    #: Session kits curated by the publisher (optional).
    kits: tuple[CuratedKit, ...] = ()

    def __post_init__(self) -> None:
        self.by_id.update({r.id: r for r in self.resources})

    def objects(self) -> Iterator[FileEntry]:
        """Every file entry, once per distinct SHA-256 (the shipped search index last)."""
        seen: set[str] = set()
        if self.search_index is not None:
            seen.add(self.search_index.sha256)
        for resource in self.resources:
            for entry in resource.files:
                if entry.sha256 not in seen:
                    seen.add(entry.sha256)
                    yield entry
        if self.search_index is not None:
            yield self.search_index

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": limits.FORMAT_NAME,
            "format_version": limits.FORMAT_VERSION,
            "catalog_id": self.catalog_id,
            "version": self.version,
            "created": format_time(self.created),
            "expires": format_time(self.expires),
            "resources": [r.to_json() for r in self.resources],
        }
        if self.kits:
            data["kits"] = [k.to_json() for k in self.kits]
        if self.search_index is not None:
            data["search_index"] = {
                **self.search_index.to_json(),
                "schema": self.search_index_schema,
            }
        return data

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())

    def content_bytes(self) -> bytes:
        """The resources alone, canonical: equal when two versions hold the same content."""
        return canonical_json([r.to_json() for r in self.resources])

    @classmethod
    def from_bytes(cls, data: bytes, validated: bool = False) -> "Manifest":
        """Parse and validate a manifest. ``validated=True`` skips the checks, for bytes that
        are identical to ones validated before (the library's own catalog at each start)."""
        raw = safe_json.loads(data, "The catalog's manifest", limits.MAX_ENVELOPE_BYTES)
        if validated and isinstance(raw, dict):
            return _build_validated(raw)
        return _parse_manifest(raw)


def canonical_json(value: object) -> bytes:
    """Sorted keys, no insignificant spaces, UTF-8: the bytes that are hashed and signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _whole(value: object, low: int, high: int) -> bool:
    """``value`` is a whole number (not a bool) from ``low`` to ``high``."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise CatalogError(message)


def _string(raw: dict[str, Any], key: str, where: str, max_chars: int, required: bool) -> str:
    value = raw.get(key, None if required else "")
    if not isinstance(value, str):
        raise CatalogError(f"{where} has no {key!r} text.")
    _require(len(value) <= max_chars, f"{where}: {key!r} is longer than {max_chars} characters.")
    _require(not required or bool(value.strip()), f"{where}: {key!r} is empty.")
    return value


def _matching(raw: dict[str, Any], key: str, pattern: re.Pattern[str], message: str) -> str:
    """The value of ``key`` if it is text matching ``pattern``; else refuse with ``message``."""
    value = raw.get(key)
    _require(isinstance(value, str) and bool(pattern.fullmatch(value)), message)
    return str(value)


def _keys(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = raw.get(key, [])
    _require(isinstance(values, list), f"{where}: {key!r} is not a list.")
    _require(len(values) <= limits.MAX_LIST_ITEMS, f"{where}: {key!r} has too many values.")
    for value in values:
        _require(
            isinstance(value, str) and 0 < len(value) <= limits.MAX_VALUE_CHARS,
            f"{where}: {key!r} holds a value that is not short text.",
        )
    return tuple(values)


def _parse_file(raw: object, where: str) -> FileEntry:
    _require(isinstance(raw, dict), f"{where} lists a file that is not an object.")
    assert isinstance(raw, dict)
    name = raw.get("name")
    reason = limits.unsafe_name_reason(name)
    _require(reason is None, f"{where} names a file {name!r} that is refused: {reason}.")
    assert isinstance(name, str)
    where = f"{where}, file {name!r}"
    role = raw.get("role")
    _require(isinstance(role, str) and role in limits.FILE_ROLES, f"{where} has an unknown role.")
    sha = _matching(raw, "sha256", limits.SHA256_PATTERN, f"{where} has no valid SHA-256.")
    size = raw.get("size")
    _require(_whole(size, 0, limits.MAX_VERSION), f"{where} has no valid size.")
    assert isinstance(size, int)
    ceiling = limits.MAX_TEXT_OBJECT_BYTES if role == "text" else limits.MAX_OBJECT_BYTES
    _require(size <= ceiling, f"{where} is larger than the format allows ({size:,} bytes).")
    media_type = raw.get("media_type")
    _require(
        isinstance(media_type, str) and media_type in limits.ALLOWED_MEDIA_TYPES,
        f"{where} has a media type the format does not allow.",
    )
    language = raw.get("language")
    _require(
        language is None
        or (isinstance(language, str) and bool(limits.LANGUAGE_PATTERN.fullmatch(language))),
        f"{where} has an invalid language.",
    )
    return FileEntry(str(role), name, str(sha), size, str(media_type), language)


def _parse_resource(raw: object, index: int) -> Resource:
    _require(isinstance(raw, dict), f"Resource number {index + 1} is not an object.")
    assert isinstance(raw, dict)
    rid = _matching(raw, "id", limits.ID_PATTERN, f"Resource number {index + 1} has an invalid id.")
    where = f"Resource {rid!r}"
    files_raw = raw.get("files")
    _require(isinstance(files_raw, list) and bool(files_raw), f"{where} lists no files.")
    assert isinstance(files_raw, list)
    _require(len(files_raw) <= limits.MAX_FILES_PER_RESOURCE, f"{where} lists too many files.")
    files = tuple(_parse_file(f, where) for f in files_raw)
    roles = [f.role for f in files]
    _require(roles.count("main") == 1, f"{where} must have exactly one main file.")
    _require("index" not in roles, f"{where} lists a search index among its files.")
    _require(roles.count("text") <= 1, f"{where} has more than one text file.")
    text = next((f for f in files if f.role == "text"), None)
    _require(
        text is None or text.media_type == limits.TEXT_MEDIA_TYPE,
        f"{where} has a text file of the wrong media type.",
    )
    language = _matching(
        raw, "language", limits.LANGUAGE_PATTERN, f"{where} has an invalid language."
    )
    rtype = _matching(raw, "type", limits.KEY_PATTERN, f"{where} has an invalid type.")
    translations = _keys(raw, "translations", where)
    for other in translations:
        _require(bool(limits.ID_PATTERN.fullmatch(other)), f"{where} names an invalid translation.")
    return Resource(
        id=str(rid),
        title=_string(raw, "title", where, limits.MAX_TITLE_CHARS, required=True),
        summary=_string(raw, "summary", where, limits.MAX_SUMMARY_CHARS, required=False),
        type=str(rtype),
        language=str(language),
        files=files,
        practice_elements=_keys(raw, "practice_elements", where),
        audiences=_keys(raw, "audiences", where),
        translations=translations,
        publisher=_string(raw, "publisher", where, limits.MAX_VALUE_CHARS, required=False),
        tags=_keys(raw, "tags", where),
        created=_string(raw, "created", where, 40, required=False),
        updated=_string(raw, "updated", where, 40, required=False),
    )


def _parse_manifest(raw: object) -> Manifest:
    _require(isinstance(raw, dict), "The catalog's manifest is not a JSON object.")
    assert isinstance(raw, dict)
    _require(raw.get("format") == limits.FORMAT_NAME, "This file is not an SOP catalog manifest.")
    version_of_format = raw.get("format_version")
    _require(
        _whole(version_of_format, 1, limits.MAX_VERSION)
        and version_of_format == limits.FORMAT_VERSION,
        "The catalog uses a format version this program cannot read; update SOP Desktop.",
    )
    catalog_id = _matching(
        raw, "catalog_id", limits.ID_PATTERN, "The catalog has no valid catalog_id."
    )
    version = raw.get("version")
    _require(
        _whole(version, 1, limits.MAX_VERSION),
        f"The catalog has no valid version number (a whole number from 1 to"
        f" {limits.MAX_VERSION:,}).",
    )
    resources_raw = raw.get("resources")
    _require(isinstance(resources_raw, list), "The catalog lists no resources.")
    assert isinstance(resources_raw, list)
    _require(
        len(resources_raw) <= limits.MAX_RESOURCES,
        f"The catalog lists more than {limits.MAX_RESOURCES:,} resources.",
    )
    resources = tuple(_parse_resource(r, i) for i, r in enumerate(resources_raw))
    seen: set[str] = set()
    for resource in resources:
        _require(resource.id not in seen, f"The catalog lists resource {resource.id!r} twice.")
        seen.add(resource.id)
    created = parse_time(raw.get("created"), "creation time")
    expires = parse_time(raw.get("expires"), "expiry time")
    _require(expires > created, "The catalog expires before it was created.")
    assert isinstance(version, int)
    index_entry, schema = _parse_search_index(raw.get("search_index"))
    kits = _parse_kits(raw.get("kits", []), seen)
    return Manifest(
        str(catalog_id),
        version,
        created,
        expires,
        resources,
        search_index=index_entry,
        search_index_schema=schema,
        kits=kits,
    )


def _file_of(raw: dict[str, Any]) -> FileEntry:
    return FileEntry(
        raw["role"], raw["name"], raw["sha256"], raw["size"], raw["media_type"], raw.get("language")
    )


def _build_validated(raw: dict[str, Any]) -> Manifest:
    """Build a manifest from JSON already known to pass ``_parse_manifest`` (no checks)."""
    resources = tuple(
        Resource(
            id=r["id"],
            title=r["title"],
            summary=r.get("summary", ""),
            type=r["type"],
            language=r["language"],
            files=tuple(_file_of(f) for f in r["files"]),
            practice_elements=tuple(r.get("practice_elements", ())),
            audiences=tuple(r.get("audiences", ())),
            translations=tuple(r.get("translations", ())),
            publisher=r.get("publisher", ""),
            tags=tuple(r.get("tags", ())),
            created=r.get("created", ""),
            updated=r.get("updated", ""),
        )
        for r in raw["resources"]
    )
    index = raw.get("search_index")
    kits = tuple(
        CuratedKit(
            k["id"],
            k["name"],
            tuple(
                KitItem(i["resource_id"], i.get("note", ""), i.get("start", 0)) for i in k["items"]
            ),
            k.get("description", ""),
        )
        for k in raw.get("kits", ())
    )
    return Manifest(
        raw["catalog_id"],
        raw["version"],
        parse_time(raw["created"], "creation time"),
        parse_time(raw["expires"], "expiry time"),
        resources,
        search_index=_file_of(index) if index else None,
        search_index_schema=index["schema"] if index else 0,
        kits=kits,
    )


def _parse_kits(raw: object, resource_ids: set[str]) -> tuple[CuratedKit, ...]:
    _require(isinstance(raw, list), "The catalog's kits are not a list.")
    assert isinstance(raw, list)
    _require(len(raw) <= limits.MAX_KITS, "The catalog lists too many kits.")
    kits, seen = [], set()
    for number, item in enumerate(raw, start=1):
        _require(isinstance(item, dict), f"Kit number {number} is not an object.")
        assert isinstance(item, dict)
        kid = _matching(item, "id", limits.ID_PATTERN, f"Kit number {number} has an invalid id.")
        _require(kid not in seen, f"The catalog lists kit {kid!r} twice.")
        seen.add(kid)
        where = f"Kit {kid!r}"
        steps = item.get("items")
        _require(isinstance(steps, list) and bool(steps), f"{where} lists no items.")
        assert isinstance(steps, list)
        _require(len(steps) <= limits.MAX_KIT_ITEMS, f"{where} lists too many items.")
        parsed = []
        for step in steps:
            _require(isinstance(step, dict), f"{where} has an item that is not an object.")
            rid = step.get("resource_id")
            _require(
                isinstance(rid, str) and rid in resource_ids,
                f"{where} names a resource the catalog lacks: {str(rid)[:140]!r}.",
            )
            note = _string(step, "note", where, limits.MAX_SUMMARY_CHARS, required=False)
            parsed.append(KitItem(str(rid), note, kit_start(step, where)))
        kits.append(
            CuratedKit(
                id=kid,
                name=_string(item, "name", where, limits.MAX_TITLE_CHARS, required=True),
                items=tuple(parsed),
                description=_string(
                    item, "description", where, limits.MAX_SUMMARY_CHARS, required=False
                ),
            )
        )
    return tuple(kits)


def _parse_search_index(raw: object) -> tuple[FileEntry | None, int]:
    if raw is None:
        return None, 0
    where = "The catalog's search index"
    _require(isinstance(raw, dict), f"{where} is not an object.")
    assert isinstance(raw, dict)
    entry = _parse_file(raw, where)
    _require(entry.role == "index", f"{where} must have the role 'index'.")
    _require(entry.media_type == limits.INDEX_MEDIA_TYPE, f"{where} is not a tar archive.")
    schema = raw.get("schema")
    _require(_whole(schema, 0, limits.MAX_SCHEMA), f"{where} has no valid schema number.")
    assert isinstance(schema, int)
    return entry, schema
