"""Telling English from Spanish text, for files published without a ``language`` value.

The catalog's languages are English and Spanish; counting their commonest function words is
reliable on a paragraph or more and needs no model or extra package.
"""

import re
from collections.abc import Callable
from itertools import accumulate

_ENGLISH = """the and of to a in is that for it with as on are be this by or from an at your you
their they we can what who how when will have has not was were which about"""
_SPANISH = """el la los las de del y que en un una es por con para se su sus al lo como más pero o
este esta son ser qué cómo cuándo familia niños puede usted ustedes también"""
_STOPWORDS = {"en": frozenset(_ENGLISH.split()), "es": frozenset(_SPANISH.split())}


def detect_language(text: str, minimum_hits: int = 5) -> str | None:
    """``"en"`` or ``"es"`` when the text clearly is one of them, else None."""
    words = re.findall(r"[a-záéíóúñü]+", text[:20000].casefold())
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    other = min(scores.values())
    if scores[best] < minimum_hits or scores[best] < 1.5 * other:
        return None
    return best


# Mixed text: Spanish handouts quote English tool names ("Three Houses"), English guides give
# the Spanish term in parentheses. Each sentence is analysed in its own language, and inside a
# sentence a quoted or bracketed span, or a run of words that only the other language has,
# goes to that language, so stemming never turns "danger" into the Spanish "dang".

_SENTENCE_END = re.compile(r"[.!?;:](\s+)|\n+")
_SENTENCE_MARKS = ".!?;:\n"
_SPAN = re.compile(r"\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|«[^»\n]{1,160}»|\([^)\n]{1,160}\)")
_SPAN_OPENERS = '"“«('
_WORD = re.compile(r"\w+")
_SPANISH_LETTERS = frozenset("áéíóúñü¿¡")
_ENGLISH_SPELLINGS = re.compile(r"th|sh|w|k|ee|oo|ck|ing$")
_ONLY = {
    "en": _STOPWORDS["en"] - _STOPWORDS["es"],
    "es": _STOPWORDS["es"] - _STOPWORDS["en"],
}

Piece = tuple[str, str]


def _lexicon() -> dict[str, frozenset[str]]:
    from resources_index.catalog.glossary import BUILT_IN  # the glossary needs the vocabulary

    english, spanish = BUILT_IN.words("en"), BUILT_IN.words("es")
    return {"en": english - spanish, "es": spanish - english}


_LEXICON: dict[str, frozenset[str]] = {}

# All the splitter needs to know of a word is one letter, its mark: a sentence's words become one
# short string that the vote counts with ``str.count`` and the run split scans with a regex, at
# C speed. Per language, a word only it writes is likely (a word of one side of the SOP
# glossary), certain (a spelling, an accent) or a function word; "." is a word either writes.
_NEITHER = "."
_MARKS = {"en": ("e", "E", "F"), "es": ("s", "S", "G")}  # likely, certain, function word
_LEANING = {mark: lang for lang, marks in _MARKS.items() for mark in marks}
_MARKS_LIMIT = 200_000


def _mark(word: str) -> str:
    """The mark of ``word``, worked out (``_MARK_OF`` remembers it)."""
    if not _LEXICON:
        _LEXICON.update(_lexicon())
    lower = word.casefold()
    (en_likely, en_certain, en_function), (es_likely, es_certain, es_function) = _MARKS.values()
    if lower in _ONLY["en"]:
        return en_function
    if lower in _ONLY["es"]:
        return es_function
    if not _SPANISH_LETTERS.isdisjoint(lower):
        return es_certain
    if len(lower) > 2 and _ENGLISH_SPELLINGS.search(lower):
        return en_certain
    if lower in _LEXICON["en"]:
        return en_likely
    if lower in _LEXICON["es"]:
        return es_likely
    return _NEITHER


class _MarkCache(dict[str, str]):
    """Each word's mark by the word as written, so a word met again costs one dict lookup (no
    casefolding, no set or regex tests); bounded, since a catalog's words are unbounded."""

    def __missing__(self, word: str) -> str:
        mark = _mark(word)
        if len(self) < _MARKS_LIMIT:
            self[word] = mark
        return mark


_MARK_OF = _MarkCache()


def word_leaning(word: str) -> str | None:
    """The language only one of the two would write this word in, or None when either could."""
    return _LEANING.get(_MARK_OF[word])


def _words(text: str) -> list[str]:
    r"""The words of ``text`` as ``_WORD`` finds them. ``str.split`` gives the same, three times
    faster, when every character but spaces is a word character (``\w`` is exactly ``isalnum``
    or "_", and no character is both a space and alphanumeric): the usual run of page text."""
    words = text.split()
    return words if "".join(words).isalnum() else _WORD.findall(text)


