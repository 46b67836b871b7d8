"""The full-text index over the library, on disk with Whoosh: its life cycle and its cache.

The index is derived data: it is updated in place for the resources that changed, and rebuilt
beside the old one (then swapped in) when it is missing, from an older schema, or damaged. A
searcher keeps answering from the last committed index while an update runs in another thread.
How a query is answered is ``answering.py``'s business; this module owns the files.
"""

import contextlib
import gc
import json
import logging
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

from filelock import FileLock
from whoosh import index
from whoosh.searching import Searcher

from resources_index.catalog.glossary import BUILT_IN, Glossary
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import Resource
from resources_index.errors import IndexArchiveError
from resources_index.search.answering import Answerer
from resources_index.search.archive import STAMP_FILE, read_stamp, unpack
from resources_index.search.index_opening import INDEX_DAMAGE, count_documents
from resources_index.search.index_writer import FastSegmentWriter
from resources_index.search.kept_arrays import store_arrays
from resources_index.search.query import parse
from resources_index.search.results import IndexChange, SearchResults
from resources_index.search.schema import (
    SCHEMA_VERSION,
    Segments,
    TextLoader,
    build_schema,
    document_for,
    resource_rev,
)
from resources_index.search.scoring import FastBM25F, LengthTable
from resources_index.search.segment_building import SegmentBuilder
from resources_index.search.translating import Translator
from resources_index.search.translation_groups import translation_groups
from resources_index.search.vector_search import VectorSearcher
from resources_index.util import fsutil
from resources_index.util.progress import Progress, no_progress

RESULTS_CACHE = 256
PROGRESS_EVERY = 100  # resources indexed between two reports of a rebuild
BUILDING, ADOPTING = ".building", ".adopting"  # filled beside the index, then swapped in
STAGING = (BUILDING, ADOPTING)

log = logging.getLogger(__name__)


