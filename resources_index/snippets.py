"""The passage of a document that best matches a query, with the query's words marked.

Works on the text object's segments (pages, slides, caption cues), so a hit can say where it
matched and the viewer can jump there. Engine-free: the caller says which words match.
"""

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(r"\w[\w']*", re.UNICODE)
WINDOW = 30


@dataclass(frozen=True)
class Passage:
    """A marked-up excerpt (HTML: escaped text, matches in ``<b>``) and where it stands."""

    html: str
    location: dict[str, Any] | None

    def plain(self, mark: str = "") -> str:
        text = self.html.replace("<b>", mark).replace("</b>", mark)
        return html.unescape(text)


def location_of(segment: dict[str, Any]) -> dict[str, Any] | None:
    kind = segment.get("kind")
    if kind == "page":
        return {"page": segment["number"]}
    if kind == "slide":
        return {"slide": segment["number"]}
    if kind == "cue":
        ms = int(segment["start_ms"])
        return {"time_ms": ms, "time": f"{ms // 60000}:{ms // 1000 % 60:02d}"}
    return None


def best_passage(
    segments: Sequence[dict[str, Any]],
    matches: Callable[[str, str | None], bool],
    fallback: str = "",
) -> Passage:
    """Pick the segment and window with the most distinct matching words, and mark them."""
    best: tuple[int, int, int, int] | None = None  # (distinct, count, segment, start token)
    tokenized = []
    for index, segment in enumerate(segments):
        text = str(segment.get("text", ""))
        language = segment.get("language")
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        hits = [i for i, (a, b) in enumerate(spans) if matches(text[a:b], language)]
        tokenized.append((text, spans, set(hits)))
        if not hits:
            continue
        for first in hits:
            inside = [h for h in hits if first <= h < first + WINDOW]
            words = {text[spans[h][0] : spans[h][1]].casefold() for h in inside}
            key = (len(words), len(inside), -index, -first)
            if best is None or key > (best[0], best[1], -best[2], -best[3]):
                best = (len(words), len(inside), index, first)
    if best is None:
        first = segments[0] if segments else None
        text = fallback or (str(first.get("text", "")) if first else "")
        return Passage(html.escape(_shorten(" ".join(text.split()))), None)
    _, _, index, first = best
    text, spans, hits = tokenized[index]
    start = max(0, first - 6)
    end = min(len(spans), start + WINDOW)
    parts = ["…" if start > 0 else ""]
    cursor = spans[start][0]
    for i in range(start, end):
        a, b = spans[i]
        parts.append(html.escape(text[cursor:a].replace("\n", " ")))
        word = html.escape(text[a:b])
        parts.append(f"<b>{word}</b>" if i in hits else word)
        cursor = b
    tail = text[cursor : cursor + 1] if end == len(spans) else "…"
    parts.append(html.escape(tail.replace("\n", " ")))
    return Passage("".join(parts).strip(), location_of(segments[index]))


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
