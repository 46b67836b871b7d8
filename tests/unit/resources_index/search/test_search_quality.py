"""The labelled query set over the starter catalog: hits@3 and MRR, and every rank-1 query first."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from resources_index.library.library import Library
from resources_index.search.library_search import LibrarySearch

QUERIES = yaml.safe_load(
    (Path(__file__).resolve().parents[3] / "data" / "search_queries.yaml").read_text("utf-8")
)


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibrarySearch]:
    library = Library(tmp_path_factory.mktemp("quality"))
    library.ensure_starter()
    searcher = LibrarySearch(library)
    searcher.refresh()
    yield searcher
    searcher.close()
    library.close()


def rank_of(search: LibrarySearch, case: dict[str, Any]) -> int | None:
    """Where the expected resource is, as itself or as the other door of its translation's
    row ("language: es" filters by language first)."""
    filters = {"language": [case["language"]]} if "language" in case else None
    rows, _ = search.search(
        case["query"], filters=filters, limit=10, as_you_type=case.get("typing", False)
    )
    for rank, row in enumerate(rows, start=1):
        if case["expect"] in (row.resource.id, *(o.id for o in row.also)):
            return rank
    return None


def test_the_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 90
    assert sum(1 for q in QUERIES if q.get("across")) >= 20  # cross- and mixed-language
    assert sum(1 for q in QUERIES if q.get("typing")) >= 3
    assert any(q["query"] == "SDM" for q in QUERIES) and any(q["query"] == "CFT" for q in QUERIES)


def test_labelled_queries(search: LibrarySearch) -> None:
    ranks = [rank_of(search, case) for case in QUERIES]
    hits_at_3 = sum(1 for r in ranks if r is not None and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    across = [r for r, case in zip(ranks, QUERIES, strict=True) if case.get("across")]
    across_mrr = sum(1 / r for r in across if r) / len(across)
    print(
        f"\nlabelled set: {len(ranks)} queries, hits@3 = {hits_at_3:.1%}, MRR = {mrr:.3f};"
        f" across languages: {len(across)}, MRR = {across_mrr:.3f}"
    )
    misses = [
        f"{case['query']!r} {case.get('language', '')}: {case['expect']} ranked {rank},"
        f" wanted <= {case['rank']}"
        for rank, case in zip(ranks, QUERIES, strict=True)
        if rank is None or rank > case["rank"]
    ]
    assert hits_at_3 >= 0.9, "\n".join(misses)
    assert not [
        case["query"]
        for rank, case in zip(ranks, QUERIES, strict=True)
        if case["rank"] == 1 and rank != 1
    ], "\n".join(misses)


def test_misspelling_offers_the_correction(search: LibrarySearch) -> None:
    _, results = search.search("scailing questions")
    assert results.suggestion == "scaling questions" and results.corrected


def test_snippet_marks_words_and_knows_the_page(search: LibrarySearch) -> None:
    rows, _ = search.search("scaling situation")
    guide = next(r for r in rows if r.resource.id == "safety-mapping-practice-guide")
    assert guide.location == {"page": 2}
    assert "<b>Scaling</b>" in guide.snippet


def test_caption_hits_carry_their_time(search: LibrarySearch) -> None:
    rows, _ = search.search("House of Dreams worries gone")
    video = next(r for r in rows if r.resource.id == "three-houses-video")
    assert video.location == {"time_ms": 15000, "time": "0:15", "language": "en"}


def test_filters_and_facets(search: LibrarySearch) -> None:
    rows, results = search.search("safety", filters={"language": ["es"]}, facets=True)
    assert rows and all(r.resource.language == "es" for r in rows)
    # The other facets count what the filter lets through; the language facet ignores its own
    # filter, so English stays offered with its count.
    assert sum(results.facets["type"].values()) == results.total == len(rows)
    assert results.facets["language"]["es"] == results.total
    assert results.facets["language"]["en"] > 0
    every_row, everything = search.search("safety", facets=True, limit=200)
    assert everything.facets["language"] == results.facets["language"]
    assert everything.facets["language"]["en"] > 0
    assert sum(everything.facets["type"].values()) == len(every_row)  # one a row


def test_typing_answers_from_titles_first_and_full_text_on_request(search: LibrarySearch) -> None:
    rows, quick = search.search("safety pl", as_you_type=True)
    assert (
        quick.quick
        and rows
        and all(
            "safety" in r.resource.title.lower()
            or "safety" in " ".join(r.resource.practice_elements)
            for r in rows
        )
    )
    full_rows, full = search.search("safety pl", as_you_type=True, quick=False)
    assert not full.quick and len(full_rows) >= len(rows)
    # A word found only in document text goes on to the full-text search, even while typing.
    body_rows, body = search.search("allegatio", as_you_type=True)
    assert body.quick  # a typing answer: the search after a pause may refine it
    assert [r.resource.id for r in body_rows] == ["first-contact-engagement-tip-sheet"]


def test_english_words_quoted_in_spanish_documents_are_analysed_as_english(
    search: LibrarySearch,
) -> None:
    # The interpreters' guide (Spanish) quotes "danger statement" and "Three Houses": as
    # Spanish, "danger" became "dang" and outranked the English worksheet for the prefix.
    rows, _ = search.search("dang", as_you_type=True, quick=False, limit=10)
    order = [row.resource.id for row in rows]
    assert order.index("harm-and-danger-statements-worksheet") < order.index(
        "guia-para-interpretes"
    )
    rows, results = search.search("thre houses")
    assert results.suggestion == "three houses"
    assert rows[0].resource.language == "en"
    rows, _ = search.search("danger statement interpreter")
    assert rows[0].resource.id == "guia-para-interpretes"


def test_a_resource_and_its_translation_are_one_result_with_two_doors(
    search: LibrarySearch,
) -> None:
    for text in ("three houses", "tres casas", "safety plan", "plan de seguridad", "scaling"):
        rows, _ = search.search(text, limit=40)
        ids = [row.resource.id for row in rows]
        assert len(ids) == len(set(ids))
        for row in rows:
            assert not set(row.resource.translations) & set(ids), (text, row.resource.id)
            assert {o.id for o in row.also} == set(row.resource.translations)
    rows, _ = search.search("tres casas")
    assert rows[0].resource.id == "tres-casas-hoja-de-consejos"
    assert [o.id for o in rows[0].also] == ["three-houses-tip-sheet"]


def test_a_query_finds_resources_in_the_other_language_after_its_own(
    search: LibrarySearch,
) -> None:
    rows, _ = search.search("safety network", limit=60)
    order = [row.resource.id for row in rows]
    spanish = order.index("que-es-una-red-de-seguridad")  # it has no English version
    assert all(row.resource.language == "en" for row in rows[:spanish])
    assert all(rows[i].score >= rows[i + 1].score for i in range(len(rows) - 1))
    # The language filter still narrows: only Spanish, found through the glossary.
    rows, _ = search.search("safety network", filters={"language": ["es"]})
    assert rows[0].resource.id == "que-es-una-red-de-seguridad"
    assert all(row.resource.language == "es" for row in rows)
    # And the other way round, through a term the starter catalog itself carries.
    rows, _ = search.search("interpreter guide")
    assert [row.resource.id for row in rows] == ["guia-para-interpretes"]


def test_the_readers_language_chooses_between_a_resource_and_its_translation(
    search: LibrarySearch,
) -> None:
    english, _ = search.search("circ", as_you_type=True, language="en")
    spanish, _ = search.search("circ", as_you_type=True, language="es")
    pair = {"circles-of-safety-and-support-worksheet", "circulos-de-seguridad-y-apoyo"}
    assert english[0].resource.id == "circles-of-safety-and-support-worksheet"
    assert spanish[0].resource.id == "circulos-de-seguridad-y-apoyo"
    assert {english[0].resource.id, *(o.id for o in english[0].also)} == pair
    # Words that say their language win over the reader's.
    rows, _ = search.search("círculos de apoyo", language="en")
    assert rows[0].resource.id == "circulos-de-seguridad-y-apoyo"


def test_words_nothing_has_are_named_and_a_misspelt_last_word_is_corrected(
    search: LibrarySearch,
) -> None:
    rows, results = search.search("safety plan hoarding")
    assert rows and results.partial and results.unmatched == ("hoarding",)
    rows, results = search.search("safety plan hoarding", as_you_type=True, quick=False)
    assert rows and results.unmatched == ("hoarding",)  # the word still being typed too
    # As typed in the window (the last word a prefix): the misspelling is corrected, not
    # silently dropped in favour of "harm" alone.
    rows, results = search.search("harm statment", as_you_type=True, quick=False)
    assert results.corrected and results.suggestion == "harm statements"
    assert rows[0].resource.id.startswith("harm-and-danger-statements")
    rows, results = search.search("tres cassas", as_you_type=True, quick=False)
    assert results.corrected and rows[0].resource.id == "tres-casas-hoja-de-consejos"


def test_the_answer_while_typing_finds_the_other_language_through_the_glossary(
    search: LibrarySearch,
) -> None:
    """The first answer (titles and labels) already holds the Spanish resource the glossary
    finds for "safety network", below every resource the words as typed find."""
    for typed in ("safety network", "safety netw"):
        rows, results = search.search(typed, as_you_type=True)
        order = [row.resource.id for row in rows]
        assert results.quick and "que-es-una-red-de-seguridad" in order, typed
        spanish = order.index("que-es-una-red-de-seguridad")
        assert spanish > 0 and all(r.resource.language == "en" for r in rows[:spanish])
        assert all(rows[i].score >= rows[i + 1].score for i in range(len(rows) - 1))
        # And it is the resource the answer after the pause shows for it.
        full, _ = search.search(typed, as_you_type=True, quick=False, limit=60)
        assert "que-es-una-red-de-seguridad" in [row.resource.id for row in full]


def test_a_resource_and_its_translation_count_once_in_facets(search: LibrarySearch) -> None:
    """Facet counts are of the list's rows: a value counts the rows choosing it would show."""
    rows, results = search.search("safety", facets=True, limit=200)
    assert len(rows) + len(results.folded) == results.total  # every match listed or folded
    assert results.folded  # the starter catalog has translated resources that match
    assert sum(results.facets["type"].values()) == len(rows)
    for language, count in results.facets["language"].items():
        chosen, _ = search.search("safety", filters={"language": [language]}, limit=200)
        assert count == len(chosen) > 0
    # A resource and its translation are a row in each language.
    assert sum(results.facets["language"].values()) > len(rows)
