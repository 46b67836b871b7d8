"""A damaged ``settings.json`` is said plainly (the log, ``doctor``, ``settings``), the
built-in settings apply, and saving new settings keeps the damaged file aside, never
overwriting it unseen nor an earlier one set aside."""

import json
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.config.settings import SET_ASIDE, SETTINGS_FILE, Settings
from resources_index.library.library import Library
from resources_index.support import doctor


def _is_table(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data), dict)
    except (ValueError, RecursionError):
        return False


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=2048),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda inner: st.lists(inner, max_size=3),
            max_leaves=8,
        ).map(lambda v: json.dumps(v).encode()),
        st.integers(1, 100_000).map(lambda n: b"[" * n),
    ).filter(lambda d: not _is_table(d))
)
def test_any_bytes_that_are_not_settings_are_said_and_defaults_apply(
    tmp_path: Path, data: bytes
) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(data)
    loaded = Settings.load(tmp_path)
    assert loaded.is_damaged and loaded.to_dict() == {}
    [problem] = loaded.problems
    said = str(problem)
    assert said.startswith(f"Your settings file {tmp_path / SETTINGS_FILE} is damaged (")
    assert "built-in settings apply" in said


def test_a_damaged_file_is_in_the_log_doctor_and_settings_and_kept_aside_on_save(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    library = Library(tmp_path / "library")
    library.root.mkdir(parents=True)
    path = library.root / SETTINGS_FILE
    damaged = [b'{"server_url": "https://sop.example.org/",,}', b"\x00\xff not json"]
    path.write_bytes(damaged[0])
    with caplog.at_level(logging.WARNING):
        library.settings()
        library.settings()  # read again: said once
    logged = [r.getMessage() for r in caplog.records if "is damaged" in r.getMessage()]
    assert len(logged) == 1 and "line 1 is not valid JSON" in logged[0]
    lines = [c.text for c in doctor.run(library, offline=True) if not c.ok]
    assert any(f"Your settings file {path} is damaged" in line for line in lines)
    data = ["--data-dir", str(library.root)]
    assert main([*data, "settings"]) == 0
    assert f"warning: Your settings file {path} is damaged" in capsys.readouterr().err
    # Saving keeps the damaged file aside, then a second damaged file beside the first.
    assert main([*data, "settings", "set", "download_limit_mb", "80"]) == 0
    path.write_bytes(damaged[1])
    settings_now = library.user_settings()
    assert settings_now.is_damaged
    settings_now.set("download_limit_mb", 90)
    settings_now.save(library.root)
    aside = sorted((library.root / SET_ASIDE).glob("settings-*.json"))
    assert sorted(p.read_bytes() for p in aside) == sorted(damaged)
    assert json.loads(path.read_text()) == {"download_limit_mb": 90}
    assert not Settings.load(library.root).problems
    named = [c.text for c in doctor.run(library, offline=True) if "damaged settings" in c.text]
    assert [line.split(": ", 1)[1].split(". ")[0] for line in named] == [str(p) for p in aside]


def test_saving_over_good_settings_keeps_nothing_aside(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text('{"download_limit_mb": 10}')
    loaded = Settings.load(tmp_path)
    loaded.set("download_limit_mb", 20)
    loaded.save(tmp_path)
    assert not (tmp_path / SET_ASIDE).exists()


def test_a_broken_key_in_the_settings_is_named_and_the_others_still_trusted(
    tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A key pasted into ``settings.json`` with a character lost is said (doctor, the
    ``settings`` command), never skipped unsaid; the valid keys beside it are trusted."""
    good = keys[1].read_text()
    lines = good.splitlines()
    broken = "\n".join([lines[0], lines[1][:-1] + lines[1][-1:] * 2, *lines[2:]])
    library = Library(tmp_path / "library")
    library.root.mkdir(parents=True)
    path = library.root / SETTINGS_FILE
    path.write_text(json.dumps({"trusted_keys": [good, broken, "not a key"]}))
    loaded = Settings.load(library.root)
    assert loaded.trusted_keys == [good]
    [problem] = loaded.problems
    assert str(problem) == (
        f"{path}: trusted_keys holds text that is not a public key in PEM form (entry 2, 3:"
        " a character missing, added or changed?); ignored, the other keys are trusted."
    )
    assert any(str(problem) == c.text for c in doctor.run(library, offline=True) if not c.ok)
    assert main(["--data-dir", str(library.root), "settings"]) == 0
    assert "trusted_keys holds text that is not a public key" in capsys.readouterr().err
    assert library.settings().trusted_keys == [good]
