"""Queries answered with array operations: the same hits and scores as BM25F summed word by
word, on real Whoosh indexes (one segment, several with deletions), and stored posting arrays
that a damaged file cannot turn into a wrong answer."""

import dataclasses
import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index, query
from whoosh.searching import Searcher

from resources_index.search.analysis import phrase_terms
from resources_index.search.archive import pack
from resources_index.search.facets import FacetCounter
from resources_index.search.index import SearchIndex
from resources_index.search.posting_blocks import decode
from resources_index.search.posting_store import (
    FIELDS,
    MAGIC,
    MIN_DOCUMENTS,
    STORED_PHRASES,
    SUFFIX,
    StoredPostings,
    store_postings,
)
from resources_index.search.query import parse
from resources_index.search.query_building import QueryBuilder, filter_query, scope_query
from resources_index.search.schema import FACETS as FACET_NAMES
from resources_index.search.schema import TEXT_FIELDS, build_schema, document_for
from resources_index.search.scoring import FastBM25F, LengthTable
from resources_index.search.vector_search import VectorSearcher, count_together
from tests.helpers.synthetic import TYPED, WORDS, Generator, SyntheticCatalog

SIZE = 400
QUERIES = [*WORDS, *TYPED, "safety plan children", "zzzz", '"safety plan"', "sop", "sdm tool"]


@pytest.fixture(scope="module")
def catalog() -> SyntheticCatalog:
    return Generator(seed=11).catalog(SIZE)


def _documents(catalog: SyntheticCatalog, resources: Any) -> Iterator[dict[str, Any]]:
    for resource in resources:
        yield document_for(resource, catalog.segments[resource.id])


