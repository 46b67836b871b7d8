"""The rebuild's segment builder writes, byte for byte, the segment Whoosh's own writer writes."""

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from whoosh import index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.writing import SegmentWriter

from resources_index.search import segment_building, whoosh_internals
from resources_index.search.field_terms import lister_for
from resources_index.search.schema import build_schema, document_for
from resources_index.search.segment_building import SegmentBuilder
from tests.helpers.synthetic import Generator


def _segment_files(
    folder: Path,
    writer_class: type[SegmentWriter],
    documents: list[Any],
    schema: Schema | None = None,
) -> dict[str, bytes]:
    """The files of the one segment written (compound off, so each is compared on its own),
    by their extension."""
    folder.mkdir()
    ix = index.create_in(str(folder), schema or build_schema())
    writer = writer_class(ix, limitmb=1, compound=False)  # a small pool: runs spilled and merged
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    (segment,) = ix._segments()
    prefix = segment.segment_id()
    ix.close()
    files = {
        p.name[len(prefix) :]: p.read_bytes() for p in folder.iterdir() if p.name.startswith(prefix)
    }
    assert files
    return files


def _documents(seed: int, count: int) -> list[dict[str, Any]]:
    catalog = Generator(seed=seed).catalog(count)
    return [document_for(r, catalog.segments[r.id]) for r in catalog.manifest.resources]


@pytest.mark.parametrize("window", [segment_building.WINDOW, 50])
def test_the_segment_is_whooshs_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    monkeypatch.setattr(segment_building, "WINDOW", window)  # 50: words longer than a window
    documents = _documents(3, 120)
    documents[5] = {"id": "bare", "rev": "1", "type": "other"}  # fields without a length
    documents[9]["body_es"] = "Él y la niña: ¿qué pasó? A.B.C. 3.5 x*y __ — the of de la"
    ours = _segment_files(tmp_path / "ours", SegmentBuilder, documents)
    whoosh = _segment_files(tmp_path / "whoosh", SegmentWriter, documents)
    assert sorted(ours) == sorted(whoosh)
    assert sum(len(b) for b in ours.values()) > 100_000
    for extension, data in whoosh.items():
        assert ours[extension] == data, extension


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(
            st.sampled_from([*"ab cñé.*_-É1 \n", "the", "de", "safety ", "plan ", "ÑANDÚ "]),
            max_size=40,
        ).map("".join),
        min_size=1,
        max_size=6,
    )
)
def test_any_text_is_indexed_as_whoosh_indexes_it(tmp_path_factory: Any, texts: list[str]) -> None:
    documents = [
        {
            "id": f"r{n}",
            "rev": "1",
            "meta": t,
            "complete": t,
            "words": t,
            "body_en": t,
            "body_es": t,
        }
        for n, t in enumerate(texts)
    ]
    folder = tmp_path_factory.mktemp("texts")
    ours = _segment_files(folder / "ours", SegmentBuilder, documents)
    whoosh = _segment_files(folder / "whoosh", SegmentWriter, documents)
    assert ours == whoosh


def test_each_field_is_listed_as_whoosh_indexes_it() -> None:
    schema = build_schema()
    text = "Safety planning: the Three Houses, la niña y el plan de seguridad. SOP a.b.c x*y"
    for name in ("meta", "complete", "words", "body_en", "body_es"):
        lister = lister_for(schema[name])
        assert lister is not None, name
        listed = zip(*lister(text)[:4], strict=True)
        assert sorted(listed) == sorted(schema[name].index(text)), name
    assert lister_for(schema["id"]) is None  # what it does not know is left to Whoosh
    assert lister_for(TEXT(phrase=True)) is None  # Whoosh's own analyzer


