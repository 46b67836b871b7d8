"""Answering one query over one searcher: quick answers while typing, corrections, fallbacks.

An ``Answerer`` lives as long as the searcher it reads; the index makes a new one whenever it
refreshes, so its caches (prefix expansions, facet postings) never outlive what they describe.
"""

from collections.abc import Callable, Collection, Sequence
from typing import Any

from whoosh import query

from resources_index.search.analysis import is_stop_word
from resources_index.search.facets import FacetCounter
from resources_index.search.language_preference import prefer, query_language
from resources_index.search.passage_matching import word_matcher
from resources_index.search.query import ParsedQuery
from resources_index.search.query_building import (
    QueryBuilder,
    any_of,
    both,
    filter_query,
    scope_query,
)
from resources_index.search.results import Hit, SearchResults
from resources_index.search.schema import Segments
from resources_index.search.snippets import best_passage
from resources_index.search.spelling import correct
from resources_index.search.translating import Translator
from resources_index.search.vector_search import (
    VectorSearcher,
    count_together,
    matched_together,
)

CROSS_LANGUAGE_FACTOR = 0.5  # scores of hits found only through the other language's words

HitText = Callable[[str], Segments]
#: Hits, the query that found them, a factor on their scores, and the query whose words mark a
#: passage the first one's words do not appear in (its translation).
Group = tuple[Any, ParsedQuery, float, ParsedQuery | None]


def _found(hits: Any) -> bool:
    return hits is not None and hits.scored_length() > 0


def _docs(hits: Any, more: Any) -> Collection[int]:
    """The documents matched by either search."""
    return matched_together([h for h in (hits, more) if h is not None])


def _estimate(hits: Any) -> int:
    return int(max(hits.scored_length(), hits.estimated_min_length()))


def clearly_better(fixed: Any, typed: Any) -> bool:
    """Whether the corrected words find clearly more (twice as many) or better (a top match
    half as strong again) than the words as typed."""
    found, typed_found = int(fixed.scored_length()), int(typed.scored_length())
    if found <= typed_found:
        if not (found and typed_found):
            return False
        return float(fixed.top_n[0][0]) >= 1.5 * float(typed.top_n[0][0])
    return found >= 2 * typed_found


