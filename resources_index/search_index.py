"""The full-text index over the library, built with Whoosh. The only module that imports whoosh.

The index is derived data: it is updated in place for the resources that changed, and rebuilt
beside the old one (then swapped in) when it is missing, from an older schema, or damaged. A
searcher keeps answering from the last committed index while an update runs in another thread.
"""

import contextlib
import gc
import hashlib
import json
import logging
import pickle
import re
import shutil
import struct
import tarfile
import threading
import warnings
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import analysis, collectors, index, query, scoring, searching
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.lang import stemmer_for_language
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from resources_index import vocabulary
from resources_index.catalog import Manifest, Resource, canonical_json
from resources_index.fsutil import write_atomic
from resources_index.language import detect_language
from resources_index.query import ParsedQuery, fold_same_length, parse
from resources_index.snippets import Passage, WordMatcher, best_passage

SCHEMA_VERSION = 2
STAMP_FILE = "indexed.json"
LANGUAGES = ("en", "es")
FACETS = vocabulary.FACETS
PREFIX_EXPANSION = 4
QUICK_BUDGET_SECONDS = 0.015
TYPING_BUDGET_SECONDS = 0.025
BODY_PREFIX_MIN = 4  # shorter prefixes complete titles, tools and tags only
PREFIX_SCAN = 400
FEW_RESULTS = 3

log = logging.getLogger(__name__)

#: What reading a damaged or half-written Whoosh index raises (Whoosh has no error hierarchy).
INDEX_DAMAGE = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    index.IndexError,
)

Segments = list[dict[str, Any]]
TextLoader = Callable[[Resource], Segments]


_MISSING = object()


class NormalizeFilter(analysis.Filter):
    """Lower case, stop words, accent folding and (optionally) stemming in one cached pass.

    Equivalent to chaining Whoosh's LowercaseFilter, StopFilter, CharsetFilter and StemFilter,
    but a word's result is computed once and remembered: catalogs repeat their words, so
    indexing runs several times faster. Positions are renumbered around stop words, as
    StopFilter does, so phrases match across them.
    """

    CACHE_LIMIT = 200_000

    def __init__(self, lang: str | None, stops: frozenset[str], minsize: int = 2) -> None:
        self.lang = lang
        self.stops = stops
        self.minsize = minsize
        self._cache: dict[str, str | None] = {}
        self._stem: Callable[[str], str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"lang": self.lang, "stops": self.stops, "minsize": self.minsize}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["lang"], state["stops"], state["minsize"])  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NormalizeFilter) and self.__getstate__() == other.__getstate__()

    def __hash__(self) -> int:
        return hash((self.lang, self.minsize))

    def normalize(self, word: str) -> str | None:
        lower = word.lower()
        if len(lower) < self.minsize or lower in self.stops:
            return None
        folded = fold_same_length(lower)
        if folded in self.stops:
            return None
        if self.lang is None:
            return folded
        if self._stem is None:
            self._stem = stemmer_for_language(self.lang)
        return str(self._stem(folded))

    def __call__(self, tokens: Iterable[Any]) -> Iterable[Any]:
        cache = self._cache
        pos = None
        for token in tokens:
            value = cache.get(token.text, _MISSING)
            if value is _MISSING:
                value = self.normalize(token.text)
                if len(cache) < self.CACHE_LIMIT:
                    cache[token.text] = value
            if value is None:
                continue
            token.text = value
            if token.positions:
                pos = token.pos if pos is None else pos + 1
                token.pos = pos
            yield token


def _analyzer(lang: str | None, stops: frozenset[str], minsize: int = 2) -> analysis.Analyzer:
    return analysis.RegexTokenizer() | NormalizeFilter(lang, stops, minsize)


_STOPS = {
    "en": frozenset(analysis.StopFilter(lang="en").stops),
    "es": frozenset(analysis.StopFilter(lang="es").stops),
}
ANALYZERS: dict[str, analysis.Analyzer] = {lang: _analyzer(lang, _STOPS[lang]) for lang in _STOPS}
PLAIN = _analyzer(None, frozenset(), minsize=1)
WORDS = _analyzer(None, _STOPS["en"] | _STOPS["es"], minsize=3)
EDGE = _analyzer(None, frozenset(), minsize=1) | analysis.NgramFilter(2, 20, at="start")


