"""Answering a query with array operations over whole posting lists, Whoosh's scores kept.

Whoosh walks the postings of every word of a query one document at a time in Python; on a
library of 20,000 resources a common word is tens of thousands of steps, slower than SQLite's
FTS5 in C. Here each word's posting list (``PostingArrays``) is scored at once with BM25F's
formula over arrays, the words are combined (all required, any alternative), and the top hits
are picked with a partial sort: the same scores and order as Whoosh's collector (ties by
document number), in a few milliseconds, and the exact number of matches comes for free.

Queries made of word terms, phrases, ``And`` and ``Or`` are computed here (``handles``); anything
else is left to Whoosh. Which documents hold a phrase comes from its words' positions
(``posting_blocks.phrase_documents``: common words' from ``posting_positions``, rare words'
from Whoosh's blocks), stored for the acronyms' phrases and kept once found.
"""

from collections.abc import Collection
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query, searching

from resources_index.search.posting_arrays import PostingArrays
from resources_index.search.posting_blocks import Floats, Ids
from resources_index.search.scoring import LengthTable
from resources_index.search.whoosh_internals import bm25_scores, fell_back, set_match_count

Mask = npt.NDArray[np.bool_]


class VectorResults(searching.Results):
    """Whoosh results whose set of matches is known exactly (without a second pass)."""

    def __init__(self, searcher: Any, question: Any, top_n: list[Any], matched: Ids) -> None:
        super().__init__(searcher, question, top_n)
        self.matched = matched
        set_match_count(self, len(matched))
        self._matched_set: set[int] | None = None

    def docs(self) -> set[int]:
        if self._matched_set is None:
            self._matched_set = set(self.matched.tolist())
        return self._matched_set


def matched_together(results: list[Any]) -> Collection[int]:
    """The documents any of ``results`` matched: an array when each knows its own."""
    if not all(isinstance(r, VectorResults) for r in results):
        return set().union(*(r.docs() for r in results))
    arrays: list[Ids] = [r.matched for r in results]
    return arrays[0] if len(arrays) == 1 else np.unique(np.concatenate(arrays))


def count_together(results: list[Any]) -> int | None:
    """How many documents any of ``results`` matched, or None unless each counted its own."""
    if not all(isinstance(r, VectorResults) for r in results):
        return None
    return len(matched_together(results))


def top(scores: Floats, docnums: Ids, limit: int) -> list[tuple[float, int]]:
    """The ``limit`` best (score, document) pairs, best first, equal scores by document
    number (as Whoosh's collector orders them)."""
    if limit < len(scores):
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = scores >= threshold
        scores, docnums = scores[keep], docnums[keep]
    order = np.lexsort((docnums, -scores))[:limit]
    return list(zip(scores[order].tolist(), docnums[order].tolist(), strict=True))