@pytest.fixture(scope="module")
def segmented(catalog: SyntheticCatalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index in three segments, some documents deleted and some replaced, as a laptop's
    becomes after a few syncs."""
    folder = tmp_path_factory.mktemp("segmented")
    ix = index.create_in(str(folder), build_schema())
    resources = list(catalog.manifest.resources)
    for part in (resources[:250], resources[250:]):
        writer = ix.writer()
        for document in _documents(catalog, part):
            writer.add_document(**document)
        writer.commit(merge=False)
    writer = ix.writer()
    for resource in resources[::7]:
        writer.delete_by_term("id", resource.id)
    for document in _documents(catalog, resources[3::50]):
        writer.update_document(**document)
    writer.commit(merge=False)
    ix.close()
    return folder


def reference(searcher: Any, node: Any) -> dict[int, float]:
    """Documents and scores, each word scored alone by Whoosh and summed as BM25F defines a
    query's score (``All`` words, ``any`` of a word's fields)."""
    if isinstance(node, query.Term):
        return {d: s for s, d in searcher.search(node, limit=None).top_n}
    if isinstance(node, query.Phrase):  # its words' scores, where they stand in order
        words = [reference(searcher, query.Term(node.fieldname, w)) for w in node.words]
        return {d: sum(word.get(d, 0.0) for word in words) for d in searcher.docs_for_query(node)}
    if node is query.NullQuery:
        return {}
    parts = [reference(searcher, child) for child in node.subqueries]
    docs = set(parts[0])
    for part in parts[1:]:
        docs = docs & set(part) if isinstance(node, query.And) else docs | set(part)
    return {d: sum(part.get(d, 0.0) for part in parts) for d in docs}


def ranked(scores: dict[int, float], limit: int) -> list[tuple[float, int]]:
    rows = sorted(((round(s, 9), d) for d, s in scores.items()), key=lambda p: (-p[0], p[1]))
    return rows[:limit]


def questions(reader: Any) -> Iterator[Any]:
    build = QueryBuilder(reader)
    for text in QUERIES:
        for typing in (False, True):
            parts = build.parts(parse(text, as_you_type=typing))
            if parts:
                yield query.And(parts)
        yield query.And([query.Term("complete", w[:20]) for w in text.split()])


@pytest.mark.parametrize("stored", [False, True], ids=["decoded", "stored arrays"])
def test_hits_scores_and_counts_are_bm25f_summed_word_by_word(
    segmented: Path, stored: bool, tmp_path: Path
) -> None:
    folder = segmented
    if stored:
        folder = tmp_path / "index"
        folder.mkdir()
        for path in segmented.iterdir():
            (folder / path.name).write_bytes(path.read_bytes())
        store_postings(folder)
        assert len(list(folder.glob(f"*{SUFFIX}"))) == 3
    ix = index.open_dir(str(folder))
    lengths = LengthTable()
    with ix.searcher(weighting=FastBM25F(lengths)) as searcher:
        assert searcher.reader().has_deletions() and len(searcher.leaf_searchers()) == 3
        vectors = VectorSearcher(searcher, lengths, folder if stored else None)
        asked = 0
        for question in questions(searcher.reader()):
            assert vectors.handles(question)
            expected = reference(searcher, question)
            found = vectors.search(question, 20)
            assert [(round(s, 9), d) for s, d in found.top_n] == ranked(expected, 20)
            assert len(found) == len(expected) == count_together([found])
            assert found.docs() == set(expected)
            assert all(searcher.stored_fields(d)["id"] for _, d in found.top_n)
            asked += 1
        assert asked > 40
        if stored:  # the common words came from the stored arrays
            read = vectors.postings._stores
            assert any(store is not None and store.words for store in read.values())
    ix.close()


def test_filters_and_scopes_restrict_like_whoosh_filters(
    segmented: Path, catalog: SyntheticCatalog
) -> None:
    ix = index.open_dir(str(segmented))
    lengths = LengthTable()
    ids = [r.id for r in catalog.manifest.resources[::9]]
    restrictions = [
        filter_query({"language": ["es"]}),
        filter_query({"type": ["video", "tip_sheet"], "language": ["en"]}),
        scope_query(ids),
        query.And([scope_query(ids), filter_query({"language": ["en"]})]),
    ]
    with ix.searcher(weighting=FastBM25F(lengths)) as searcher:
        vectors = VectorSearcher(searcher, lengths)
        for question in list(questions(searcher.reader()))[:12]:
            for restrict in restrictions:
                allowed = set(searcher.docs_for_query(restrict))
                expected = {d: s for d, s in reference(searcher, question).items() if d in allowed}
                found = vectors.search(question, 10, restrict)
                assert [(round(s, 9), d) for s, d in found.top_n] == ranked(expected, 10)
                assert len(found) == len(expected)
    ix.close()


def test_what_is_left_to_whoosh() -> None:
    vectors = VectorSearcher(None, LengthTable())
    assert vectors.handles(query.Phrase("body_en", ["safeti", "plan"]))
    assert not vectors.handles(query.Phrase("body_en", ["safeti", "plan"], slop=3))
    assert not vectors.handles(query.Term("meta", "safety", boost=2.0))
    assert not vectors.handles(query.And([query.Term("meta", "a"), query.Prefix("meta", "b")]))
    assert vectors.handles(query.Or([query.Term("meta", "a"), query.NullQuery]))
    assert vectors.handles(None)


def test_stored_arrays_hold_every_common_word_exactly(segmented: Path, tmp_path: Path) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    for path in segmented.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    store_postings(folder)
    ix = index.open_dir(str(folder))
    with ix.reader() as reader:
        checked = 0
        for leaf, _ in reader.leaf_readers():
            store = StoredPostings(
                folder / f"{leaf.segment().segment_id()}{SUFFIX}", leaf.doc_count_all()
            )
            for fieldname in FIELDS:
                for term, info in leaf.iter_field(fieldname):
                    text = term.decode()
                    kept = store.read(fieldname, text)
                    if info.doc_frequency() < MIN_DOCUMENTS:
                        assert kept is None
                        continue
                    assert kept is not None
                    ids, weights = decode(leaf, fieldname, text)
                    assert kept[0].tolist() == ids.tolist()
                    assert kept[1].tolist() == weights.tolist()
                    checked += 1
            searcher = Searcher(leaf)
            for fieldname in TEXT_FIELDS:
                for phrase in STORED_PHRASES:
                    terms = phrase_terms(fieldname, phrase.split())
                    docs = store.phrase(fieldname, terms)
                    assert docs is not None
                    whoosh = searcher.docs_for_query(query.Phrase(fieldname, terms))
                    live = [d for d in docs.tolist() if not leaf.is_deleted(d)]  # masked later
                    assert sorted(live) == sorted(whoosh)
                    checked += len(docs)
        assert checked > 50
    ix.close()


@pytest.fixture(scope="module")
def stored_copy(segmented: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stored") / "index"
    folder.mkdir()
    for path in segmented.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    store_postings(folder)
    return folder


def _damage(content: bytes, cut: int, flip: int, junk: bytes) -> bytes:
    damaged = bytearray(content[: max(0, len(content) - cut)] if cut else content)
    if damaged and flip:
        damaged[flip % len(damaged)] ^= 0xFF
    return bytes(damaged) + junk


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(0, 5000),
    flip=st.integers(0, 10**7),
    junk=st.binary(max_size=64),
)
def test_a_damaged_arrays_file_never_changes_an_answer(
    stored_copy: Path, cut: int, flip: int, junk: bytes
) -> None:
    """A truncated, flipped or padded file is read as far as it is sound; the rest comes
    from Whoosh's blocks: every answer is the same as without the file."""
    files = sorted(stored_copy.glob(f"*{SUFFIX}"))
    originals = {path: path.read_bytes() for path in files}
    try:
        for path in files:
            path.write_bytes(_damage(originals[path], cut, flip, junk))
        _same_answers(stored_copy, 8)
    finally:
        for path, content in originals.items():
            path.write_bytes(content)


