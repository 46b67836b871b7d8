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

A file that cannot be used at all (a typo in its syntax, binary, a list, nested without end,
missing for a moment) or that has a problem (a key's name or value with a typo, a key given
twice) never bricks a library: each valid policy (read whole, without a problem) is kept in
the library (``KEPT_FILE``), and the last one kept goes on applying, with ``unusable`` saying
which file, which line and what is wrong (the status bar, ``doctor`` and the log say it). An
administrator removes a policy by replacing it with an empty one (``{}``).
"""

import datetime
import json
import logging
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from resources_index.catalog.key_ids import pem_key_id
from resources_index.catalog.times import format_time, utc_now
from resources_index.config.paths import APP_NAME
from resources_index.config.policy_file import MAX_POLICY_BYTES, Unusable, line_of, read_policy_file
from resources_index.config.settings import NOT_SETTINGS, Settings, address_problem
from resources_index.errors import Words
from resources_index.util import safe_json
from resources_index.util.addresses import shown
from resources_index.util.fsutil import write_atomic

log = logging.getLogger(__name__)

POLICY_ENV = "SOP_DESKTOP_POLICY"
POLICY_NAMES = ("policy.json", "policy.toml")
USER_SETTINGS = tuple(f.name for f in fields(Settings) if f.name not in NOT_SETTINGS)
#: Deployment keys that hold a web address (checked as the settings' server address is).
ADDRESSES = ("reports_url", "pac_url")
DEPLOYMENT: dict[str, type | tuple[type, ...]] = {
    "data_dir": str,
    "storage_cap_mb": int,
    "preseed_bundle": str,
    "sync_interval_hours": (int, float),
    "pac_url": str,
    "county": str,  # the county's name in usage reports (docs/privacy.md)
    "reports_url": str,  # where laptops upload usage reports (HTTP PUT, WebDAV)
    # this county's credential for those uploads (docs/hosting.md): never shown or logged
    "reports_user": str,
    "reports_password": str,
}
SOURCES = ("policy (locked)", "user settings", "policy default", "built-in default")
#: The last policy read whole, kept in the library folder (and in the default one when it
#: chooses where libraries live): what applies while the file cannot be used.
KEPT_FILE = "policy-last-valid.json"


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
    #: the credential of this county's uploads (HTTP authentication on the PUT of a report);
    #: never shown, logged or written anywhere but the kept copy of the policy
    reports_user: str = ""
    reports_password: str = ""
    problems: list[Words] = field(default_factory=list)
    #: why the policy file cannot be used at all (then the kept policy applies, if any)
    unusable: Words | None = None
    #: a ``trusted_keys`` entry that is not a key (a typo) and no kept policy's keys to go on
    #: with: nothing was withdrawn on purpose, so the catalog installed stays readable
    keys_unsure: Words | None = None
    #: whether ``trusted_keys`` in the file held something that is not a key
    _keys_faulty: bool = field(default=False, repr=False)

    @classmethod
    def load(cls, path: Path | None = None, keep_in: Path | None = None) -> "Policy":
        """The policy in ``path`` (or the one in effect); with ``keep_in`` (a library folder)
        a valid policy (read whole, without a problem) is kept there, and one that cannot be
        used or has problems is replaced by the policy last kept."""
        path = path or policy_path()
        kept = _read_kept(keep_in) if keep_in is not None else None
        if path is None and kept is None:
            return cls()
        if path is None:
            path = Path(kept["path"]) if kept else Path()
            why = Words("policy.why.missing")
        else:
            try:
                raw, repeated = read_policy_file(path)
            except Unusable as exc:
                why = exc.words
            else:
                policy = cls(path=path)
                policy._take(raw, str(path))
                policy._take_repeated(repeated, str(path))
                if not policy.problems:
                    if keep_in is not None:
                        _keep(keep_in, path, raw, kept)
                    return policy
                return policy._faulty(kept, keep_in)
        policy = cls(path=path)
        if kept is None:
            policy.unusable = Words("policy.unusable", path=path, reason=why)
        else:
            policy._take_kept(kept, keep_in)
            policy.unusable = Words(
                "policy.unusable_kept", path=path, reason=why, read_at=kept["read_at"]
            )
        policy.problems.insert(0, policy.unusable)
        log.warning("%s", policy.unusable)
        return policy

    def _faulty(self, kept: dict[str, Any] | None, keep_in: Path | None) -> "Policy":
        """What applies for a policy file read whole but with problems (a key name or a value
        with a typo, a key given twice): the last valid policy, with the file's problems
        named; with none kept, the file's valid parts, and the catalog installed stays
        readable unless the file names its keys validly (a faulty file never withdraws a key:
        nothing says the withdrawal was meant)."""
        for problem in self.problems:
            log.warning("%s", problem)
        if kept is None:
            no_keys = keep_in is not None and not self.defaults.get("trusted_keys")
            if self._keys_faulty or no_keys:  # (a library's view: its catalog stays readable)
                kind = "policy.keys_unsure" if self._keys_faulty else "policy.faulty_unsure"
                self.keys_unsure = Words(kind, path=self.path)
                self.problems.append(self.keys_unsure)
                log.warning("%s", self.keys_unsure)
            return self
        policy = type(self)(path=self.path)
        policy._take_kept(kept, keep_in)
        policy.unusable = Words(
            "policy.faulty_kept",
            path=self.path,
            count=len(self.problems),
            read_at=kept["read_at"],
        )
        policy.problems = [policy.unusable, *self.problems]
        log.warning("%s", policy.unusable)
        return policy

    def _take_kept(self, kept: dict[str, Any], keep_in: Path | None) -> None:
        """Take the kept policy (``_read_kept`` found it valid), named as the kept copy."""
        copy = Words("policy.kept_copy", kept=keep_in / KEPT_FILE if keep_in else "")
        self._take(kept["policy"], copy)

    def _take_repeated(self, repeated: list[tuple[str, int | None]], where: str) -> None:
        """A key given twice in one table: only the last is read, so the first may be what was
        meant (two ``settings`` blocks, the second without a key): a problem."""
        for key, line in repeated:
            at = where if line is None else Words("policy.at_line", path=where, line=line)
            self.problems.append(Words("policy.repeated_key", path=at, key=key))

    @property
    def reports_credentials(self) -> tuple[str, str] | None:
        """(user, password) for the PUT of this county's reports, or None."""
        return (self.reports_user, self.reports_password) if self.reports_user else None

    def _take(self, raw: dict[str, Any], where: str | Words) -> None:
        """Take what ``raw`` holds; its problems are named after ``where`` (the file, with the
        line, or the kept copy when that is what applies)."""
        for key, value in raw.items():
            if key == "settings":
                self._take_settings(value, where)
            elif key == "locked":
                self._take_locked(value, where)
            elif key not in DEPLOYMENT:
                at = self._where_in_file(where, key)
                self.problems.append(Words("policy.unknown_key", path=at, key=key))
            elif (kind := _deployment_problem(key, value)) is not None:
                at = self._where_in_file(where, key)
                value_said = {"value": shown(value)} if kind == "policy.bad_address" else {}
                self.problems.append(Words(kind, path=at, key=key, **value_said))
            else:
                setattr(self, key, value)

    def _take_settings(self, value: object, where: str | Words) -> None:
        if not isinstance(value, dict):
            at = self._where_in_file(where, "settings")
            self.problems.append(Words("policy.settings_not_table", path=at))
            return
        probe = Settings()
        for name, item in value.items():
            if name == "trusted_keys":
                self._take_keys(item, where)
                continue
            problem = probe.set(name, item)
            if problem:
                at = self._where_in_file(where, name, within="settings")
                self.problems.append(Words("setting.in_file", path=at, problem=problem))
            else:
                self.defaults[name] = item

    def _take_keys(self, value: object, where: str | Words) -> None:
        """The policy's public keys: each entry that is not one (a character dropped, text
        beside the key) is named with its line and left out."""
        if not isinstance(value, list):
            at = self._where_in_file(where, "trusted_keys", within="settings")
            self.problems.append(Words("policy.keys_not_list", where=at))
            self._keys_faulty = True
            return
        good = []
        for number, entry in enumerate(value, start=1):
            if isinstance(entry, str) and pem_key_id(entry) is not None:
                good.append(entry)
                continue
            line = self._where_in_file(where, "trusted_keys", entry, "settings")
            self.problems.append(Words("policy.bad_key", where=line, number=number))
            self._keys_faulty = True
        self.defaults["trusted_keys"] = good

    def _where_in_file(
        self, where: str | Words, key: str, entry: object = None, within: str = ""
    ) -> str | Words:
        """``where`` with the line of ``key`` (in the table ``within``; or of ``entry`` after
        it) in the policy file, when ``where`` is that file and the line is found."""
        if not isinstance(where, str) or self.path is None:
            return where
        line = line_of(self.path, key, entry, within)
        return where if line is None else Words("policy.at_line", path=where, line=line)

    def _take_locked(self, value: object, where: str | Words) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            at = self._where_in_file(where, "locked")
            self.problems.append(Words("policy.locked_not_list", path=at))
            return
        unknown = [v for v in value if v not in USER_SETTINGS]
        for name in unknown:
            at = self._where_in_file(where, "locked", name)
            self.problems.append(Words("policy.lock_unknown", path=at, name=name))
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


