"""Curated session kits a content team writes as YAML files in ``SOURCE/kits/``."""

from collections.abc import Mapping

import yaml

from resources_index.catalog import limits
from resources_index.catalog.model import CuratedKit, KitItem
from resources_index.catalog.positions import is_timed, parse_start
from resources_index.catalog.records import Resource
from resources_index.publish.inference import fold_id
from resources_index.publish.source_folder import KITS_DIR, SourceFolder


def read_kits(
    source: SourceFolder, resources: dict[str, Resource], pages: Mapping[str, int] | None = None
) -> list[CuratedKit]:
    """Curated session kits from ``SOURCE/kits/*.yaml``: an id, a name, a description and
    items (a resource id, a note and where it opens: ``start: 5`` for a page, ``start:
    "3:20"`` for a video). A kit naming an unknown resource, a start that is neither, or a
    page after the last of a document whose pages are known (``pages``, by resource id: a
    PDF's, or its rendition's) is skipped: a trainer would find the wrong place."""
    pages = pages or {}
    resource_ids = set(resources)
    folder = source.source / KITS_DIR
    kits: list[CuratedKit] = []
    if not folder.is_dir():
        return kits
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        rel = source.rel(path)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            source.errors.append(f"{rel}: cannot be read ({exc}); kit skipped.")
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
            source.errors.append(f"{rel}: a kit needs a name and a list of items; skipped.")
            continue
        kid = str(raw.get("id") or path.stem).strip().lower()
        items: list[KitItem] = []
        unknown: list[KitItem] = []
        bad_starts: list[str] = []
        beyond: list[str] = []
        for entry in raw["items"]:
            rid = fold_id(str(entry.get("id", "")) if isinstance(entry, dict) else str(entry))
            note = str(entry.get("note", "") or "") if isinstance(entry, dict) else ""
            written = entry.get("start", "") if isinstance(entry, dict) else ""
            try:
                # YAML reads an unquoted 3:20 as 200 (base 60): seconds, as meant.
                timed = rid in resources and is_timed(resources[rid])
                start = parse_start(str(written if written is not None else ""), timed)
            except ValueError:
                bad_starts.append(f"{rid}: {written!r}")
                start = 0
            if not timed and start > pages.get(rid, start):
                beyond.append(f"{rid}: page {start} of {pages[rid]}")
            item = KitItem(rid, note.strip(), start)
            (items if rid in resource_ids else unknown).append(item)
        if bad_starts:
            source.errors.append(
                f"{rel}: a start must be a page number for a document or a time such as"
                f" 3:20 for a video ({', '.join(bad_starts)}); skipped."
            )
            continue
        if beyond:
            source.errors.append(
                f"{rel}: a start is after the document's last page ({', '.join(beyond)}); skipped."
            )
            continue
        if unknown:
            names = ", ".join(repr(i.resource_id) for i in unknown)
            source.errors.append(f"{rel}: names resources this catalog lacks ({names}); skipped.")
            continue
        if not limits.ID_PATTERN.fullmatch(kid) or not items:
            source.errors.append(f"{rel}: needs a valid id and at least one item; skipped.")
            continue
        kits.append(
            CuratedKit(
                kid,
                str(raw.get("name") or kid).strip(),
                tuple(items),
                str(raw.get("description", "") or "").strip(),
            )
        )
    return kits
