"""The shortcuts through Whoosh's private format, against stock Whoosh: array scores equal to
what Whoosh's own BM25F gives through a plain search, and every shortcut really taken on this
program's indexes (a shortcut that silently falls back keeps answers right, so only this
counting shows it)."""

import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import formats, index, query, scoring

from resources_index.search import whoosh_internals
from resources_index.search.index_writer import FastSegmentWriter
from resources_index.search.posting_positions import store_positions
from resources_index.search.posting_store import store_postings
from resources_index.search.query import parse
from resources_index.search.query_building import QueryBuilder
from resources_index.search.schema import build_schema
from resources_index.search.scoring import FastBM25F, LengthTable
from resources_index.search.segment_building import SegmentBuilder
from resources_index.search.vector_search import VectorSearcher

ENGLISH = [
    "safety",
    "plan",
    "family",
    "children",
    "network",
    "danger",
    "harm",
    "worker",
    "visit",
    "home",
    "school",
    "mother",
    "father",
    "support",
    "meeting",
    "scaling",
    "question",
    "three",
    "houses",
    "mapping",
    "goal",
    "statement",
    "strength",
    "worry",
]
SPANISH = [
    "seguridad",
    "plan",
    "familia",
    "niños",
    "red",
    "apoyo",
    "peligro",
    "daño",
    "trabajadora",
    "visita",
    "hogar",
    "escuela",
    "madre",
    "padre",
    "reunión",
    "pregunta",
    "escala",
    "tres",
    "casas",
    "mapeo",
    "meta",
    "declaración",
    "fortaleza",
    "preocupación",
]
#: Word counts from a line to a long guide, so field lengths (and BM25F's length part) vary.
LENGTHS = (1, 2, 3, 7, 20, 60, 150, 400, 1200, 3000)
TYPED = [
    "safety plan",
    "safety",
    "children network",
    "three houses",
    "mapeo de seguridad",
    "red de apoyo",
    "familia",
    "danger statement worker",
    "harm or danger",
    "scal",
    "plan familia",
]
QUERIES = [*TYPED, '"safety plan"', '"three houses"', '"red de apoyo"', "zzzz"]


def _text(rng: random.Random, words: list[str], count: int) -> str:
    # A skew: the first words of the list are common, the last ones rare.
    return " ".join(words[min(int(rng.expovariate(0.25)), len(words) - 1)] for _ in range(count))


