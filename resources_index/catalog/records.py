"""Resources and their files, and the tables that declare their fields (see ``field_kinds``).

Resources and files are named tuples rather than dataclasses: a large catalog holds tens of
thousands of them, and tuples are made several times faster (start-up reads them all). Each
table lists the fields in the tuple's order; adding a field means adding it to the tuple and to
its table, and parsing, checking, writing and the kept parsed copy follow.
"""

from collections.abc import Callable
from typing import Any, NamedTuple

from resources_index.catalog import limits
from resources_index.catalog.field_kinds import (
    Field,
    Kind,
    Where,
    dump_record,
    record_loader,
    require,
)
from resources_index.errors import Words


class FileEntry(NamedTuple):
    """One file of a resource, stored in the catalog by its SHA-256."""

    role: str
    name: str
    sha256: str
    size: int
    media_type: str
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dump_record(FILE_FIELDS, self)


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
        """The first file with ``role`` (``main``, ``text``, ``rendition``...), if any."""
        return next((f for f in self.files if f.role == role), None)

    @property
    def main(self) -> FileEntry:
        entry = self.file("main")
        assert entry is not None  # guaranteed by validation
        return entry

    @property
    def shown(self) -> FileEntry:
        """The file people see and print: an office document's PDF rendition (listed apart in
        the manifest, see ``validation``), else the main file."""
        return self.file("rendition") or self.main

    def captions(self) -> list[FileEntry]:
        return [f for f in self.files if f.role == "captions"]

    def to_json(self) -> dict[str, Any]:
        return dump_record(RESOURCE_FIELDS, self)


def read_file_entry(raw: object, where: Where) -> FileEntry:
    """One file entry, checked: its name first (later sentences name it), then the table."""
    require(isinstance(raw, dict), "invalid.file_not_object", where=where)
    assert isinstance(raw, dict)
    name = NAME_FIELD.read(raw, where)
    where = Words("where.file", where=where, name=name)
    entry = FileEntry(*(spec.read(raw, where) for spec in FILE_FIELDS))
    ceiling = limits.MAX_TEXT_OBJECT_BYTES if entry.role == "text" else limits.MAX_OBJECT_BYTES
    require(entry.size <= ceiling, "invalid.file_too_large", where=where, size=entry.size)
    return entry


NAME_FIELD = Field("name", Kind.NAME)
FILE_FIELDS: tuple[Field, ...] = (
    Field("role", Kind.CHOICE, choices=frozenset(limits.FILE_ROLES), refusal="invalid.role"),
    NAME_FIELD,
    Field("sha256", Kind.MATCH, pattern=limits.SHA256_PATTERN, refusal="invalid.sha256"),
    Field("size", Kind.WHOLE, refusal="invalid.size"),
    Field(
        "media_type",
        Kind.CHOICE,
        choices=frozenset(limits.ALLOWED_MEDIA_TYPES),
        refusal="invalid.media_type",
    ),
    Field(
        "language",
        Kind.MAYBE_MATCH,
        pattern=limits.LANGUAGE_PATTERN,
        refusal="invalid.language",
    ),
)

#: One file entry, or one resource, from JSON known to be valid (no checks).
load_file_entry: Callable[[dict[str, Any]], FileEntry] = record_loader(FILE_FIELDS, FileEntry)

RESOURCE_FIELDS: tuple[Field, ...] = (
    Field("id", Kind.MATCH, pattern=limits.ID_PATTERN, refusal="invalid.id"),
    Field("title", Kind.TEXT, required=True, limit=limits.MAX_TITLE_CHARS),
    Field("type", Kind.MATCH, pattern=limits.KEY_PATTERN, refusal="invalid.type"),
    Field("language", Kind.MATCH, pattern=limits.LANGUAGE_PATTERN, refusal="invalid.language"),
    Field(
        "files",
        Kind.RECORDS,
        limit=limits.MAX_FILES_PER_RESOURCE,
        refusal="invalid.no_files",
        read_item=read_file_entry,
        load_item=load_file_entry,
    ),
    Field("summary", Kind.TEXT, limit=limits.MAX_SUMMARY_CHARS),
    Field("practice_elements", Kind.LIST),
    Field("audiences", Kind.LIST),
    Field(
        "translations",
        Kind.LIST,
        pattern=limits.ID_PATTERN,
        refusal="invalid.translation",
    ),
    Field("publisher", Kind.TEXT, limit=limits.MAX_VALUE_CHARS),
    Field("tags", Kind.LIST),
    Field("created", Kind.TEXT, limit=40),
    Field("updated", Kind.TEXT, limit=40),
)

load_resource: Callable[[dict[str, Any]], Resource] = record_loader(RESOURCE_FIELDS, Resource)

# The tables and the tuples must agree field for field, in order.
assert tuple(f.name for f in FILE_FIELDS) == FileEntry._fields
assert tuple(f.name for f in RESOURCE_FIELDS) == Resource._fields
