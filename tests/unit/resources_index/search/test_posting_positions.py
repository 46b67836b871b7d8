"""Common words' positions stored beside each segment: exactly Whoosh's, the same phrase
answers as Whoosh's own phrase query, and a damaged or hostile file never a wrong answer."""

import json
import os
import struct
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index, query
from whoosh.searching import Searcher

from resources_index.search.analysis import phrase_terms
from resources_index.search.index import SearchIndex
from resources_index.search.posting_arrays import PostingArrays
from resources_index.search.posting_blocks import phrase_documents, positions_of
from resources_index.search.posting_positions import (
    MAGIC,
    MIN_DOCUMENTS,
    SUFFIX,
    StoredPositions,
    store_positions,
)
from resources_index.search.schema import TEXT_FIELDS, build_schema, document_for
from tests.helpers.synthetic import PHRASES, Generator, SyntheticCatalog

SIZE = 300


@pytest.fixture(scope="module")
def catalog() -> SyntheticCatalog:
    return Generator(seed=5).catalog(SIZE)


@pytest.fixture(scope="module")
def stored(catalog: SyntheticCatalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index in two segments, some documents deleted, with its positions files."""
    folder = tmp_path_factory.mktemp("positions")
    ix = index.create_in(str(folder), build_schema())
    resources = list(catalog.manifest.resources)
    for part in (resources[:200], resources[200:]):
        writer = ix.writer()
        for resource in part:
            writer.add_document(**document_for(resource, catalog.segments[resource.id]))
        writer.commit(merge=False)
    writer = ix.writer()
    for resource in resources[::9]:
        writer.delete_by_term("id", resource.id)
    writer.commit(merge=False)
    ix.close()
    store_positions(folder)
    return folder


def _phrases(leaf: Any, fieldname: str) -> list[list[str]]:
    """Phrases worth asking (every word in the segment, as the search asks them): the
    benchmark's, and pairs and triples of common words."""
    common = [t.decode() for t, i in leaf.iter_field(fieldname) if i.doc_frequency() > 40][:12]
    asked = [phrase_terms(fieldname, p.strip('"').split()) for p in PHRASES]
    asked += [[a, b] for a in common[:6] for b in common[:6]]
    asked += [[common[0], common[1], common[2]]] if len(common) > 2 else []
    return [p for p in asked if p and all(leaf.doc_frequency(fieldname, t) for t in p)]


def _store(folder: Path, leaf: Any) -> StoredPositions:
    return StoredPositions(folder / f"{leaf.segment().segment_id()}{SUFFIX}", leaf.doc_count_all())


def test_stored_positions_are_whooshs_for_every_common_word(stored: Path) -> None:
    ix = index.open_dir(str(stored))
    checked = 0
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            store = _store(stored, leaf)
            for fieldname in TEXT_FIELDS:
                for term, info in leaf.iter_field(fieldname):
                    text = term.decode()
                    kept = store.read(fieldname, text)
                    if info.doc_frequency() < MIN_DOCUMENTS:
                        assert kept is None
                        continue
                    whoosh = positions_of(leaf, fieldname, text)
                    assert kept is not None and whoosh is not None
                    for ours, theirs in zip(kept, whoosh, strict=True):
                        assert ours.tolist() == theirs.tolist()
                    checked += 1
    ix.close()
    assert checked > 20


def test_phrases_from_stored_positions_are_whooshs_phrases(stored: Path) -> None:
    ix = index.open_dir(str(stored))
    compared = 0
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            searcher = Searcher(leaf)
            arrays = PostingArrays(stored)
            for fieldname in TEXT_FIELDS:
                for terms in _phrases(leaf, fieldname):
                    docs = arrays.phrase(searcher, fieldname, tuple(terms)).tolist()
                    live = sorted(d for d in docs if not leaf.is_deleted(d))  # masked later
                    whoosh = sorted(searcher.docs_for_query(query.Phrase(fieldname, terms)))
                    assert live == whoosh, terms
                    compared += len(whoosh)
    ix.close()
    assert compared > 50


def _damage(content: bytes, cut: int, flip: int, junk: bytes) -> bytes:
    damaged = bytearray(content[: max(0, len(content) - cut)] if cut else content)
    if damaged and flip:
        damaged[flip % len(damaged)] ^= 0xFF
    return bytes(damaged) + junk


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(0, 5000), flip=st.integers(0, 10**7), junk=st.binary(max_size=64))
def test_a_damaged_positions_file_never_changes_a_phrase(
    stored: Path, cut: int, flip: int, junk: bytes
) -> None:
    files = sorted(stored.glob(f"*{SUFFIX}"))
    originals = {path: path.read_bytes() for path in files}
    try:
        for path in files:
            path.write_bytes(_damage(originals[path], cut, flip, junk))
        ix = index.open_dir(str(stored))
        with ix.reader() as reader:
            for leaf, _ in reader.leaf_readers():
                searcher = Searcher(leaf)
                damaged, plain = PostingArrays(stored), PostingArrays()
                for terms in _phrases(leaf, "body_en")[:10]:
                    got = damaged.phrase(searcher, "body_en", tuple(terms)).tolist()
                    want = phrase_documents(searcher, "body_en", terms).tolist()
                    assert got == want == plain.phrase(searcher, "body_en", tuple(terms)).tolist()
        ix.close()
    finally:
        for path, content in originals.items():
            path.write_bytes(content)