class Answerer:
    """Runs parsed queries against one Whoosh searcher."""

    def __init__(
        self, searcher: Any, vectors: VectorSearcher, translator: Translator | None = None
    ) -> None:
        self.searcher = searcher
        self.vectors = vectors
        self.translator = translator
        self.build = QueryBuilder(searcher.reader())
        self.facets = FacetCounter(searcher.reader())

    def forget_expansions(self) -> None:
        """Drop the prefix expansions and decoded posting lists learnt so far, as a new
        session finds them (the facet postings stay: they describe the searcher)."""
        self.build = QueryBuilder(self.searcher.reader())
        self.vectors.forget()

    def answer(
        self,
        parsed: ParsedQuery,
        load_text: HitText,
        filters: dict[str, Sequence[str]] | None,
        limit: int,
        facets: bool,
        quick: bool = False,
        within: Sequence[str] | None = None,
        skip: Collection[str] = (),
    ) -> SearchResults:
        """Answer ``parsed``; with ``within`` only among those resources (a scope), facet
        counts included. Hits in ``skip`` (a page already shown) are left out of the answer,
        their passages not even looked for; the total still counts them."""
        scope = scope_query(within)
        chosen = filter_query(filters)
        restrict = both(chosen, scope)
        if parsed.empty or (within is not None and not within):
            return SearchResults()
        if quick and not facets:
            answer = self._quick(parsed, load_text, restrict, limit)
            if answer is not None:
                return answer
        parts = self.build.parts(parsed)
        if not parts:
            return SearchResults()
        used = query.And(parts)
        hits = self._run(used, limit, restrict)
        outcome = SearchResults(quick=quick)
        corrected = correct(self.searcher, parsed)
        if corrected is not None:
            fixed_query = query.And(self.build.parts(corrected))
            fixed = self._run(fixed_query, limit, restrict)
            if clearly_better(fixed, hits):
                outcome.suggestion = " ".join(corrected.all_terms())
                if hits.scored_length() == 0:
                    hits, parsed, outcome.corrected = fixed, corrected, True
                    used = fixed_query
        # Matches through the other language rank below every match of the words as typed: a
        # page the typed words fill has no room for them, and only counting needs them then.
        page_full = hits.scored_length() >= limit and not facets
        other = None if self.translator is None else self.translator.other_language(parsed)
        other_query = None if quick or page_full else self._required(other)
        other_hits = None if other_query is None else self._run(other_query, limit, restrict)
        if not _found(hits) and not _found(other_hits) and len(parts) > 1:
            used = any_of(parts)
            hits = self._run(used, limit, restrict)
            outcome.partial = hits.scored_length() > 0
            outcome.unmatched = tuple(self.build.unmatched(parsed)) if outcome.partial else ()
        if facets:
            matched = _docs(hits, other_hits)
            outcome.total = len(matched)
            # Each facet is counted as if its own filter were not set, so the other values of
            # a chosen facet stay offered (choices widen within a facet, narrow across them).
            if chosen is not None:
                matched = _docs(
                    self._run(used, 1, scope),
                    None if other_query is None else self._run(other_query, 1, scope),
                )
            outcome.facets = self.facets.counts(matched, filters or {})
        else:
            found = [h for h in (hits, other_hits) if h is not None]
            counted = count_together(found)
            if counted is not None:
                outcome.total = counted
            else:  # Whoosh's own answer: counting every match would cost a second pass
                outcome.total = sum(_estimate(h) for h in found)
                outcome.total_exact = all(h.scored_length() < limit for h in found)
        # A resource in the other language matched by the typed words (through its labels)
        # and holding none of them has its passage marked with the translated words.
        groups: list[Group] = [(hits, parsed, 1.0, None if other is None else parsed.joined(other))]
        if other_hits is not None and other is not None:
            groups.append((other_hits, other, CROSS_LANGUAGE_FACTOR, None))
        self._fill(outcome, groups, load_text, skip, limit)
        return outcome

    def _required(self, parsed: ParsedQuery | None) -> query.Query | None:
        """Every part of ``parsed`` required, or None when it has no part."""
        parts = self.build.parts(parsed) if parsed is not None else []
        return query.And(parts) if parts else None

    def _fill(
        self,
        outcome: SearchResults,
        groups: list["Group"],
        load_text: HitText,
        skip: Collection[str] = (),
        limit: int | None = None,
    ) -> None:
        """Rank the hits (query language first; a group's hits all below the group before,
        so matches through a translation come after matches of the words as typed) and give
        each its best passage; hits in ``skip`` count towards ``limit`` but are not filled."""
        taken: set[str] = set()
        floor = float("inf")  # each group's scores stay below the group before
        for hits, parsed, factor, fallback in groups:
            lowest = floor
            matcher = word_matcher(parsed)
            second = None if fallback is None else word_matcher(fallback)
            preferred = query_language(parsed)
            ranked = sorted(
                (
                    (prefer(float(hit.score or 0.0), hit.get("language"), preferred), hit["id"])
                    for hit in hits
                ),
                key=lambda pair: -pair[0],
            )
            for score, rid in ranked:
                if rid in taken or (limit is not None and len(taken) >= limit):
                    continue
                taken.add(rid)
                shown = min(score * factor, floor * 0.99)
                lowest = min(lowest, shown)
                if rid not in skip:
                    passage = best_passage(load_text(rid), matcher)
                    if second is not None and "<b>" not in passage.html:
                        passage = best_passage(load_text(rid), second)
                    outcome.hits.append(Hit(rid, shown, passage))
            floor = lowest

    def _run(self, question: query.Query, limit: int, restrict: query.Query | None) -> Any:
        """The best ``limit`` matches: by array operations, every match counted, for the
        queries ``QueryBuilder`` makes; by Whoosh for any other."""
        if self.vectors.handles(question) and self.vectors.handles(restrict):
            return self.vectors.search(question, limit, restrict)
        return self.searcher.search(question, limit=limit, filter=restrict)

    def _quick(
        self,
        parsed: ParsedQuery,
        load_text: HitText,
        restrict: query.Query | None,
        limit: int,
    ) -> SearchResults | None:
        """While typing: matches in titles, tools, tags and labels (as Kiwix suggests titles).

        Each word is one lookup in the edge n-gram field of titles and labels, so a word in
        half the library still costs one short posting list instead of a union over every
        field. When nothing matches there, the full search runs at once; otherwise the caller
        runs it (``quick=False``) when typing pauses, and its results replace these. As after
        the pause, a page the typed words do not fill goes on with the titles and labels the
        glossary's translation of them finds, below every match of the words as typed.
        """
        question = self._quick_query(parsed)
        if question is None:
            return None
        hits = self._run(question, limit, restrict)
        if hits.scored_length() == 0:
            return None
        groups: list[Group] = [(hits, parsed, 1.0, None)]
        other = None if self.translator is None else self.translator.other_language(parsed)
        other_question = None if other is None else self._quick_query(other)
        if other is not None and other_question is not None and hits.scored_length() < limit:
            groups[0] = (hits, parsed, 1.0, parsed.joined(other))
            groups.append(
                (self._run(other_question, limit, restrict), other, CROSS_LANGUAGE_FACTOR, None)
            )
        # At least this many: the search after the pause looks in the texts as well.
        counted = count_together([g[0] for g in groups])
        outcome = SearchResults(total=counted or 0, total_exact=False, quick=True)
        self._fill(outcome, groups, load_text, limit=limit)
        return outcome

    def _quick_query(self, parsed: ParsedQuery) -> query.Query | None:
        """Every word of ``parsed`` (its prefix too) in titles and labels, or None when one
        of them is in none."""
        words = [w for w in parsed.words if not is_stop_word(w)]
        words += [w for phrase in parsed.phrases for w in phrase if not is_stop_word(w)]
        if parsed.prefix and len(parsed.prefix) >= 2:
            words.append(parsed.prefix)
        if not words or parsed.expansions:
            return None
        terms = [query.Term("complete", w[:20]) for w in dict.fromkeys(words)]
        if not all(self.build.present("complete", t.text) for t in terms):
            return None
        return query.And(terms)
