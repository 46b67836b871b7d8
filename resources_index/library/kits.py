"""Session kits: a trainer's named, ordered list of resources with a note for each.

Kits live in the library folder (``kits/ID.json``, written atomically) and refer to resources
by id, so they survive every sync. Curated kits arrive in the catalog, read-only, and can be
copied into one's own. A kit is "ready" when every file of every item is on this laptop. How
kits travel between laptops is ``kit_files.py``.
"""

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from resources_index.catalog import limits
from resources_index.catalog.model import CuratedKit, KitItem
from resources_index.catalog.positions import kit_start
from resources_index.catalog.times import format_time, utc_now
from resources_index.errors import CatalogError, LibraryError, Words, reason_of
from resources_index.library.library import Library
from resources_index.util import safe_json
from resources_index.util.fsutil import remove_file, write_atomic

KITS_DIR = "kits"
KIT_FILE = "kit.json"
KIT_SUFFIX = ".sopkit"
KIT_FORMAT = "sop-kit"
MAX_KIT_FILE_BYTES = 4 * 1024 * 1024  # kit.json: 500 items with their notes fit many times


@dataclass
class Kit:
    """A trainer's own kit (editable), or a copy of a curated one."""

    id: str
    name: str
    items: list[KitItem] = field(default_factory=list)
    updated: str = ""
    copied_from: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "format": KIT_FORMAT,
            "id": self.id,
            "name": self.name,
            "updated": self.updated,
            "copied_from": self.copied_from,
            "items": [i.to_json() for i in self.items],
        }

    @classmethod
    def from_json(cls, raw: object, where: str) -> "Kit":
        if not isinstance(raw, dict) or raw.get("format") != KIT_FORMAT:
            raise CatalogError("invalid.not_kit", where=where)
        items_raw = raw.get("items")
        if not isinstance(items_raw, list) or len(items_raw) > limits.MAX_KIT_ITEMS:
            raise CatalogError("invalid.kit_items", where=where)
        items = []
        for item in items_raw:
            if not isinstance(item, dict):
                raise CatalogError("invalid.item_not_object", where=where)
            rid, note = item.get("resource_id"), item.get("note", "")
            if not isinstance(rid, str) or not limits.ID_PATTERN.fullmatch(rid):
                raise CatalogError("invalid.kit_item_resource", where=where)
            if not isinstance(note, str) or len(note) > limits.MAX_SUMMARY_CHARS:
                raise CatalogError("invalid.kit_item_note", where=where)
            items.append(KitItem(rid, note, kit_start(item, where)))
        name, kid = raw.get("name"), raw.get("id")
        if not isinstance(name, str) or not name.strip() or len(name) > limits.MAX_TITLE_CHARS:
            raise CatalogError("invalid.kit_name", where=where)
        if not isinstance(kid, str) or not limits.ID_PATTERN.fullmatch(kid):
            raise CatalogError("invalid.kit_id", where=where)
        return cls(
            kid,
            name.strip(),
            items,
            str(raw.get("updated", "")),
            str(raw.get("copied_from", "")),
        )


@dataclass(frozen=True)
class MissingFile:
    resource_id: str
    title: str
    name: str
    size: int


@dataclass
class Readiness:
    """Whether a kit can be presented with no connection, and if not, exactly what is missing."""

    missing: list[MissingFile] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # ids the installed catalog lacks

    @property
    def ready(self) -> bool:
        return not self.missing and not self.unknown

    @property
    def missing_bytes(self) -> int:
        return sum(m.size for m in self.missing)

    def words(self) -> list[Words]:
        """One sentence per missing file, then per resource the catalog lacks."""
        said = [Words("kit.missing_file", title=m.title, name=m.name, size=m.size) for m in self]
        said += [Words("kit.unknown_resource", id=rid) for rid in self.unknown]
        return said

    def __iter__(self) -> Iterator[MissingFile]:
        return iter(self.missing)