class _LengthTable:
    """Each segment's field lengths, decoded once into a list.

    BM25F looks up the length of the field for every posting it scores; Whoosh decodes it from
    a column each time, which is most of the cost of a query on a large library.
    """

    def __init__(self) -> None:
        self._tables: dict[tuple[int, str], list[int] | None] = {}

    def get(self, reader: Any, fieldname: str) -> list[int] | None:
        key = (id(reader), fieldname)
        if key not in self._tables:
            self._tables[key] = self._load(reader, fieldname)
        return self._tables[key]

    @staticmethod
    def _load(reader: Any, fieldname: str) -> list[int] | None:
        try:  # Whoosh internals: fall back to its own lookup if they change
            column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            return None if column is None else [byte_to_length(b) for b in column]
        except (AttributeError, KeyError, TypeError):
            return None


class _FastBM25F(scoring.BM25F):
    """BM25F with field lengths read from a ``_LengthTable``; same scores, several times faster."""

    def __init__(self, lengths: _LengthTable) -> None:
        super().__init__()
        self._lengths = lengths

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if hasattr(scorer, "dfl"):
            table = self._lengths.get(searcher.reader(), fieldname)
            if table is not None:
                scorer.dfl = table.__getitem__
        return scorer


def build_schema() -> Schema:
    fields: dict[str, Any] = {
        "id": ID(stored=True, unique=True),
        "rev": ID(stored=True),
        "meta": TEXT(analyzer=PLAIN, field_boost=2.0, phrase=False),
        "complete": TEXT(analyzer=EDGE, field_boost=1.5, phrase=False),
        "words": TEXT(analyzer=WORDS, phrase=False),
        "type": ID,
        "language": ID(stored=True),
        "publisher": ID,
        "practice_elements": KEYWORD(commas=True),
        "audiences": KEYWORD(commas=True),
    }
    for lang in LANGUAGES:
        fields[f"title_{lang}"] = TEXT(analyzer=ANALYZERS[lang], field_boost=3.0, phrase=True)
        fields[f"body_{lang}"] = TEXT(analyzer=ANALYZERS[lang], phrase=True)
    return Schema(**fields)


TEXT_FIELDS = tuple(f"{kind}_{lang}" for kind in ("title", "body") for lang in LANGUAGES)


def resource_rev(resource: Resource) -> str:
    """Changes whenever anything indexed about the resource changes."""
    return hashlib.sha256(canonical_json(resource.to_json())).hexdigest()[:20]


def _labels(resource: Resource) -> list[str]:
    return [
        vocabulary.label(resource.type, vocabulary.RESOURCE_TYPES),
        vocabulary.label(resource.publisher, vocabulary.PUBLISHERS) if resource.publisher else "",
        *(vocabulary.label(e, vocabulary.PRACTICE_ELEMENTS) for e in resource.practice_elements),
        *(vocabulary.label(a, vocabulary.AUDIENCES) for a in resource.audiences),
        *resource.tags,
    ]


def document_for(resource: Resource, segments: Segments) -> dict[str, Any]:
    """The Whoosh document of one resource; each segment goes to its own language's field."""
    lang = resource.language if resource.language in LANGUAGES else "en"
    bodies: dict[str, list[str]] = {code: [] for code in LANGUAGES}
    bodies[lang].append(resource.summary)
    for segment in segments:
        seg_lang = segment.get("language") or lang
        bodies[seg_lang if seg_lang in LANGUAGES else lang].append(str(segment.get("text", "")))
    labels = " ".join(_labels(resource))
    doc: dict[str, Any] = {
        "id": resource.id,
        "rev": resource_rev(resource),
        f"title_{lang}": resource.title,
        "meta": labels,
        "complete": f"{resource.title} {labels}",
        "words": f"{resource.title} {labels} {resource.summary}",
        "type": resource.type,
        "language": resource.language,
        "publisher": resource.publisher or "none",
        "practice_elements": ",".join(resource.practice_elements),
        "audiences": ",".join(resource.audiences),
    }
    for code, parts in bodies.items():
        if parts:
            doc[f"body_{code}"] = "\n".join(parts)
    return doc


