"""The machine-wide policy: precedence, locks, lenient reading, where the library lives."""

import json
from pathlib import Path

import pytest

from resources_index.cli.main import main
from resources_index.config import paths
from resources_index.config.policy import POLICY_ENV, Policy
from resources_index.library.library import Library


def write_policy(folder: Path, data: dict, name: str = "policy.json") -> Path:
    path = folder / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data))
    else:
        lines = []
        for key, value in data.items():
            if not isinstance(value, dict):
                lines.append(f"{key} = {json.dumps(value)}")
        for key, value in data.items():
            if isinstance(value, dict):
                lines.append(f"[{key}]")
                lines += [f"{k} = {json.dumps(v)}" for k, v in value.items()]
        path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("name", ["policy.json", "policy.toml"])
def test_precedence_with_every_source_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = write_policy(
        tmp_path,
        {
            "settings": {
                "server_url": "https://sop.example.gov/catalog/",
                "proxy": "http://county-proxy:8080",
                "download_policy": "when_opened",
            },
            "locked": ["server_url"],
        },
        name,
    )
    monkeypatch.setenv(POLICY_ENV, str(path))
    library = Library(tmp_path / "library")
    user = library.user_settings()
    user.set("server_url", "http://my-own-server/")  # overridden: the policy locks it
    user.set("download_policy", "everything")  # the user's choice beats a policy default
    user.save(library.root)
    effective, sources = library.policy.effective(library.user_settings())
    assert (effective.server_url, sources["server_url"]) == (
        "https://sop.example.gov/catalog/",
        "policy (locked)",
    )
    assert (effective.download_policy, sources["download_policy"]) == (
        "everything",
        "user settings",
    )
    assert (effective.proxy, sources["proxy"]) == ("http://county-proxy:8080", "policy default")
    assert (effective.download_limit_mb, sources["download_limit_mb"]) == (
        50,
        "built-in default",
    )
    assert library.settings() == effective
    user = library.user_settings()
    user.unset("download_policy")
    user.save(library.root)
    assert library.settings().download_policy == "when_opened"  # back to the policy default


def test_unknown_keys_and_bad_values_are_reported_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_policy(
        tmp_path,
        {
            "settings": {"download_policy": "sometimes", "proxy": "http://ok:3128"},
            "locked": ["server_url", "colour"],
            "storage_cap_mb": -5,
            "sync_interval_hours": 24,
            "favourite_colour": "blue",
        },
    )
    policy = Policy.load(path)
    assert policy.defaults == {"proxy": "http://ok:3128"}
    assert policy.locked == frozenset({"server_url"})
    assert policy.sync_interval_hours == 24 and policy.storage_cap_mb == 0
    assert len(policy.problems) == 4
    assert any("favourite_colour" in str(p) for p in policy.problems)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert "cannot be used: line 1 is not valid JSON" in str(Policy.load(broken).problems[0])
    monkeypatch.setenv(POLICY_ENV, str(broken))
    assert Library(tmp_path / "lib").settings().download_policy == "up_to_limit"


def test_a_locked_setting_is_refused_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_policy(
        tmp_path, {"settings": {"server_url": "https://sop.example.gov/"}, "locked": ["server_url"]}
    )
    monkeypatch.setenv(POLICY_ENV, str(path))
    data = ["--data-dir", str(tmp_path / "library")]
    assert main([*data, "settings", "set", "server_url", "http://elsewhere/"]) == 1
    assert "set by your administrator's policy" in capsys.readouterr().err
    assert main([*data, "settings", "set", "download_limit_mb", "200"]) == 0
    assert "download_limit_mb = 200 (user settings)" in capsys.readouterr().out
    assert main([*data, "settings", "set", "download_limit_mb", "lots"]) == 1
    assert "whole number" in capsys.readouterr().err
    assert main([*data, "settings"]) == 0
    shown = capsys.readouterr().out
    assert "https://sop.example.gov/" in shown and "(policy (locked))" in shown


def test_the_policy_can_choose_where_libraries_live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_policy(tmp_path, {"data_dir": str(tmp_path / "$COUNTY" / "sop")})
    monkeypatch.setenv(POLICY_ENV, str(path))
    monkeypatch.setenv("COUNTY", "alameda")
    monkeypatch.delenv(paths.DATA_ENV)
    assert paths.data_dir() == tmp_path / "alameda" / "sop"
    assert paths.data_dir(tmp_path / "explicit") == tmp_path / "explicit"  # the option wins
