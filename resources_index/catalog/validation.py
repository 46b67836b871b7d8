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
from resources_index.errors import CatalogError, Words

_ID, _FILES = RESOURCE_FIELDS[0], RESOURCE_FIELDS[Resource._fields.index("files")]
_CATALOG_ID = Field(
    "catalog_id", Kind.MATCH, pattern=limits.ID_PATTERN, refusal="invalid.no_catalog_id"
)
_KIT_ID = Field("id", Kind.MATCH, pattern=limits.ID_PATTERN, refusal="invalid.id")
_TERM = {
    lang: Field(lang, Kind.TEXT, required=True, limit=limits.MAX_VALUE_CHARS)
    for lang in ("en", "es")
}
_CREATED, _EXPIRES = Words("when.created"), Words("when.expires")
_KIT_NAME = Field("name", Kind.TEXT, required=True, limit=limits.MAX_TITLE_CHARS)


def read_resource(raw: object, index: int) -> Resource:
    """Resource number ``index`` (from 0), checked: its id, its files, then every other field."""
    if not isinstance(raw, dict):
        raise CatalogError(
            "invalid.not_object", where=Words("where.resource_number", number=index + 1)
        )
    rid = _ID.read(raw, Words("where.resource_number", number=index + 1))
    where = Words("where.resource", id=rid)
    files: tuple[FileEntry, ...] = _FILES.read(raw, where)
    roles = [f.role for f in files]
    require(roles.count("main") == 1, "invalid.main_file_count", where=where)
    require("index" not in roles, "invalid.index_among_files", where=where)
    require(
        "instrument" not in roles
        and all(f.media_type != limits.INSTRUMENT_MEDIA_TYPE for f in files),
        "invalid.instrument_among_files",
        where=where,
    )
    require("rendition" not in roles, "invalid.rendition_among_files", where=where)
    require(roles.count("text") <= 1, "invalid.text_files", where=where)
    text = next((f for f in files if f.role == "text"), None)
    require(
        text is None or text.media_type == limits.TEXT_MEDIA_TYPE,
        "invalid.text_media_type",
        where=where,
    )
    known = {"id": rid, "files": files}
    return Resource(
        *(known[s.name] if s.name in known else s.read(raw, where) for s in RESOURCE_FIELDS)
    )


def read_manifest(raw: object) -> Manifest:
    """A manifest from parsed JSON, every value checked."""
    require(isinstance(raw, dict), "invalid.manifest_not_object")
    assert isinstance(raw, dict)
    require(raw.get("format") == limits.FORMAT_NAME, "invalid.not_manifest")
    version_of_format = raw.get("format_version")
    require(
        whole(version_of_format, 1, limits.MAX_VERSION)
        and version_of_format == limits.FORMAT_VERSION,
        "catalog.format_version",
    )
    catalog_id = _CATALOG_ID.read(raw, Words("where.catalog"))
    version = raw.get("version")
    require(
        whole(version, 1, limits.MAX_VERSION),
        "invalid.version",
        limit=limits.MAX_VERSION,
    )
    resources_raw = raw.get("resources")
    require(isinstance(resources_raw, list), "invalid.no_resources")
    assert isinstance(resources_raw, list)
    require(
        len(resources_raw) <= limits.MAX_RESOURCES,
        "invalid.too_many_resources",
        limit=limits.MAX_RESOURCES,
    )
    resources = tuple(read_resource(r, i) for i, r in enumerate(resources_raw))
    seen: set[str] = set()
    for resource in resources:
        require(resource.id not in seen, "invalid.resource_twice", id=resource.id)
        seen.add(resource.id)
    resources = with_renditions(resources, _read_renditions(raw.get("renditions", []), resources))
    created = parse_time(raw.get("created"), Words("when.created"))
    expires = parse_time(raw.get("expires"), Words("when.expires"))
    require(expires > created, "invalid.expires_before_created")
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
        parse_time(raw["created"], _CREATED),
        parse_time(raw["expires"], _EXPIRES),
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


def _text(raw: dict[str, Any], name: str, where: Words, limit: int) -> str:
    value: str = Field(name, Kind.TEXT, limit=limit).read(raw, where)
    return value


