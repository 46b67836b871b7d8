"""Misspellings: words the library does not hold, or holds only as someone's typo, replaced by
the nearest ones it holds often."""

from typing import Any

from resources_index.search.analysis import analyze
from resources_index.search.query import ParsedQuery
from resources_index.search.schema import TEXT_FIELDS

#: A word found in this few resources may itself be a misspelling ("thre" in one handout) ...
RARE_DOCS = 2
#: ... of a word this many times as common.
COMMONER = 5


def correct(searcher: Any, parsed: ParsedQuery) -> ParsedQuery | None:
    """The query with unknown words corrected, and words found in only a resource or two
    that are near a much commoner one, or None when nothing changes."""
    reader = searcher.reader()
    corrector = searcher.corrector("words")
    changed = False
    words = []
    for word in parsed.words:
        found = 0 if word in parsed.expansions else _frequency(reader, word)
        fix = None
        if word not in parsed.expansions and found <= RARE_DOCS:
            fix = _nearest(reader, corrector, word, found)
        words.append(fix or word)
        changed = changed or fix is not None
    prefix = parsed.prefix
    if prefix and len(prefix) >= 4 and not _prefix_known(reader, prefix):
        fix = _nearest(reader, corrector, prefix, 0)
        if fix:
            prefix, changed = fix, True
    return parsed.with_words(tuple(words), prefix) if changed else None


def _nearest(reader: Any, corrector: Any, word: str, found: int) -> str | None:
    for suggestion in corrector.suggest(word, limit=3, maxdist=_distance(word), prefix=1):
        if not found or reader.doc_frequency("words", suggestion) >= COMMONER * found:
            return str(suggestion)
    return None


def _distance(word: str) -> int:
    """Two edits for long words, one for short ones (more would match unrelated words)."""
    return 2 if len(word) >= 6 else 1


def _frequency(reader: Any, word: str) -> int:
    """In how many resources the word (or its stem in a language field) appears, at most."""
    counts: list[int] = [reader.doc_frequency("words", word)]
    counts += [reader.doc_frequency(name, t) for name in TEXT_FIELDS for t in analyze(name, word)]
    return max(counts)


def _prefix_known(reader: Any, prefix: str) -> bool:
    return any(True for _ in reader.expand_prefix("words", prefix))