def _documents(seed: int, count: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        spanish = number % 4 == 0
        words = SPANISH if spanish else ENGLISH
        title = _text(rng, words, rng.randint(1, 6))
        body = _text(rng, words, rng.choice(LENGTHS))
        labels = _text(rng, ENGLISH, rng.randint(0, 4))
        document = {
            "id": f"r{number}",
            "rev": "1",
            "meta": f"{title} {labels}",
            "complete": f"{title} {labels}",
            "words": f"{title} {labels} {body[:200]}",
            "type": "tip_sheet",
            "language": "es" if spanish else "en",
            "publisher": "none",
            "body_es" if spanish else "body_en": f"{title} {body}",
        }
        if number % 9 == 0:  # some resources hold text in both languages
            document["body_es" if not spanish else "body_en"] = _text(rng, SPANISH, 30)
        documents.append(document)
    return documents


def _build(folder: Path) -> None:
    """An index as the program makes it: a rebuild's one segment (``SegmentBuilder``), then an
    update in a second segment (``FastSegmentWriter``) replacing and deleting some, with the
    arrays and positions stored beside each segment."""
    folder.mkdir()
    ix = index.create_in(str(folder), build_schema())
    writer = SegmentBuilder(ix)
    documents = _documents(5, 260)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    store_postings(folder)
    store_positions(folder)
    writer = FastSegmentWriter(ix)
    for document in documents[::11]:
        writer.delete_by_term("id", document["id"])
    for document in _documents(6, 40):
        writer.update_document(**document)
    writer.commit(merge=False)
    store_postings(folder)
    store_positions(folder)
    ix.close()


def _questions(reader: Any) -> Iterator[Any]:
    """Each query as the program asks it, typed and submitted, and an alternative of fields."""
    build = QueryBuilder(reader)
    asked = [build.parts(parse(t, as_you_type=typing)) for t in QUERIES for typing in (0, 1)]
    yield from (query.And(parts) for parts in asked if parts)
    yield query.Or([query.Term("body_en", "safeti"), query.Term("meta", "family")])


def _compare_with_stock_bm25f(folder: Path) -> set[str]:
    """Every question answered by the arrays and by Whoosh's own BM25F through a plain search:
    the same documents, scores equal within float rounding, the same order. The fields of the
    words of the questions that found something."""
    ix = index.open_dir(str(folder))
    lengths = LengthTable()
    asked = 0
    fields: set[str] = set()
    with (
        ix.searcher(weighting=FastBM25F(lengths)) as fast,
        ix.searcher(weighting=scoring.BM25F()) as stock,
    ):
        assert len(fast.leaf_searchers()) == 2 and fast.reader().has_deletions()
        vectors = VectorSearcher(fast, lengths, folder)
        for question in _questions(fast.reader()):
            assert vectors.handles(question)
            found = vectors.search(question, 20)
            expected = stock.search(question, limit=None)
            scores = {d: s for s, d in expected.top_n}
            assert found.docs() == set(scores), question
            assert len(found) == len(scores)
            assert [d for _, d in found.top_n] == [d for _, d in expected.top_n[:20]], question
            for score, docnum in found.top_n:
                assert score == pytest.approx(scores[docnum], rel=1e-12), question
            asked += 1
            if scores:
                fields |= {f for f, _ in question.all_terms()}
    ix.close()
    assert asked >= 25
    return fields


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The index, and the shortcuts that fell back while building it."""
    folder = tmp_path_factory.mktemp("internals") / "index"
    before = whoosh_internals.fallbacks()
    _build(folder)
    after = whoosh_internals.fallbacks()
    return folder, {k: n - before.get(k, 0) for k, n in after.items() if n > before.get(k, 0)}


def test_array_scores_are_stock_bm25f_and_no_shortcut_falls_back(
    built: tuple[Path, dict[str, int]],
) -> None:
    folder, fell_back_building = built
    assert fell_back_building == {}
    before = whoosh_internals.fallbacks()
    assert _compare_with_stock_bm25f(folder) >= {"body_en", "body_es", "meta", "complete"}
    assert whoosh_internals.fallbacks() == before  # every shortcut was taken


def test_lengths_vary_and_the_fields_score_differently(
    built: tuple[Path, dict[str, int]],
) -> None:
    """The comparison above means something: documents of very different lengths, several
    scored fields with their own boosts, and phrases held in both segments."""
    ix = index.open_dir(str(built[0]))
    with ix.reader() as reader:
        lengths = [reader.doc_field_length(d, "body_en") or 0 for d in range(reader.doc_count())]
        assert min(n for n in lengths if n) <= 3 and max(lengths) >= 2000
        assert all(reader.doc_frequency(f, w) for f, w in (("meta", "family"), ("words", "plan")))
    with ix.searcher() as searcher:
        phrase = query.Phrase("body_en", ["safeti", "plan"])
        held = set(searcher.docs_for_query(phrase))
        second = searcher.leaf_searchers()[1][1]  # where the second segment's numbers start
        assert any(d < second for d in held) and any(d >= second for d in held)
    ix.close()


def test_another_whoosh_is_named_and_every_shortcut_falls_back_to_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(whoosh_internals, "INSTALLED", "2.7.99")
    monkeypatch.setattr(whoosh_internals, "_told", set())  # told once per process: afresh
    before = whoosh_internals.fallbacks()
    with caplog.at_level(logging.WARNING, logger=whoosh_internals.__name__):
        _build(tmp_path / "index")
        assert _compare_with_stock_bm25f(tmp_path / "index")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "Whoosh 2.7.99 is installed" in warnings[0] and "Whoosh 2.7.5" in warnings[0]
    after = whoosh_internals.fallbacks()
    risen = {k for k in after if after[k] > before.get(k, 0)}
    shortcuts = {"segment building", "posting blocks", "positions", "field lengths"}
    assert risen == {*shortcuts, "array scoring"}


@given(st.lists(st.integers(min_value=0, max_value=2**31 - 1), min_size=1, max_size=300))
def test_positions_are_encoded_as_whooshs_positions_format_encodes_them(
    positions: list[int],
) -> None:
    positions.sort()
    fmt = formats.Positions(field_boost=1.5)
    assert whoosh_internals.positions_encoder(fmt)(positions) == fmt.encode(positions)
    other = type("OtherPositions", (formats.Positions,), {})()  # another format: its own way
    assert whoosh_internals.positions_encoder(other) == other.encode
