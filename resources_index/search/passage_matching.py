"""Which words of a passage a query matched: the ``WordMatcher`` that ``snippets.best_passage``
marks a hit's passage with (the query's words, their stems in both languages, a typed prefix)."""

import re

from resources_index.search.analysis import ANALYZERS, LANGUAGES, is_stop_word
from resources_index.search.query import ParsedQuery
from resources_index.search.snippets import WordMatcher


def word_matcher(parsed: ParsedQuery) -> WordMatcher:
    """Decide, for each word of a passage, whether the query matched it."""
    wanted: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    plain: set[str] = set()
    words = [w for w in parsed.all_terms() if not is_stop_word(w)]
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
    # No ``\b`` in front: it keeps the regular expression engine from skipping ahead to the
    # letters words start with (2-3x slower); ``best_passage`` keeps matches at a word's start.
    candidates = re.compile(rf"(?:{alternatives})\w*")

    decided: dict[str, bool] = {}

    def confirm(token: str, language: str | None) -> bool:
        known = decided.get(token)
        if known is None:
            known = bool(
                token in plain
                or (prefix and token.startswith(prefix))
                or any(t.text in wanted[lang] for lang in LANGUAGES for t in ANALYZERS[lang](token))
            )
            decided[token] = known
        return known

    return WordMatcher(candidates, confirm)
