"""The machine-wide policy county IT writes once: defaults, locks and deployment choices.

The file is JSON or TOML, in platformdirs' site config folder for "SOP Desktop"
(``C:\\ProgramData\\SOP Desktop\\policy.json`` on Windows, ``/etc/xdg/SOP Desktop/policy.toml``
on Linux) or wherever ``$SOP_DESKTOP_POLICY`` names. Its ``settings`` are the user settings'
defaults; the names in ``locked`` are enforced. Where each effective value comes from, highest
first: the policy when locked, the user's settings, the policy's default, the built-in default.

Deployment keys sit beside ``settings``: ``data_dir`` (the library folder), ``storage_cap_mb``,
``preseed_bundle`` (a share or drive to import from on first start), ``sync_interval_hours``
and ``pac_url`` (a proxy auto-config address). Unknown keys and bad values are reported in
``problems`` and ignored: a typo must never stop a laptop from starting.
"""

import json
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from resources_index.config.paths import APP_NAME
from resources_index.config.settings import Settings

POLICY_ENV = "SOP_DESKTOP_POLICY"
POLICY_NAMES = ("policy.json", "policy.toml")
USER_SETTINGS = tuple(f.name for f in fields(Settings) if f.name not in ("problems", "explicit"))
DEPLOYMENT: dict[str, type | tuple[type, ...]] = {
    "data_dir": str,
    "storage_cap_mb": int,
    "preseed_bundle": str,
    "sync_interval_hours": (int, float),
    "pac_url": str,
    "county": str,  # the county's name in usage reports (docs/privacy.md)
    "reports_url": str,  # where laptops upload usage reports (HTTP PUT, WebDAV)
}
SOURCES = ("policy (locked)", "user settings", "policy default", "built-in default")


def policy_path() -> Path | None:
    """The policy file in effect, or None when there is none."""
    named = os.environ.get(POLICY_ENV)
    if named:
        return Path(named).expanduser()
    folder = Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))
    for name in POLICY_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


@dataclass
class Policy:
    """What the administrator set; empty when there is no policy file."""

    path: Path | None = None
    defaults: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    data_dir: str = ""
    storage_cap_mb: int = 0
    preseed_bundle: str = ""
    sync_interval_hours: float = 0.0
    pac_url: str = ""
    county: str = ""
    reports_url: str = ""
    problems: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> "Policy":
        path = path or policy_path()
        if path is None:
            return cls()
        policy = cls(path=path)
        try:
            text = path.read_text(encoding="utf-8")
            raw = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
        except FileNotFoundError:
            policy.problems.append(f"The policy file {path} does not exist; no policy applies.")
            return policy
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            policy.problems.append(f"The policy file {path} could not be read ({exc}); ignored.")
            return policy
        if not isinstance(raw, dict):
            policy.problems.append(f"The policy file {path} is not a table of settings; ignored.")
            return policy
        policy._take(raw)
        return policy

    def _take(self, raw: dict[str, Any]) -> None:
        where = str(self.path)
        for key, value in raw.items():
            if key == "settings":
                self._take_settings(value)
            elif key == "locked":
                self._take_locked(value)
            elif key in DEPLOYMENT:
                kind = DEPLOYMENT[key]
                if isinstance(value, bool) or not isinstance(value, kind):
                    self.problems.append(f"{where}: {key} has a value of the wrong kind; ignored.")
                elif isinstance(value, int | float) and value < 0:
                    self.problems.append(f"{where}: {key} cannot be negative; ignored.")
                else:
                    setattr(self, key, value)
            else:
                self.problems.append(f"{where}: unknown key {key!r} ignored.")

    def _take_settings(self, value: object) -> None:
        if not isinstance(value, dict):
            self.problems.append(f"{self.path}: 'settings' must be a table; ignored.")
            return
        probe = Settings()
        for name, item in value.items():
            problem = probe.set(name, item)
            if problem:
                self.problems.append(f"{self.path}: {problem}")
            else:
                self.defaults[name] = item

    def _take_locked(self, value: object) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(f"{self.path}: 'locked' must be a list of setting names; ignored.")
            return
        unknown = [v for v in value if v not in USER_SETTINGS]
        for name in unknown:
            self.problems.append(f"{self.path}: cannot lock unknown setting {name!r}.")
        self.locked = frozenset(v for v in value if v in USER_SETTINGS)

    def effective(self, user: Settings) -> tuple[Settings, dict[str, str]]:
        """The settings in effect and where each came from (one of ``SOURCES``)."""
        result = Settings(problems=list(self.problems) + list(user.problems))
        sources = {}
        built_in = Settings()
        for name in USER_SETTINGS:
            user_value = getattr(user, name)
            if name in self.locked and name in self.defaults:
                value, source = self.defaults[name], SOURCES[0]
            elif name in self.locked:
                value, source = getattr(built_in, name), SOURCES[0]
            elif name in user.explicit:
                value, source = user_value, SOURCES[1]
            elif name in self.defaults:
                value, source = self.defaults[name], SOURCES[2]
            else:
                value, source = user_value, SOURCES[3]
            if name == "trusted_keys" and name not in self.locked:
                value = list(dict.fromkeys([*self.defaults.get(name, []), *user_value]))
            setattr(result, name, value)
            sources[name] = source
        return result, sources
