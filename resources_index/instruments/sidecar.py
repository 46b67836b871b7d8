"""The YAML beside a form (``observation.xlsx`` → ``observation.yaml``): what the instrument is
for and the practice elements and resources each item relates to. Kept apart from the
spreadsheet so the content team can relink items to revised resources without touching the form.

    kind: observation            # observation | self_check | knowledge_check
    title: {en: "...", es: "..."}
    audiences: [coaches, supervisors]
    publisher: CDSS               # optional: who published it (the vocabulary's publishers)
    practice_elements: [safety mapping]
    resources: [safety-mapping-practice-guide]
    items:
      worries_columns:
        practice_elements: [safety mapping]
        resources: [safety-mapping-practice-guide, guia-mapeo-de-seguridad]
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from resources_index.catalog.vocabulary import AUDIENCES, PRACTICE_ELEMENTS, PUBLISHERS, match
from resources_index.errors import InstrumentError
from resources_index.instruments.definition import KINDS
from resources_index.instruments.limits import MAX_CELL_CHARS, MAX_ROWS
from resources_index.util.fsutil import open_regular

MAX_SIDECAR_BYTES = 512 * 1024


@dataclass(frozen=True)
class Links:
    practice_elements: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sidecar:
    kind: str = "observation"
    title: dict[str, str] = field(default_factory=dict)
    audiences: tuple[str, ...] = ()
    publisher: str = ""
    form: Links = Links()
    items: dict[str, Links] = field(default_factory=dict)


def sidecar_path(form: Path) -> Path:
    """Where a form's sidecar is looked for."""
    return form.with_suffix(".yaml")


def read_sidecar(path: Path) -> Sidecar:
    """The sidecar at ``path`` (an empty one when there is none); one sentence if broken."""
    if not path.exists():
        return Sidecar()
    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except OSError as error:
        raise _refuse(path, f"it cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_SIDECAR_BYTES:
        raise _refuse(path, f"it is larger than {MAX_SIDECAR_BYTES:,} bytes")
    try:
        raw = yaml.safe_load(data.decode("utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise _refuse(path, f"the YAML is broken{where}") from None
    return _sidecar(raw, path)


def _sidecar(raw: object, path: Path) -> Sidecar:
    top = _mapping(raw, path, "the sidecar")
    known = {"kind", "title", "audiences", "publisher", "practice_elements", "resources", "items"}
    unknown = set(top) - known
    if unknown:
        raise _refuse(path, f"it has an unknown key {sorted(map(str, unknown))[0]!r}")
    kind = top.get("kind", "observation")
    if kind not in KINDS:
        raise _refuse(path, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    title = {
        _text(k, path, "title"): _text(v, path, "title")
        for k, v in _mapping(top.get("title", {}), path, "title").items()
    }
    items = {
        _text(name, path, "items"): _links(_mapping(value or {}, path, str(name)), path)
        for name, value in _mapping(top.get("items", {}), path, "items").items()
    }
    return Sidecar(
        kind=str(kind),
        title=title,
        audiences=tuple(match(a, AUDIENCES).value for a in _texts(top, "audiences", path)),
        publisher=match(_text(top["publisher"], path, "publisher"), PUBLISHERS).value
        if "publisher" in top
        else "",
        form=_links(top, path),
        items=items,
    )


def _links(raw: dict[str, Any], path: Path) -> Links:
    return Links(
        practice_elements=tuple(
            match(p, PRACTICE_ELEMENTS).value for p in _texts(raw, "practice_elements", path)
        ),
        resources=_texts(raw, "resources", path),
    )


def _mapping(value: object, path: Path, name: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise _refuse(path, f"{name} must be keys and values")
    return value


def _texts(raw: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_ROWS:
        raise _refuse(path, f"{key} must be a list")
    return tuple(_text(entry, path, key) for entry in value)


def _text(value: object, path: Path, name: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_CELL_CHARS:
        raise _refuse(path, f"{name} holds {value!r}, which is not a short text"[:300])
    return value.strip()


def _refuse(path: Path, reason: str) -> InstrumentError:
    return InstrumentError("publish.form_problem", file=path.name, reason=reason + ".")
