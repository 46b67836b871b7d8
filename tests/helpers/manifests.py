"""Catalog manifests in tests: read from a published folder the way the full check does, built
as a dictionary to change one value at a time and parse, and signed again after a change."""

import base64
import copy
import json
from pathlib import Path
from typing import Any

from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import load_private_key, load_public_key, open_envelope, seal


def read_manifest(folder: Path, public: Path) -> Manifest:
    """The manifest of ``folder/catalog.json``, its signature checked with the key in ``public``."""
    key = load_public_key(public)
    data, _ = open_envelope((folder / "catalog.json").read_bytes(), {key.key_id: key})
    return Manifest.from_bytes(data)


SHA = "a" * 64


TEXT_SHA = "b" * 64


def manifest_dict() -> dict[str, Any]:
    return {
        "format": "sop-catalog",
        "format_version": 1,
        "catalog_id": "test",
        "version": 3,
        "created": "2026-01-01T00:00:00Z",
        "expires": "2027-01-01T00:00:00Z",
        "resources": [
            {
                "id": "tip",
                "title": "A tip sheet",
                "type": "tip_sheet",
                "language": "en",
                "files": [
                    {
                        "role": "main",
                        "name": "tip.pdf",
                        "sha256": SHA,
                        "size": 10,
                        "media_type": "application/pdf",
                    },
                    {
                        "role": "text",
                        "name": "tip.text.json",
                        "sha256": TEXT_SHA,
                        "size": 5,
                        "media_type": "application/vnd.sop.text+json",
                    },
                ],
            }
        ],
    }


def parse(raw: dict[str, Any]) -> Manifest:
    return Manifest.from_bytes(json.dumps(raw).encode())


def mutate(path: list[Any], value: Any) -> dict[str, Any]:
    raw = copy.deepcopy(manifest_dict())
    target = raw
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return raw


def reseal(folder: Path, keys: tuple[Path, Path], change) -> None:
    """Rewrite a published catalog's manifest with ``change`` and sign it again."""
    envelope = json.loads((folder / "catalog.json").read_bytes())
    raw = json.loads(base64.b64decode(envelope["manifest"]))
    change(raw)
    data = json.dumps(raw).encode()
    (folder / "catalog.json").write_bytes(seal(data, load_private_key(keys[0])))
