"""Reading a manifest's JSON: every value checked against the format, or loaded as trusted.

``read_manifest`` is the gate for anything from outside (a server, a drive, an edited file); it
refuses with a sentence naming the problem. ``load_manifest`` builds the same objects without
the checks, for bytes identical to ones that passed before. Resources and files follow the
field tables of ``records.py``.
"""

from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.field_kinds import Field, Kind, require, whole
from resources_index.catalog.model import CuratedKit, InstrumentEntry, KitItem, Manifest
from resources_index.catalog.positions import kit_start
from resources_index.catalog.records import (
    RESOURCE_FIELDS,
    FileEntry,
    Resource,
    load_file_entry,
    load_resource,
    read_file_entry,
)
from resources_index.catalog.times import parse_time

_ID, _FILES = RESOURCE_FIELDS[0], RESOURCE_FIELDS[Resource._fields.index("files")]
_CATALOG_ID = Field(
    "catalog_id", Kind.MATCH, pattern=limits.ID_PATTERN, refusal="has no valid catalog_id"
)
_KIT_ID = Field("id", Kind.MATCH, pattern=limits.ID_PATTERN, refusal="has an invalid id")
_TERM = {
    lang: Field(lang, Kind.TEXT, required=True, limit=limits.MAX_VALUE_CHARS)
    for lang in ("en", "es")
}
_KIT_NAME = Field("name", Kind.TEXT, required=True, limit=limits.MAX_TITLE_CHARS)


def read_resource(raw: object, index: int) -> Resource:
    """Resource number ``index`` (from 0), checked: its id, its files, then every other field."""
    require(isinstance(raw, dict), f"Resource number {index + 1} is not an object.")
    assert isinstance(raw, dict)
    rid = _ID.read(raw, f"Resource number {index + 1}")
    where = f"Resource {rid!r}"
    files: tuple[FileEntry, ...] = _FILES.read(raw, where)
    roles = [f.role for f in files]
    require(roles.count("main") == 1, f"{where} must have exactly one main file.")
    require("index" not in roles, f"{where} lists a search index among its files.")
    require(
        "instrument" not in roles
        and all(f.media_type != limits.INSTRUMENT_MEDIA_TYPE for f in files),
        f"{where} lists an instrument among its files (instruments are listed apart).",
    )
    require(
        "rendition" not in roles,
        f"{where} lists a rendition among its files (renditions are listed apart).",
    )
    require(roles.count("text") <= 1, f"{where} has more than one text file.")
    text = next((f for f in files if f.role == "text"), None)
    require(
        text is None or text.media_type == limits.TEXT_MEDIA_TYPE,
        f"{where} has a text file of the wrong media type.",
    )
    known = {"id": rid, "files": files}
    return Resource(
        *(known[s.name] if s.name in known else s.read(raw, where) for s in RESOURCE_FIELDS)
    )


def read_manifest(raw: object) -> Manifest:
    """A manifest from parsed JSON, every value checked."""
    require(isinstance(raw, dict), "The catalog's manifest is not a JSON object.")
    assert isinstance(raw, dict)
    require(raw.get("format") == limits.FORMAT_NAME, "This file is not an SOP catalog manifest.")
    version_of_format = raw.get("format_version")
    require(
        whole(version_of_format, 1, limits.MAX_VERSION)
        and version_of_format == limits.FORMAT_VERSION,
        "The catalog uses a format version this program cannot read; update SOP Desktop.",
    )
    catalog_id = _CATALOG_ID.read(raw, "The catalog")
    version = raw.get("version")
    require(
        whole(version, 1, limits.MAX_VERSION),
        f"The catalog has no valid version number (a whole number from 1 to"
        f" {limits.MAX_VERSION:,}).",
    )
    resources_raw = raw.get("resources")
    require(isinstance(resources_raw, list), "The catalog lists no resources.")
    assert isinstance(resources_raw, list)
    require(
        len(resources_raw) <= limits.MAX_RESOURCES,
        f"The catalog lists more than {limits.MAX_RESOURCES:,} resources.",
    )
    resources = tuple(read_resource(r, i) for i, r in enumerate(resources_raw))
    seen: set[str] = set()
    for resource in resources:
        require(resource.id not in seen, f"The catalog lists resource {resource.id!r} twice.")
        seen.add(resource.id)
    resources = with_renditions(resources, _read_renditions(raw.get("renditions", []), resources))
    created = parse_time(raw.get("created"), "creation time")
    expires = parse_time(raw.get("expires"), "expiry time")
    require(expires > created, "The catalog expires before it was created.")
    assert isinstance(version, int)
    index_entry, schema = _read_search_index(raw.get("search_index"))
    kits = _read_kits(raw.get("kits", []), seen)
    terms = _read_terms(raw.get("terms", []))
    report_terms = _read_report_terms(raw.get("report_terms", []))
    instruments = _read_instruments(raw.get("instruments", []))
    return Manifest(
        str(catalog_id),
        version,
        created,
        expires,
        resources,
        search_index=index_entry,
        search_index_schema=schema,
        kits=kits,
        terms=terms,
        report_terms=report_terms,
        instruments=instruments,
    )


