"""Search over a library: keeps the index in step with the catalog and loads hit passages.

This is the interface the command line and the GUI use; the engine behind it (Whoosh) is
confined to this package.
"""

import dataclasses
import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from resources_index.catalog import limits
from resources_index.catalog.glossary import BUILT_IN
from resources_index.catalog.language import detect_language
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from resources_index.search.index import SearchIndex
from resources_index.search.result_row import ResultRow
from resources_index.search.results import Hit, IndexChange, SearchResults
from resources_index.search.schema import SCHEMA_VERSION, Segments
from resources_index.util import safe_json
from resources_index.util.progress import Progress, no_progress

log = logging.getLogger(__name__)

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
            data = safe_json.read_file(self._path_for(key), limits.MAX_TEXT_OBJECT_BYTES)
        except (OSError, ValueError):
            data = {}
        found = data.get("segments") if isinstance(data, dict) else None
        segments = [s for s in found if isinstance(s, dict)] if isinstance(found, list) else []
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
        self._terms: tuple[tuple[str, str], ...] = ()

    def refresh(self, progress: Progress = no_progress) -> IndexChange:
        """Update (or build, or adopt) the index for the installed catalog.

        Cheap when nothing changed. With no usable index, a ready index shipped with the
        catalog is adopted rather than indexing every resource here; a build here reports
        ``progress(resources done, total)``.
        """
        manifest = self.library.current()
        if manifest is None:
            return IndexChange()
        self._follow_terms(manifest.terms)
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
        try:
            return self.index.ensure(manifest, sha, self.segments, progress)
        except OSError as exc:
            # A library on a read-only share, or an index folder this user cannot write: the
            # index there answers as it is (perhaps a catalog behind); only with none is
            # searching impossible.
            if self.index.needs_rebuild():
                raise
            log.warning("the search index could not be updated, searched as it is: %s", exc)
            return IndexChange()

    def apply(self, changed: Sequence[str], removed: Sequence[str]) -> IndexChange:
        """Update the index for resources a sync or import reports as changed or removed."""
        manifest = self.library.current()
        if manifest is None:
            return IndexChange()
        if self.index.needs_rebuild():
            return self.refresh()
        self._follow_terms(manifest.terms)
        sha = self.library.state.get("current_sha256") or ""
        return self.index.apply(manifest, sha, changed, removed, self.segments)

    def _follow_terms(self, terms: tuple[tuple[str, str], ...]) -> None:
        """Search through the catalog's own bilingual terms too, once per catalog that has
        new ones."""
        if terms != self._terms:
            self._terms = terms
            self.index.use_glossary(BUILT_IN.extended(terms))

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
        language: str | None = None,
    ) -> tuple[list[ResultRow], SearchResults]:
        """Search and join each hit with its resource (hits no longer in the catalog drop, and
        so does a translation of a resource found before it: the window and the command line
        offer it beside that one, as another door to the same result);
        with ``within``, only among those resources (a scope: favorites, what's new). The next
        page: ``limit`` grown by a page and the ids already shown in ``skip``. ``language``
        is the reader's: of a resource and its translation, the one in that language answers
        when the query's own words do not say which language they are in.

        A search for whole words (not as you type) that finds nothing is run again with the
        last word as a prefix, and says so (``as_prefix``): ``thr`` finds "three"."""
        if not self.index.is_open():
            self.refresh()
        rows, results = self._search(
            text, filters, limit, as_you_type, facets, quick, within, skip, language
        )
        if (
            not rows
            and not skip
            and not as_you_type
            and text.strip()
            and text.rstrip()[-1:].isalnum()
        ):
            rows, results = self._search(
                text, filters, limit, True, facets, False, within, (), language
            )
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
        language: str | None,
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
        if manifest is None:
            return [], results
        preferred = detect_language(text, minimum_hits=1) or language
        rows, folded = joined(results.hits, manifest, skip, preferred)
        return rows, dataclasses.replace(results, folded=folded)  # not the cached one

    def close(self) -> None:
        self.index.close()


def joined(
    hits: Sequence[Hit], manifest: Manifest, skip: Collection[str], language: str | None
) -> tuple[list[ResultRow], list[str]]:
    """Each hit with its resource; hits no longer in the catalog drop, and a resource and its
    translations are one row (the first found, or the one in ``language`` when both were
    found), with the others as its ``also``. Hits whose translation is in ``skip`` (a page
    shown before) drop too. Also returns the ids of the hits that were folded so."""
    by_id = {hit.id: hit for hit in hits}
    rows: list[ResultRow] = []
    folded: list[str] = []
    shown = set(skip)
    for hit in hits:
        resource = manifest.by_id.get(hit.id)
        if resource is None or resource.id in shown:
            continue
        if not shown.isdisjoint(resource.translations):
            folded.append(resource.id)
            continue
        if language and resource.language != language:
            for other_id in resource.translations:
                other = manifest.by_id.get(other_id)
                if other is not None and other.language == language and other_id in by_id:
                    folded.append(resource.id)
                    resource, hit = other, by_id[other_id]
                    break
        shown.add(resource.id)
        also = tuple(manifest.by_id[t] for t in resource.translations if t in manifest.by_id)
        passage = hit.passage
        rows.append(ResultRow(resource, hit.score, passage.html, passage.location, also))
    return rows, folded
