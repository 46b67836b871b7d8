"""Session kits: a trainer's named, ordered list of resources with a note for each.

Kits live in the library folder (``kits/ID.json``, written atomically) and refer to resources
by id, so they survive every sync. Curated kits arrive in the catalog, read-only, and can be
copied into one's own. A kit is "ready" when every file of every item is on this laptop.

A kit travels as a folder or a single ``.sopkit`` file (a zip of that folder): ``kit.json``, the
library's signed ``catalog.json`` and the objects of the kit's resources. Importing checks the
signature with this laptop's trusted keys and every object's hash, like any import.
"""

import json
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from resources_index.catalog import limits
from resources_index.catalog.model import CuratedKit, KitItem, Manifest
from resources_index.catalog.positions import kit_start
from resources_index.catalog.records import FileEntry
from resources_index.catalog.times import format_time, utc_now
from resources_index.config import paths
from resources_index.errors import CatalogError, LibraryError, ObjectError
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.library.store import ObjectStore, object_relpath
from resources_index.util import safe_json
from resources_index.util.fsutil import (
    DISK_RESERVE_BYTES,
    free_bytes,
    mb,
    open_regular,
    write_atomic,
)

KITS_DIR = "kits"
KIT_FILE = "kit.json"
KIT_SUFFIX = ".sopkit"
KIT_FORMAT = "sop-kit"


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
            raise CatalogError(f"{where} is not a session kit.")
        items_raw = raw.get("items")
        if not isinstance(items_raw, list) or len(items_raw) > limits.MAX_KIT_ITEMS:
            raise CatalogError(f"{where} has no valid list of items.")
        items = []
        for item in items_raw:
            if not isinstance(item, dict):
                raise CatalogError(f"{where} has an item that is not an object.")
            rid, note = item.get("resource_id"), item.get("note", "")
            if not isinstance(rid, str) or not limits.ID_PATTERN.fullmatch(rid):
                raise CatalogError(f"{where} names an invalid resource.")
            if not isinstance(note, str) or len(note) > limits.MAX_SUMMARY_CHARS:
                raise CatalogError(f"{where} has a note that is not short text.")
            items.append(KitItem(rid, note, kit_start(item, where)))
        name, kid = raw.get("name"), raw.get("id")
        if not isinstance(name, str) or not name.strip() or len(name) > limits.MAX_TITLE_CHARS:
            raise CatalogError(f"{where} has no valid name.")
        if not isinstance(kid, str) or not limits.ID_PATTERN.fullmatch(kid):
            raise CatalogError(f"{where} has no valid id.")
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

    def sentences(self) -> list[str]:
        lines = [f"{m.title!r}: {m.name} ({m.size:,} bytes) is not on this laptop." for m in self]
        lines += [f"{rid!r} is not in this library's catalog (sync first)." for rid in self.unknown]
        return lines

    def __iter__(self) -> Iterator[MissingFile]:
        return iter(self.missing)


def _new_id() -> str:
    return "kit-" + uuid.uuid4().hex[:12]


