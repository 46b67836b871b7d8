"""A quick-to-load copy of the installed manifest, so a large library opens fast.

Parsing and checking a 10,000-resource catalog takes about half a second; the desktop program
opens the library at every start. Once a catalog has been verified and installed, its parsed
form is kept as plain tuples (``marshal``) under ``cache/``, named by the SHA-256 of the exact
``catalog.json`` it came from: it is used only while that file is unchanged, and any problem
reading it falls back to the full parse.
"""

import contextlib
import itertools
import marshal
from pathlib import Path
from typing import Any

from resources_index.catalog.model import CuratedKit, InstrumentEntry, KitItem, Manifest
from resources_index.catalog.records import FileEntry, Resource
from resources_index.catalog.times import format_time, parse_time
from resources_index.errors import Words
from resources_index.util.fsutil import discard_file, write_atomic

SNAPSHOT_FORMAT = 8
CACHE_DIR = "cache"
_FILES_AT = Resource._fields.index("files")
#: Written with every copy and compared on reading: a copy made by a program whose resources had
#: other fields is not used.
_SHAPE = (SNAPSHOT_FORMAT, Resource._fields, FileEntry._fields)


def _path(root: Path, sha256: str) -> Path:
    return root / CACHE_DIR / f"manifest-{sha256[:32]}.marshal"


def _resource(values: tuple[Any, ...], make: Any = tuple.__new__) -> Resource:
    # Named tuples made directly from the kept values, skipping the per-call argument handling
    # of their constructors: the fields are exactly those ``save`` wrote.
    files = tuple([make(FileEntry, entry) for entry in values[_FILES_AT]])
    resource: Resource = make(Resource, (*values[:_FILES_AT], files, *values[_FILES_AT + 1 :]))
    return resource


def save(root: Path, sha256: str, manifest: Manifest) -> None:
    """Keep ``manifest`` (installed as ``catalog.json`` with ``sha256``); drop older copies."""
    data = (
        _SHAPE,
        manifest.catalog_id,
        manifest.version,
        format_time(manifest.created),
        format_time(manifest.expires),
        tuple(
            (*r[:_FILES_AT], tuple(tuple(f) for f in r.files), *r[_FILES_AT + 1 :])
            for r in manifest.resources
        ),
        tuple(manifest.search_index) if manifest.search_index else None,
        manifest.search_index_schema,
        tuple(
            (k.id, k.name, tuple((i.resource_id, i.note, i.start) for i in k.items), k.description)
            for k in manifest.kits
        ),
        manifest.terms,
        manifest.report_terms,
        tuple((i.id, i.version, tuple(i.file)) for i in manifest.instruments),
    )
    target = _path(root, sha256)
    with contextlib.suppress(OSError):  # a cache: failing to write it costs only speed
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, marshal.dumps(data))
        for old in target.parent.glob("manifest-*.marshal"):
            if old != target:
                discard_file(old)


def load(root: Path, sha256: str) -> Manifest | None:
    """The kept manifest for ``sha256``, or None (missing, old format or unreadable)."""
    try:
        data = marshal.loads(_path(root, sha256).read_bytes())
        (shape, catalog_id, version, created, expires, resources, index, schema, kits, terms) = (
            data[:10]
        )
        report_terms, instruments = data[10:12]
        if shape != _SHAPE:
            return None
        return Manifest(
            catalog_id,
            version,
            parse_time(created, Words("when.created")),
            parse_time(expires, Words("when.expires")),
            tuple(map(_resource, resources)),
            search_index=FileEntry(*index) if index else None,
            search_index_schema=schema,
            kits=tuple(
                CuratedKit(kid, name, tuple(itertools.starmap(KitItem, items)), description)
                for kid, name, items, description in kits
            ),
            terms=tuple(map(tuple, terms)),
            report_terms=tuple(report_terms),
            instruments=tuple(
                InstrumentEntry(iid, form_version, FileEntry(*entry))
                for iid, form_version, entry in instruments
            ),
        )
    except Exception:  # any damage: parse catalog.json instead
        return None
