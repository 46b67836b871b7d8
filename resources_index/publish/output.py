"""Writing a publish out: the search index built, the catalog checked as laptops will check it,
objects staged beside OUT (hard links for those it already has), everything on disk, then
swapped in."""

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.parts import (
    INDEX_FILE,
    PARTS_FOLDER,
    CatalogIndex,
    PartRef,
    is_packed,
    make_index,
    pack,
    packed_limit,
    part_refs,
    unpack,
)
from resources_index.catalog.records import FileEntry, Resource
from resources_index.catalog.signing import (
    envelope_bytes,
    key_id,
    open_envelope,
    parse_public_key,
    public_pem,
    seal,
)
from resources_index.errors import CatalogError, PublishError, ResourcesError
from resources_index.library.library import CATALOG_FILE
from resources_index.library.store import ObjectStore, object_relpath
from resources_index.publish.report import PublishReport
from resources_index.util.fsutil import fsync_dir, remove_tree, sha256_file, write_atomic

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def read_previous(out: Path, public: bytes) -> Manifest | None:
    envelope_path = out / CATALOG_FILE
    if not envelope_path.exists():
        return None
    key = parse_public_key(public, "the publishing key")
    envelope = envelope_path.read_bytes()
    try:
        manifest_bytes, _ = open_envelope(envelope, {key.key_id: key})
    except CatalogError as exc:
        raise PublishError("publish.not_signed_with_key", path=envelope_path, reason=exc) from None
    return Manifest.from_bytes(manifest_bytes)


def later_than_before(new: Path, old: Path) -> None:
    """Date the new catalog.json at least a second after the one it replaces. Web servers
    make validators from the modification time in whole seconds and the size (nginx's ETag,
    Last-Modified): two versions published within one second, of equal size, would look
    unchanged, and laptops would be told 304 Not Modified."""
    try:
        before = int(old.stat().st_mtime)
    except FileNotFoundError:
        return
    moment = max(time.time(), before + 1.0)
    os.utime(new, (moment, moment))


def check_as_laptops_will(manifest: Manifest) -> None:
    """Parse the manifest with the very checks every laptop applies: a catalog they would
    refuse is never written."""
    try:
        Manifest.from_bytes(manifest.to_bytes())
    except CatalogError as exc:
        raise PublishError("publish.laptops_would_refuse", reason=exc) from None


def index_current(previous: Manifest, wanted: bool) -> bool:
    """Whether the previous catalog's shipped index (or its absence) is still what is wanted."""
    if not wanted:
        return previous.search_index is None
    from resources_index.search.schema import SCHEMA_VERSION

    return previous.search_index is not None and previous.search_index_schema == SCHEMA_VERSION


def with_search_index(
    manifest: Manifest, sources: dict[str, Path | bytes], scratch: Path
) -> Manifest:
    """Build the catalog's search index now, so laptops adopt it instead of indexing."""
    from resources_index.search.archive import pack
    from resources_index.search.index import build_index
    from resources_index.search.schema import SCHEMA_VERSION

    def load_text(resource: Resource) -> list[dict[str, Any]]:
        entry = resource.file("text")
        data = sources.get(entry.sha256) if entry else None
        return json.loads(data)["segments"] if isinstance(data, bytes) else []

    build_index(manifest, load_text, scratch / "index")
    archive = scratch / "search-index.tar"
    pack(scratch / "index", archive)
    sha, size = sha256_file(archive)
    entry = FileEntry("index", archive.name, sha, size, limits.INDEX_MEDIA_TYPE)
    sources[sha] = archive
    return dataclasses.replace(
        manifest, search_index=entry, search_index_schema=SCHEMA_VERSION, by_id={}
    )


