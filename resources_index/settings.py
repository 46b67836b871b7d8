"""User settings kept in the library folder (``settings.json``), read leniently.

Only what the core needs today lives here; a machine-wide policy will layer over these values.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from resources_index.fsutil import write_atomic

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    """User-level choices. ``trusted_keys`` holds PEM public keys as text."""

    server_url: str = ""
    trusted_keys: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def load(cls, folder: Path) -> "Settings":
        path = folder / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return cls(problems=[f"{path} could not be read ({exc}); using defaults."])
        if not isinstance(raw, dict):
            return cls(problems=[f"{path} is not a JSON object; using defaults."])
        settings = cls()
        if isinstance(raw.get("server_url"), str):
            settings.server_url = raw["server_url"]
        keys = raw.get("trusted_keys", [])
        if isinstance(keys, list):
            settings.trusted_keys = [k for k in keys if isinstance(k, str)]
        return settings

    def save(self, folder: Path) -> None:
        data = {"server_url": self.server_url, "trusted_keys": self.trusted_keys}
        write_atomic(folder / SETTINGS_FILE, json.dumps(data, indent=2).encode("utf-8"))
