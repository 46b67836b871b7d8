"""``sop-resources publish``: turn a folder of resources into a signed, static catalog.

Publishing is incremental and safe to interrupt: it compares the new content with the catalog
already in OUT and writes nothing when nothing changed; otherwise it builds the new catalog in a
folder beside OUT (hard-linking every object OUT already has) and swaps it in at the end.
"""

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import load_private_key, public_pem
from resources_index.catalog.times import utc_now
from resources_index.config import paths
from resources_index.errors import PublishError, ResourcesError, Words
from resources_index.library.library import CATALOG_FILE
from resources_index.publish.building import (
    Pending,
    build_resource,
    link_translations,
    pages_shown,
    stamp_dates,
)
from resources_index.publish.curated_kits import read_kits
from resources_index.publish.inference import next_version
from resources_index.publish.instrument_forms import changed_without_new_version, read_instruments
from resources_index.publish.metadata import SIDECAR_SUFFIX, Metadata, read_sidecar
from resources_index.publish.output import (
    add_index,
    check_as_laptops_will,
    fsync_tree,
    index_current,
    read_previous,
    repair_objects,
    stage,
    with_search_index,
    write_signed,
)
from resources_index.publish.renditions import Renderer, find_libreoffice
from resources_index.publish.report import PublishReport
from resources_index.publish.source_folder import SourceFolder
from resources_index.publish.terms import read_report_terms, read_terms
from resources_index.util.fsutil import remove_tree, remove_tree_checked, replace_file, swap_in

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = ["PublishReport", "next_version", "publish"]

DEFAULT_EXPIRY_DAYS = 365


def publish(
    source: Path,
    out: Path,
    key_path: Path,
    catalog_id: str = "sop-catalog",
    expires_days: int = DEFAULT_EXPIRY_DAYS,
    max_file_bytes: int = limits.MAX_OBJECT_BYTES,
    progress: Callable[[str], None] | None = None,
    search_index: bool = True,
    libreoffice: str | None = None,
    renditions: bool = True,
    boilerplate: Sequence[str] = (),
    clock: Callable[[], datetime] = utc_now,
) -> PublishReport:
    """Publish ``source`` into ``out``, signed with the private key at ``key_path``.

    Office documents get a PDF rendition made with LibreOffice (``libreoffice`` names the
    program; found on this machine when None); ``renditions=False`` publishes them alone.
    ``boilerplate`` names lines every document repeats (a footer, a notice): they stay on the
    pages but are left out of the text that search indexes and shows as passages. ``clock``
    tells the time of publishing (the version, the catalog's dates), read once."""
    source, out = source.resolve(), out.resolve()
    if not source.is_dir():
        raise PublishError("publish.not_folder", source=source)
    if out == source or out.is_relative_to(source) or source.is_relative_to(out):
        raise PublishError("publish.out_inside_source")
    if key_path.resolve().is_relative_to(out):
        raise PublishError("publish.key_inside_out")
    if not limits.ID_PATTERN.fullmatch(catalog_id):
        raise PublishError("publish.bad_catalog_id", id=catalog_id)
    private_key = load_private_key(key_path)
    staging, previous_dir = _beside(out, "publishing"), _beside(out, "previous")
    if not out.exists() and previous_dir.exists():
        replace_file(previous_dir, out)  # a swap was interrupted between its two renames
    _refuse_foreign_out(out)
    remove_tree_checked(staging)
    remove_tree_checked(previous_dir)

    publisher = SourceFolder(source, min(max_file_bytes, limits.MAX_OBJECT_BYTES), boilerplate)
    previous = read_previous(out, public_pem(private_key.public_key()))
    scratch = _beside(out, "index")  # renditions and the search index while they are made
    remove_tree_checked(scratch)
    renderer = None
    if renditions:
        program = find_libreoffice(libreoffice)
        if libreoffice and program is None:
            raise PublishError("publish.no_libreoffice", program=libreoffice)
        renderer = Renderer(program, scratch / "renditions", out, paths.rendition_cache_dir())
    try:
        return _publish(
            publisher,
            renderer,
            previous,
            out,
            private_key,
            catalog_id,
            expires_days,
            search_index,
            progress,
            clock(),
        )
    finally:
        remove_tree(scratch)


def nothing_found(publisher: SourceFolder) -> str:
    """The sentence for a folder that yields no resource: what it holds, and which kinds of
    files a catalog carries."""
    files, _ = publisher.scan()
    kinds = ", ".join(s for s in sorted(limits.MEDIA_TYPES) if s != ".vtt")
    if not files:
        found: Words = Words("publish.found_no_files")
    elif publisher.errors:
        found = Words("publish.found_none_publishable", count=len(files))
    else:
        first = publisher.rel(files[0])
        found = Words("publish.found_other_kinds", count=len(files), first=first)
    return str(Words("publish.nothing", source=publisher.source, found=found, kinds=kinds))