class KitStore:
    """The kits of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.folder = library.root / KITS_DIR

    def _path(self, kit_id: str) -> Path:
        return self.folder / f"{kit_id}.json"

    def all(self) -> list[Kit]:
        kits = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                kits.append(Kit.from_json(json.loads(path.read_bytes()), path.name))
            except (OSError, ValueError, CatalogError):
                continue  # a damaged kit file is left alone, never deleted
        return sorted(kits, key=lambda k: k.name.casefold())

    def get(self, kit_id: str) -> Kit:
        try:
            return Kit.from_json(json.loads(self._path(kit_id).read_bytes()), kit_id)
        except FileNotFoundError:
            raise LibraryError(f"There is no kit {kit_id!r}.") from None
        except (OSError, ValueError) as exc:
            raise LibraryError(f"The kit {kit_id!r} cannot be read ({exc}).") from None

    def save(self, kit: Kit) -> Kit:
        kit.updated = format_time(utc_now())
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self._path(kit.id), json.dumps(kit.to_json(), indent=2).encode("utf-8"))
        return kit

    def create(self, name: str, items: list[KitItem] | None = None) -> Kit:
        return self.save(Kit(_new_id(), name.strip() or "Untitled kit", list(items or [])))

    def rename(self, kit: Kit, name: str) -> Kit:
        kit.name = name.strip() or kit.name
        return self.save(kit)

    def duplicate(self, kit: Kit, name: str) -> Kit:
        return self.save(Kit(_new_id(), name, list(kit.items), copied_from=kit.id))

    def copy_curated(self, curated: CuratedKit) -> Kit:
        return self.save(Kit(_new_id(), curated.name, list(curated.items), copied_from=curated.id))

    def delete(self, kit: Kit) -> None:
        self._path(kit.id).unlink(missing_ok=True)

    def move(self, kit: Kit, source: int, target: int) -> Kit:
        """Move the item at ``source`` to ``target`` (drag and drop, or Ctrl+Up/Down)."""
        item = kit.items.pop(source)
        kit.items.insert(max(0, min(target, len(kit.items))), item)
        return self.save(kit)


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


def export_kit(library: Library, kit: Kit, out: Path) -> Path:
    """Write ``kit`` with its signed content to a folder, or to one file if ``out`` ends with
    ``.sopkit``. Every file must be local (make the kit available offline first)."""
    ready = readiness(library, kit.items)
    if not ready.ready:
        raise LibraryError(
            f"{len(ready.missing) + len(ready.unknown)} files of the kit are not on this laptop;"
            " make the kit available offline first. " + " ".join(ready.sentences()[:3])
        )
    manifest = library.current()
    assert manifest is not None
    as_file = out.suffix.lower() == KIT_SUFFIX
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kit-", dir=out.parent)) if as_file else out
    if not as_file and out.exists() and any(out.iterdir()):
        raise LibraryError(f"{out} is not empty; choose an empty folder for the kit.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for entry in _kit_entries(manifest, kit.items):
            target = folder / object_relpath(entry.sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(library.object_path(entry.sha256), target)
        shutil.copyfile(library.catalog_path, folder / CATALOG_FILE)
        write_atomic(folder / KIT_FILE, json.dumps(kit.to_json(), indent=2).encode("utf-8"))
        if as_file:
            partial = out.with_name(out.name + ".part")
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
                for path in sorted(folder.rglob("*")):
                    if path.is_file():
                        archive.write(path, path.relative_to(folder).as_posix())
            partial.replace(out)
    finally:
        if as_file:
            shutil.rmtree(folder, ignore_errors=True)
    return out


def _kit_entries(manifest: Manifest, items: list[KitItem]) -> Iterator[FileEntry]:
    seen: set[str] = set()
    for item in items:
        resource = manifest.by_id.get(item.resource_id)
        for entry in resource.files if resource else ():
            if entry.sha256 not in seen:
                seen.add(entry.sha256)
                yield entry


MAX_KIT_FILE_BYTES = 4 * 1024 * 1024  # kit.json: 500 items with their notes fit many times


class _KitFile:
    """A kit as exported: a folder, or a ``.sopkit`` zip read in place. Nothing is unpacked:
    each member is read only when the kit's signed catalog names it, and only as large as the
    catalog says, so a crafted file cannot fill the disk (a zip bomb) or block the reader (a
    FIFO)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive: zipfile.ZipFile | None = None
        if not path.is_dir():
            try:
                self.archive = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise CatalogError(f"{path.name} is not a readable kit file ({exc}).") from None

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def size(self, name: str) -> int | None:
        """The size ``name`` has in the kit; None when the kit lacks it."""
        if self.archive is None:
            target = self.path / name
            return target.stat().st_size if target.is_file() else None
        try:
            return self.archive.getinfo(name).file_size
        except KeyError:
            return None

    def open(self, name: str) -> BinaryIO:
        if self.archive is None:
            return open_regular(self.path / name)
        return self.archive.open(name)  # type: ignore[return-value]  # at most its entry's size

    def read(self, name: str, most: int) -> bytes:
        """A small member whole (the kit and its catalog), refused when larger than ``most``."""
        size = self.size(name)
        if size is None:
            raise CatalogError(f"{self.path.name} is not a session kit (it has no {name}).")
        if size > most:
            raise CatalogError(f"{self.path.name}: {name} is larger than the format allows.")
        try:
            with self.open(name) as handle:
                return handle.read(most + 1)
        except (zipfile.BadZipFile, OSError) as exc:
            raise CatalogError(f"{self.path.name}: {name} cannot be read ({exc}).") from None


@dataclass
class KitImport:
    kit: Kit
    objects_copied: int
    not_in_catalog: list[str]


def import_kit(library: Library, path: Path) -> KitImport:
    """Take a kit exported on another laptop: signature and hashes checked, like any import."""
    from resources_index.catalog.signing import open_envelope
    from resources_index.library import trust  # cryptography: loaded when needed, not at start-up

    source = _KitFile(path)
    try:
        envelope = source.read(CATALOG_FILE, limits.MAX_ENVELOPE_BYTES)
        trusted = library.outside_keys()
        starter = paths.starter_catalog_dir() / CATALOG_FILE
        if starter.is_file() and envelope == starter.read_bytes():
            # The very catalog this program ships: trusted as the packaged copy is.
            key = trust.starter_key()
            trusted = {key.key_id: key}
        manifest_bytes, _ = open_envelope(envelope, trusted)
        bundle = Manifest.from_bytes(manifest_bytes)
        kit_json = safe_json.loads(
            source.read(KIT_FILE, MAX_KIT_FILE_BYTES),
            f"{path.name}: {KIT_FILE}",
            MAX_KIT_FILE_BYTES,
        )
        kit = Kit.from_json(kit_json, path.name)
        local = library.current()
        local_shas = {e.sha256 for e in local.objects()} if local else set()
        store: ObjectStore = library.store
        wanted = [
            entry
            for entry in _kit_entries(bundle, kit.items)
            if entry.sha256 in local_shas and not store.has(entry.sha256, entry.size)
        ]
        for entry in wanted:  # every size checked against the signed catalog before a copy
            size = source.size(object_relpath(entry.sha256))
            if size is None:
                raise ObjectError(f"The kit lacks {entry.name!r}; nothing was imported.")
            if size != entry.size:
                raise ObjectError(
                    f"{entry.name!r} in the kit is {size:,} bytes, not the {entry.size:,} its"
                    " catalog declares; nothing was imported."
                )
        needed = sum(entry.size for entry in wanted)
        free = free_bytes(library.root)
        if needed + DISK_RESERVE_BYTES > free:
            raise LibraryError(
                f"The kit needs {mb(needed)} and the disk holding the library has {mb(free)}"
                " free (some room is kept for the system); nothing was imported."
            )
        for entry in wanted:
            try:
                with source.open(object_relpath(entry.sha256)) as handle:
                    store.add_stream(handle, entry.sha256, entry.size, entry.name)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ObjectError(f"{entry.name!r} in the kit cannot be read ({exc}).") from None
        copied = len(wanted)
        unknown = [
            i.resource_id for i in kit.items if not local or i.resource_id not in local.by_id
        ]
        kits = KitStore(library)
        if any(k.id == kit.id for k in kits.all()):
            kit.id = _new_id()
        kits.save(kit)
        return KitImport(kit, copied, unknown)
    finally:
        source.close()
