"""What a library can say of itself: its status, and a check of every file against its hash."""

import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.records import FileEntry
from resources_index.catalog.times import format_time, utc_now
from resources_index.errors import LibraryError
from resources_index.library.folder import LibraryFolder
from resources_index.util.fsutil import tree_size
from resources_index.util.progress import Progress, no_progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """One damaged or missing file found by ``verify``."""

    resource_id: str
    title: str
    name: str
    kind: str

    def sentence(self) -> str:
        what = {
            "missing": "is missing",
            "size": "has the wrong size",
            "hash": "is damaged (its contents do not match)",
        }[self.kind]
        return f"{self.name!r} of {self.title!r} {what}."


class Reporter:
    """``status`` and ``verify`` of one library folder (when it was last verified is kept in
    the folder's state database)."""

    def __init__(self, folder: LibraryFolder) -> None:
        self.folder = folder

    def status(self) -> dict[str, Any]:
        """Facts for ``sop-resources status``: version, counts, offline availability, storage."""
        manifest = self.folder.current()
        if manifest is None:
            return {"data_dir": str(self.folder.root), "installed": False, "resources": 0}
        offline = [
            r for r in manifest.resources if self.folder.store.has(r.main.sha256, r.main.size)
        ]
        missing = [r for r in manifest.resources if r not in offline]
        return {
            "data_dir": str(self.folder.root),
            "installed": True,
            "catalog_id": manifest.catalog_id,
            "version": manifest.version,
            "created": format_time(manifest.created),
            "expires": format_time(manifest.expires),
            "expired": manifest.expires <= utc_now(),
            "resources": len(manifest.resources),
            "by_type": dict(Counter(r.type for r in manifest.resources).most_common()),
            "by_language": dict(Counter(r.language for r in manifest.resources).most_common()),
            "available_offline": len(offline),
            "not_downloaded": len(missing),
            "bytes_to_download": sum(r.main.size for r in missing),
            "storage_bytes": tree_size(self.folder.root),
            "last_verified": self.folder.state.get("verified_at"),
        }

    def verify(self, progress: Progress = no_progress) -> list[Problem]:
        """Re-hash every local object; return what is damaged or required-but-missing."""
        manifest = self.folder.current()
        if manifest is None:
            raise LibraryError("library.no_catalog_to_verify", root=self.folder.root)
        owners: dict[str, tuple[str, str, FileEntry]] = {}
        for resource in manifest.resources:
            for entry in resource.files:
                owners.setdefault(entry.sha256, (resource.id, resource.title, entry))
        if manifest.search_index is not None:
            entry = manifest.search_index
            owners.setdefault(entry.sha256, ("", "the search index", entry))
        for instrument in manifest.instruments:
            owners.setdefault(instrument.file.sha256, ("", instrument.id, instrument.file))
        total = sum(e.size for e in manifest.objects())
        done = 0
        problems = []
        for sha, (rid, title, entry) in owners.items():
            kind = self.folder.store.check(sha, entry.size)
            done += entry.size
            progress(done, total)
            if kind == "missing" and entry.role in limits.OPTIONAL_ROLES:
                continue  # not downloaded yet: that is the download policy, not damage
            if kind:
                problems.append(Problem(rid, title, entry.name, kind))
        if not problems:
            try:
                self.folder.state.set_many({"verified_at": format_time(utc_now())})
            except sqlite3.Error as exc:  # a full disk: the check itself still stands
                log.warning("verification time not recorded: %s", exc)
        return problems