def _refuse_foreign_out(out: Path) -> None:
    """OUT is replaced whole at the end: it must be new, empty, or a catalog published before,
    never a folder of someone's files (a mistyped path would delete them)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise PublishError("publish.out_not_folder", out=out)
    if out.is_dir() and not (out / CATALOG_FILE).is_file() and any(out.iterdir()):
        raise PublishError("publish.out_not_catalog", out=out)


def _beside(out: Path, what: str) -> Path:
    """A working folder beside OUT (on the same disk, so the final swap is a rename)."""
    return out.with_name(f".{out.name}.{what}")


def _build_all(
    publisher: SourceFolder, renderer: Renderer | None, progress: Callable[[str], None] | None
) -> list[Pending]:
    """One resource per main file of the folder; a file that fails is reported and skipped."""
    files, csv_meta = publisher.scan()
    mains, attached = publisher.attachments(files)
    pending: list[Pending] = []
    seen: dict[str, str] = {}
    for path in mains:
        rel = publisher.rel(path)
        if progress:
            progress(rel)
        try:
            meta = csv_meta.get(path, Metadata())
            sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
            if sidecar.exists():
                side, warnings = read_sidecar(sidecar)
                publisher.warnings += warnings
                meta = meta.merged(side)
            item = build_resource(publisher, path, meta, attached.get(path, []), renderer)
        except ResourcesError as exc:
            publisher.errors.append(str(exc) if rel in str(exc) else f"{rel}: {exc}")
            continue
        if item.resource.id in seen:
            publisher.errors.append(
                f"{rel}: the id {item.resource.id!r} is already used by {seen[item.resource.id]};"
                " skipped."
            )
            continue
        seen[item.resource.id] = rel
        pending.append(item)
    publisher.warnings += renderer.warnings() if renderer else []
    return pending


def _publish(
    publisher: SourceFolder,
    renderer: Renderer | None,
    previous: Manifest | None,
    out: Path,
    private_key: "Ed25519PrivateKey",
    catalog_id: str,
    expires_days: int,
    search_index: bool,
    progress: Callable[[str], None] | None,
    now: datetime,
) -> PublishReport:
    pending = _build_all(publisher, renderer, progress)
    resources = sorted(
        stamp_dates(link_translations(pending, publisher.warnings), previous, now),
        key=lambda r: r.id,
    )
    pages = {p.resource.id: n for p in pending if (n := pages_shown(p)) is not None}
    kits = tuple(read_kits(publisher, {r.id: r for r in resources}, pages))
    terms = read_terms(publisher)
    report_terms = read_report_terms(publisher)
    found = read_instruments(
        publisher.source, {r.id for r in resources}, publisher.warnings, publisher.errors
    )
    instruments = tuple(found.entries)
    if previous is not None:
        publisher.warnings += changed_without_new_version(previous.instruments, instruments)
    report = PublishReport(out, previous.version if previous else 0, False, len(resources))
    report.instruments = len(instruments)
    report.warnings, report.errors = publisher.warnings, publisher.errors
    if not resources:  # an empty catalog would empty every laptop's library
        report.refused = nothing_found(publisher)
        return report
    sources: dict[str, Path | bytes] = dict(found.objects)
    for item in pending:
        sources.update(item.sources)
    if (
        previous is not None
        and previous.catalog_id == catalog_id
        and previous.resources == tuple(resources)
        and previous.kits == kits
        and previous.terms == terms
        and previous.report_terms == report_terms
        and previous.instruments == instruments
        and index_current(previous, search_index)
    ):
        repair_objects(out, previous, sources, report)
        report.parts_repaired = add_index(out, private_key)
        return report
    manifest = Manifest(
        catalog_id=catalog_id,
        version=next_version(previous.version if previous else 0, now),
        created=now,
        expires=now + timedelta(days=expires_days),
        resources=tuple(resources),
        kits=kits,
        terms=terms,
        report_terms=report_terms,
        instruments=instruments,
    )
    staging, previous_dir = _beside(out, "publishing"), _beside(out, "previous")
    if search_index:
        manifest = with_search_index(manifest, sources, _beside(out, "index") / "search")
    check_as_laptops_will(manifest)
    stage(staging, out, manifest, sources, report)
    write_signed(staging, out, manifest, private_key)
    fsync_tree(staging)
    swap_in(staging, out, previous_dir)  # Windows: waits for a web server to let go of OUT
    report.version, report.changed = manifest.version, True
    return report