def load_manifest(raw: dict[str, Any]) -> Manifest:
    """Build a manifest from JSON already known to pass ``read_manifest`` (no checks)."""
    resources = tuple(map(load_resource, raw["resources"]))
    renditions = raw.get("renditions")
    if renditions:
        resources = with_renditions(
            resources, {r["resource_id"]: load_file_entry(r) for r in renditions}
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
        search_index=load_file_entry(index) if index else None,
        search_index_schema=index["schema"] if index else 0,
        kits=kits,
        terms=tuple((t["en"], t["es"]) for t in raw.get("terms", ())),
        report_terms=tuple(raw.get("report_terms", ())),
        instruments=tuple(
            InstrumentEntry(i["id"], i["version"], load_file_entry(i))
            for i in raw.get("instruments", ())
        ),
    )


def _text(raw: dict[str, Any], name: str, where: str, limit: int) -> str:
    value: str = Field(name, Kind.TEXT, limit=limit).read(raw, where)
    return value


def _read_kits(raw: object, resource_ids: set[str]) -> tuple[CuratedKit, ...]:
    require(isinstance(raw, list), "The catalog's kits are not a list.")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_KITS, "The catalog lists too many kits.")
    kits, seen = [], set()
    for number, item in enumerate(raw, start=1):
        require(isinstance(item, dict), f"Kit number {number} is not an object.")
        assert isinstance(item, dict)
        kid = _KIT_ID.read(item, f"Kit number {number}")
        require(kid not in seen, f"The catalog lists kit {kid!r} twice.")
        seen.add(kid)
        where = f"Kit {kid!r}"
        steps = item.get("items")
        require(isinstance(steps, list) and bool(steps), f"{where} lists no items.")
        assert isinstance(steps, list)
        require(len(steps) <= limits.MAX_KIT_ITEMS, f"{where} lists too many items.")
        parsed = []
        for step in steps:
            require(isinstance(step, dict), f"{where} has an item that is not an object.")
            rid = step.get("resource_id")
            require(
                isinstance(rid, str) and rid in resource_ids,
                f"{where} names a resource the catalog lacks: {str(rid)[:140]!r}.",
            )
            note = _text(step, "note", where, limits.MAX_SUMMARY_CHARS)
            parsed.append(KitItem(str(rid), note, kit_start(step, where)))
        kits.append(
            CuratedKit(
                id=kid,
                name=_KIT_NAME.read(item, where),
                items=tuple(parsed),
                description=_text(item, "description", where, limits.MAX_SUMMARY_CHARS),
            )
        )
    return tuple(kits)


def _read_terms(raw: object) -> tuple[tuple[str, str], ...]:
    require(isinstance(raw, list), "The catalog's terms are not a list.")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_TERMS, "The catalog lists too many terms.")
    terms = []
    for number, item in enumerate(raw, start=1):
        where = f"Term number {number}"
        require(isinstance(item, dict), f"{where} is not an object.")
        assert isinstance(item, dict)
        english, spanish = (_TERM[lang].read(item, where) for lang in ("en", "es"))
        terms.append((english, spanish))
    return tuple(terms)


def with_renditions(
    resources: tuple[Resource, ...], renditions: dict[str, FileEntry]
) -> tuple[Resource, ...]:
    """Each resource with its rendition among its files, where the program looks for it.

    The manifest lists renditions apart (``renditions``, beside ``resources``) so that a
    program from before renditions, which refuses a file role it does not know, still reads
    the catalog and ignores them; ``Manifest.to_json`` lists them apart again."""
    if not renditions:
        return resources
    return tuple(
        r._replace(files=(*r.files, renditions[r.id])) if r.id in renditions else r
        for r in resources
    )