@dataclass(frozen=True)
class Hit:
    """One result: the resource, its score, and the passage that matched."""

    id: str
    score: float
    passage: Passage


@dataclass
class SearchResults:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True
    partial: bool = False
    suggestion: str | None = None
    corrected: bool = False
    quick: bool = False  # a fast answer while typing; the search after a pause refines it
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexChange:
    """What an update touched, for logs and tests."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: bool = False
    adopted: bool = False


class SearchIndex:
    """An on-disk Whoosh index in ``folder`` with one shared, refreshable searcher."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: index.Index | None = None
        self._searcher: Searcher | None = None
        self._read_lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._prefix_cache: dict[tuple[str, str], list[str]] = {}
        self._facet_cache: dict[str, dict[str, frozenset[int]]] | None = None
        self._results_cache: OrderedDict[tuple[Any, ...], SearchResults] = OrderedDict()
        self._lengths = _LengthTable()

    # -- keeping the index in step with the library -------------------------------------------

    def _stamp(self) -> dict[str, Any]:
        try:
            return dict(json.loads((self.folder / STAMP_FILE).read_text()))
        except (OSError, ValueError, TypeError):
            return {}

    def _write_stamp(self, folder: Path, manifest_sha: str, count: int) -> None:
        stamp = {"schema": SCHEMA_VERSION, "manifest_sha256": manifest_sha, "documents": count}
        write_atomic(folder / STAMP_FILE, json.dumps(stamp).encode())

    def ensure(self, manifest: Manifest, manifest_sha: str, load_text: TextLoader) -> IndexChange:
        """Bring the index up to date with ``manifest``: nothing, an update, or a rebuild."""
        with self._write_lock:
            stamp = self._stamp()
            if stamp.get("schema") != SCHEMA_VERSION or not self._open():
                return self._rebuild(manifest, manifest_sha, load_text)
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
        with self._write_lock:
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
        writer = self._index.writer(limitmb=128)
        try:
            for rid in removed:
                writer.delete_by_term("id", rid)
            for resource in changed:
                writer.update_document(**document_for(resource, load_text(resource)))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._write_stamp(self.folder, manifest_sha, len(manifest.resources))
        self._refresh()
        return len(changed)

    def _rebuild(self, manifest: Manifest, manifest_sha: str, load_text: TextLoader) -> IndexChange:
        staging = self.folder.with_name(self.folder.name + ".building")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        fresh = index.create_in(str(staging), build_schema())
        writer = fresh.writer(limitmb=256)
        for resource in manifest.resources:
            writer.add_document(**document_for(resource, load_text(resource)))
        writer.commit()
        fresh.close()
        self._write_stamp(staging, manifest_sha, len(manifest.resources))
        self._install(staging)
        return IndexChange(added=len(manifest.resources), rebuilt=True)

    def _install(self, staging: Path) -> None:
        """Swap a complete index folder in place of the current one, and open it."""
        old = self.folder.with_name(self.folder.name + ".old")
        with self._read_lock:
            self._close()
            shutil.rmtree(old, ignore_errors=True)
            if self.folder.exists():
                self.folder.rename(old)
            staging.rename(self.folder)
            shutil.rmtree(old, ignore_errors=True)
            self._index = index.open_dir(str(self.folder))
            self._refresh()

    def needs_rebuild(self) -> bool:
        """True when there is no usable index (missing, another schema, or damaged)."""
        with self._write_lock:
            return self._stamp().get("schema") != SCHEMA_VERSION or not self._open()

    def adopt(self, archive: Path, manifest: Manifest, manifest_sha: str) -> IndexChange:
        """Install an index built at publish time (a verified tar from the catalog)."""
        with self._write_lock:
            staging = self.folder.with_name(self.folder.name + ".adopting")
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            try:
                _unpack(archive, staging)
                shipped = index.open_dir(str(staging))
                try:
                    with shipped.searcher() as probe:
                        count = probe.doc_count()
                finally:
                    shipped.close()
                if count != len(manifest.resources):
                    raise ValueError("the shipped index does not match the catalog")
                self._write_stamp(staging, manifest_sha, count)
                self._install(staging)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            return IndexChange(added=count, rebuilt=True, adopted=True)

    def _refresh(self) -> None:
        with self._read_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._lengths = _LengthTable()
            self._searcher = (
                self._index.searcher(weighting=_FastBM25F(self._lengths)) if self._index else None
            )
            self._prefix_cache.clear()
            self._results_cache.clear()
            self._facet_cache = None

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._index is not None:
            self._index.close()
            self._index = None

    def close(self) -> None:
        with self._read_lock:
            self._close()

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
    ) -> SearchResults:
        """Run a query; ``load_text(id)`` gives a hit's segments for its snippet.

        With ``as_you_type`` the last word is a prefix and, if ``quick``, titles and labels
        answer first (see ``_quick_search``).
        """
        chosen = tuple(sorted((k, tuple(sorted(v))) for k, v in (filters or {}).items() if v))
        key = (text, as_you_type, limit, facets, quick, chosen)
        with self._read_lock:
            if self._searcher is None:
                return SearchResults()
            with contextlib.suppress(*INDEX_DAMAGE):
                if not self._searcher.up_to_date():  # another process or instance committed
                    self._refresh()
            cached = self._results_cache.get(key)
            if cached is not None:
                self._results_cache.move_to_end(key)
                return cached
            try:
                parsed = parse(text, as_you_type)
                results = self._search(
                    parsed, load_text, filters, limit, facets, as_you_type and quick
                )
            except INDEX_DAMAGE as exc:
                # A damaged index must not break searching: answer nothing, rebuild on refresh.
                log.warning("The search index is damaged (%s); it will be rebuilt.", exc)
                (self.folder / STAMP_FILE).unlink(missing_ok=True)
                self._close()
                return SearchResults()
            self._results_cache[key] = results
            if len(self._results_cache) > 256:
                self._results_cache.popitem(last=False)
            return results

    def _search(
        self,
        parsed: ParsedQuery,
        load_text: Callable[[str], Segments],
        filters: dict[str, Sequence[str]] | None,
        limit: int,
        facets: bool,
        quick: bool = False,
    ) -> SearchResults:
        searcher = self._searcher
        assert searcher is not None
        restrict = _filter_query(filters)
        if parsed.empty:
            return SearchResults()
        if quick and not facets:
            answer = self._quick_search(parsed, load_text, restrict, limit)
            if answer is not None:
                return answer
        parts = self._parts(parsed)
        if not parts:
            return SearchResults()
        # While typing, no keystroke waits on a full pass over a large library: keep the best
        # found within the budget, and say so; the search after a pause is complete.
        budget = TYPING_BUDGET_SECONDS if quick else None
        used = query.And(parts)
        hits = self._run(used, limit, restrict, budget)
        outcome = SearchResults(quick=quick)
        if hits.scored_length() < FEW_RESULTS:
            corrected = self._correct(parsed)
            if corrected is not None:
                fixed_query = query.And(self._parts(corrected))
                fixed = self._run(fixed_query, limit, restrict, budget)
                if fixed.scored_length() > hits.scored_length():
                    outcome.suggestion = " ".join(corrected.all_terms())
                    if hits.scored_length() == 0:
                        hits, parsed, outcome.corrected = fixed, corrected, True
                        used = fixed_query
        if hits.scored_length() == 0 and len(parts) > 1:
            used = _any(parts)
            hits = self._run(used, limit, restrict, budget)
            outcome.partial = hits.scored_length() > 0
        if facets:
            matched = hits.docs()
            outcome.total = len(matched)
            # Each facet is counted as if its own filter were not set, so the other values of
            # a chosen facet stay offered (choices widen within a facet, narrow across them).
            unfiltered = matched if restrict is None else self._run(used, 1, None, None).docs()
            outcome.facets = self._facet_counts(unfiltered, filters or {})
        else:
            # Counting every match costs a second pass over the postings: estimate instead.
            outcome.total = max(hits.scored_length(), hits.estimated_min_length())
            outcome.total_exact = hits.scored_length() < limit
        self._fill(outcome, hits, parsed, load_text)
        return outcome

    def _fill(
        self,
        outcome: SearchResults,
        hits: Any,
        parsed: ParsedQuery,
        load_text: Callable[[str], Segments],
    ) -> None:
        """Rank the hits (query language first) and give each its best passage."""
        matcher = self._word_matcher(parsed)
        preferred = _query_language(parsed)
        ranked = sorted(
            (
                (_prefer(float(hit.score or 0.0), hit.get("language"), preferred), hit["id"])
                for hit in hits
            ),
            key=lambda pair: -pair[0],
        )
        for score, rid in ranked:
            outcome.hits.append(Hit(rid, score, best_passage(load_text(rid), matcher)))

    # -- query construction --------------------------------------------------------------------

    def _run(
        self, question: query.Query, limit: int, restrict: query.Query | None, budget: float | None
    ) -> Any:
        """Search; with a ``budget`` (seconds), stop there and keep the best found so far."""
        searcher = self._searcher
        assert searcher is not None
        if budget is None:
            return searcher.search(question, limit=limit, filter=restrict)
        collector = collectors.TimeLimitCollector(
            searcher.collector(limit=limit, filter=restrict), budget, use_alarm=False
        )
        with contextlib.suppress(searching.TimeLimit):
            searcher.search_with_collector(question, collector)
        return collector.results()

    def _quick_search(
        self,
        parsed: ParsedQuery,
        load_text: Callable[[str], Segments],
        restrict: query.Query | None,
        limit: int,
    ) -> SearchResults | None:
        """While typing: matches in titles, tools, tags and labels (as Kiwix suggests titles).

        Each word is one lookup in the edge n-gram field of titles and labels, so a word in
        half the library still costs one short posting list instead of a union over every
        field; a time budget bounds the rare worst case. When nothing matches there, the full
        search runs at once; otherwise the caller runs it (``quick=False``) when typing
        pauses, and its results replace these.
        """
        words = [w for w in parsed.words if not _is_stop_word(w)]
        words += [w for phrase in parsed.phrases for w in phrase if not _is_stop_word(w)]
        if parsed.prefix and len(parsed.prefix) >= 2:
            words.append(parsed.prefix)
        if not words or parsed.expansions:
            return None
        terms = [query.Term("complete", w[:20]) for w in dict.fromkeys(words)]
        if not all(self._present("complete", t.text) for t in terms):
            return None
        hits = self._run(query.And(terms), limit, restrict, QUICK_BUDGET_SECONDS)
        if hits.scored_length() == 0:
            return None
        outcome = SearchResults(total=hits.scored_length(), total_exact=False, quick=True)
        self._fill(outcome, hits, parsed, load_text)
        return outcome

    def _parts(self, parsed: ParsedQuery) -> list[query.Query]:
        if parsed.words and all(_is_stop_word(w) for w in parsed.words) and not parsed.prefix:
            return [_any([query.Term("meta", w) for w in parsed.words])]
        parts: list[query.Query] = []
        for word in parsed.words:
            part = self._word_query(word, parsed.expansions.get(word))
            if part is not None:
                parts.append(part)
        for phrase in parsed.phrases:
            parts.append(self._phrase_query(phrase))
        if parsed.prefix:
            part = self._prefix_query(parsed.prefix, parsed.expansions.get(parsed.prefix))
            if part is not None:
                parts.append(part)
        return parts

    def _word_query(self, word: str, expansion: str | None) -> query.Query | None:
        if _is_stop_word(word) and not expansion:
            return None  # "de", "the", "para": never required
        terms: list[query.Query] = []
        for name in (*TEXT_FIELDS, "meta"):
            analyzed = _analyze(name, word) if name != "meta" else [word]
            terms += [query.Term(name, t) for t in analyzed if self._present(name, t)]
        if expansion:
            terms.append(self._phrase_query(tuple(expansion.split())))
        return _any(terms) if terms else query.NullQuery

    def _present(self, fieldname: str, text: str) -> bool:
        """Whether any document has this term: absent alternatives only slow the matcher."""
        assert self._searcher is not None
        return bool(self._searcher.reader().doc_frequency(fieldname, text))

    def _phrase_query(self, words: tuple[str, ...]) -> query.Query:
        options: list[query.Query] = []
        for name in TEXT_FIELDS:
            tokens = [t for w in words for t in _analyze(name, w)]
            if len(tokens) > 1:
                options.append(query.Phrase(name, tokens))
            elif tokens:
                options.append(query.Term(name, tokens[0]))
        return _any(options) if options else query.NullQuery

    def _prefix_query(self, prefix: str, expansion: str | None) -> query.Query | None:
        options = [self._word_query(prefix, expansion) or query.NullQuery]
        if len(prefix) >= 2 and self._present("complete", prefix[:20]):
            options.append(query.Term("complete", prefix[:20]))
        if len(prefix) >= BODY_PREFIX_MIN:
            for name in ("body_en", "body_es"):
                options += [query.Term(name, t) for t in self._expand(name, prefix)]
        options = [o for o in options if o is not query.NullQuery]
        return _any(options) if options else None

    def _expand(self, fieldname: str, prefix: str) -> list[str]:
        """The commonest indexed words that start with ``prefix`` (bounded, cached).

        Bodies are stemmed, so a long prefix can run past its word's stem ("allegatio" ->
        "alleg"): indexed terms that the prefix itself starts with count too.
        """
        if len(prefix) < 3:
            return []
        key = (fieldname, prefix)
        if key not in self._prefix_cache:
            searcher = self._searcher
            assert searcher is not None
            reader = searcher.reader()
            candidates = []
            for count, term in enumerate(reader.expand_prefix(fieldname, prefix)):
                if count >= PREFIX_SCAN:
                    break
                text = term.decode() if isinstance(term, bytes) else term
                candidates.append((reader.doc_frequency(fieldname, text), text))
            candidates.sort(reverse=True)
            chosen = [t for _, t in candidates[:PREFIX_EXPANSION]]
            for end in range(len(prefix) - 1, BODY_PREFIX_MIN, -1):
                stem = prefix[:end]
                if reader.doc_frequency(fieldname, stem):
                    chosen.append(stem)
                    break
            self._prefix_cache[key] = chosen
        return self._prefix_cache[key]

    def _correct(self, parsed: ParsedQuery) -> ParsedQuery | None:
        """Replace words the library does not contain with the nearest ones it does."""
        searcher = self._searcher
        assert searcher is not None
        reader = searcher.reader()
        corrector = searcher.corrector("words")
        changed = False
        words = []
        for word in parsed.words:
            if word in parsed.expansions or _known(reader, word):
                words.append(word)
                continue
            maxdist = 2 if len(word) >= 6 else 1
            suggestions = corrector.suggest(word, limit=1, maxdist=maxdist, prefix=1)
            if suggestions:
                words.append(suggestions[0])
                changed = True
            else:
                words.append(word)
        prefix = parsed.prefix
        if prefix and len(prefix) >= 4 and not self._prefix_known(reader, prefix):
            maxdist = 2 if len(prefix) >= 6 else 1
            suggestions = corrector.suggest(prefix, limit=1, maxdist=maxdist, prefix=1)
            if suggestions:
                prefix, changed = suggestions[0], True
        return parsed.with_words(tuple(words), prefix) if changed else None

    def _prefix_known(self, reader: Any, prefix: str) -> bool:
        return any(True for _ in reader.expand_prefix("words", prefix))

    def _word_matcher(self, parsed: ParsedQuery) -> WordMatcher:
        """Decide, for each word of a passage, whether the query matched it."""
        wanted: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        plain: set[str] = set()
        words = [w for w in parsed.all_terms() if not _is_stop_word(w)]
        for expansion in parsed.expansions.values():
            words += expansion.split()
        for word in words:
            plain.add(word)
            for lang in LANGUAGES:
                wanted[lang].update(t.text for t in ANALYZERS[lang](word))
        prefix = parsed.prefix if parsed.prefix and len(parsed.prefix) >= 2 else None
        heads = {w[:3] for w in plain} | {w[:3] for lang in LANGUAGES for w in wanted[lang]}
        if prefix:
            heads.add(prefix[:3])
        heads = {h for h in heads if h}
        if not heads:
            return WordMatcher(None, lambda token, language: False)
        alternatives = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
        candidates = re.compile(rf"\b(?:{alternatives})\w*")

        decided: dict[str, bool] = {}

        def confirm(token: str, language: str | None) -> bool:
            known = decided.get(token)
            if known is None:
                known = bool(
                    token in plain
                    or (prefix and token.startswith(prefix))
                    or any(
                        t.text in wanted[lang] for lang in LANGUAGES for t in ANALYZERS[lang](token)
                    )
                )
                decided[token] = known
            return known

        return WordMatcher(candidates, confirm)

    def _facet_counts(
        self, docnums: Iterable[int], filters: dict[str, Sequence[str]]
    ) -> dict[str, dict[str, int]]:
        """Counts per facet value among ``docnums``, each facet restricted by the *other*
        facets' filters."""
        everything = set(docnums)
        if self._facet_cache is None:
            reader = self._searcher.reader()  # type: ignore[union-attr]
            self._facet_cache = {
                name: {
                    (t.decode() if isinstance(t, bytes) else t): frozenset(
                        reader.postings(name, t).all_ids()
                    )
                    for t in reader.field_terms(name)
                }
                for name in FACETS
            }
        chosen: dict[str, set[int]] = {}
        for name, picked in filters.items():
            if name in self._facet_cache and picked:
                chosen[name] = set().union(*(self._facet_cache[name].get(v, ()) for v in picked))
        counts = {}
        for name, values in self._facet_cache.items():
            matched = everything
            for other, docs in chosen.items():
                if other != name:
                    matched = matched & docs
            found = {value: len(matched & docs) for value, docs in values.items()}
            counts[name] = {k: v for k, v in sorted(found.items(), key=lambda kv: -kv[1]) if v}
        return counts


