"""Telling English from Spanish text, for files published without a ``language`` value.

The catalog's languages are English and Spanish; counting their commonest function words is
reliable on a paragraph or more and needs no model or extra package.
"""

import re
from bisect import bisect_left, bisect_right

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

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_SPAN = re.compile(r"\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|«[^»\n]{1,160}»|\([^)\n]{1,160}\)")
_WORD = re.compile(r"\w+")
_SPANISH_LETTERS = frozenset("áéíóúñü¿¡")
_ENGLISH_SPELLINGS = re.compile(r"th|sh|w|k|ee|oo|ck|ing$")
_ONLY = {
    "en": _STOPWORDS["en"] - _STOPWORDS["es"],
    "es": _STOPWORDS["es"] - _STOPWORDS["en"],
}
_EVIDENCE: dict[str, tuple[str | None, bool]] = {}
_EVIDENCE_LIMIT = 200_000

Piece = tuple[str, str]


def _lexicon() -> dict[str, frozenset[str]]:
    from resources_index.catalog.glossary import BUILT_IN  # the glossary needs the vocabulary

    english, spanish = BUILT_IN.words("en"), BUILT_IN.words("es")
    return {"en": english - spanish, "es": spanish - english}


_LEXICON: dict[str, frozenset[str]] = {}


def _evidence(word: str) -> tuple[str | None, bool]:
    """The language only one of the two would write this word in (None when either could), and
    whether that is certain on its own (a function word, an accent, an English spelling) or
    only likely (a word of one side of the SOP glossary)."""
    known = _EVIDENCE.get(word)
    if known is not None:
        return known
    if not _LEXICON:
        _LEXICON.update(_lexicon())
    lower = word.casefold()
    found: tuple[str | None, bool] = (None, False)
    if lower in _ONLY["en"]:
        found = ("en", True)
    elif lower in _ONLY["es"] or not _SPANISH_LETTERS.isdisjoint(lower):
        found = ("es", True)
    elif len(lower) > 2 and _ENGLISH_SPELLINGS.search(lower):
        found = ("en", True)
    elif lower in _LEXICON["en"]:
        found = ("en", False)
    elif lower in _LEXICON["es"]:
        found = ("es", False)
    if len(_EVIDENCE) < _EVIDENCE_LIMIT:
        _EVIDENCE[word] = found
    return found


def word_leaning(word: str) -> str | None:
    """The language only one of the two would write this word in, or None when either could."""
    return _evidence(word)[0]


def _vote(words: list[str], default: str) -> str:
    """The language of a sentence: by its function words when it has any (a Spanish sentence
    naming an English tool is still Spanish), else by every word that leans."""
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
    """``text`` cut into (language, text) pieces, in order; ``default`` ("en" or "es") is the
    document's language, used wherever the words do not say otherwise."""
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
    """Words only the other language has, with the words between them, become its piece when
    there are two of them or one is certain ("Three Houses", "declaración"; not "use").

    A run of the other language's words ends at the next word of ``language``: the words that
    lean are found once, and only they are walked (most words lean to neither language)."""
    other = "es" if language == "en" else "en"
    known = _EVIDENCE.get
    evidence = [known(w) or _evidence(w) for w in _WORD.findall(text)]
    others = [i for i, (leaning, _) in enumerate(evidence) if leaning == other]
    if not others:
        pieces.append((language, text))  # the common case: no word of the other language
        return
    mine = [i for i, (leaning, _) in enumerate(evidence) if leaning == language]
    spans = [m.span() for m in _WORD.finditer(text)]
    start = 0  # where the current piece of ``language`` began
    k = 0
    while k < len(others):
        index = others[k]
        after = bisect_right(mine, index)
        stop = mine[after] if after < len(mine) else len(evidence)
        last = bisect_left(others, stop, k)  # the other language's words before ``stop``
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
