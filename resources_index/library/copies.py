"""Files handed out of the library: named copies for other programs, saved copies, releases.

The library's objects are never handed out themselves: a program that saves in place, or a
damaged file, must never alter or leave the library.
"""

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from resources_index.catalog import limits
from resources_index.catalog.records import FileEntry
from resources_index.errors import LibraryError, ObjectError, reason_of
from resources_index.library.folder import LibraryFolder
from resources_index.library.open_copies import OPEN_COPY_DAYS, open_copy_path, prune_open_copies
from resources_index.util.fsutil import atomic_writer, copy_hashing, remove_file
from resources_index.util.progress import Cancel, Progress, never, no_progress


class FileCopies:
    """Copies of one library folder's files under their own names, and releasing downloaded
    files. The copies are kept in the folder (``open/``), never in this object."""

    def __init__(self, folder: LibraryFolder) -> None:
        self.folder = folder

    def release_files(self, resource_ids: Iterable[str]) -> int:
        """Delete the local files people open (documents and their PDF renditions) that the
        download policy would not fetch itself (over the size limit and not kept offline);
        return the bytes freed."""
        manifest = self.folder.current()
        if manifest is None:
            return 0
        limit = self.folder.settings().auto_download_bytes
        kept = self.folder.state.kept_offline()
        still_wanted = {
            entry.sha256
            for rid in kept
            if rid in manifest.by_id
            for entry in manifest.by_id[rid].files
        }
        freed = 0
        for rid in resource_ids:
            resource = manifest.by_id.get(rid)
            for entry in resource.files if resource else ():
                if entry.role not in limits.OPENED_ROLES or entry.sha256 in still_wanted:
                    continue
                if limit is None or entry.size <= limit:
                    continue
                if self.folder.store.has(entry.sha256, entry.size):
                    remove_file(self.folder.store.path(entry.sha256))
                    freed += entry.size
        return freed

    def named_copy(
        self, entry: FileEntry, progress: Progress = no_progress, cancel: Cancel = never
    ) -> Path:
        """A read-only copy of the object under its own file name, for the system's programs
        (they go by the extension). A copy, not a link: a program that saves in place must
        never alter the library's object. Checked against its SHA-256 like a saved copy.
        Copies not opened for ``OPEN_COPY_DAYS`` are removed by ``prune_open_copies``."""
        target = open_copy_path(self.folder.root, entry.name, entry.sha256)
        if target.exists() and target.stat().st_size == entry.size:
            with contextlib.suppress(OSError):
                os.utime(target)  # opened again: kept for another OPEN_COPY_DAYS
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.chmod(0o644)
            remove_file(target)
        self._copy_checked(entry, target, progress, cancel, "object.damaged_not_opened")
        target.chmod(0o444)
        return target

    def save_copy(
        self,
        entry: FileEntry,
        target: Path,
        progress: Progress = no_progress,
        cancel: Cancel = never,
    ) -> Path:
        """Copy a file of the library to ``target`` (the desktop, a USB drive, to print or hand
        to a family), checked against its SHA-256 on the way: a damaged file is never handed
        out, and ``target`` is replaced only once the copy is complete."""
        if not self.folder.store.has(entry.sha256, entry.size):
            raise ObjectError("object.not_local", name=entry.name)
        self._copy_checked(entry, target, progress, cancel, "object.damaged_not_saved")
        return target

    def _copy_checked(
        self, entry: FileEntry, target: Path, progress: Progress, cancel: Cancel, damaged_kind: str
    ) -> None:
        copied = 0

        def advance(count: int) -> None:
            nonlocal copied
            copied += count
            progress(copied, entry.size)

        try:
            with (
                self.folder.store.path(entry.sha256).open("rb") as source,
                atomic_writer(target) as dest,
            ):
                sha, size = copy_hashing(source, dest, entry.size, advance, cancel)
                if (sha, size) != (entry.sha256, entry.size):
                    raise ObjectError(damaged_kind, name=entry.name)
        except OSError as exc:
            raise LibraryError("library.not_written", path=target, reason=reason_of(exc)) from None

    def prune_open_copies(self, max_age_days: float = OPEN_COPY_DAYS) -> int:
        """Remove stale named copies (see ``prune_open_copies``); return how many."""
        return prune_open_copies(self.folder.root, self.folder.current(), max_age_days)