def _analyze(fieldname: str, word: str) -> list[str]:
    lang = fieldname.rsplit("_", 1)[-1]
    return [t.text for t in ANALYZERS[lang](word)]


OTHER_LANGUAGE_FACTOR = 0.9


def _any(subqueries: Sequence[query.Query]) -> query.Or:
    """An Or that intersects lazily: Whoosh would otherwise preload and score every posting
    of every alternative on indexes under 5,000 documents."""
    union = query.Or(list(subqueries))
    union.matcher_type = query.Or.DEFAULT_MATCHER
    return union


def _query_language(parsed: ParsedQuery) -> str | None:
    """English or Spanish when the query's own function words say so ("and", "de", "para")."""
    return detect_language(parsed.raw, minimum_hits=1)


def _prefer(score: float, language: str | None, preferred: str | None) -> float:
    """Rank resources in the query's language a little ahead of their translations."""
    if preferred is None or language == preferred:
        return score
    return score * OTHER_LANGUAGE_FACTOR


def _is_stop_word(word: str) -> bool:
    """A function word in English or Spanish (or a single letter)."""
    return any(not any(True for _ in ANALYZERS[lang](word)) for lang in LANGUAGES)


def _known(reader: Any, word: str) -> bool:
    if reader.doc_frequency("words", word):
        return True
    return any(reader.doc_frequency(name, t) for name in TEXT_FIELDS for t in _analyze(name, word))