_ENTRY = st.lists(
    st.one_of(st.integers(-(10**12), 10**12), st.text(max_size=6), st.none(), st.just("gaps16")),
    max_size=5,
)


@settings(max_examples=150, deadline=None)
@given(
    directory=st.dictionaries(
        st.sampled_from(FIELDS),
        st.one_of(st.dictionaries(st.sampled_from(["safeti", "plan"]), _ENTRY), _ENTRY),
    ),
    body=st.binary(max_size=300),
)
def test_any_directory_and_body_are_read_without_a_wrong_array(
    tmp_path_factory: pytest.TempPathFactory, directory: dict[str, Any], body: bytes
) -> None:
    """Whatever a file claims, a word is either refused or read as document numbers the
    segment has."""
    head = json.dumps(directory).encode()
    path = tmp_path_factory.mktemp("claims") / f"MAIN_x{SUFFIX}"
    path.write_bytes(MAGIC + struct.pack("<Q", len(head)) + head + body)
    store = StoredPostings(path, documents=100)
    for fieldname in FIELDS:
        for word in ("safeti", "plan"):
            found = store.read(fieldname, word)
            if found is not None:
                ids, weights = found
                assert len(ids) == len(weights)
                assert not len(ids) or (ids.min() >= 0 and ids.max() < 100)


def test_the_index_keeps_arrays_beside_each_segment_through_updates_and_adoption(
    catalog: SyntheticCatalog, tmp_path: Path
) -> None:
    folder = tmp_path / "index"
    search_index = SearchIndex(folder)
    search_index.ensure(catalog.manifest, "v1", lambda r: catalog.segments[r.id])

    def kept(where: Path) -> tuple[set[str], set[str]]:
        return {p.stem for p in where.glob("*.seg")}, {p.stem for p in where.glob(f"*{SUFFIX}")}

    segments, arrays = kept(folder)
    assert segments and segments == arrays
    changed = [r._replace(title=f"{r.title} zebrafinch") for r in catalog.manifest.resources[:3]]
    by_id = {r.id: r for r in changed}
    manifest = dataclasses.replace(
        catalog.manifest,
        resources=tuple(by_id.get(r.id, r) for r in catalog.manifest.resources),
        by_id={},
    )
    search_index.apply(manifest, "v2", list(by_id), [], lambda r: catalog.segments[r.id])
    segments, arrays = kept(folder)
    assert len(segments) >= 2 and segments == arrays
    found = search_index.search("zebrafinch", lambda rid: catalog.segments[rid], limit=20)
    assert sorted(h.id for h in found.hits) == sorted(by_id) and found.total_exact
    archive = tmp_path / "shipped.tar"
    for path in folder.glob(f"*{SUFFIX}"):  # an index published before the arrays existed
        path.unlink()
    pack(folder, archive)
    laptop = SearchIndex(tmp_path / "laptop")
    laptop.adopt(archive, manifest, "v2")
    segments, arrays = kept(tmp_path / "laptop")
    assert segments and segments == arrays
    typed = laptop.search("zebrafinch", lambda rid: catalog.segments[rid], limit=20)
    assert [h.id for h in typed.hits] == [h.id for h in found.hits]
    laptop.close()
    search_index.close()


