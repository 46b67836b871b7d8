"""Kits that travel: a folder or one ``.sopkit`` file (a zip of that folder) holding
``kit.json``, the library's signed ``catalog.json`` and the objects of the kit's resources.

Importing checks the signature with this laptop's trusted keys and every object's size and
hash, like any import; exporting and importing report progress and can be cancelled.
"""

import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from resources_index.catalog import limits
from resources_index.catalog.model import KitItem, Manifest
from resources_index.catalog.records import FileEntry
from resources_index.config import paths
from resources_index.errors import (
    CancelledError,
    CatalogError,
    LibraryError,
    ObjectError,
    reason_of,
)
from resources_index.library.kits import (
    KIT_FILE,
    KIT_SUFFIX,
    MAX_KIT_FILE_BYTES,
    Kit,
    KitStore,
    new_kit_id,
    readiness,
)
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.library.store import ObjectStore, object_relpath
from resources_index.util import safe_json
from resources_index.util.fsutil import (
    DISK_RESERVE_BYTES,
    copy_hashing,
    discard_file,
    free_bytes,
    no_room,
    open_regular,
    remove_tree,
    replace_file,
    write_atomic,
)
from resources_index.util.progress import Cancel, Progress, never, no_progress


def export_kit(
    library: Library,
    kit: Kit,
    out: Path,
    progress: Progress = no_progress,
    cancel: Cancel = never,
) -> Path:
    """Write ``kit`` with its signed content to a folder, or to one file if ``out`` ends with
    ``.sopkit``. Every file must be local (make the kit available offline first). Each copy is
    checked against its hash; cancelled, nothing is left behind in a new folder or file."""
    ready = readiness(library, kit.items)
    if not ready.ready:
        raise LibraryError(
            "kit.not_ready",
            count=len(ready.missing) + len(ready.unknown),
            first=ready.words()[0],
        )
    manifest = library.current()
    assert manifest is not None
    as_file = out.suffix.lower() == KIT_SUFFIX
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kit-", dir=out.parent)) if as_file else out
    if not as_file and out.exists() and any(out.iterdir()):
        raise LibraryError("kit.folder_not_empty", out=out)
    entries = list(_kit_entries(manifest, kit.items))
    meter = _Meter(sum(e.size for e in entries), progress)
    created = not out.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            target = folder / object_relpath(entry.sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            with library.object_path(entry.sha256).open("rb") as source, target.open("wb") as dest:
                sha, size = copy_hashing(source, dest, entry.size, meter.advance, cancel)
            if (sha, size) != (entry.sha256, entry.size):
                raise ObjectError("kit.copy_damaged", name=entry.name)
        shutil.copyfile(library.catalog_path, folder / CATALOG_FILE)
        write_atomic(folder / KIT_FILE, json.dumps(kit.to_json(), indent=2).encode("utf-8"))
        if as_file:
            partial = out.with_name(out.name + ".part")
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
                for path in sorted(folder.rglob("*")):
                    if path.is_file():
                        archive.write(path, path.relative_to(folder).as_posix())
            replace_file(partial, out)
    except CancelledError:
        if not as_file and created:
            remove_tree(folder)
        raise CancelledError("cancel.kit_export") from None
    finally:
        if as_file:
            remove_tree(folder)
            discard_file(out.with_name(out.name + ".part"))
    return out


class _Meter:
    """Turns per-chunk byte counts into ``progress(done, total)`` over a whole job."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def advance(self, count: int) -> None:
        self.done += count
        self.progress(self.done, self.total)


def _kit_entries(manifest: Manifest, items: list[KitItem]) -> Iterator[FileEntry]:
    seen: set[str] = set()
    for item in items:
        resource = manifest.by_id.get(item.resource_id)
        for entry in resource.files if resource else ():
            if entry.sha256 not in seen:
                seen.add(entry.sha256)
                yield entry


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
                raise CatalogError(
                    "kit.not_a_kit_file", file=path.name, reason=reason_of(exc)
                ) from None

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
            raise CatalogError("kit.not_a_kit", file=self.path.name, member=name)
        if size > most:
            raise CatalogError("kit.member_too_large", file=self.path.name, member=name)
        try:
            with self.open(name) as handle:
                return handle.read(most + 1)
        except (zipfile.BadZipFile, OSError) as exc:
            raise CatalogError(
                "kit.member_unreadable", file=self.path.name, member=name, reason=reason_of(exc)
            ) from None


def kit_in_file(path: Path) -> Kit:
    """The kit an exported kit file holds, read without checking its signature or files (to
    ask about a duplicate before importing; ``import_kit`` checks everything)."""
    source = _KitFile(path)
    try:
        raw = source.read(KIT_FILE, MAX_KIT_FILE_BYTES)
        return Kit.from_json(
            safe_json.loads(raw, f"{path.name}: {KIT_FILE}", MAX_KIT_FILE_BYTES), path.name
        )
    finally:
        source.close()


@dataclass
class KitImport:
    kit: Kit
    objects_copied: int
    not_in_catalog: list[str]


def import_kit(
    library: Library, path: Path, progress: Progress = no_progress, cancel: Cancel = never
) -> KitImport:
    """Take a kit exported on another laptop: signature and hashes checked, like any import.
    Cancelled, the kit is not added (files already checked in stay, as after any import)."""
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
                raise ObjectError("kit.lacks", name=entry.name)
            if size != entry.size:
                raise ObjectError("kit.wrong_size", name=entry.name, size=size, declared=entry.size)
        needed = sum(entry.size for entry in wanted)
        free = free_bytes(library.root)
        if needed + DISK_RESERVE_BYTES > free:
            raise no_room("kit.no_room", needed, free)
        meter = _Meter(needed, progress)
        for entry in wanted:
            if cancel():
                raise CancelledError("cancel.kit_import")
            try:
                with source.open(object_relpath(entry.sha256)) as handle:
                    store.add_stream(handle, entry.sha256, entry.size, entry.name, meter.advance)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ObjectError(
                    "kit.file_unreadable", name=entry.name, reason=reason_of(exc)
                ) from None
        copied = len(wanted)
        unknown = [
            i.resource_id for i in kit.items if not local or i.resource_id not in local.by_id
        ]
        kits = KitStore(library)
        if any(k.id == kit.id for k in kits.all()):
            kit.id = new_kit_id()
        kits.save(kit)
        return KitImport(kit, copied, unknown)
    finally:
        source.close()
