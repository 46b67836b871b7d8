"""The language splitter, made faster, cuts every text exactly as it did before: the same pieces,
in the same languages, with the same characters, on the starter catalog, on the synthetic
catalogs the benchmarks index and on hostile text."""

import json
from collections.abc import Iterator

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from resources_index.catalog.language import split_by_language, word_leaning
from resources_index.config import paths
from tests.helpers import language_reference as before
from tests.helpers.synthetic import ROOT, Generator


def starter_texts() -> Iterator[str]:
    """The starter's sources (titles and bodies) and the text objects it ships (pages, cues)."""
    content = yaml.safe_load((ROOT / "assets" / "starter" / "content.yaml").read_text("utf-8"))
    for item in content:
        yield item["title"]
        yield item.get("body", "")
    for path in sorted((paths.starter_catalog_dir() / "objects").rglob("*")):
        try:
            shipped = json.loads(path.read_bytes()) if path.is_file() else None
        except ValueError:
            continue  # a document or a picture, not a text object
        if isinstance(shipped, dict) and "segments" in shipped:
            yield from (str(segment.get("text", "")) for segment in shipped["segments"])


def synthetic_texts() -> Iterator[str]:
    """What the index build splits for each synthetic resource: title, summary, pages or cues."""
    catalog = Generator().catalog(120)
    for resource in catalog.manifest.resources:
        yield resource.title
        yield resource.summary
        yield from (str(segment["text"]) for segment in catalog.texts(resource))


def assert_as_before(text: str) -> None:
    for default in ("en", "es"):
        assert split_by_language(text, default) == before.split_by_language(text, default)


def test_the_starter_catalog_is_cut_as_before() -> None:
    texts = [text for text in starter_texts() if text.strip()]
    assert len(texts) > 150  # titles, bodies and the shipped text objects were all found
    for text in texts:
        assert_as_before(text)


def test_the_synthetic_catalogs_are_cut_as_before() -> None:
    texts = list(synthetic_texts())
    assert len(texts) > 800  # 120 resources: titles, summaries, every page and cue
    for text in texts:
        assert_as_before(text)


@pytest.mark.parametrize(
    "word", ["the", "The", "niño", "NIÑO", "plan", "no", "kalomi", "danger", "peligro", "x_y", "2"]
)
def test_each_word_leans_as_before(word: str) -> None:
    assert word_leaning(word) == before.word_leaning(word)


# English and Spanish function words, tool names, words that lean one way (by a spelling, an
# accent, the glossary) or none, case and letters that change under casefolding, quotes,
# brackets and stops.
WORDS = """the and of to a in is that for it with as on are you they which about
el la los las de del y que en un una es por con para se su al como más pero qué
Three Houses Safety plan danger worker mapping kalomi sutane
declaración peligro niños familia Casa Sueños herramienta seguridad ayuda
The La THE El Use use No no plan
á é í ó ú ñ ü ¿ ¡ Á Ñ ß İ ǅ ﬁ
" “ ” « » ( ) . ! ? ; : , _ - 2 ½"""
FRAGMENTS = [
    *WORDS.split(),
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\x85",
    ". ",
    ".\n",
    ': "',
    '" ',
    " (",
    ") ",
]


@settings(max_examples=400)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60))
def test_mixed_words_quotes_and_any_characters_are_cut_as_before(parts: list[str]) -> None:
    assert_as_before("".join(parts))


@settings(max_examples=200)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80).map(" ".join))
def test_sentences_of_words_and_marks_are_cut_as_before(text: str) -> None:
    assert_as_before(text)


@given(st.text())
def test_any_text_is_cut_as_before(text: str) -> None:
    assert_as_before(text)
