"""The installed catalog's instruments, as definitions the window fills in and reports count.

Each definition is an object of the store (docs/catalog-format.md), read with
``definition.from_bytes`` (every field and expression checked again) once per catalog version:
the window asks often, the catalog changes at a sync. A definition that is missing (held back,
damaged) or fails its checks is left out and logged, so one broken form never hides the others.

Found like resources (a later step): the definitions' titles, labels and practice elements are
plain text, so a search could index each instrument as a document of its own kind beside the
resources, with the practice-element and audience filters read from the definition.
"""

import logging
import threading
from pathlib import Path

from resources_index.catalog.model import Manifest
from resources_index.errors import InstrumentError
from resources_index.instruments import definition
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.limits import MAX_DEFINITION_BYTES
from resources_index.library.library import Library
from resources_index.util.fsutil import open_regular

log = logging.getLogger(__name__)

_Key = tuple[str, int]
_cache: dict[Path, tuple[_Key, dict[str, FormDefinition]]] = {}
_lock = threading.Lock()


def installed_instruments(library: Library) -> dict[str, FormDefinition]:
    """The definitions of the installed catalog's instruments by form id, in id order (empty
    before any catalog); kept per library until its catalog's version changes."""
    manifest = library.current()
    if manifest is None or not manifest.instruments:
        return {}
    key = (manifest.catalog_id, manifest.version)
    with _lock:
        kept = _cache.get(library.root)
        if kept is not None and kept[0] == key:
            return dict(kept[1])
        found = read_definitions(library, manifest)
        _cache[library.root] = (key, found)
        return dict(found)


def read_definitions(library: Library, manifest: Manifest) -> dict[str, FormDefinition]:
    """Every instrument of ``manifest`` whose definition the library holds and can read."""
    found: dict[str, FormDefinition] = {}
    for entry in manifest.instruments:
        path = library.object_path(entry.file.sha256)
        try:
            with open_regular(path) as handle:
                data = handle.read(MAX_DEFINITION_BYTES + 1)
            form = definition.from_bytes(data, entry.id)
        except (OSError, InstrumentError) as error:
            log.warning("Instrument %s left out: %s", entry.id, error)
            continue
        if form.id != entry.id:
            log.warning("Instrument %s left out: its definition is of %s", entry.id, form.id)
            continue
        found[form.id] = form
    return found
