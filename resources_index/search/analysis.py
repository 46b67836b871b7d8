"""How text becomes index terms: one tokenizer and a cached normalizing filter per language.

Whoosh pickles each field's analyzer into the table of contents of every index it writes, naming
its classes by module. Indexes built by earlier releases (and the ones statewide servers still
publish) name this module ``resources_index.search_index``; that name is kept, both ways, so those
indexes open here and the indexes built here open on laptops that have not upgraded yet.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from whoosh import analysis
from whoosh.lang import stemmer_for_language

from resources_index.search.query import fold_same_length
from resources_index.search.whoosh_internals import pickle_as

PICKLED_AS = "resources_index.search_index"
LANGUAGES = ("en", "es")

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
        self._stemmer: Callable[[str], str] | None = None

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
        if self._stemmer is None:
            self._stemmer = stemmer_for_language(self.lang)
        return str(self._stemmer(folded))

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


STOP_WORDS = {
    "en": frozenset(analysis.StopFilter(lang="en").stops),
    "es": frozenset(analysis.StopFilter(lang="es").stops),
}
ANALYZERS: dict[str, analysis.Analyzer] = {
    lang: _analyzer(lang, STOP_WORDS[lang]) for lang in STOP_WORDS
}
PLAIN = _analyzer(None, frozenset(), minsize=1)
WORDS = _analyzer(None, STOP_WORDS["en"] | STOP_WORDS["es"], minsize=3)
EDGE = _analyzer(None, frozenset(), minsize=1) | analysis.NgramFilter(2, 20, at="start")


def analyze(fieldname: str, word: str) -> list[str]:
    """The terms ``word`` becomes in a language field (``body_es``, ``body_en``)."""
    lang = fieldname.rsplit("_", 1)[-1]
    return [t.text for t in ANALYZERS[lang](word)]


def phrase_terms(fieldname: str, words: Sequence[str]) -> list[str]:
    """The terms a phrase of ``words`` becomes in a language field, in order."""
    return [t for w in words for t in analyze(fieldname, w)]


def is_stop_word(word: str) -> bool:
    """A function word in English or Spanish (or a single letter)."""
    return any(not any(True for _ in ANALYZERS[lang](word)) for lang in LANGUAGES)


pickle_as(PICKLED_AS, NormalizeFilter)
