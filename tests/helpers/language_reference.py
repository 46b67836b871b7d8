"""The language splitter as it was before it was made faster, kept unchanged so that tests can
check the faster one gives exactly the same pieces for every text.

Only the splitting is copied; the word lists and the glossary are the program's own, so the
two differ in how they compute, never in what they know.
"""

import re
from bisect import bisect_left, bisect_right

from resources_index.catalog.language import _ONLY, _lexicon

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_SPAN = re.compile(r"\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|«[^»\n]{1,160}»|\([^)\n]{1,160}\)")
_WORD = re.compile(r"\w+")
_SPANISH_LETTERS = frozenset("áéíóúñü¿¡")
_ENGLISH_SPELLINGS = re.compile(r"th|sh|w|k|ee|oo|ck|ing$")
_LEXICON: dict[str, frozenset[str]] = {}

Piece = tuple[str, str]


def _evidence(word: str) -> tuple[str | None, bool]:
    if not _LEXICON:
        _LEXICON.update(_lexicon())
    lower = word.casefold()
    if lower in _ONLY["en"]:
        return ("en", True)
    if lower in _ONLY["es"] or not _SPANISH_LETTERS.isdisjoint(lower):
        return ("es", True)
    if len(lower) > 2 and _ENGLISH_SPELLINGS.search(lower):
        return ("en", True)
    if lower in _LEXICON["en"]:
        return ("en", False)
    if lower in _LEXICON["es"]:
        return ("es", False)
    return (None, False)


def word_leaning(word: str) -> str | None:
    return _evidence(word)[0]


def _vote(words: list[str], default: str) -> str:
    lowered = [w.casefold() for w in words]
    counts = {lang: sum(map(_ONLY[lang].__contains__, lowered)) for lang in ("en", "es")}
    if not any(counts.values()):
        for word in words:
            leaning = word_leaning(word)
            if leaning:
                counts[leaning] += 1
    other = "es" if default == "en" else "en"
    return other if counts[other] > counts[default] else default


def split_by_language(text: str, default: str) -> list[Piece]:
    pieces: list[Piece] = []
    for sentence in _SENTENCE_END.split(text):
        if sentence.strip():
            language = _vote(_WORD.findall(sentence), default)
            _split_sentence(sentence, language, pieces)
    return _merged(pieces)


def _split_sentence(sentence: str, language: str, pieces: list[Piece]) -> None:
    start = 0
    for span in _SPAN.finditer(sentence):
        _split_run(sentence[start : span.start()], language, pieces)
        pieces.append((_vote(_WORD.findall(span.group()), language), span.group()))
        start = span.end()
    _split_run(sentence[start:], language, pieces)


def _split_run(text: str, language: str, pieces: list[Piece]) -> None:
    other = "es" if language == "en" else "en"
    evidence = [_evidence(w) for w in _WORD.findall(text)]
    others = [i for i, (leaning, _) in enumerate(evidence) if leaning == other]
    if not others:
        pieces.append((language, text))
        return
    mine = [i for i, (leaning, _) in enumerate(evidence) if leaning == language]
    spans = [m.span() for m in _WORD.finditer(text)]
    start = 0
    k = 0
    while k < len(others):
        index = others[k]
        after = bisect_right(mine, index)
        stop = mine[after] if after < len(mine) else len(evidence)
        last = bisect_left(others, stop, k)
        run = others[k:last]
        if len(run) < 2 and not any(evidence[i][1] for i in run):
            k += 1
            continue
        begin, finish = spans[index][0], spans[run[-1]][1]
        pieces.append((language, text[start:begin]))
        pieces.append((other, text[begin:finish]))
        start, k = finish, last
    pieces.append((language, text[start:]))


def _merged(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for language, text in pieces:
        text = text.strip()
        if not text:
            continue
        if merged and merged[-1][0] == language:
            merged[-1] = (language, f"{merged[-1][1]} {text}")
        else:
            merged.append((language, text))
    return merged