def test_facet_counts_are_whooshs_on_an_index_with_deletions(segmented: Path) -> None:
    """Each value's documents are a mask read from the posting arrays; counted among the
    matches, each facet narrowed by the others' choices, they agree with Whoosh's postings."""
    ix = index.open_dir(str(segmented))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        whoosh = {
            name: {
                t.decode(): set(reader.postings(name, t).all_ids()) for t in reader.lexicon(name)
            }
            for name in FACET_NAMES
        }
        matched = set(searcher.docs_for_query(query.Term("body_en", "safeti")))
        counter = FacetCounter(reader)
        for filters in (
            {},
            {"language": ["en"]},
            {"language": ["es"], "type": ["video", "tip_sheet"]},
        ):
            chosen = {
                n: set().union(*(whoosh[n].get(v, set()) for v in vs)) for n, vs in filters.items()
            }
            expected = {}
            for name, values in whoosh.items():
                docs = set(matched)
                for other, allowed in chosen.items():
                    if other != name:
                        docs &= allowed
                expected[name] = {v: len(docs & d) for v, d in values.items() if docs & d}
            got = counter.counts(sorted(matched), filters)
            assert got == expected and sum(got["language"].values()) > 0
    ix.close()


def _rewritten(path: Path, change: Any) -> None:
    """The arrays file at ``path`` with its directory passed through ``change`` (the arrays
    left where they were, so the entries still point into them)."""
    content = path.read_bytes()
    (length,) = struct.unpack("<Q", content[len(MAGIC) : len(MAGIC) + 8])
    directory = json.loads(content[len(MAGIC) + 8 : len(MAGIC) + 8 + length])
    body = content[len(MAGIC) + 8 + length :]
    head = json.dumps(change(directory)).encode()
    path.write_bytes(MAGIC + struct.pack("<Q", len(head)) + head + body)


def _same_answers(folder: Path, asked: int = 12) -> None:
    """The first ``asked`` questions answered alike with the arrays in ``folder`` and from
    Whoosh's blocks alone."""
    ix = index.open_dir(str(folder))
    lengths = LengthTable()
    with ix.searcher(weighting=FastBM25F(lengths)) as searcher:
        stored = VectorSearcher(searcher, lengths, folder)
        plain = VectorSearcher(searcher, lengths)
        for question in list(questions(searcher.reader()))[:asked]:
            got, want = stored.search(question, 20), plain.search(question, 20)
            assert got.top_n == want.top_n and len(got) == len(want)
    ix.close()


_HOSTILE = st.one_of(
    st.just({"offset": 0}),  # an object where a list belongs
    st.just([float("inf"), 10, 10, "gaps16"]),
    st.just([0, 10, -1, "gaps16"]),
    st.just([0, 10, 300_000_000, "full"]),
    st.just([0, 10, 3, "full", "extra"]),
    st.just([True, 10, 3, "full"]),
    st.lists(st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=3), max_size=5),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(hostile=_HOSTILE, shift=st.integers(-3, 3), every=st.integers(1, 4))
