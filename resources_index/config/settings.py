"""User settings kept in the library folder (``settings.json``), read leniently.

A value of the wrong kind is reported in ``problems`` and replaced by its default, never fatal:
a hand-edited file must not stop the program from starting. A machine-wide policy will layer
over these values.
"""

import json
import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from resources_index.catalog.key_ids import pem_key_id
from resources_index.catalog.times import utc_now
from resources_index.errors import Words, reason_of
from resources_index.util import safe_json
from resources_index.util.addresses import shown, split
from resources_index.util.fsutil import replace_file, unused_name, write_atomic

SETTINGS_FILE = "settings.json"
#: Where a damaged settings file is kept when new settings are saved in its place.
SET_ASIDE = "set-aside"

log = logging.getLogger(__name__)
#: The versions of damaged settings files already said in the log (path, mtime, size).
_LOGGED: set[tuple[str, int, int]] = set()

DOWNLOAD_POLICIES = ("everything", "up_to_limit", "when_opened")
INTERFACE_LANGUAGES = ("", "en", "es")  # "" follows the system
APPEARANCES = ("", "light", "dark", "high_contrast")  # "" follows the system
DEFAULT_LIMIT_MB = 50
#: What a server address and a proxy may start with.
SERVER_SCHEMES = ("http", "https")
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
#: Fields of ``Settings`` that say how the file was read, not what the user chose.
NOT_SETTINGS = ("problems", "explicit", "is_damaged")