def _deployment_problem(key: str, value: object) -> str | None:
    """What is wrong with the value of the deployment key ``key`` (a message kind), or None."""
    kind = DEPLOYMENT[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        return "policy.wrong_kind"
    if isinstance(value, int | float) and not (safe_json.finite(value) and value >= 0):
        return "policy.negative"
    if key in ADDRESSES and isinstance(value, str) and address_problem(value):
        return "policy.bad_address"
    return None


def _read_kept(folder: Path) -> dict[str, Any] | None:
    """The policy kept in ``folder``, or None (none kept, or the copy is damaged)."""
    try:
        kept = safe_json.read_file(folder / KEPT_FILE, MAX_POLICY_BYTES)
    except (OSError, safe_json.BadJson):
        return None
    if (
        isinstance(kept, dict)
        and isinstance(kept.get("policy"), dict)
        and isinstance(kept.get("path"), str)
        and isinstance(kept.get("read_at"), str)
    ):
        probe = Policy()
        probe._take(kept["policy"], "")
        if not probe.problems:
            return kept
        # Kept by an earlier version, which kept policies with problems: not a valid one.
        log.warning("the policy kept in %s has problems; it is not used", folder / KEPT_FILE)
    return None


def _keep(folder: Path, path: Path, raw: dict[str, Any], kept: dict[str, Any] | None) -> None:
    """Keep ``raw`` in ``folder`` when it differs from the copy kept there (a library folder
    that cannot be written keeps the copy it has)."""
    try:
        as_kept = json.loads(json.dumps(raw, default=_as_text, allow_nan=False))
        if kept is not None and kept["policy"] == as_kept and kept["path"] == str(path):
            return
        record = {"path": str(path), "read_at": format_time(utc_now()), "policy": as_kept}
        data = json.dumps(record, indent=1).encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / KEPT_FILE, data)
    except (OSError, TypeError, ValueError) as exc:  # keeping the copy never fails a start
        log.warning("the policy could not be kept in %s: %s", folder, exc)


def _as_text(value: object) -> str:
    """TOML's dates and times, kept as their ISO text (the policy reads none of them: they
    can only be an administrator's notes, or unknown keys already reported)."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    raise TypeError(f"a value of type {type(value).__name__} cannot be kept")