def _filter_query(filters: dict[str, Sequence[str]] | None) -> query.Query | None:
    clauses = []
    for name, values in (filters or {}).items():
        if name in FACETS and values:
            clauses.append(_any([query.Term(name, v) for v in values]))
    return query.And(clauses) if clauses else None


def build_index(manifest: Manifest, load_text: TextLoader, folder: Path) -> None:
    """Build a complete index of ``manifest`` in an empty ``folder`` (used when publishing)."""
    SearchIndex(folder).ensure(manifest, "", load_text)


def pack(folder: Path, target: Path) -> None:
    """Write an index folder as a flat, reproducible tar (the catalog's ``search_index``)."""
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name != STAMP_FILE and "LOCK" not in path.name:
                info = archive.gettarinfo(str(path), arcname=path.name)
                info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
                with path.open("rb") as handle:
                    archive.addfile(info, handle)


def _unpack(archive: Path, folder: Path) -> None:
    """Extract a shipped index: regular files with plain names only, nothing else."""
    with tarfile.open(archive, "r:") as tar:
        for member in tar.getmembers():
            name = member.name
            if not member.isfile() or "/" in name or "\\" in name or name in ("", ".", ".."):
                raise ValueError(f"the shipped index holds an unexpected entry {name!r}")
            source = tar.extractfile(member)
            assert source is not None
            with source, (folder / name).open("wb") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