def set_aside(path: Path) -> Path | None:
    """Move a damaged settings file to ``SET_ASIDE`` beside it under a name of its own (an
    earlier one is never replaced); None when it cannot be moved (then it is overwritten, as
    saving is what the person asked for, and the log says so)."""
    folder = path.parent / SET_ASIDE
    stamp = utc_now().strftime("%Y%m%dT%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        base = unused_name(folder, f"settings-{stamp}", (".json",))
        target = base.with_name(base.name + ".json")
        replace_file(path, target)
    except OSError as exc:
        log.warning("the damaged settings file %s could not be set aside: %s", path, exc)
        return None
    log.warning("the damaged settings file was set aside as %s", target)
    return target


def address_problem(value: str, schemes: tuple[str, ...] = SERVER_SCHEMES) -> str | None:
    """Why ``value`` is not a usable address ("scheme": not http(s)://…; "host": no machine
    named; "spaces": spaces inside), or None when it is one or is empty. Said at once, so a
    typing slip ("servidor del condado") is not later blamed on being offline."""
    value = value.strip()
    if not value:
        return None
    if any(c.isspace() for c in value):
        return "spaces"
    parts = split(value)
    if parts is None:
        return "host"
    if parts.scheme.lower() not in schemes:
        return "scheme"
    return None if parts.hostname else "host"


def completed_address(value: str) -> str:
    """A server address typed without its scheme ("sop.example.org/catalog") as the https://
    address it names; any other value as typed (stripped)."""
    value = value.strip()
    if value and "://" not in value and address_problem(f"https://{value}") is None:
        return f"https://{value}"
    return value


@dataclass
class Settings:
    """User-level choices.

    ``trusted_keys`` holds PEM public keys as text. ``proxy`` empty means "as the environment
    says"; ``ca_bundle`` empty means the operating system's certificate store.
    ``download_policy``: main files of every size, those up to ``download_limit_mb``, or none
    until opened (text and metadata are always fetched).
    """

    server_url: str = ""
    trusted_keys: list[str] = field(default_factory=list)
    proxy: str = ""
    ca_bundle: str = ""
    download_policy: str = "up_to_limit"
    download_limit_mb: int = DEFAULT_LIMIT_MB
    interface_language: str = ""
    appearance: str = ""
    #: Usage reports (docs/privacy.md): on only where a policy turns them on; a person may
    #: turn them off unless the policy locks them.
    reporting_enabled: bool = False
    problems: list[Words] = field(default_factory=list, compare=False)
    #: the settings file is there but cannot be used (not JSON, not a table)
    is_damaged: bool = field(default=False, compare=False)
    #: the names this user set (in the file or through ``set``), as opposed to defaults
    explicit: set[str] = field(default_factory=set, compare=False)

    @classmethod
    def load(cls, folder: Path) -> "Settings":
        path = folder / SETTINGS_FILE
        try:
            raw = safe_json.read_file(path, safe_json.MAX_SMALL_FILE_BYTES)
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            why = reason_of(exc)
            return cls(problems=[Words("setting.unreadable", path=path, reason=why)])
        except safe_json.BadJson as exc:
            why = safe_json.bad_json_reason(exc)
            if exc.why == "not_regular":  # a folder or a device in its place: not its bytes
                return cls(problems=[Words("setting.unreadable", path=path, reason=why)])
            return cls.damaged(path, why)
        if not isinstance(raw, dict):
            return cls.damaged(path, Words("policy.why.not_table"))
        settings = cls()
        for name, value in raw.items():
            problem = settings.set(name, value)
            if problem:
                settings.problems.append(Words("setting.in_file", path=path, problem=problem))
        return settings

    @classmethod
    def damaged(cls, path: Path, why: Words) -> "Settings":
        """The built-in settings, saying that the file at ``path`` is damaged (in the log
        once per version of the file: settings are read often)."""
        problem = Words("setting.damaged", path=path, reason=why)
        try:
            stat = path.stat()
            version = (str(path), stat.st_mtime_ns, stat.st_size)
        except OSError:
            version = (str(path), 0, 0)
        if version not in _LOGGED:
            _LOGGED.add(version)
            log.warning("%s", problem)
        return cls(problems=[problem], is_damaged=True)

    def set(self, name: str, value: Any) -> Words | None:
        """Set one value after checking it; return why instead when it is refused (words
        said in the reader's language)."""
        known = {f.name: f for f in fields(self) if f.name not in NOT_SETTINGS}
        if name not in known:
            return Words("setting.unknown", name=name)
        default = known[name].default
        if name == "trusted_keys":
            if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
                return Words("setting.trusted_keys")
            broken = [n for n, pem in enumerate(value, start=1) if pem_key_id(pem) is None]
            if broken:  # the valid keys are kept; each broken one is named, never skipped unsaid
                self.trusted_keys = [pem for pem in value if pem_key_id(pem) is not None]
                self.explicit.add(name)
                return Words("setting.bad_keys", numbers=", ".join(map(str, broken)))
        elif name == "download_policy":
            if value not in DOWNLOAD_POLICIES:
                return Words("setting.download_policy", choices=", ".join(DOWNLOAD_POLICIES))
        elif name == "interface_language":
            if value not in INTERFACE_LANGUAGES:
                return Words("setting.interface_language")
        elif name in ("server_url", "proxy") and isinstance(value, str):
            schemes = SERVER_SCHEMES if name == "server_url" else PROXY_SCHEMES
            if address_problem(value, schemes):
                kind = "setting.server_address" if name == "server_url" else "setting.proxy_address"
                return Words(kind, name=name, value=shown(value))
        elif name == "appearance":
            if value not in APPEARANCES:
                return Words("setting.appearance")
        elif name == "download_limit_mb":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                return Words("setting.download_limit")
        elif not isinstance(value, type(default)):
            return Words("setting.not_text", name=name)
        setattr(self, name, value)
        self.explicit.add(name)
        return None

    def unset(self, name: str) -> None:
        """Forget the user's own value: the policy's default or the built-in one applies."""
        default = next(f for f in fields(self) if f.name == name)
        value = default.default_factory() if callable(default.default_factory) else default.default
        setattr(self, name, value)
        self.explicit.discard(name)

    def to_dict(self) -> dict[str, Any]:
        """The values the user set (defaults are not written, so a policy can change them)."""
        return {name: getattr(self, name) for name in sorted(self.explicit)}

    def save(self, folder: Path) -> None:
        """Write the user's values; a damaged file found in their place is first kept aside
        (``SET_ASIDE``), never overwritten unseen."""
        path = folder / SETTINGS_FILE
        if Settings.load(folder).is_damaged:
            set_aside(path)
        write_atomic(path, json.dumps(self.to_dict(), indent=2).encode("utf-8"))

    @property
    def auto_download_bytes(self) -> int | None:
        """Main files up to this size download with a sync; None means every size."""
        if self.download_policy == "everything":
            return None
        if self.download_policy == "when_opened":
            return 0
        return self.download_limit_mb * 1024 * 1024
