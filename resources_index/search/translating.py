"""A query in the other language, through the bilingual SOP glossary.

"safety plan for families" is also asked as "plan de seguridad" + "familias", so a resource
that exists only in Spanish is found from English (and the other way round). Terms are matched
by their stems in their own language, so plurals and accents do not matter ("planes de
seguridad" is "plan de seguridad"); the longest term wins.
"""

import re

from resources_index.catalog.glossary import Glossary
from resources_index.search.analysis import LANGUAGES, STOP_WORDS
from resources_index.search.query import ParsedQuery, fold

Stems = tuple[str, ...]
_WORD = re.compile(r"\w+")


def _singular(word: str, language: str) -> str:
    """A light, predictable singular ("declaraciones", "declaración" -> "declaracion";
    "houses" -> "house"): the snowball stems of a singular and its plural can differ once
    accents are folded, and a glossary term must match either."""
    if language == "es" and len(word) > 4 and word.endswith("es") and word[-3] not in "aeiou":
        return word[:-2]
    if language == "en" and len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _stems(text: str, language: str) -> Stems:
    """The words that identify a term: folded, singular, function words left out."""
    return tuple(
        _singular(w, language) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS[language]
    )


class Translator:
    """Rewrites queries with one glossary (the program's terms and the catalog's)."""

    def __init__(self, glossary: Glossary) -> None:
        self.terms: dict[str, dict[Stems, tuple[str, ...]]] = {lang: {} for lang in LANGUAGES}
        for english, spanish in glossary.pairs:
            for lang, source, target in (("en", english, spanish), ("es", spanish, english)):
                stems = _stems(source, lang)
                if stems:
                    self.terms[lang].setdefault(stems, tuple(_WORD.findall(fold(target))))
        self.longest = max((len(s) for terms in self.terms.values() for s in terms), default=0)

    def other_language(self, parsed: ParsedQuery) -> ParsedQuery | None:
        """The query with every glossary term it holds replaced by its translation (the other
        words kept), or None when it holds none. A word still being typed counts when it is
        already a whole word of a term."""
        words = list(parsed.words)
        if parsed.prefix:
            words.append(parsed.prefix)
        best: tuple[int, ParsedQuery] | None = None
        for lang in LANGUAGES:
            translated = self._translate(words, lang)
            if translated is None:
                continue
            covered, new_words, used_prefix = translated
            prefix = None if used_prefix or not parsed.prefix else parsed.prefix
            if prefix is not None:
                new_words = new_words[:-1]
            candidate = ParsedQuery(tuple(new_words), parsed.phrases, prefix, parsed.raw, {})
            if best is None or covered > best[0]:
                best = (covered, candidate)
        return best[1] if best else None

    def _translate(self, words: list[str], lang: str) -> tuple[int, list[str], bool] | None:
        stems = [_stems(w, lang) for w in words]
        kept: list[str] = []
        covered = 0
        used_last = False
        index = 0
        while index < len(words):
            match = self._longest_at(stems, index, lang)
            if match is None:
                kept.append(words[index])
                index += 1
                continue
            end, target = match
            kept += target  # each word required, not the phrase: "planes de seguridad" too
            covered += end - index
            used_last = used_last or end == len(words)
            index = end
        return (covered, kept, used_last) if covered else None

    def _longest_at(
        self, stems: list[Stems], start: int, lang: str
    ) -> tuple[int, tuple[str, ...]] | None:
        """The longest term starting at word ``start`` (stop words inside it are skipped)."""
        if not stems[start]:
            return None
        found = None
        key: Stems = ()
        for end in range(start, min(len(stems), start + 2 * self.longest)):
            key += stems[end]
            if len(key) > self.longest:
                break
            if stems[end] and key in self.terms[lang]:
                found = (end + 1, self.terms[lang][key])
        return found
