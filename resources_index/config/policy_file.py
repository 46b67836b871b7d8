"""Reading a policy file within bounds (JSON or TOML, 1 MiB, nesting and numbers as catalogs),
and finding the line of a key in it, so a problem is named where an administrator looks."""

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from resources_index.errors import Words, reason_of
from resources_index.util import safe_json

#: A policy file larger than this is refused (the largest real ones, with a few keys, are a
#: few kilobytes).
MAX_POLICY_BYTES = 1024 * 1024


class Unusable(Exception):
    """A policy file that cannot be used at all; ``words`` say why."""

    def __init__(self, words: Words) -> None:
        super().__init__(words.kind)
        self.words = words


def read_policy_file(path: Path) -> tuple[dict[str, Any], list[tuple[str, int | None]]]:
    """The table a policy file holds, read within bounds, and the keys given twice in one
    table (with their lines; TOML refuses them itself), or ``Unusable`` saying why."""
    toml = path.suffix.lower() == ".toml"
    repeated: list[tuple[str, int | None]] = []
    try:
        raw = (
            _read_toml(path)
            if toml
            else safe_json.read_file(path, MAX_POLICY_BYTES, repeated=repeated)
        )
    except FileNotFoundError:
        raise Unusable(Words("policy.why.missing")) from None
    except safe_json.BadJson as exc:
        raise Unusable(safe_json.bad_json_reason(exc, "TOML" if toml else "JSON")) from None
    except OSError as exc:
        raise Unusable(Words("policy.why.unreadable", reason=reason_of(exc))) from None
    if not isinstance(raw, dict):
        raise Unusable(Words("policy.why.not_table"))
    return raw, repeated


def _read_toml(path: Path) -> object:
    """A TOML policy, as bounded as a JSON one (the parser's own errors give the line)."""
    data = safe_json.read_bytes(path, MAX_POLICY_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise safe_json.BadJson("not_text", line=data[: exc.start].count(b"\n") + 1) from None
    try:
        # nan and inf are refused as JSON's are: the kept copy must stay a valid policy
        return tomllib.loads(text, parse_float=safe_json.finite_float)
    except tomllib.TOMLDecodeError as exc:
        # The parser's own words are English whatever the interface's: only the line is said.
        found = re.search(r"\(at line (\d+)", str(exc))
        raise safe_json.BadJson("syntax", line=int(found[1]) if found else None) from None
    except RecursionError:
        raise safe_json.BadJson("too_deep") from None
    except safe_json.NotFinite:  # nan, inf
        raise safe_json.BadJson("not_finite") from None
    except ValueError:
        raise safe_json.BadJson("big_number") from None


def line_of(path: Path, key: str, entry: object = None, within: str = "") -> int | None:
    """The line of ``key`` in the policy file at ``path`` (after the table ``within`` begins,
    when named and found; of ``entry``'s text after the key, when found there), or None."""
    try:
        text = safe_json.read_bytes(path, MAX_POLICY_BYTES).decode("utf-8-sig", "replace")
    except (OSError, safe_json.BadJson):
        return None
    begin = 0
    if within:
        name = re.escape(within)
        table = re.search(rf"[\"']?{name}[\"']?\s*[:=]|^\s*\[\s*{name}\s*\]", text, re.M)
        begin = table.end() if table else 0
    found = re.compile(rf"[\"']?{re.escape(key)}[\"']?\s*[:=]").search(text, begin)
    if found is None:
        return None
    start = found.start()
    if isinstance(entry, str) and entry.strip():
        quoted = json.dumps(entry.strip())[1:-1][:40]
        at = text.find(quoted, found.end())
        start = at if at >= 0 else start
    return text.count("\n", 0, start) + 1
