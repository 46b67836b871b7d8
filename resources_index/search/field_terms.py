"""The terms a field's text becomes, as Whoosh's ``field.index`` gives them, without its tokens.

Whoosh analyses text through a chain of generators passing one ``Token`` object per word: most
of a rebuild's indexing time at 20,000 resources. The fields this program indexes use a regular
expression tokenizer then per-word filters (``NormalizeFilter``, then for completions an
``NgramFilter``), so a word always becomes the same terms wherever it stands: here each distinct
word is run through the field's own filters once and remembered, and a text is split with the
tokenizer's own expression. Positions are numbered as ``NormalizeFilter`` numbers them (around
the words it drops). An analyzer or format of any other kind is left to Whoosh.
"""

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import formats
from whoosh.analysis import CompositeAnalyzer, NgramFilter, RegexTokenizer, Token
from whoosh.analysis.tokenizers import default_pattern

from resources_index.search.analysis import NormalizeFilter
from resources_index.search.whoosh_internals import frequency_value, positions_encoder

#: Whoosh's ``field.index`` items as columns (a list each, in the same order): terms as UTF-8,
#: frequencies, weights, encoded values; then, for a field with positions, every term's
#: positions one term after another (else None). Columns, not an item tuple per term: the
#: builder appends each column to its arrays in one call.
Columns = tuple[list[bytes], list[int], list[float], list[bytes], npt.NDArray[np.int64] | None]
#: A field's text to its columns, or None when Whoosh's own indexing must be used.
Lister = Callable[[str], Columns]
_NONE: Columns = ([], [], [], [], None)

_MISSING: Any = object()
_DEFAULT_WORDS = re.compile(default_pattern.pattern.replace("(", "(?:"), default_pattern.flags)
#: Distinct words remembered per field while building (a catalog's vocabulary is far smaller).
WORD_LIMIT = 500_000


def lister_for(field: Any) -> Lister | None:
    """A fast equivalent of ``field.index`` for ``field``, or None when it has none."""
    analyzer = getattr(field, "analyzer", None)
    fmt = getattr(field, "format", None)
    if not isinstance(analyzer, CompositeAnalyzer) or type(fmt) not in (
        formats.Positions,
        formats.Frequency,
    ):
        return None
    tokenizer, *filters = analyzer.items
    if type(tokenizer) is not RegexTokenizer or tokenizer.gaps or not filters:
        return None
    if type(filters[0]) is not NormalizeFilter:
        return None
    if any(type(f) is not NgramFilter for f in filters[1:]):
        return None
    split = _splitter(tokenizer)
    if type(fmt) is formats.Positions:
        if len(filters) != 1:
            return None
        return _positions_lister(split, filters[0], fmt)
    return _frequency_lister(split, filters, fmt)


def _splitter(tokenizer: RegexTokenizer) -> Callable[[str], list[str]]:
    """The words the tokenizer yields for a text, in order (Whoosh's own expression has a
    group, so ``findall`` is given it with the group made non-capturing: the same matches)."""
    expression = tokenizer.expression
    if expression.pattern == default_pattern.pattern and expression.flags == default_pattern.flags:
        expression = _DEFAULT_WORDS
    if expression.groups:
        return lambda text: [m.group(0) for m in expression.finditer(text)]
    return expression.findall  # type: ignore[no-any-return]


def _positions_lister(
    split: Callable[[str], list[str]], normalize: NormalizeFilter, fmt: Any
) -> Lister:
    numbers: dict[str, int] = {}  # a word as written -> its term's number (-1: dropped)
    number_of: dict[bytes, int] = {}
    terms: list[bytes] = []  # the terms as UTF-8, by number
    singles: dict[int, bytes] = {}  # most words stand once in a document: encoded once
    boost = float(fmt.field_boost)
    encode = positions_encoder(fmt)

    def number(word: str) -> int:
        term = normalize.normalize(word)
        if term is None:
            return -1
        data = term.encode("utf-8")
        found = number_of.get(data)
        if found is None:
            found = number_of[data] = len(terms)
            terms.append(data)
        return found

    def items(text: str) -> Columns:
        words = split(text)
        known = list(map(numbers.get, words))
        if None in known:
            new: dict[str, int] = {}  # this text's new words, each normalized once
            for index, word in enumerate(words):
                if known[index] is None:
                    found = new.get(word)
                    if found is None:
                        found = new[word] = number(word)
                        if len(numbers) < WORD_LIMIT:
                            numbers[word] = found
                    known[index] = found
        # Each word's positions by one stable sort of the term numbers, not a dict per word.
        every = np.array(known, dtype=np.int64)
        kept = every >= 0
        if not kept.any():
            return _NONE
        # The first word kept keeps its place; the others follow it (as NormalizeFilter does).
        first = int(np.argmax(kept))
        held = every[kept]
        order = np.argsort(held, kind="stable")
        grouped = held[order]
        starts = np.flatnonzero(np.concatenate(([True], grouped[1:] != grouped[:-1])))
        counts = np.diff(np.append(starts, len(held)))
        at = order + first  # positions, grouped by term, rising within each
        # Words standing once (most of them) first, their values found in one pass.
        once = counts == 1
        singles_at = at[starts[once]].tolist()
        values = list(map(singles.get, singles_at))
        if None in values:
            for index, position in enumerate(singles_at):
                if values[index] is None:
                    values[index] = singles[position] = encode([position])
        often = np.flatnonzero(~once)
        lows, highs = starts[often].tolist(), (starts[often] + counts[often]).tolist()
        every_at = at.tolist() if lows else []
        values += [encode(every_at[low:high]) for low, high in zip(lows, highs, strict=True)]
        numbers_in_order = [*grouped[starts[once]].tolist(), *grouped[starts[often]].tolist()]
        freqs = [1] * len(singles_at) + counts[often].tolist()
        return (
            list(map(terms.__getitem__, numbers_in_order)),
            freqs,
            [boost] * len(singles_at) + (counts[often] * boost).tolist(),
            values,  # type: ignore[return-value]  # no None left
            np.concatenate((at[starts[once]], at[np.repeat(~once, counts)])),
        )

    return items


def _frequency_lister(split: Callable[[str], list[str]], filters: list[Any], fmt: Any) -> Lister:
    cache: dict[str, tuple[str, ...]] = {}
    boost = fmt.field_boost

    def terms_of(word: str) -> tuple[str, ...]:
        token = Token(positions=False, chars=False, removestops=True, mode="index")
        token.text, token.boost, token.stopped = word, 1.0, False
        stream: Iterable[Any] = iter([token])
        for each in filters:
            stream = each(stream)
        return tuple(t.text for t in stream if not t.stopped)

    def items(text: str) -> Columns:
        freqs: dict[str, int] = {}
        for word in split(text):
            terms = cache.get(word)
            if terms is None:
                terms = terms_of(word)
                if len(cache) < WORD_LIMIT:
                    cache[word] = terms
            for term in terms:
                freqs[term] = freqs.get(term, 0) + 1
        counts = list(freqs.values())
        return (
            [term.encode("utf-8") for term in freqs],
            counts,
            [float(freq) * boost for freq in counts],
            list(map(frequency_value, counts)),
            None,
        )

    return items