def _marked(words: list[str]) -> str:
    """One mark per word, in order."""
    return "".join(map(_MARK_OF.__getitem__, words))


def _vote(marks: str, default: str) -> str:
    """The language of a sentence: by its function words when it has any (a Spanish sentence
    naming an English tool is still Spanish), else by every word that leans."""
    counts = {lang: marks.count(function) for lang, (_, _, function) in _MARKS.items()}
    if not any(counts.values()):
        counts = {
            lang: marks.count(likely) + marks.count(certain)
            for lang, (likely, certain, _) in _MARKS.items()
        }
    other = "es" if default == "en" else "en"
    return other if counts[other] > counts[default] else default


def split_by_language(text: str, default: str) -> list[Piece]:
    """``text`` cut into (language, text) pieces, in order; ``default`` ("en" or "es") is the
    document's language, used wherever the words do not say otherwise."""
    pieces: list[Piece] = []
    for sentence in _sentences(text):
        if sentence.strip():
            words = _words(sentence)
            marks = _marked(words)
            language = _vote(marks, default)
            if any(opener in sentence for opener in _SPAN_OPENERS):
                _split_sentence(sentence, language, pieces)
            else:  # the usual case: no quoted or bracketed span, the sentence is one run
                _split_run(sentence, words, marks, language, pieces)
    return _merged(pieces)


def _sentences(text: str) -> list[str]:
    """``text`` cut after each sentence's stop and the spaces after it, and at line breaks.

    The stop stays in its sentence. Matching the stop (not looking behind for it, which made the
    regex engine stop at every character) and skipping text with no stop at all (a caption
    cue, a page of extracted words) halves the time of this cut."""
    if not any(mark in text for mark in _SENTENCE_MARKS):
        return [text]
    sentences, start = [], 0
    for cut in _SENTENCE_END.finditer(text):
        after_stop = cut.start(1)  # -1 for a line break
        sentences.append(text[start : after_stop if after_stop >= 0 else cut.start()])
        start = cut.end()
    sentences.append(text[start:])
    return sentences


def _split_sentence(sentence: str, language: str, pieces: list[Piece]) -> None:
    start = 0
    for span in _SPAN.finditer(sentence):
        _split_text(sentence[start : span.start()], language, pieces)
        pieces.append((_vote(_marked(_words(span.group())), language), span.group()))
        start = span.end()
    _split_text(sentence[start:], language, pieces)


def _split_text(text: str, language: str, pieces: list[Piece]) -> None:
    words = _words(text)
    _split_run(text, words, _marked(words), language, pieces)


def _run_of(other: str, mine: str) -> re.Pattern[str]:
    """A run of ``other``'s words on the marks: from one of them to its last one before the next
    word of ``mine`` (greedy, then back to that last word)."""
    theirs, ours = "".join(_MARKS[other]), "".join(_MARKS[mine])
    return re.compile(f"[{theirs}](?:[^{ours}]*[{theirs}])?")


_RUN = {"en": _run_of("en", "es"), "es": _run_of("es", "en")}


def _split_run(text: str, words: list[str], marks: str, language: str, pieces: list[Piece]) -> None:
    """Words only the other language has, with the words between them, become its piece when
    there are two of them or one is certain ("Three Houses", "declaración"; not "use").

    ``words`` are the words of ``text`` and ``marks`` their marks; the runs are found on the
    marks, and the words placed in ``text`` only when there is one (most text has no word of the
    other language)."""
    other = "es" if language == "en" else "en"
    likely = _MARKS[other][0]
    place: Callable[[int, int], tuple[int, int]] | None = None
    start = 0  # where the current piece of ``language`` began
    for run in _RUN[other].finditer(marks):
        first, end = run.span()
        if end - first == 1 and marks[first] == likely:
            continue
        if place is None:
            place = _placer(text, words)
        begin, finish = place(first, end)
        pieces.append((language, text[start:begin]))
        pieces.append((other, text[begin:finish]))
        start = finish
    pieces.append((language, text[start:]))


def _placer(text: str, words: list[str]) -> Callable[[int, int], tuple[int, int]]:
    """Where in ``text`` the words ``first`` to ``end - 1`` begin and end. Words joined by single
    spaces (page text as extracted) are placed by adding up their lengths, not by a regex pass
    that makes a match object per word."""
    if text == " ".join(words):
        ends = list(accumulate(map(len, words)))  # where each word ends, not counting spaces
        return lambda first, end: (ends[first] - len(words[first]) + first, ends[end - 1] + end - 1)
    places = [word.span() for word in _WORD.finditer(text)]
    return lambda first, end: (places[first][0], places[end - 1][1])


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
