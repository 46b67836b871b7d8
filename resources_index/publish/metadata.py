"""Metadata that publishers write beside their files: YAML sidecars and a ``catalog.csv``.

Both give the same optional keys. Lists are YAML lists or ``;``-separated text. Values are
matched to the vocabulary without regard to case and spacing; unknown values are kept and
reported, so nothing a publisher wrote is silently dropped.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from resources_index.errors import ResourcesError, reason_of

SIDECAR_SUFFIX = ".meta.yaml"
CSV_NAME = "catalog.csv"
LIST_KEYS = ("practice_elements", "audiences", "tags", "translations")
TEXT_KEYS = ("id", "title", "summary", "type", "language", "publisher", "created", "updated")
KNOWN_KEYS = frozenset(LIST_KEYS + TEXT_KEYS)


class MetadataError(ResourcesError):
    """A sidecar or the spreadsheet cannot be read."""


@dataclass
class Metadata:
    """The keys a publisher gave for one file (absent keys are simply missing)."""

    values: dict[str, Any] = field(default_factory=dict)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        return str(value).strip() if value not in (None, "") else None

    def items(self, key: str) -> list[str]:
        value = self.values.get(key)
        if value in (None, ""):
            return []
        if isinstance(value, str):
            return [part.strip() for part in value.split(";") if part.strip()]
        if isinstance(value, list):
            return [str(part).strip() for part in value if str(part).strip()]
        return [str(value).strip()]

    def merged(self, other: "Metadata") -> "Metadata":
        """``other``'s keys win (the sidecar beside a file overrides the spreadsheet row)."""
        return Metadata({**self.values, **other.values})


def read_sidecar(path: Path) -> tuple[Metadata, list[str]]:
    """Read ``NAME.EXT.meta.yaml``; return the metadata and warnings about unknown keys."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise MetadataError("metadata.broken_yaml", name=path.name, where=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MetadataError("metadata.unreadable", name=path.name, reason=reason_of(exc)) from None
    if raw is None:
        return Metadata(), []
    if not isinstance(raw, dict):
        raise MetadataError("metadata.not_mapping", name=path.name)
    values = {str(k).strip().lower(): v for k, v in raw.items()}
    unknown = sorted(set(values) - KNOWN_KEYS)
    warnings = [f"{path.name}: unknown keys ignored: {', '.join(unknown)}."] if unknown else []
    return Metadata({k: v for k, v in values.items() if k in KNOWN_KEYS}), warnings


def read_csv(path: Path) -> tuple[dict[str, Metadata], list[str]]:
    """Read ``catalog.csv``: one row per file, named in its ``file`` column (relative path)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    reader = csv.DictReader(text.splitlines())
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "file" not in headers:
        raise MetadataError("metadata.no_header", name=path.name)
    warnings = []
    unknown = sorted(set(headers) - KNOWN_KEYS - {"file"})
    if unknown:
        warnings.append(f"{path.name}: unknown columns ignored: {', '.join(unknown)}.")
    rows: dict[str, Metadata] = {}
    for number, row in enumerate(reader, start=2):
        clean = {
            (k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None
        }
        name = clean.pop("file", "").replace("\\", "/").strip("/")
        if not name:
            warnings.append(f"{path.name} row {number}: no file named; row ignored.")
            continue
        if name in rows:
            warnings.append(f"{path.name} row {number}: {name} is listed twice; the last row wins.")
        rows[name] = Metadata({k: v for k, v in clean.items() if k in KNOWN_KEYS and v})
    return rows, warnings
