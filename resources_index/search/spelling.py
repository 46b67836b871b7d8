"""Misspellings: words the library does not hold, replaced by the nearest ones it does."""

from typing import Any

from resources_index.search.analysis import analyze
from resources_index.search.query import ParsedQuery
from resources_index.search.schema import TEXT_FIELDS


def correct(searcher: Any, parsed: ParsedQuery) -> ParsedQuery | None:
    """The query with unknown words corrected, or None when every word is known."""
    reader = searcher.reader()
    corrector = searcher.corrector("words")
    changed = False
    words = []
    for word in parsed.words:
        if word in parsed.expansions or _known(reader, word):
            words.append(word)
            continue
        suggestions = corrector.suggest(word, limit=1, maxdist=_distance(word), prefix=1)
        if suggestions:
            words.append(suggestions[0])
            changed = True
        else:
            words.append(word)
    prefix = parsed.prefix
    if prefix and len(prefix) >= 4 and not _prefix_known(reader, prefix):
        suggestions = corrector.suggest(prefix, limit=1, maxdist=_distance(prefix), prefix=1)
        if suggestions:
            prefix, changed = suggestions[0], True
    return parsed.with_words(tuple(words), prefix) if changed else None


def _distance(word: str) -> int:
    """Two edits for long words, one for short ones (more would match unrelated words)."""
    return 2 if len(word) >= 6 else 1


def _known(reader: Any, word: str) -> bool:
    if reader.doc_frequency("words", word):
        return True
    return any(reader.doc_frequency(name, t) for name in TEXT_FIELDS for t in analyze(name, word))


def _prefix_known(reader: Any, prefix: str) -> bool:
    return any(True for _ in reader.expand_prefix("words", prefix))
