"""Search over a library: keeps the index in step with the catalog and loads hit passages.

This is the interface the command line and the GUI use; the engine behind it (Whoosh) is
confined to this package.
"""

import dataclasses
import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from resources_index.search.index import SearchIndex
from resources_index.search.result_row import ResultRow
from resources_index.search.results import IndexChange, SearchResults
from resources_index.search.schema import SCHEMA_VERSION, Segments
from resources_index.util.progress import Progress, no_progress

INDEX_DIR = "index"
TEXT_CACHE = 512


class TextCache:
    """Text objects read from disk and kept in a small LRU (hits repeat while a word grows)."""

    def __init__(self, path_for: Callable[[str], Path], size: int = TEXT_CACHE) -> None:
        self._path_for = path_for
        self._size = size
        self._items: OrderedDict[str, Segments] = OrderedDict()

    def get(self, key: str) -> Segments:
        cached = self._items.get(key)
        if cached is not None:
            self._items.move_to_end(key)
            return cached
        try:
            data = json.loads(self._path_for(key).read_bytes())
            segments = [s for s in data.get("segments", []) if isinstance(s, dict)]
        except (OSError, ValueError, AttributeError):
            segments = []
        self._items[key] = segments
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return segments


class LibrarySearch:
    """The library's search index, opened lazily and refreshed when the catalog changes."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.index = SearchIndex(library.root / INDEX_DIR)
        self._texts = TextCache(library.object_path)

    def refresh(self, progress: Progress = no_progress) -> IndexChange:
        """Update (or build, or adopt) the index for the installed catalog.

        Cheap when nothing changed. With no usable index, a ready index shipped with the
        catalog is adopted rather than indexing every resource here; a build here reports
        ``progress(resources done, total)``.
        """
        manifest = self.library.current()
        if manifest is None:
            return IndexChange()
        sha = (
            self.library.state.get("current_sha256")
            or hashlib.sha256(self.library.catalog_path.read_bytes()).hexdigest()
        )
        shipped = manifest.search_index
        if (
            shipped is not None
            and manifest.search_index_schema == SCHEMA_VERSION
            and self.library.store.has(shipped.sha256, shipped.size)
            and self.index.needs_rebuild()
        ):
            try:
                return self.index.adopt(self.library.object_path(shipped.sha256), manifest, sha)
            except Exception:  # tar, OS and Whoosh errors alike
                pass  # an unusable shipped index: build one here instead
        return self.index.ensure(manifest, sha, self.segments, progress)

    def apply(self, changed: Sequence[str], removed: Sequence[str]) -> IndexChange:
        """Update the index for resources a sync or import reports as changed or removed."""
        manifest = self.library.current()
        if manifest is None:
            return IndexChange()
        if self.index.needs_rebuild():
            return self.refresh()
        sha = self.library.state.get("current_sha256") or ""
        return self.index.apply(manifest, sha, changed, removed, self.segments)

    def segments(self, resource: Resource) -> Segments:
        """The resource's extracted text segments (empty when its text is not local)."""
        entry = resource.file("text")
        return self._texts.get(entry.sha256) if entry else []

    def _segments_by_id(self, rid: str) -> Segments:
        manifest = self.library.current()
        resource = manifest.by_id.get(rid) if manifest else None
        return self.segments(resource) if resource else []

    def search(
        self,
        text: str,
        filters: dict[str, Sequence[str]] | None = None,
        limit: int = 20,
        as_you_type: bool = False,
        facets: bool = False,
        quick: bool = True,
        within: Sequence[str] | None = None,
        skip: Collection[str] = (),
    ) -> tuple[list[ResultRow], SearchResults]:
        """Search and join each hit with its resource (hits no longer in the catalog drop);
        with ``within``, only among those resources (a scope: favorites, what's new). The next
        page: ``limit`` grown by a page and the ids already shown in ``skip``.

        A search for whole words (not as you type) that finds nothing is run again with the
        last word as a prefix, and says so (``as_prefix``): ``thr`` finds "three"."""
        if not self.index.is_open():
            self.refresh()
        rows, results = self._search(text, filters, limit, as_you_type, facets, quick, within, skip)
        if (
            not rows
            and not skip
            and not as_you_type
            and text.strip()
            and text.rstrip()[-1:].isalnum()
        ):
            rows, results = self._search(text, filters, limit, True, facets, False, within, ())
            results = dataclasses.replace(results, as_prefix=bool(rows))  # not the cached one
        return rows, results

    def _search(
        self,
        text: str,
        filters: dict[str, Sequence[str]] | None,
        limit: int,
        as_you_type: bool,
        facets: bool,
        quick: bool,
        within: Sequence[str] | None,
        skip: Collection[str],
    ) -> tuple[list[ResultRow], SearchResults]:
        results = self.index.search(
            text,
            self._segments_by_id,
            filters,
            limit,
            as_you_type=as_you_type,
            facets=facets,
            quick=quick,
            within=within,
            skip=skip,
        )
        manifest = self.library.current()
        rows = []
        for hit in results.hits:
            resource = manifest.by_id.get(hit.id) if manifest else None
            if resource is not None:
                rows.append(ResultRow(resource, hit.score, hit.passage.html, hit.passage.location))
        return rows, results

    def close(self) -> None:
        self.index.close()