def _read_kits(raw: object, resource_ids: set[str]) -> tuple[CuratedKit, ...]:
    require(isinstance(raw, list), "invalid.kits_not_list")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_KITS, "invalid.too_many_kits")
    kits, seen = [], set()
    for number, item in enumerate(raw, start=1):
        number_words = Words("where.kit_number", number=number)
        require(isinstance(item, dict), "invalid.not_object", where=number_words)
        assert isinstance(item, dict)
        kid = _KIT_ID.read(item, number_words)
        require(kid not in seen, "invalid.kit_twice", id=kid)
        seen.add(kid)
        where = Words("where.kit", id=kid)
        steps = item.get("items")
        require(isinstance(steps, list) and bool(steps), "invalid.no_items", where=where)
        assert isinstance(steps, list)
        require(len(steps) <= limits.MAX_KIT_ITEMS, "invalid.too_many_items", where=where)
        parsed = []
        for step in steps:
            require(isinstance(step, dict), "invalid.item_not_object", where=where)
            rid = step.get("resource_id")
            require(
                isinstance(rid, str) and rid in resource_ids,
                "invalid.item_resource_lacking",
                where=where,
                id=str(rid)[:140],
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
    require(isinstance(raw, list), "invalid.terms_not_list")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_TERMS, "invalid.too_many_terms")
    terms = []
    for number, item in enumerate(raw, start=1):
        where = Words("where.term_number", number=number)
        require(isinstance(item, dict), "invalid.not_object", where=where)
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
    require(isinstance(raw, list), "invalid.renditions_not_list")
    assert isinstance(raw, list)
    require(len(raw) <= len(resources), "invalid.too_many_renditions")
    by_id = {r.id: r for r in resources}
    renditions: dict[str, FileEntry] = {}
    for number, item in enumerate(raw, start=1):
        where = Words("where.rendition_number", number=number)
        require(isinstance(item, dict), "invalid.not_object", where=where)
        assert isinstance(item, dict)
        rid = item.get("resource_id")
        require(
            isinstance(rid, str) and rid in by_id,
            "invalid.item_resource_lacking",
            where=where,
            id=str(rid)[:140],
        )
        assert isinstance(rid, str)
        require(rid not in renditions, "invalid.rendition_twice", id=rid)
        of = Words("where.rendition_of", id=rid)
        entry = read_file_entry(item, of)
        require(entry.role == "rendition", "invalid.rendition_role", where=of)
        require(entry.media_type == limits.PDF_MEDIA_TYPE, "invalid.rendition_not_pdf", where=of)
        require(
            by_id[rid].main.media_type in limits.RENDERED_MEDIA_TYPES,
            "invalid.rendition_not_office",
            where=of,
        )
        renditions[rid] = entry
    return renditions


def _read_report_terms(raw: object) -> tuple[str, ...]:
    require(isinstance(raw, list), "invalid.report_terms_not_list")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_REPORT_TERMS, "invalid.too_many_report_terms")
    term = Field("term", Kind.TEXT, required=True, limit=limits.MAX_VALUE_CHARS)
    return tuple(
        str(term.read({"term": item}, Words("where.report_term_number", number=number)))
        for number, item in enumerate(raw, start=1)
    )


_INSTRUMENT_VERSION = Field("version", Kind.TEXT, required=True, limit=limits.MAX_VALUE_CHARS)


def _read_instruments(raw: object) -> tuple[InstrumentEntry, ...]:
    """The instruments: a form id, its version, and its definition's file, at most
    ``MAX_INSTRUMENT_BYTES``. Listed apart from resources, so a program from before
    instruments reads the catalog and ignores them; the definition itself is checked when it
    is read (``instruments.definition.from_bytes``), since only its bytes are here."""
    require(isinstance(raw, list), "invalid.instruments_not_list")
    assert isinstance(raw, list)
    require(len(raw) <= limits.MAX_INSTRUMENTS, "invalid.too_many_instruments")
    found: list[InstrumentEntry] = []
    for number, item in enumerate(raw, start=1):
        where = Words("where.instrument_number", number=number)
        require(isinstance(item, dict), "invalid.not_object", where=where)
        assert isinstance(item, dict)
        iid = _KIT_ID.read(item, where)
        require(all(i.id != iid for i in found), "invalid.instrument_twice", id=iid)
        where = Words("where.instrument", id=iid)
        version = _INSTRUMENT_VERSION.read(item, where)
        entry = read_file_entry(item, where)
        require(entry.role == "instrument", "invalid.instrument_role", where=where)
        require(
            entry.media_type == limits.INSTRUMENT_MEDIA_TYPE,
            "invalid.instrument_not_form",
            where=where,
        )
        require(
            entry.size <= limits.MAX_INSTRUMENT_BYTES,
            "invalid.instrument_too_large",
            where=where,
            size=entry.size,
        )
        found.append(InstrumentEntry(iid, str(version), entry))
    return tuple(found)


def _read_search_index(raw: object) -> tuple[FileEntry | None, int]:
    if raw is None:
        return None, 0
    where = Words("where.search_index")
    require(isinstance(raw, dict), "invalid.not_object", where=where)
    assert isinstance(raw, dict)
    entry = read_file_entry(raw, where)
    require(entry.role == "index", "invalid.index_role", where=where)
    require(entry.media_type == limits.INDEX_MEDIA_TYPE, "invalid.index_not_tar", where=where)
    schema = raw.get("schema")
    require(whole(schema, 0, limits.MAX_SCHEMA), "invalid.index_schema", where=where)
    assert isinstance(schema, int)
    return entry, schema