def new_kit_id() -> str:
    return "kit-" + uuid.uuid4().hex[:12]


class KitStore:
    """The kits of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.folder = library.root / KITS_DIR

    def _path(self, kit_id: str) -> Path:
        return self.folder / f"{kit_id}.json"

    def all(self) -> list[Kit]:
        """The kits that can be read; a damaged kit file is left alone, never deleted (and
        ``damaged`` names it)."""
        kits = [kit for _, kit in self._read_all() if isinstance(kit, Kit)]
        return sorted(kits, key=lambda k: k.name.casefold())

    def damaged(self) -> list[tuple[Path, Words]]:
        """Each kit file that cannot be read, and why (``doctor`` names them)."""
        return [(path, why) for path, why in self._read_all() if isinstance(why, Words)]

    def _read_all(self) -> list[tuple[Path, "Kit | Words"]]:
        try:
            paths = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        except OSError:
            paths = []
        return [(path, _read_kit(path, path.name)) for path in paths]

    def get(self, kit_id: str) -> Kit:
        path = self._path(kit_id)
        if not path.exists() and not path.is_symlink():
            raise LibraryError("kit.no_such", id=kit_id)
        kit = _read_kit(path, kit_id)
        if isinstance(kit, Words):
            raise LibraryError("kit.unreadable", id=kit_id, reason=kit)
        return kit

    def save(self, kit: Kit) -> Kit:
        kit.updated = format_time(utc_now())
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self._path(kit.id), json.dumps(kit.to_json(), indent=2).encode("utf-8"))
        return kit

    def already_held(self, kit: Kit) -> Kit | None:
        """The kit of this library that ``kit`` (one about to be imported) is a copy of: the
        same id, or the same name and items."""
        for held in self.all():
            if held.id == kit.id or (held.name == kit.name and held.items == kit.items):
                return held
        return None

    def create(self, name: str, items: list[KitItem] | None = None) -> Kit:
        return self.save(Kit(new_kit_id(), name.strip() or "Untitled kit", list(items or [])))

    def rename(self, kit: Kit, name: str) -> Kit:
        kit.name = name.strip() or kit.name
        return self.save(kit)

    def duplicate(self, kit: Kit, name: str) -> Kit:
        return self.save(Kit(new_kit_id(), name, list(kit.items), copied_from=kit.id))

    def copy_curated(self, curated: CuratedKit) -> Kit:
        return self.save(
            Kit(new_kit_id(), curated.name, list(curated.items), copied_from=curated.id)
        )

    def delete(self, kit: Kit) -> None:
        remove_file(self._path(kit.id))

    def move(self, kit: Kit, source: int, target: int) -> Kit:
        """Move the item at ``source`` to ``target`` (drag and drop, or Ctrl+Up/Down)."""
        item = kit.items.pop(source)
        kit.items.insert(max(0, min(target, len(kit.items))), item)
        return self.save(kit)


def _read_kit(path: Path, where: str) -> Kit | Words:
    """The kit in ``path`` read within bounds (a regular file only: a FIFO or a link to a
    device in ``kits/`` is never opened or waited on), or why it cannot be."""
    try:
        return Kit.from_json(safe_json.read_file(path, MAX_KIT_FILE_BYTES), where)
    except safe_json.BadJson as exc:
        return safe_json.bad_json_reason(exc)
    except (OSError, ValueError, CatalogError) as exc:
        return reason_of(exc)


def readiness(library: Library, items: list[KitItem] | tuple[KitItem, ...]) -> Readiness:
    """What of these items is not on this laptop (every file: captions too)."""
    manifest = library.current()
    result = Readiness()
    for item in items:
        resource = manifest.by_id.get(item.resource_id) if manifest else None
        if resource is None:
            result.unknown.append(item.resource_id)
            continue
        for entry in resource.files:
            if entry.role != "text" and not library.store.has(entry.sha256, entry.size):
                result.missing.append(
                    MissingFile(resource.id, resource.title, entry.name, entry.size)
                )
    return result
