"""Captions for playback: a video's WebVTT cues, and the one showing at a given moment."""

import bisect
from dataclasses import dataclass
from pathlib import Path

from resources_index.documents.extract import ExtractError, extract_captions
from resources_index.errors import ObjectError, reason_of


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


class CaptionTrack:
    """Cues in time order, looked up by position in O(log n) as the video plays."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = sorted(cues, key=lambda c: c.start_ms)
        self._starts = [c.start_ms for c in self.cues]

    @classmethod
    def load(cls, path: Path) -> "CaptionTrack":
        """Read a WebVTT file; ``ObjectError`` when it cannot be read or is not valid, said in
        the reader's language (publishing's own sentence is English, for the command line)."""
        try:
            segments = extract_captions(path).segments
        except ExtractError:
            raise ObjectError("captions.invalid", name=path.name) from None
        except OSError as exc:
            raise ObjectError(
                "captions.unreadable", name=path.name, reason=reason_of(exc)
            ) from None
        return cls([Cue(s["start_ms"], s["end_ms"], s["text"]) for s in segments])

    def at(self, position_ms: int) -> str:
        """The text showing at ``position_ms`` ("" between cues)."""
        index = bisect.bisect_right(self._starts, position_ms) - 1
        if index >= 0 and position_ms < self.cues[index].end_ms:
            return self.cues[index].text
        return ""
