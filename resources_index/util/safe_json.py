"""JSON from outside the library (catalogs, their envelopes, kit files, the policy, settings and
the library's own small files), read within bounds.

Python's reader raises ``RecursionError`` on input nested deeper than the interpreter's
recursion limit (about 1,000 levels) and ``ValueError`` on an integer of thousands of digits;
both would escape as tracebacks. Here the size is bounded first and every malformed input
becomes one reason (``BadJson``: what is wrong, and on which line where the reader knows), or a
``CatalogError`` with one sentence for a catalog. (The format never nests deeper than five
levels; the reader's own depth check is the bound, as a scan of its own would cost seven times
the parse.)
"""

import json
import math
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resources_index.errors import CatalogError, Words

#: What the library's own JSON files (settings, the kept policy, outbox reports) may weigh.
MAX_SMALL_FILE_BYTES = 1024 * 1024
#: How many keys given twice are named (a file repeating thousands is named by the first few).
MAX_REPEATS_NAMED = 10


class BadJson(ValueError):
    """Why bytes are not usable JSON: ``why`` is one of ``too_large``, ``not_text``,
    ``syntax``, ``too_deep``, ``big_number``, ``not_finite``, ``not_regular``; ``line``
    where it is known."""

    def __init__(self, why: str, detail: str = "", line: int | None = None) -> None:
        super().__init__(why)
        self.why = why
        self.detail = detail
        self.line = line


class NotFinite(ValueError):
    """A number that is not finite: NaN, Infinity, or one that overflows to it (``1e400``)."""


def _no_constant(name: str) -> object:
    raise NotFinite(f"{name} is not a JSON number")


def finite_float(text: str) -> float:
    """``text`` as a float, refusing one that overflows to infinity (``1e400``) or names
    NaN / Infinity: such a value would pass through the program as if it were a number."""
    value = float(text)
    if not math.isfinite(value):
        raise NotFinite(f"{text} is not a finite number")
    return value


def parse(
    data: bytes, max_bytes: int, repeated: list[tuple[str, int | None]] | None = None
) -> object:
    """Parse ``data`` (UTF-8 JSON, without NaN, Infinity or numbers that overflow to them;
    a byte-order mark at the start, as Windows editors write, is allowed) or raise
    ``BadJson``. With ``repeated``, each key given twice in one object is added to it with
    its line (the last value given is the one read, as JSON readers do)."""
    if len(data) > max_bytes:
        raise BadJson("too_large", f"{len(data):,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadJson("not_text", line=line) from None
    names: list[str] = []
    hook = None if repeated is None else _noting_repeats(names)
    try:
        value = json.loads(
            text, parse_constant=_no_constant, parse_float=finite_float, object_pairs_hook=hook
        )
    except json.JSONDecodeError as exc:
        raise BadJson("syntax", exc.msg, exc.lineno) from None
    except RecursionError:
        raise BadJson("too_deep") from None
    except NotFinite:  # NaN, Infinity or 1e400
        raise BadJson("not_finite") from None
    except ValueError:  # an integer of thousands of digits
        raise BadJson("big_number") from None
    if repeated is not None:
        repeated.extend(_with_lines(text, names))
    return value


def _noting_repeats(names: list[str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that builds the object as ``json`` does and notes in
    ``names`` each key given more than once in it."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        table = dict(pairs)
        if len(table) < len(pairs):
            seen: set[str] = set()
            for name, _ in pairs:
                if name in seen:
                    names.append(name)
                seen.add(name)
        return table

    return build


def _with_lines(text: str, names: list[str]) -> list[tuple[str, int | None]]:
    """Each repeated key (the first ``MAX_REPEATS_NAMED``) with the line of its repetition:
    the line of its next mention as a key in the text (exact for the usual case, a key given
    twice in one table)."""
    found = []
    starts: dict[str, list[int]] = {}
    mentions: dict[str, int] = {}
    for name in names[:MAX_REPEATS_NAMED]:
        if name not in starts:
            pattern = re.compile(re.escape(json.dumps(name)) + r"\s*:")
            starts[name] = [m.start() for m in pattern.finditer(text)]
        mentions[name] = mentions.get(name, 0) + 1
        at = starts[name][mentions[name]] if mentions[name] < len(starts[name]) else None
        found.append((name, None if at is None else text.count("\n", 0, at) + 1))
    return found


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them (``BadJson("too_large")``
    beyond): a link to ``/dev/zero`` or a FIFO in its place is refused
    (``BadJson("not_regular")``), never read or waited on. ``OSError`` when it cannot be
    opened (``FileNotFoundError`` when absent)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise BadJson("not_regular")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(max_bytes + 1)
    finally:
        os.close(handle)
    if len(data) > max_bytes:
        raise BadJson("too_large", f"over {max_bytes:,} bytes")
    return data


def read_file(
    path: Path, max_bytes: int, repeated: list[tuple[str, int | None]] | None = None
) -> object:
    """``parse`` of a regular file (``read_bytes``)."""
    return parse(read_bytes(path, max_bytes), max_bytes, repeated)


def finite(value: object) -> bool:
    """Whether ``value`` is an int or a finite float (never a bool)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def loads(data: bytes, what: str | Words, max_bytes: int) -> object:
    """Parse ``data`` (UTF-8 JSON) or raise ``CatalogError`` naming ``what`` (a file's name,
    or words such as "the catalog's manifest", said in the reader's language)."""
    if len(data) > max_bytes:
        raise CatalogError("json.too_large", what=what, size=len(data))
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CatalogError("json.not_utf8", what=what) from None
    except json.JSONDecodeError as exc:
        raise CatalogError("json.invalid", what=what, position=exc.pos) from None
    except RecursionError:
        raise CatalogError("json.too_deep", what=what) from None
    except ValueError:  # an integer of thousands of digits
        raise CatalogError("json.number_too_large", what=what) from None


def bad_json_reason(exc: BadJson, language: str = "JSON") -> Words:
    """What is wrong with a file the bounded reader refused, in words (with the line)."""
    if exc.why == "syntax" and exc.line is not None:
        return Words("json.syntax_at", language=language, line=exc.line)
    if exc.why == "not_text" and exc.line is not None:
        return Words("json.not_text_at", line=exc.line)
    return Words(_JSON_REASONS.get(exc.why, "json.syntax"), language=language)


#: What the bounded reader's refusals are called in words.
_JSON_REASONS = {
    "syntax": "json.syntax",
    "not_text": "json.not_text",
    "too_large": "json.reason_too_large",
    "too_deep": "json.reason_too_deep",
    "big_number": "json.big_number",
    "not_finite": "json.not_finite",
    "not_regular": "json.not_regular",
}