def test_only_a_fresh_index_of_plain_fields_is_built(tmp_path: Path) -> None:
    ix = index.create_in(str(tmp_path), Schema(id=STORED, text=TEXT(vector=True)))
    with pytest.raises(ValueError):
        SegmentBuilder(ix)
    ix.close()
    ix = index.create_in(str(tmp_path), build_schema())
    with ix.writer() as writer:
        writer.add_document(id="a", rev="1", body_en="plan")
    with pytest.raises(ValueError):
        SegmentBuilder(ix)
    ix.close()


#: A field of each format the program's schema uses: Existence (no value, no length),
#: Frequency (a weight the field boost sets, or the counts set) and Positions.
FORMATS = Schema(
    key=ID(stored=True),
    group=ID,
    tags=KEYWORD(field_boost=2.5),
    plain=TEXT(phrase=False),
    body=TEXT(phrase=True),
)


def _varied(shapes: list[tuple[int, int, float]]) -> list[dict[str, Any]]:
    """Documents whose words have from one posting (``only<n>``) to one per document (a few
    hundred: several blocks), weights all 1.0 (``safety``), all equal (``common``, unless
    documents are boosted) or varied (``plan``, said ``repeat`` times more)."""
    documents = []
    for n, (pattern, repeat, boost) in enumerate(shapes):
        text = " ".join(["plan"] * (repeat + 1) + [f"only{n}"] + ["safety"] * (pattern % 2))
        document = {
            "key": f"r{n}",
            "group": f"g{pattern % 3}",
            "tags": f"t{pattern} common",
            "plain": text,
            "body": f"{text} w{pattern}",
        }
        if boost != 1.0:
            document["_boost"] = boost
        documents.append(document)
    return documents


SHAPES = st.tuples(st.integers(0, 7), st.integers(0, 3), st.sampled_from([1.0, 1.0, 0.5, 3.0]))


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(1, 300), st.lists(SHAPES, min_size=1, max_size=12))
@example(300, [(0, 0, 1.0)])  # three blocks of 128, 128 and 44 for the common words
@example(129, [(1, 2, 1.0), (2, 0, 3.0)])
def test_terms_of_any_shape_are_written_as_whoosh_writes_them(
    tmp_path_factory: Any, count: int, cycle: list[tuple[int, int, float]]
) -> None:
    shapes = [cycle[n % len(cycle)] for n in range(count)]
    documents = _varied(shapes)
    folder = tmp_path_factory.mktemp("shapes")
    before = whoosh_internals.fallbacks().get("term writing", 0)
    ours = _segment_files(folder / "ours", SegmentBuilder, documents, FORMATS)
    assert whoosh_internals.fallbacks().get("term writing", 0) == before  # the bytes written here
    whoosh = _segment_files(folder / "whoosh", SegmentWriter, documents, FORMATS)
    assert ours == whoosh


def test_another_postings_writer_takes_whooshs_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Another:
        """Not the postings writer whose bytes this package writes."""

    monkeypatch.setattr(whoosh_internals, "W3PostingsWriter", Another)
    documents = _varied([(n % 8, n % 4, 1.0 + n % 3) for n in range(300)])
    before = whoosh_internals.fallbacks().get("term writing", 0)
    ours = _segment_files(tmp_path / "ours", SegmentBuilder, documents, FORMATS)
    assert whoosh_internals.fallbacks().get("term writing", 0) > before
    assert ours == _segment_files(tmp_path / "whoosh", SegmentWriter, documents, FORMATS)


def test_a_word_repeated_in_a_new_text_is_analysed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    field = build_schema()["body_en"]
    normalize = field.analyzer.items[1]
    seen: list[str] = []
    analyse = normalize.normalize
    monkeypatch.setattr(normalize, "normalize", lambda word: seen.append(word) or analyse(word))
    lister = lister_for(field)
    assert lister is not None
    terms, frequencies = lister("safety plan " * 5000 + "houses")[:2]
    assert sorted(seen) == ["houses", "plan", "safety"]  # not once per repeat
    assert dict(zip(terms, frequencies, strict=True))[b"safeti"] == 5000
