"""Which objects a sync fetches now and which it leaves for later: the download policy, the
files kept offline, the storage cap, and whether the shipped search index is needed."""

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import FileEntry
from resources_index.library.library import Library


def plan(
    library: Library, manifest: Manifest, auto_download_bytes: int | None
) -> tuple[list[FileEntry], list[FileEntry]]:
    """Objects to fetch now (small first) and opened files left for later by the policy."""
    store = library.store
    kept_ids = library.state.kept_offline()
    kept = {
        entry.sha256
        for r in manifest.resources
        if r.id in kept_ids
        for entry in r.files
        if entry.role in limits.OPENED_ROLES
    }
    limit = auto_download_bytes
    wanted, deferred = [], []
    for entry in manifest.objects():
        if store.has(entry.sha256, entry.size):
            continue
        if entry.role == "index":
            if _index_usable(library):
                continue
        elif (
            entry.role in limits.OPENED_ROLES
            and limit is not None
            and entry.size > limit
            and entry.sha256 not in kept
        ):
            deferred.append(entry)
            continue
        wanted.append(entry)
    wanted.sort(key=lambda e: (e.role == "index", e.size))
    return _within_cap(library, wanted, deferred)


def _within_cap(
    library: Library, wanted: list[FileEntry], deferred: list[FileEntry]
) -> tuple[list[FileEntry], list[FileEntry]]:
    """Keep the files people open within the policy's storage cap (smallest first); text,
    captions and the index always come, so everything stays searchable."""
    cap_mb = library.policy.storage_cap_mb
    if not cap_mb:
        return wanted, deferred
    budget = cap_mb * 1024 * 1024 - library.store.bytes_used()
    kept = []
    for entry in wanted:
        if entry.role not in limits.OPENED_ROLES:
            kept.append(entry)
            budget -= entry.size
    for entry in wanted:
        if entry.role in limits.OPENED_ROLES:
            if entry.size <= budget:
                kept.append(entry)
                budget -= entry.size
            else:
                deferred.append(entry)
    kept.sort(key=lambda e: (e.role == "index", e.size))
    return kept, deferred


def _index_usable(library: Library) -> bool:
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(library)
    try:
        return not search.index.needs_rebuild()
    finally:
        search.close()
