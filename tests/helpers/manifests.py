"""Reading a published catalog's manifest the way the full check does, for comparisons."""

from pathlib import Path

from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import load_public_key, open_envelope


def read_manifest(folder: Path, public: Path) -> Manifest:
    """The manifest of ``folder/catalog.json``, its signature checked with the key in ``public``."""
    key = load_public_key(public)
    data, _ = open_envelope((folder / "catalog.json").read_bytes(), {key.key_id: key})
    return Manifest.from_bytes(data)