def test_hostile_entries_are_ignored_never_a_wrong_answer(
    stored_copy: Path, hostile: Any, shift: int, every: int
) -> None:
    """Entries replaced by objects, infinities, negative or huge counts, or real entries
    pointing a few bytes off or claiming another count: those words come from Whoosh's
    blocks, and every answer is the one Whoosh's blocks give."""
    files = sorted(stored_copy.glob(f"*{SUFFIX}"))
    originals = {path: path.read_bytes() for path in files}

    def change(directory: dict[str, Any]) -> dict[str, Any]:
        for words in directory.values():
            for number, (word, entry) in enumerate(sorted(words.items())):
                if number % every == 0:
                    words[word] = hostile
                elif shift:
                    words[word] = [entry[0], entry[1], entry[2] + shift, entry[3]]
        return directory

    try:
        for path in files:
            _rewritten(path, change)
        _same_answers(stored_copy)
    finally:
        for path, content in originals.items():
            path.write_bytes(content)


def test_a_directory_nested_without_end_or_infinite_is_ignored(stored_copy: Path) -> None:
    path = sorted(stored_copy.glob(f"*{SUFFIX}"))[0]
    original = path.read_bytes()
    try:
        for head in (b"[" * 100_000 + b"]" * 100_000, b'{"body_en": {"plan": [Infinity]}}'):
            path.write_bytes(MAGIC + struct.pack("<Q", len(head)) + head)
            assert StoredPostings(path, documents=SIZE).words == {}
            _same_answers(stored_copy)
    finally:
        path.write_bytes(original)


def test_a_huge_count_over_a_small_block_costs_no_memory(tmp_path: Path) -> None:
    """A count of 300,000,000 over a block of compressed zeros (a bomb): refused by the
    segment's document count before anything is inflated."""
    import tracemalloc
    import zlib

    bomb = zlib.compress(b"\0" * 50_000_000, 9)
    head = json.dumps({"body_en": {"plan": [0, len(bomb), 300_000_000, "full"]}}).encode()
    path = tmp_path / f"MAIN_bomb{SUFFIX}"
    path.write_bytes(MAGIC + struct.pack("<Q", len(head)) + head + bomb)
    store = StoredPostings(path, documents=SIZE)
    tracemalloc.start()
    try:
        assert store.read("body_en", "plan") is None
        assert store.read("body_en", "plan", expected=300_000_000) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # bounded by the segment's documents (12 bytes each), not the claim


def test_a_fifo_in_place_of_the_arrays_is_never_opened(stored_copy: Path) -> None:
    import os
    import threading

    path = sorted(stored_copy.glob(f"*{SUFFIX}"))[0]
    original = path.read_bytes()
    path.unlink()
    os.mkfifo(path)
    try:
        done = threading.Event()

        def answer() -> None:
            _same_answers(stored_copy)
            done.set()

        worker = threading.Thread(target=answer, daemon=True)
        worker.start()
        worker.join(60)
        assert done.is_set()  # answered, never waiting on the FIFO
    finally:
        path.unlink()
        path.write_bytes(original)


def test_an_index_with_no_document_stores_no_arrays(tmp_path: Path) -> None:
    """An empty catalog's index has no segment: nothing to store, nothing raised."""
    ix = index.create_in(str(tmp_path), build_schema())
    ix.writer().commit()
    ix.close()
    store_postings(tmp_path)
    assert not list(tmp_path.glob(f"*{SUFFIX}"))


def test_prefix_expansions_are_remembered_up_to_a_bound(
    segmented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long session types many prefixes: the builder's memory of them stays bounded, and
    a prefix asked again after being forgotten gets the same answer."""
    from resources_index.search import query_building

    monkeypatch.setattr(query_building, "PREFIX_CACHE_LIMIT", 50)
    ix = index.open_dir(str(segmented))
    with ix.searcher() as searcher:
        build = QueryBuilder(searcher.reader())
        first = build.expand("body_en", "saf")
        prefixes = [f"{a}{b}{c}" for a in "abcdefg" for b in "aeiou" for c in "lnrst"]
        for prefix in prefixes:
            build.expand("body_en", prefix)
        assert len(build._prefix_cache) == 50
        assert ("body_en", "saf") not in build._prefix_cache
        assert build.expand("body_en", "saf") == first and first