class SearchIndex:
    """An on-disk Whoosh index in ``folder`` with one shared, refreshable searcher."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: index.Index | None = None
        self._searcher: Searcher | None = None
        self._read_lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._programs_lock = FileLock(
            str(folder.with_name(folder.name + ".lock")), thread_local=False
        )
        self._answerer: Answerer | None = None
        self._translator = Translator(BUILT_IN)
        self._results_cache: OrderedDict[tuple[Any, ...], SearchResults] = OrderedDict()
        self._lengths = LengthTable()
        self._translations: dict[str, int] = {}

    # -- keeping the index in step with the library -------------------------------------------

    def _stamp(self) -> dict[str, Any]:
        return read_stamp(self.folder)

    def _write_stamp(self, folder: Path, manifest_sha: str, count: int) -> None:
        stamp = {"schema": SCHEMA_VERSION, "manifest_sha256": manifest_sha, "documents": count}
        fsutil.write_atomic(folder / STAMP_FILE, json.dumps(stamp).encode())

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time, in this program (threads) and across programs (the window and
        a command-line search may find the index missing at the same moment): the others wait,
        then find it built."""
        with self._write_lock, self._programs_lock:
            for leftover in STAGING:  # a writer killed, or failed on a full disk, left it
                fsutil.remove_tree(self.folder.with_name(self.folder.name + leftover))
            yield

    def ensure(
        self,
        manifest: Manifest,
        manifest_sha: str,
        load_text: TextLoader,
        progress: Progress = no_progress,
    ) -> IndexChange:
        """Bring the index up to date with ``manifest``: nothing, an update, or a rebuild
        (which reports ``progress(resources done, total)``)."""
        self._follow_translations(manifest)
        if self._stamp().get("manifest_sha256") == manifest_sha and not self.needs_rebuild():
            return IndexChange()  # read as it is: no lock taken, nothing written
        with self._writing():  # OSError where it cannot be written (``LibrarySearch``)
            stamp = self._stamp()
            if stamp.get("schema") != SCHEMA_VERSION or not self._open():
                return self._rebuild(manifest, manifest_sha, load_text, progress)
            if stamp.get("manifest_sha256") == manifest_sha:
                return IndexChange()
            try:
                return self._update(manifest, manifest_sha, load_text)
            except Exception:  # a damaged index (a kill in commit): rebuild from the library
                return self._rebuild(manifest, manifest_sha, load_text)

    def _open(self) -> bool:
        if self._index is not None:
            return True
        opened = False
        with warnings.catch_warnings():
            # Whoosh leaves a file open when a damaged table of contents makes it fail.
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                self._index = index.open_dir(str(self.folder))
                with self._index.searcher() as probe:
                    probe.doc_count()
                opened = True
            except Exception:
                self._index = None
                gc.collect()  # close what the failed open left behind
        if opened:
            self._refresh()
        return opened

    def apply(
        self,
        manifest: Manifest,
        manifest_sha: str,
        changed: Sequence[str],
        removed: Sequence[str],
        load_text: TextLoader,
    ) -> IndexChange:
        """Update just the resources a sync or import says changed (no scan of the index)."""
        self._follow_translations(manifest)
        with self._writing():
            if self._stamp().get("schema") != SCHEMA_VERSION or not self._open():
                return self._rebuild(manifest, manifest_sha, load_text)
            try:
                resources = [manifest.by_id[rid] for rid in changed if rid in manifest.by_id]
                count = self._write(manifest, manifest_sha, resources, list(removed), load_text)
            except Exception:
                return self._rebuild(manifest, manifest_sha, load_text)
            return IndexChange(updated=count, removed=len(removed))

    def _update(self, manifest: Manifest, manifest_sha: str, load_text: TextLoader) -> IndexChange:
        assert self._index is not None
        with self._index.searcher() as searcher:
            indexed = {f["id"]: f["rev"] for f in searcher.all_stored_fields()}
        wanted = {r.id: r for r in manifest.resources}
        removed = [rid for rid in indexed if rid not in wanted]
        changed = [r for rid, r in wanted.items() if indexed.get(rid) != resource_rev(r)]
        self._write(manifest, manifest_sha, changed, removed, load_text)
        added = sum(1 for r in changed if r.id not in indexed)
        return IndexChange(added, len(changed) - added, len(removed))

    def _write(
        self,
        manifest: Manifest,
        manifest_sha: str,
        changed: Sequence[Resource],
        removed: Sequence[str],
        load_text: TextLoader,
    ) -> int:
        assert self._index is not None
        writer = FastSegmentWriter(self._index, limitmb=128)
        try:
            for rid in removed:
                writer.delete_by_term("id", rid)
            for resource in changed:
                writer.update_document(**document_for(resource, load_text(resource)))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        store_arrays(self.folder)
        self._write_stamp(self.folder, manifest_sha, len(manifest.resources))
        self._refresh()
        return len(changed)

    def _rebuild(
        self,
        manifest: Manifest,
        manifest_sha: str,
        load_text: TextLoader,
        progress: Progress = no_progress,
    ) -> IndexChange:
        staging = self.folder.with_name(self.folder.name + BUILDING)
        fsutil.remove_tree_checked(staging)
        staging.mkdir(parents=True)
        fresh = index.create_in(str(staging), build_schema())
        writer, total = SegmentBuilder(fresh), len(manifest.resources)
        try:
            try:
                for number, resource in enumerate(manifest.resources, start=1):
                    writer.add_document(**document_for(resource, load_text(resource)))
                    if number % PROGRESS_EVERY == 0:
                        progress(number, total)
                writer.commit()
            except BaseException:
                writer.cancel()  # its files closed before their folder goes
                raise
            fresh.close()
            store_arrays(staging, writer.kept if writer.kept.complete else None)
            progress(total, total)
            self._write_stamp(staging, manifest_sha, len(manifest.resources))
        except BaseException:
            fsutil.remove_tree(staging)  # a full disk's space back at once
            raise
        self._install(staging)
        return IndexChange(added=len(manifest.resources), rebuilt=True)

    def _install(self, staging: Path) -> None:
        """Swap a complete index folder in place of the current one, and open it; where Windows
        refuses past the wait (another program reads it), reopen the current one and raise."""
        with self._read_lock:
            self._close()
            try:
                fsutil.swap_in(staging, self.folder)
            except BaseException:
                fsutil.remove_tree(staging)
                self._open()
                raise
            self._index = index.open_dir(str(self.folder))
            self._refresh()

    def needs_rebuild(self) -> bool:
        """True when there is no usable index (missing, another schema, or damaged)."""
        with self._write_lock:
            return self._stamp().get("schema") != SCHEMA_VERSION or not self._open()

    def adopt(self, archive: Path, manifest: Manifest, manifest_sha: str) -> IndexChange:
        """Install an index built at publish time (a verified tar from the catalog), unless
        another program installed it meanwhile."""
        self._follow_translations(manifest)
        with self._writing():
            stamp = self._stamp()
            current = stamp.get("schema") == SCHEMA_VERSION and stamp.get("manifest_sha256")
            if current == manifest_sha and self._open():
                return IndexChange()
            staging = self.folder.with_name(self.folder.name + ADOPTING)
            fsutil.remove_tree_checked(staging)
            staging.mkdir(parents=True)
            try:
                unpack(archive, staging)
                count = count_documents(staging)
                store_arrays(staging)  # an index shipped without them
                if count != len(manifest.resources):
                    raise IndexArchiveError(
                        "index.wrong_count", count=count, expected=len(manifest.resources)
                    )
                self._write_stamp(staging, manifest_sha, count)
                self._install(staging)
            except BaseException:
                fsutil.remove_tree(staging)
                raise
            return IndexChange(added=count, rebuilt=True, adopted=True)

    def _refresh(self) -> None:
        with self._read_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._lengths = LengthTable()
            self._searcher = (
                self._index.searcher(weighting=FastBM25F(self._lengths)) if self._index else None
            )
            self._answerer = (
                Answerer(
                    self._searcher,
                    VectorSearcher(self._searcher, self._lengths, self.folder),
                    self._translator,
                )
                if self._searcher
                else None
            )
            if self._answerer is not None:
                self._answerer.facets.fold(self._translations)
            self._results_cache.clear()

    def _follow_translations(self, manifest: Manifest) -> None:
        """Count a resource and its translations as one row (as the list shows them) in
        facet counts, for the catalog ``manifest``."""
        groups = translation_groups(manifest)
        with self._read_lock:
            if groups != self._translations:
                self._translations = groups
                if self._answerer is not None:
                    self._answerer.facets.fold(groups)
                self._results_cache.clear()

    def use_glossary(self, glossary: Glossary) -> None:
        """Search the other language through ``glossary`` (the program's and the catalog's
        terms) from now on."""
        with self._read_lock:
            self._translator = Translator(glossary)
            if self._answerer is not None:
                self._answerer.translator = self._translator
            self._results_cache.clear()

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
            self._answerer = None
        if self._index is not None:
            self._index.close()
            self._index = None

    def close(self) -> None:
        with self._read_lock:
            self._close()

    def forget_results(self) -> None:
        """Drop cached results only: what was read to answer them stays."""
        with self._read_lock:
            self._results_cache.clear()

    def forget_answers(self) -> None:
        """Drop cached results, prefix expansions and decoded postings, as a new session
        would find them."""
        with self._read_lock:
            self._results_cache.clear()
            if self._answerer is not None:
                self._answerer.forget_expansions()

    def is_open(self) -> bool:
        return self._searcher is not None

    def document_count(self) -> int:
        with self._read_lock:
            return self._searcher.doc_count() if self._searcher else 0

    # -- answering queries -----------------------------------------------------------------------

    def search(
        self,
        text: str,
        load_text: Callable[[str], Segments],
        filters: dict[str, Sequence[str]] | None = None,
        limit: int = 20,
        as_you_type: bool = False,
        facets: bool = False,
        quick: bool = True,
        within: Sequence[str] | None = None,
        skip: Collection[str] = (),
    ) -> SearchResults:
        """Run a query; ``load_text(id)`` gives a hit's segments for its snippet.

        With ``as_you_type`` the last word is a prefix and, if ``quick``, titles and labels
        answer first (see ``Answerer._quick``). With ``within``, only those resources answer;
        hits in ``skip`` (pages already shown) are left out (see ``Answerer.answer``).
        """
        chosen = tuple(sorted((k, tuple(sorted(v))) for k, v in (filters or {}).items() if v))
        scope = None if within is None else tuple(sorted(within))
        key = (text, as_you_type, limit, facets, quick, chosen, scope)
        with self._read_lock:
            if self._searcher is None:
                return SearchResults()
            with contextlib.suppress(*INDEX_DAMAGE):
                if not self._searcher.up_to_date():  # another process or instance committed
                    self._refresh()
            cached = None if skip else self._results_cache.get(key)
            if cached is not None:
                self._results_cache.move_to_end(key)
                return cached
            try:
                parsed = parse(text, as_you_type)
                assert self._answerer is not None
                results = self._answerer.answer(
                    parsed, load_text, filters, limit, facets, as_you_type and quick, scope, skip
                )
            except INDEX_DAMAGE as exc:
                # A damaged index must not break searching: answer nothing, rebuild on refresh.
                log.warning("The search index is damaged (%s); it will be rebuilt.", exc)
                fsutil.discard_file(self.folder / STAMP_FILE)
                self._close()
                return SearchResults()
            if skip:
                return results
            self._results_cache[key] = results
            if len(self._results_cache) > RESULTS_CACHE:
                self._results_cache.popitem(last=False)
            return results


def build_index(manifest: Manifest, load_text: TextLoader, folder: Path) -> None:
    """Build a complete index of ``manifest`` in an empty ``folder`` (used when publishing)."""
    SearchIndex(folder).ensure(manifest, "", load_text)