_ENTRY = st.lists(
    st.one_of(st.integers(-(10**12), 10**12), st.text(max_size=6), st.none(), st.just("narrow")),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(
    directory=st.dictionaries(
        st.sampled_from(TEXT_FIELDS),
        st.one_of(st.dictionaries(st.sampled_from(["safeti", "plan"]), _ENTRY), _ENTRY),
    ),
    body=st.binary(max_size=300),
)
def test_any_directory_and_body_are_read_without_wrong_positions(
    tmp_path_factory: pytest.TempPathFactory, directory: dict[str, Any], body: bytes
) -> None:
    """Whatever a file claims, a word is refused or read as arrays that add up: documents
    the segment has, in order, and as many positions as the counts say."""
    head = json.dumps(directory).encode()
    path = tmp_path_factory.mktemp("claims") / f"MAIN_x{SUFFIX}"
    path.write_bytes(MAGIC + struct.pack("<Q", len(head)) + head + body)
    store = StoredPositions(path, documents=100)
    for fieldname in TEXT_FIELDS:
        for word in ("safeti", "plan"):
            found = store.read(fieldname, word)
            if found is not None:
                ids, counts, positions = found
                assert len(ids) == len(counts) and int(counts.sum()) == len(positions)
                assert not len(ids) or (ids.min() >= 0 and ids.max() < 100)
                assert (ids[1:] > ids[:-1]).all() and (positions >= 0).all()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_only_an_ordinary_file_is_read(tmp_path: Path) -> None:
    """A pipe planted where the file should be is not opened (it would block the search)."""
    path = tmp_path / f"MAIN_x{SUFFIX}"
    os.mkfifo(path)
    assert StoredPositions(path, documents=100).words == {}


def test_the_index_writes_positions_beside_each_segment(
    catalog: SyntheticCatalog, tmp_path: Path
) -> None:
    search_index = SearchIndex(tmp_path / "index")
    search_index.ensure(catalog.manifest, "v1", lambda r: catalog.segments[r.id])
    segments = {p.stem for p in (tmp_path / "index").glob("*.seg")}
    assert segments and segments == {p.stem for p in (tmp_path / "index").glob(f"*{SUFFIX}")}
    found = search_index.search('"safety plan"', lambda rid: catalog.segments[rid], limit=20)
    assert found.hits and found.total_exact
    search_index.close()
