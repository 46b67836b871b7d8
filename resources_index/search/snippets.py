"""The passage of a document that best matches a query, with the query's words marked.

Works on the text object's segments (pages, slides, caption cues), so a hit can say where it
matched and the viewer can jump there. Engine-free: the caller supplies a ``WordMatcher``.
Candidates are found with one regular expression over the folded text (C speed); only those
are confirmed word by word, so long documents cost little.
"""

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from resources_index.search.query import fold_same_length

WINDOW_CHARS = 200
LEAD_CHARS = 40


@dataclass(frozen=True)
class WordMatcher:
    """``candidates`` finds words that may match in folded text (and pieces of words: only
    matches where a word starts count); ``confirm`` decides."""

    candidates: re.Pattern[str] | None
    confirm: Callable[[str, str | None], bool]


@dataclass(frozen=True)
class Passage:
    """A marked-up excerpt (HTML: escaped text, matches in ``<b>``) and where it stands."""

    html: str
    location: dict[str, Any] | None

    def plain(self, mark: str = "") -> str:
        return plain_text(self.html, mark)


def plain_text(marked: str, mark: str = "") -> str:
    """A marked-up passage as plain text, each match wrapped in ``mark`` (for terminals)."""
    return html.unescape(marked.replace("<b>", mark).replace("</b>", mark))


def location_of(segment: dict[str, Any]) -> dict[str, Any] | None:
    kind = segment.get("kind")
    if kind == "page":
        return {"page": segment["number"]}
    if kind == "slide":
        return {"slide": segment["number"]}
    if kind == "cue":
        ms = int(segment["start_ms"])
        where: dict[str, Any] = {"time_ms": ms, "time": f"{ms // 60000}:{ms // 1000 % 60:02d}"}
        if segment.get("language"):
            where["language"] = segment["language"]  # the captions the words were found in
        return where
    return None


FOLDED = "_folded"  # a segment's folded text, kept in the segment once made


def _folded(segment: dict[str, Any]) -> str:
    """The segment's text folded, made once per cached segment: a word typed letter by letter
    asks for the same documents' passages again and again."""
    folded = segment.get(FOLDED)
    if folded is None:
        folded = segment[FOLDED] = fold_same_length(str(segment.get("text", "")))
    return str(folded)


def _matches(
    segment: dict[str, Any], language: str | None, matcher: WordMatcher
) -> list[tuple[int, int]]:
    if matcher.candidates is None:
        return []
    folded = _folded(segment)
    return [
        (m.start(), m.end())
        for m in matcher.candidates.finditer(folded)
        if _starts_word(folded, m.start()) and matcher.confirm(m.group(), language)
    ]


def _starts_word(text: str, start: int) -> bool:
    """Whether a word starts at ``start`` (what ``\b`` says before a letter)."""
    if not start:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_")


def _best_window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(distinct words, matches, start offset) of the densest window of ``WINDOW_CHARS``.

    A sliding window over the sorted matches: linear, so a word that occurs on every line
    of a long guide costs no more than reading it.
    """
    words = [text[a:b].lower() for a, b in spans]
    counts: dict[str, int] = {}
    best = (0, 0, 0)
    end = 0
    for start_index, (start, _) in enumerate(spans):
        while end < len(spans) and spans[end][0] < start + WINDOW_CHARS:
            counts[words[end]] = counts.get(words[end], 0) + 1
            end += 1
        best = max(best, (len(counts), end - start_index, -start))
        word = words[start_index]
        counts[word] -= 1
        if not counts[word]:
            del counts[word]
    return best[0], best[1], -best[2]


def best_passage(segments: Sequence[dict[str, Any]], matcher: WordMatcher) -> Passage:
    """Pick the segment and window with the most distinct matching words, and mark them."""
    best: tuple[int, int, int, int] | None = None  # (distinct, count, -segment, start)
    found: dict[int, list[tuple[int, int]]] = {}
    for index, segment in enumerate(segments):
        text = str(segment.get("text", ""))
        spans = _matches(segment, segment.get("language"), matcher)
        if not spans:
            continue
        found[index] = spans
        distinct, count, start = _best_window(text, spans)
        key = (distinct, count, -index, start)
        if best is None or key[:3] > best[:3]:
            best = key
    if best is None:
        first = str(segments[0].get("text", "")) if segments else ""
        return Passage(html.escape(_shorten(" ".join(first.split()))), None)
    index, start = -best[2], best[3]
    text = str(segments[index].get("text", ""))
    return Passage(_mark(text, found[index], start), location_of(segments[index]))


def _mark(text: str, spans: list[tuple[int, int]], first_match: int) -> str:
    begin = max(0, first_match - LEAD_CHARS)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first_match else begin
    end = min(len(text), begin + WINDOW_CHARS + LEAD_CHARS)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > first_match else end
    parts = ["…" if begin else ""]
    cursor = begin
    for a, b in spans:
        if a < begin or b > end:
            continue
        parts.append(html.escape(text[cursor:a]))
        parts.append(f"<b>{html.escape(text[a:b])}</b>")
        cursor = b
    parts.append(html.escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return " ".join("".join(parts).split())


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