def _read_renditions(raw: object, resources: tuple[Resource, ...]) -> dict[str, FileEntry]:
    """The PDF renditions of office documents: one per resource at most, of a listed one."""
    require(isinstance(raw, list), "The catalog's renditions are not a list.")
    assert isinstance(raw, list)
    require(len(raw) <= len(resources), "The catalog lists more renditions than resources.")
    by_id = {r.id: r for r in resources}
    renditions: dict[str, FileEntry] = {}
    for number, item in enumerate(raw, start=1):
        where = f"Rendition number {number}"
        require(isinstance(item, dict), f"{where} is not an object.")
        assert isinstance(item, dict)
        rid = item.get("resource_id")
        require(
            isinstance(rid, str) and rid in by_id,
            f"{where} names a resource the catalog lacks: {str(rid)[:140]!r}.",
        )
        assert isinstance(rid, str)
        require(rid not in renditions, f"The catalog lists two renditions of {rid!r}.")
        entry = read_file_entry(item, f"The rendition of {rid!r}")
        require(
            entry.role == "rendition", f"The rendition of {rid!r} must have the role 'rendition'."
        )
        require(
            entry.media_type == limits.PDF_MEDIA_TYPE, f"The rendition of {rid!r} is not a PDF."
        )
        require(
            by_id[rid].main.media_type in limits.RENDERED_MEDIA_TYPES,
            f"The rendition of {rid!r} belongs to a file that is not an office document.",
        )
        renditions[rid] = entry
    return renditions


def _read_report_terms(raw: object) -> tuple[str, ...]:
    require(isinstance(raw, list), "The catalog's report terms are not a list.")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_REPORT_TERMS, "The catalog lists too many report terms.")
    term = Field("term", Kind.TEXT, required=True, limit=limits.MAX_VALUE_CHARS)
    return tuple(
        str(term.read({"term": item}, f"Report term number {number}"))
        for number, item in enumerate(raw, start=1)
    )


_INSTRUMENT_VERSION = Field("version", Kind.TEXT, required=True, limit=limits.MAX_VALUE_CHARS)


def _read_instruments(raw: object) -> tuple[InstrumentEntry, ...]:
    """The instruments: a form id, its version, and its definition's file, at most
    ``MAX_INSTRUMENT_BYTES``. Listed apart from resources, so a program from before
    instruments reads the catalog and ignores them; the definition itself is checked when it
    is read (``instruments.definition.from_bytes``), since only its bytes are here."""
    require(isinstance(raw, list), "The catalog's instruments are not a list.")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_INSTRUMENTS, "The catalog lists too many instruments.")
    found: list[InstrumentEntry] = []
    for number, item in enumerate(raw, start=1):
        where = f"Instrument number {number}"
        require(isinstance(item, dict), f"{where} is not an object.")
        assert isinstance(item, dict)
        iid = _KIT_ID.read(item, where)
        require(all(i.id != iid for i in found), f"The catalog lists instrument {iid!r} twice.")
        where = f"Instrument {iid!r}"
        version = _INSTRUMENT_VERSION.read(item, where)
        entry = read_file_entry(item, where)
        require(entry.role == "instrument", f"{where} must have the role 'instrument'.")
        require(
            entry.media_type == limits.INSTRUMENT_MEDIA_TYPE,
            f"{where} is not a form definition.",
        )
        require(
            entry.size <= limits.MAX_INSTRUMENT_BYTES,
            f"{where} is larger than the format allows ({entry.size:,} bytes).",
        )
        found.append(InstrumentEntry(iid, str(version), entry))
    return tuple(found)


def _read_search_index(raw: object) -> tuple[FileEntry | None, int]:
    if raw is None:
        return None, 0
    where = "The catalog's search index"
    require(isinstance(raw, dict), f"{where} is not an object.")
    assert isinstance(raw, dict)
    entry = read_file_entry(raw, where)
    require(entry.role == "index", f"{where} must have the role 'index'.")
    require(entry.media_type == limits.INDEX_MEDIA_TYPE, f"{where} is not a tar archive.")
    schema = raw.get("schema")
    require(whole(schema, 0, limits.MAX_SCHEMA), f"{where} has no valid schema number.")
    assert isinstance(schema, int)
    return entry, schema
