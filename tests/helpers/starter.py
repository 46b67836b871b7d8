"""An older copy of the packaged starter catalog, as an earlier program version shipped it."""

import base64
import json
import shutil
from pathlib import Path

from resources_index.catalog.model import canonical_json
from resources_index.catalog.signing import load_private_key, seal
from resources_index.config import paths

STARTER_KEY = Path(__file__).resolve().parents[2] / "assets" / "starter" / "starter.key"


def older_starter(folder: Path) -> Path:
    """The packaged starter at ``folder`` as version 1, without its curated kits."""
    shutil.copytree(paths.starter_catalog_dir(), folder)
    envelope = json.loads((folder / "catalog.json").read_bytes())
    raw = json.loads(base64.b64decode(envelope["manifest"]))
    raw["version"] = 1
    raw.pop("kits", None)
    (folder / "catalog.json").write_bytes(seal(canonical_json(raw), load_private_key(STARTER_KEY)))
    return folder
