"""What of a search may leave the laptop: only words of the catalog's own vocabulary (its
titles, tags and labels, the bilingual glossary) or of the terms the content team asks to
count (carried in the signed catalog); every other word is only counted, and numbers, e-mail
addresses and phone numbers never leave in any form. So a family's name typed into the search
field is never recorded, here or anywhere."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from resources_index.catalog import vocabulary
from resources_index.catalog.glossary import BUILT_IN
from resources_index.catalog.model import Manifest
from resources_index.util.shown import HIDDEN

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\S*\d\S*")
#: A request's free text keeps at most this many characters.
MAX_REQUEST_CHARS = 500


def fold(word: str) -> str:
    """Lower case without accents: "Reunión" and "reunion" are the same word here."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Vocabulary:
    """The words and phrases that may leave the laptop (folded)."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # asked-for terms of several words, longest first

    @classmethod
    def of(cls, manifest: Manifest | None, asked: Iterable[str] = ()) -> "Vocabulary":
        words: set[str] = set()
        texts: list[str] = []
        for english, spanish in BUILT_IN.pairs:
            texts += [english, spanish]
        groups = (
            vocabulary.RESOURCE_TYPES,
            vocabulary.PRACTICE_ELEMENTS,
            vocabulary.AUDIENCES,
            vocabulary.PUBLISHERS,
        )
        for labels in groups:
            for key, english in labels.items():
                texts += [english, vocabulary.spanish_label(key, labels)]
        if manifest is not None:
            for resource in manifest.resources:
                texts += [resource.title, *resource.tags]
            for english, spanish in manifest.terms:
                texts += [english, spanish]
            asked = [*asked, *manifest.report_terms]
        for text in texts:
            words.update(fold(w) for w in _WORD.findall(text))
        phrases = sorted(
            {tuple(fold(w) for w in _WORD.findall(term)) for term in asked},
            key=len,
            reverse=True,
        )
        for phrase in phrases:
            words.update(phrase)
        return cls(frozenset(words), tuple(p for p in phrases if p))


def normalised(text: str) -> str:
    """``text`` in Unicode's compatibility form (NFKC: "¹²³" and "１２３" become "123"), with
    any numeral left that is not a decimal digit ("⓿", "𐄇") made one, so the patterns that
    remove numbers see every number."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    return "".join("0" if unicodedata.category(c)[0] == "N" else c for c in text)


def shareable(query: str, allowed: Vocabulary) -> str:
    """``query`` as it may be reported: its vocabulary words in order, the rest counted.

    "safety plan for María García 555-0100" -> "safety plan (+3 other words)".
    """
    text = _DIGITS.sub(" # ", _EMAIL.sub(" # ", normalised(query)))
    tokens = [fold(w) for w in _WORD.findall(text)] + ["#"] * text.split().count("#")
    kept = [t for t in tokens if t in allowed.words]
    others = len(tokens) - len(kept)
    shown = " ".join(kept)
    if others:
        shown += f"{' ' if shown else ''}(+{others} other word{'s' if others != 1 else ''})"
    return shown


def scrubbed(text: str) -> str:
    """A resource request's text, as the person confirmed it, without numbers, e-mail
    addresses or phone numbers (each becomes "[removed]"). The text is normalised (NFKC)
    first, so digits written as superscripts, fractions or circled numbers are numbers too;
    characters nobody sees are removed (``visible``)."""
    text = _EMAIL.sub("[removed]", visible(normalised(text)))
    text = _DIGITS.sub("[removed]", text)
    return " ".join(text.split())[:MAX_REQUEST_CHARS]


def visible(text: str) -> str:
    """``text`` without the characters that are not shown but act on what is: controls,
    format characters (bidirectional overrides and isolates, which would show an analyst a
    request backwards or hide part of it; zero-width characters), separators of lines and
    paragraphs, surrogates, private and unassigned code points. A control that is white
    space (a tab, a newline) becomes a space."""
    if text.isprintable():
        return text
    return "".join(
        " " if c.isspace() else "" if unicodedata.category(c) in HIDDEN else c for c in text
    )