class VectorSearcher:
    """Runs queries over one Whoosh searcher with array operations."""

    def __init__(self, searcher: Any, lengths: LengthTable, folder: Path | None = None) -> None:
        self.searcher = searcher
        self.lengths = lengths
        self.folder = folder  # the index's, where common words' arrays are stored
        self.postings = PostingArrays(folder)
        self._alive: dict[int, Mask | None] = {}

    def forget(self) -> None:
        """Drop the posting lists read so far (they are read again when next needed)."""
        self.postings.forget()

    def handles(self, question: Any) -> bool:
        """Whether ``question`` (None: no restriction) is made only of what arrays compute."""
        if question is None or question is query.NullQuery:
            return True
        kind = type(question)
        if question.boost != 1.0 or kind not in (query.And, query.Or, query.Term, query.Phrase):
            return False
        if kind is query.Phrase:
            return bool(question.slop == 1 and question.words)
        if kind is query.Or and (question.minmatch or question.scale):
            return False
        return kind is query.Term or all(self.handles(q) for q in question.subqueries)

    def search(self, question: Any, limit: int, restrict: Any = None) -> VectorResults:
        """The best ``limit`` documents matching ``question`` (and ``restrict``, if given)."""
        found_scores: list[Floats] = []
        found_docs: list[Ids] = []
        for leaf_searcher, offset in self.searcher.leaf_searchers():
            leaf = leaf_searcher.reader()
            size = leaf.doc_count_all()
            mask, scores = self._evaluate(question, leaf_searcher, size, True)
            if restrict is not None:
                mask &= self._evaluate(restrict, leaf_searcher, size, False)[0]
            alive = self._alive_mask(leaf, size)
            if alive is not None:
                mask &= alive
            docnums = np.flatnonzero(mask)
            found_scores.append(scores[docnums])
            found_docs.append(docnums + offset)
        scores = np.concatenate(found_scores) if found_scores else np.empty(0)
        docnums = np.concatenate(found_docs) if found_docs else np.empty(0, np.int64)
        return VectorResults(self.searcher, question, top(scores, docnums, limit), docnums)

    def _alive_mask(self, leaf: Any, size: int) -> Mask | None:
        key = id(leaf)
        if key not in self._alive:
            alive = None
            if leaf.has_deletions():
                alive = np.ones(size, dtype=bool)
                alive[np.fromiter(leaf.deleted_docs_set, dtype=np.int64)] = False
            self._alive[key] = alive
        return self._alive[key]

    def _evaluate(
        self, node: Any, leaf_searcher: Any, size: int, scored: bool
    ) -> tuple[Mask, Floats]:
        """The documents of one segment ``node`` matches, and their scores (zero where it
        does not match; not computed unless ``scored``)."""
        kind = type(node)
        if node is query.NullQuery or (kind in (query.And, query.Or) and not node.subqueries):
            return np.zeros(size, dtype=bool), np.zeros(size)
        if kind is query.Term:
            found = self._term(node, leaf_searcher, size, scored)
            if found is not None:
                return found
        elif kind is query.Phrase:
            found = self._phrase(node, leaf_searcher, size, scored)
            if found is not None:
                return found
        elif kind in (query.And, query.Or):
            parts = iter(node.subqueries)
            mask, scores = self._evaluate(next(parts), leaf_searcher, size, scored)
            for part in parts:
                more, more_scores = self._evaluate(part, leaf_searcher, size, scored)
                if kind is query.And:
                    mask &= more
                else:
                    mask |= more
                if scored:
                    scores += more_scores
            return mask, scores
        return self._by_matcher(node, leaf_searcher, size, scored)

    def _term(
        self, term: Any, leaf_searcher: Any, size: int, scored: bool
    ) -> tuple[Mask, Floats] | None:
        mask, scores = np.zeros(size, dtype=bool), np.zeros(size)
        leaf = leaf_searcher.reader()
        if term.fieldname not in leaf.schema:
            return mask, scores
        postings = self.postings.read(leaf, term.fieldname, term.text)
        if postings is None:
            return mask, scores
        ids, weights = postings
        mask[ids] = True
        if not scored:
            return mask, scores
        scorer = leaf_searcher.weighting.scorer(leaf_searcher, term.fieldname, term.text)
        lengths = self.lengths.array(leaf, term.fieldname)
        if lengths is None:
            return None
        found = bm25_scores(scorer, weights, lengths[ids])
        if found is None:
            return None
        scores[ids] = found
        return mask, scores

    def _phrase(
        self, phrase: Any, leaf_searcher: Any, size: int, scored: bool
    ) -> tuple[Mask, Floats] | None:
        """A phrase scores as its words do together (as Whoosh scores it), in the documents
        that hold the words in order."""
        mask, scores = np.zeros(size, dtype=bool), np.zeros(size)
        leaf = leaf_searcher.reader()
        fieldname, words = phrase.fieldname, tuple(phrase.words)
        if fieldname not in leaf.schema or not all(leaf.doc_frequency(fieldname, w) for w in words):
            return mask, scores
        mask[self.postings.phrase(leaf_searcher, fieldname, words)] = True
        if scored:
            for word in words:
                found = self._term(query.Term(fieldname, word), leaf_searcher, size, True)
                if found is None:
                    return None
                scores += found[1]
            scores[~mask] = 0.0
        return mask, scores

    @staticmethod
    def _by_matcher(node: Any, leaf_searcher: Any, size: int, scored: bool) -> tuple[Mask, Floats]:
        """Whoosh's own matcher, one document at a time: a term of a field not scored with
        BM25F, or whose lengths cannot be read."""
        fell_back("array scoring")
        mask, scores = np.zeros(size, dtype=bool), np.zeros(size)
        matcher = node.matcher(leaf_searcher, leaf_searcher.context())
        while matcher.is_active():
            docnum = matcher.id()
            mask[docnum] = True
            if scored:
                scores[docnum] = matcher.score()
            matcher.next()
        return mask, scores
