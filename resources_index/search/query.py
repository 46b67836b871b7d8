"""What a person typed, taken apart: words, quoted phrases, the word still being typed.

Pure Python and engine-free, so the query rules are tested without an index.
"""

import re
import unicodedata
from dataclasses import dataclass, field

#: Acronyms field workers type, and the words the documents use for them.
ACRONYMS: dict[str, str] = {
    "sdm": "structured decision making",
    "cft": "child and family team",
    "ccr": "continuum of care reform",
    "icwa": "indian child welfare act",
    "sop": "safety organized practice",
    "cfts": "child and family team",
}

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[\w']+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case without accents: ``"Niños"`` -> ``"ninos"`` (how every field is indexed)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _accent_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0].lower()
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    table[0x130] = "i"  # "İ".lower() would grow by a character
    return table


_ACCENTS = _accent_table()


def fold_same_length(text: str) -> str:
    """``fold`` for long texts: fast, and every character stays at its offset.

    Snippets find matches in the folded text and cut the original at the same offsets.
    """
    folded = text.translate(_ACCENTS).lower()
    if len(folded) != len(text):  # a rare letter whose lower case is longer: go one by one
        folded = "".join(ch.translate(_ACCENTS).lower()[:1] or ch for ch in text)
    return folded


@dataclass(frozen=True)
class ParsedQuery:
    """Whole words (all required), phrases (in order), and a trailing prefix while typing."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefix: str | None = None
    raw: str = ""
    expansions: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.prefix)

    def all_terms(self) -> list[str]:
        terms = list(self.words)
        for phrase in self.phrases:
            terms += phrase
        if self.prefix:
            terms.append(self.prefix)
        return terms

    def joined(self, other: "ParsedQuery") -> "ParsedQuery":
        """This query's words and phrases with ``other``'s (its translation) beside them."""
        more = tuple(w for w in (*other.words, other.prefix or "") if w)
        return ParsedQuery(
            (*self.words, *more),
            (*self.phrases, *other.phrases),
            self.prefix,
            self.raw,
            self.expansions,
        )

    def with_words(self, words: tuple[str, ...], prefix: str | None) -> "ParsedQuery":
        return ParsedQuery(words, self.phrases, prefix, self.raw, self.expansions)


def parse(text: str, as_you_type: bool = False) -> ParsedQuery:
    """Split a query; with ``as_you_type`` the last word (no space after it) is a prefix."""
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None:
            phrase = tuple(fold(w) for w in _WORD.findall(match.group(1)))
            if len(phrase) > 1:
                phrases.append(phrase)
            elif phrase:
                words.append(phrase[0])
        else:
            words += [fold(w) for w in _WORD.findall(match.group(2))]
    words = [w.strip("'") for w in words if w.strip("'")]
    prefix = None
    ends_open = bool(text) and not text[-1].isspace() and not text.rstrip().endswith('"')
    if as_you_type and ends_open and words:
        prefix = words.pop()
    expansions = {w: ACRONYMS[w] for w in [*words, prefix or ""] if w in ACRONYMS}
    return ParsedQuery(tuple(words), tuple(phrases), prefix, text, expansions)