def stage(
    staging: Path,
    out: Path,
    manifest: Manifest,
    sources: dict[str, Path | bytes],
    report: PublishReport,
) -> None:
    store = ObjectStore(staging)
    staging.mkdir(parents=True)
    for entry in manifest.objects():
        existing = out / object_relpath(entry.sha256)
        target = store.path(entry.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if existing.is_file() and existing.stat().st_size == entry.size:
            if _has_bytes(existing, entry):
                try:
                    os.link(existing, target)
                except OSError:
                    shutil.copy2(existing, target)
                report.objects_reused += 1
                continue
            report.objects_repaired += 1  # same size, other bytes: written again from the source
        origin = sources[entry.sha256]
        if isinstance(origin, bytes):
            target.write_bytes(origin)
        else:
            with origin.open("rb") as handle:
                try:
                    store.add_stream(handle, entry.sha256, entry.size, entry.name)
                except ResourcesError:
                    raise PublishError("publish.changed_meanwhile", path=origin) from None
        report.objects_written += 1
    remove_tree(store.tmp_dir)


def _has_bytes(path: Path, entry: FileEntry) -> bool:
    """Whether ``path`` holds exactly ``entry``'s bytes: an object damaged or replaced in OUT
    (same size, other bytes) is never linked into a new catalog, or every laptop would
    refuse it after downloading it."""
    try:
        return sha256_file(path) == (entry.sha256, entry.size)
    except OSError:
        return False


def repair_objects(
    out: Path, manifest: Manifest, sources: dict[str, Path | bytes], report: PublishReport
) -> None:
    """Write again, from the source folder, each object of the published catalog that is
    missing, damaged or altered in ``out`` (each replaced atomically); one the folder no
    longer has (the built search index) is left as it is."""
    for entry in manifest.objects():
        path = out / object_relpath(entry.sha256)
        origin = sources.get(entry.sha256)
        if origin is None or (path.is_file() and _has_bytes(path, entry)):
            continue
        data = origin if isinstance(origin, bytes) else origin.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PublishError("publish.changed_meanwhile", path=origin)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        report.objects_repaired += 1


def fsync_tree(root: Path) -> None:
    for folder, _, names in os.walk(root):
        for name in names:
            fd = os.open(Path(folder) / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(folder))


def write_signed(
    staging: Path, out: Path, manifest: Manifest, private_key: "Ed25519PrivateKey"
) -> None:
    """Write the signed catalog into ``staging`` (see ``write_signed_bytes``)."""
    identity = (manifest.catalog_id, manifest.version, manifest.created, manifest.expires)
    write_signed_bytes(staging, out, manifest.to_bytes(), identity, private_key)


def write_signed_bytes(
    staging: Path,
    out: Path,
    manifest_bytes: bytes,
    identity: tuple[str, int, datetime, datetime],
    private_key: "Ed25519PrivateKey",
) -> None:
    """Write the signed catalog into ``staging``: ``catalog.json`` whole, as every laptop
    reads it, and the same manifest as ``catalog-index.json`` and its parts, from which a
    laptop fetches only what changed. Parts ``out`` already has are linked, not packed again,
    so a part's stored bytes never change on the server. ``identity`` is the manifest's
    catalog id, version, creation and expiry, which the index repeats."""
    signature = private_key.sign(manifest_bytes)
    index, files = make_index(manifest_bytes, signature, identity)
    _write_parts(staging, out, files)
    (staging / INDEX_FILE).write_bytes(seal(index.to_bytes(), private_key))
    signer = key_id(private_key.public_key())
    (staging / CATALOG_FILE).write_bytes(envelope_bytes(signer, signature, manifest_bytes))
    for name in (CATALOG_FILE, INDEX_FILE):
        later_than_before(staging / name, out / name)


def _write_parts(staging: Path, out: Path, files: dict[str, bytes]) -> None:
    """The pages and parts, each packed, named by the SHA-256 of its bytes. One ``out``
    already holds is linked when it is exactly that part, packed; one damaged or altered
    there is packed again (``staging`` may be ``out`` itself: it is then replaced)."""
    (staging / PARTS_FOLDER).mkdir(exist_ok=True)
    for sha, data in files.items():
        ref = PartRef(sha, len(data))
        target, existing = staging / ref.path, out / ref.path
        if _holds(target, ref):
            continue
        if target != existing and _holds(existing, ref):
            with contextlib.suppress(OSError):
                os.link(existing, target)
                continue
        write_atomic(target, pack(data))


def _holds(path: Path, ref: PartRef) -> bool:
    """Whether ``path`` is ``ref`` packed, checked by unpacking and hashing it."""
    try:
        if path.stat().st_size > packed_limit(ref):
            return False
        return is_packed(path.read_bytes(), ref)
    except OSError:
        return False


def _parts_intact(out: Path, manifest_bytes: bytes, public: bytes) -> bool:
    """Whether ``out``'s index is of this manifest and every page and part it names is there,
    whole and unaltered."""
    key = parse_public_key(public, "the publishing key")
    try:
        data, _ = open_envelope((out / INDEX_FILE).read_bytes(), {key.key_id: key})
        index = CatalogIndex.from_bytes(data)
        if index.manifest_sha256 != hashlib.sha256(manifest_bytes).hexdigest():
            return False
        pages = {ref.sha256: _intact(out, ref) for ref in index.page_refs()}
        parts = {ref.sha256: _intact(out, ref) for ref in part_refs(index.pieces(pages))}
        index.assemble(index.pieces(pages), parts)
    except (OSError, CatalogError):
        return False
    return True


def _intact(out: Path, ref: PartRef) -> bytes:
    if not _holds(out / ref.path, ref):
        raise CatalogError("parts.damaged", name=ref.sha256[:12])
    return unpack((out / ref.path).read_bytes(), ref)


def add_index(out: Path, private_key: "Ed25519PrivateKey") -> bool:
    """Give a catalog whose content has not changed since it was published its index and
    parts in place (parts first, the index last and atomically): one published by an earlier
    version, so laptops of this version fetch small changes from the next publish on, or one
    whose index or parts were damaged or altered in OUT since. Its catalog.json is left as it
    is: the same key signs the same bytes with the same signature. Whether it wrote them."""
    public = public_pem(private_key.public_key())
    manifest = read_previous(out, public)
    if manifest is None:
        return False
    manifest_bytes = manifest.to_bytes()
    if (out / INDEX_FILE).exists() and _parts_intact(out, manifest_bytes, public):
        return False
    identity = (manifest.catalog_id, manifest.version, manifest.created, manifest.expires)
    try:
        index, files = make_index(manifest_bytes, private_key.sign(manifest_bytes), identity)
        index.assemble(index.pieces(files), files)
    except (ValueError, CatalogError):
        return False  # a manifest this version would not write alike: the next publish adds one
    _write_parts(out, out, files)
    fsync_tree(out / PARTS_FOLDER)
    write_atomic(out / INDEX_FILE, seal(index.to_bytes(), private_key))
    return True
