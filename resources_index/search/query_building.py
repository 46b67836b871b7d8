"""Whoosh queries from a parsed query: each word in every language field, phrases, prefixes.

Terms no document holds are left out, as each absent alternative only slows the matcher.
"""

from collections.abc import Sequence
from typing import Any

from whoosh import query

from resources_index.search.analysis import analyze, is_stop_word, phrase_terms
from resources_index.search.query import ParsedQuery
from resources_index.search.schema import FACETS, TEXT_FIELDS

#: A word is looked for in these (bodies and meta hold the titles).
WORD_FIELDS = ("body_en", "body_es", "meta")
PREFIX_EXPANSION = 4
WHOLE_PREFIX = 3  # a word being typed this long that nothing starts with finds nothing
BODY_PREFIX_MIN = 4  # shorter prefixes complete titles, tools and tags only
PREFIX_SCAN = 400
#: Prefix expansions remembered per index reader: a morning's typing repeats its prefixes;
#: the oldest are forgotten past this many, so a long session's memory stays flat.
PREFIX_CACHE_LIMIT = 2048


def any_of(subqueries: Sequence[query.Query]) -> query.Or:
    """An Or that intersects lazily: Whoosh would otherwise preload and score every posting
    of every alternative on indexes under 5,000 documents."""
    union = query.Or(list(subqueries))
    union.matcher_type = query.Or.DEFAULT_MATCHER
    return union


def filter_query(filters: dict[str, Sequence[str]] | None) -> query.Query | None:
    """The chosen facet values: any value within a facet, every facet across them."""
    clauses = []
    for name, values in (filters or {}).items():
        if name in FACETS and values:
            clauses.append(any_of([query.Term(name, v) for v in values]))
    return query.And(clauses) if clauses else None


def scope_query(within: Sequence[str] | None) -> query.Query | None:
    """Only the resources with these ids (favorites, recently viewed, what's new); None for
    the whole library."""
    if within is None:
        return None
    return any_of([query.Term("id", rid) for rid in within])


def both(first: query.Query | None, second: query.Query | None) -> query.Query | None:
    """Either restriction, or both at once."""
    if first is None or second is None:
        return first or second
    return query.And([first, second])


class QueryBuilder:
    """Builds queries against one index reader; its prefix expansions are cached with it."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._prefix_cache: dict[tuple[str, str], list[str]] = {}

    def present(self, fieldname: str, text: str) -> bool:
        """Whether any document has this term."""
        return bool(self.reader.doc_frequency(fieldname, text))

    def parts(self, parsed: ParsedQuery) -> list[query.Query]:
        """One required part per word, phrase and the word being typed."""
        if parsed.words and all(is_stop_word(w) for w in parsed.words) and not parsed.prefix:
            return [any_of([query.Term("meta", w) for w in parsed.words])]
        parts: list[query.Query] = []
        for word in parsed.words:
            part = self.word_query(word, parsed.expansions.get(word))
            if part is not None:
                parts.append(part)
        for phrase in parsed.phrases:
            parts.append(self.phrase_query(phrase))
        if parsed.prefix:
            part = self.prefix_query(parsed.prefix, parsed.expansions.get(parsed.prefix))
            if part is not None:
                parts.append(part)
            elif len(parsed.prefix) >= WHOLE_PREFIX and not is_stop_word(parsed.prefix):
                parts.append(query.NullQuery)  # a word typed that nothing starts with
        return parts

    def unmatched(self, parsed: ParsedQuery) -> list[str]:
        """The words (and quoted phrases) of ``parsed`` that no resource has."""
        missing = [
            word
            for word in parsed.words
            if self.word_query(word, parsed.expansions.get(word)) is query.NullQuery
        ]
        missing += [
            " ".join(phrase)
            for phrase in parsed.phrases
            if self.phrase_query(phrase) is query.NullQuery
        ]
        prefix = parsed.prefix or ""
        if (
            len(prefix) >= WHOLE_PREFIX
            and not is_stop_word(prefix)
            and self.prefix_query(prefix, parsed.expansions.get(prefix)) is None
        ):
            missing.append(prefix)
        return missing

    def word_query(self, word: str, expansion: str | None) -> query.Query | None:
        if is_stop_word(word) and not expansion:
            return None  # "de", "the", "para": never required
        terms = self._terms(word, WORD_FIELDS)
        if expansion:
            terms.append(self.phrase_query(tuple(expansion.split())))
        return any_of(terms) if terms else query.NullQuery

    def _terms(self, word: str, fields: Sequence[str]) -> list[query.Query]:
        terms: list[query.Query] = []
        for name in fields:
            analyzed = analyze(name, word) if name != "meta" else [word]
            terms += [query.Term(name, t) for t in analyzed if self.present(name, t)]
        return terms

    def phrase_query(self, words: tuple[str, ...]) -> query.Query:
        options: list[query.Query] = []
        for name in TEXT_FIELDS:  # bodies hold their titles
            tokens = phrase_terms(name, words)
            if len(tokens) > 1:
                options.append(query.Phrase(name, tokens))
            elif tokens:
                options.append(query.Term(name, tokens[0]))
        return any_of(options) if options else query.NullQuery

    def prefix_query(self, prefix: str, expansion: str | None) -> query.Query | None:
        options = [self.word_query(prefix, expansion) or query.NullQuery]
        if len(prefix) >= 2 and self.present("complete", prefix[:20]):
            options.append(query.Term("complete", prefix[:20]))
        if len(prefix) >= BODY_PREFIX_MIN:
            for name in ("body_en", "body_es"):
                options += [query.Term(name, t) for t in self.expand(name, prefix)]
        options = [o for o in options if o is not query.NullQuery]
        return any_of(options) if options else None

    def expand(self, fieldname: str, prefix: str) -> list[str]:
        """The commonest indexed words that start with ``prefix`` (bounded, cached).

        Bodies are stemmed, so a long prefix can run past its word's stem ("allegatio" ->
        "alleg"): indexed terms that the prefix itself starts with count too.
        """
        if len(prefix) < 3:
            return []
        key = (fieldname, prefix)
        if key not in self._prefix_cache:
            reader = self.reader
            candidates = []
            for count, term in enumerate(reader.expand_prefix(fieldname, prefix)):
                if count >= PREFIX_SCAN:
                    break
                text = term.decode() if isinstance(term, bytes) else term
                candidates.append((reader.doc_frequency(fieldname, text), text))
            candidates.sort(reverse=True)
            chosen = [t for _, t in candidates[:PREFIX_EXPANSION]]
            for end in range(len(prefix) - 1, BODY_PREFIX_MIN, -1):
                stem = prefix[:end]
                if reader.doc_frequency(fieldname, stem):
                    chosen.append(stem)
                    break
            if len(self._prefix_cache) >= PREFIX_CACHE_LIMIT:
                del self._prefix_cache[next(iter(self._prefix_cache))]
            self._prefix_cache[key] = chosen
        return self._prefix_cache[key]
