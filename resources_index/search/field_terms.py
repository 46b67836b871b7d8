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
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any

from whoosh import formats
from whoosh.analysis import CompositeAnalyzer, NgramFilter, RegexTokenizer, Token
from whoosh.analysis.tokenizers import default_pattern

from resources_index.search.analysis import NormalizeFilter
from resources_index.search.whoosh_internals import frequency_value

#: (term as UTF-8, frequency, weight, encoded value): one item of Whoosh's ``field.index``.
Item = tuple[bytes, int, float, bytes]
#: A field's text to its items, or None when Whoosh's own indexing must be used.
Lister = Callable[[str], list[Item]]

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
    cache: dict[str, str | None] = {}
    singles: dict[int, bytes] = {}  # most words stand once in a document: encoded once
    boost = fmt.field_boost
    encode = fmt.encode

    def encoded(positions: list[int]) -> bytes:
        if len(positions) != 1:
            return encode(positions)  # type: ignore[no-any-return]
        value = singles.get(positions[0])
        if value is None:
            value = singles[positions[0]] = encode(positions)
        return value

    def items(text: str) -> list[Item]:
        words = split(text)
        terms = list(map(cache.get, words, repeat(_MISSING)))
        if _MISSING in terms:
            for index, word in enumerate(words):
                if terms[index] is _MISSING:
                    term = terms[index] = normalize.normalize(word)
                    if len(cache) < WORD_LIMIT:
                        cache[word] = term
        # The first word kept keeps its place; the others follow it (as NormalizeFilter does).
        first = next((index for index, term in enumerate(terms) if term is not None), 0)
        poses: defaultdict[str, list[int]] = defaultdict(list)
        for pos, term in enumerate([t for t in terms if t is not None], first):
            poses[term].append(pos)
        return [
            (term.encode("utf-8"), len(p), float(len(p)) * boost, encoded(p))
            for term, p in poses.items()
        ]

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

    def items(text: str) -> list[Item]:
        freqs: dict[str, int] = {}
        for word in split(text):
            terms = cache.get(word)
            if terms is None:
                terms = terms_of(word)
                if len(cache) < WORD_LIMIT:
                    cache[word] = terms
            for term in terms:
                freqs[term] = freqs.get(term, 0) + 1
        return [
            (term.encode("utf-8"), freq, float(freq) * boost, frequency_value(freq))
            for term, freq in freqs.items()
        ]

    return items
