"""The catalog model: the manifest that lists resources, and the curated kits it carries.

``Manifest.from_bytes`` is the one gate every manifest passes, from a server, a USB drive or the
library's own folder: it refuses anything malformed or outside the format's limits with a
sentence that names the problem (``validation.py``). ``Manifest.to_bytes`` is canonical (sorted
keys, no spaces), so publishing the same content twice produces the same bytes.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.records import FileEntry, Resource
from resources_index.catalog.times import format_time
from resources_index.errors import Words
from resources_index.util import safe_json


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
class InstrumentEntry:
    """A fidelity or coaching instrument: its form id and version, and its definition's file
    (role ``instrument``) in the object store like every other file (docs/catalog-format.md)."""

    id: str
    version: str
    file: FileEntry

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, **self.file.to_json()}


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
    #: English and Spanish names of the same idea, added to the program's bilingual search
    #: vocabulary (optional; the publisher's ``terms.csv``).
    terms: tuple[tuple[str, str], ...] = ()
    #: Search terms the content team asks laptops to count by name (optional; see
    #: docs/privacy.md: other words are only counted).
    report_terms: tuple[str, ...] = ()
    #: Fidelity and coaching instruments (optional; listed apart, so older programs ignore
    #: them: see ``validation._read_instruments``).
    instruments: tuple[InstrumentEntry, ...] = ()

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
        for instrument in self.instruments:
            if instrument.file.sha256 not in seen:
                seen.add(instrument.file.sha256)
                yield instrument.file
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
            "resources": [],
        }
        renditions = []
        for resource in self.resources:
            record = resource.to_json()
            rendition = resource.file("rendition")
            if rendition is not None:  # listed apart: see ``validation.with_renditions``
                record["files"] = [f for f in record["files"] if f["role"] != "rendition"]
                renditions.append({"resource_id": resource.id, **rendition.to_json()})
            data["resources"].append(record)
        if renditions:
            data["renditions"] = renditions
        if self.kits:
            data["kits"] = [k.to_json() for k in self.kits]
        if self.terms:
            data["terms"] = [{"en": en, "es": es} for en, es in self.terms]
        if self.report_terms:
            data["report_terms"] = list(self.report_terms)
        if self.instruments:
            data["instruments"] = [i.to_json() for i in self.instruments]
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
        from resources_index.catalog import validation

        raw = safe_json.loads(data, Words("what.manifest"), limits.MAX_ENVELOPE_BYTES)
        if validated and isinstance(raw, dict):
            return validation.load_manifest(raw)
        return validation.read_manifest(raw)


def canonical_json(value: object) -> bytes:
    """Sorted keys, no insignificant spaces, UTF-8: the bytes that are hashed and signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
