"""``sop-resources export-bundle``: the current library as a folder for a USB drive or a share.

The folder has exactly the layout of a published catalog (``catalog.json`` + ``objects/``), so
``import-bundle`` on another laptop checks it like anything else: the statewide signature and
every hash. Objects are re-verified while copied, written before the catalog, and the catalog is
renamed in last; exporting again into the same folder copies only what is new and removes what
the catalog no longer names.
"""

from dataclasses import dataclass, field
from pathlib import Path

from resources_index.errors import CancelledError, LibraryError, ObjectError, reason_of
from resources_index.library import trust
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.library.store import ObjectStore
from resources_index.util.fsutil import remove_tree, write_atomic
from resources_index.util.progress import Cancel, Progress, never, no_progress


@dataclass
class ExportReport:
    """How much went to the bundle, and which files were left out because they are not local."""

    folder: Path
    version: int
    objects_copied: int = 0
    bytes_copied: int = 0
    not_local: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (
            f"Exported catalog version {self.version} to {self.folder}:"
            f" {self.objects_copied} files ({self.bytes_copied:,} bytes) copied."
        )
        if self.not_local:
            line += (
                f" {len(self.not_local)} large files are not on this laptop and were left out;"
                " they will download when opened."
            )
        return line


def export_bundle(
    library: Library,
    out: Path,
    progress: Progress = no_progress,
    cancel: Cancel = never,
) -> ExportReport:
    """Write the library's signed catalog and its local objects to ``out``."""
    manifest = library.current()
    if manifest is None:
        raise LibraryError("bundle.no_catalog", root=library.root)
    if library.state.get("key_id") == trust.starter_key().key_id:
        raise LibraryError("bundle.starter_only")
    if out.exists() and any(out.iterdir()) and not (out / CATALOG_FILE).is_file():
        raise LibraryError("bundle.folder_not_empty", out=out)
    target = ObjectStore(out)
    report = ExportReport(out, manifest.version)
    plan = []
    for entry in manifest.objects():
        if target.has(entry.sha256, entry.size):
            continue
        if not library.store.has(entry.sha256, entry.size):
            report.not_local.append(entry.name)
            continue
        plan.append(entry)
    total, done = sum(e.size for e in plan), 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        progress(done, total)

    try:
        out.mkdir(parents=True, exist_ok=True)
        for entry in sorted(plan, key=lambda e: e.size):
            if cancel():
                raise CancelledError("cancel.bundle_export")
            with library.store.path(entry.sha256).open("rb") as source:
                try:
                    target.add_stream(source, entry.sha256, entry.size, entry.name, advance)
                except ObjectError as exc:
                    raise ObjectError("bundle.copy_damaged", reason=exc) from None
            report.objects_copied += 1
            report.bytes_copied += entry.size
        write_atomic(out / CATALOG_FILE, library.catalog_path.read_bytes())
        target.remove_unreferenced(e.sha256 for e in manifest.objects())
    except OSError as exc:
        raise LibraryError("bundle.not_written", out=out, reason=reason_of(exc)) from None
    finally:
        remove_tree(target.tmp_dir)
    return report
