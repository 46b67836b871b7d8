"""A policy file that cannot be used never bricks a library: the last valid policy (kept in the
library) goes on applying, and the fault is named (file, line, what is wrong) in ``doctor``,
the log and the window; a key withdrawn on purpose is said as such, never as damage."""

import json
import logging
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.config import paths
from resources_index.config.policy import KEPT_FILE, MAX_POLICY_BYTES, POLICY_ENV, Policy
from resources_index.config.settings import Settings
from resources_index.errors import LibraryError, Words
from resources_index.library.library import Library, open_library
from resources_index.support import doctor
from tests.helpers.reporting import County, policy_in_force


def _pre_seeded(county: County) -> Path:
    """A laptop whose library came from the policy's pre-seed bundle, signed by a key only the
    policy trusts; returns the policy file."""
    policy = policy_in_force(
        county.monkeypatch,
        county.folder / "policy.json",
        {
            "preseed_bundle": str(county.published),
            "settings": {
                "trusted_keys": [county.keys[1].read_text()],
                "download_policy": "when_opened",
            },
            "locked": ["download_policy"],
        },
    )
    library = open_library(county.folder / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    library.close()
    return policy


BROKEN = {
    "a typo": (b'{"settings": {"download_policy": "when_opened",}}\n', "line 1 is not valid JSON"),
    "binary": (b"\x00\xff\xfe garbage", "line 1 is not UTF-8 text"),
    "a list": (b'["settings"]', "does not hold a table of settings"),
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "nested more deeply"),
    "a typo on line 3": (b'{\n "settings": {},\n "locked": [}\n', "line 3 is not valid JSON"),
    "too large": (b" " * (MAX_POLICY_BYTES + 1) + b"{}", "larger than allowed"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_policy_keeps_the_last_valid_one(
    county: County, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, case: str
) -> None:
    policy = _pre_seeded(county)
    data, said = BROKEN[case]
    policy.write_bytes(data)
    library = Library(county.folder / "laptop")
    with caplog.at_level(logging.WARNING):
        assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    unusable = str(library.policy.unusable)
    assert str(policy) in unusable and said in unusable and "last valid policy" in unusable
    assert unusable in caplog.text  # the log says it too
    assert library.settings().download_policy == "when_opened"  # still locked as it was
    checks = list(doctor.run(library, offline=True))
    assert any(not c.ok and said in c.text for c in checks)
    assert not any("damaged" in c.text for c in checks)
    library.close()
    data_dir = ["--data-dir", str(county.folder / "laptop")]
    assert main([*data_dir, "search", "three houses"]) == 0
    assert main([*data_dir, "status"]) == 0
    assert "damaged" not in capsys.readouterr().out


def test_a_policy_missing_for_a_moment_keeps_the_last_valid_one(county: County) -> None:
    policy = _pre_seeded(county)
    policy.unlink()
    library = Library(county.folder / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert "is missing" in str(library.policy.unusable)
    county.monkeypatch.delenv(POLICY_ENV)  # nor found in the machine's folder: the kept one applies
    library = Library(county.folder / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert str(policy) in str(library.policy.unusable)


def test_a_broken_policy_with_none_kept_is_named_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy_in_force(
        monkeypatch,
        tmp_path / "policy.toml",
        '[settings]\ndownload_policy = "when_opened"\nproxy = \n',
    )
    library = Library(tmp_path / "laptop")
    assert library.settings().download_policy == "up_to_limit"
    said = str(library.policy.unusable)
    assert "line 3 is not valid TOML" in said and "No policy applies" in said
    assert not (library.root / KEPT_FILE).exists()


def test_an_empty_policy_replaces_the_kept_one(county: County) -> None:
    """How an administrator removes a policy: the kept copy follows the file read whole."""
    policy = _pre_seeded(county)
    policy.write_text("{}")
    library = Library(county.folder / "laptop")
    assert library.policy.unusable is None
    assert library.settings().download_policy == "up_to_limit"
    kept = json.loads((library.root / KEPT_FILE).read_text())
    assert kept["policy"] == {}


def test_a_key_withdrawn_on_purpose_says_so_never_damaged(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _pre_seeded(county)
    policy.write_text(json.dumps({"settings": {"trusted_keys": []}}))
    library = Library(county.folder / "laptop")
    with pytest.raises(LibraryError) as raised:
        library.current()
    said = str(raised.value)
    assert raised.value.kind == "library.key_withdrawn"
    assert "administrator no longer trusts" in said and "damaged" not in said
    library.close()
    assert main(["--data-dir", str(county.folder / "laptop"), "status"]) != 0
    assert "administrator no longer trusts" in capsys.readouterr().err


def test_the_library_chosen_by_the_policy_is_found_while_it_is_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = policy_in_force(
        monkeypatch,
        tmp_path / "policy.json",
        {"data_dir": str(tmp_path / "county-share" / "sop")},
    )
    monkeypatch.delenv(paths.DATA_ENV)
    assert paths.data_dir() == tmp_path / "county-share" / "sop"
    policy.write_text('{"data_dir": ')
    assert paths.data_dir() == tmp_path / "county-share" / "sop"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(
                    st.sampled_from(["settings", "locked", "county", "data_dir", "x"]) | st.text(),
                    inner,
                    max_size=4,
                )
            ),
            max_leaves=12,
        ).map(lambda v: json.dumps(v).encode()),
    )
)
def test_any_policy_bytes_give_a_policy_never_an_exception(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(data)
    policy = Policy.load(path, keep_in=tmp_path / "lib")
    effective, _ = policy.effective(Settings())
    assert isinstance(effective.trusted_keys, list)
    assert all(isinstance(p, Words) and str(p) for p in policy.problems)
    toml = tmp_path / "policy.toml"
    toml.write_bytes(data)
    assert isinstance(Policy.load(toml).problems, list)


def test_settings_nested_deep_are_reported_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    loaded = Settings.load(tmp_path)
    assert loaded.server_url == "" and "nested" in str(loaded.problems[0])
    (tmp_path / "settings.json").write_bytes(b'{"download_limit_mb": 1' + b"0" * 5000 + b"}")
    assert "number" in str(Settings.load(tmp_path).problems[0])


def test_a_fifo_in_place_of_the_policy_is_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "policy.json"
    os.mkfifo(fifo)
    assert "not a regular file" in str(Policy.load(fifo).unusable)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"a = " + b"[" * 100_000, "nested more deeply"),
        (b'county = "x"\n\xff\xfe\n', "line 2 is not UTF-8 text"),
        (b"settings = 1\nsettings = 2\n", "line 2 is not valid TOML"),
    ],
    ids=["nested", "binary", "repeated key"],
)
def test_a_broken_toml_policy_is_named_with_its_line(
    tmp_path: Path, data: bytes, said: str
) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(data)
    assert said in str(Policy.load(path).unusable)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    moment=st.one_of(
        st.dates(min_value=date(1, 1, 1)),
        st.datetimes(),
        st.times(),
        st.datetimes(timezones=st.just(UTC)),
    ),
    key=st.sampled_from(["last_reviewed", "county", "x"]),
    in_settings=st.booleans(),
)
def test_a_toml_policy_with_dates_is_named_and_never_kept(
    tmp_path: Path, moment: date | datetime | time, key: str, in_settings: bool
) -> None:
    """TOML has dates (``last_reviewed = 2026-12-03``) that JSON has not; the policy reads
    none, so a date is an unknown key or a value of the wrong kind: named with its line, the
    last valid policy applies, and the kept copy stays that policy."""
    import shutil

    library = tmp_path / "lib"
    shutil.rmtree(library, ignore_errors=True)
    path = tmp_path / "policy.toml"
    path.write_text('county = "Alameda"\n[settings]\ndownload_policy = "when_opened"\n')
    assert Policy.load(path, keep_in=library).unusable is None
    kept_before = (library / KEPT_FILE).read_bytes()
    line = f"{key} = {moment.isoformat()}\n"
    text = (
        f'county = "Alameda"\n[settings]\n{line}'
        if in_settings
        else f'{line}[settings]\ndownload_policy = "when_opened"\n'
    )
    path.write_text(text)
    policy = Policy.load(path, keep_in=library)
    assert policy.unusable is not None and policy.unusable.kind == "policy.faulty_kept"
    line_number = 3 if in_settings else 1
    assert any(f"{path}, line {line_number}:" in str(p) for p in policy.problems[1:])
    assert policy.county == "Alameda" and policy.defaults == {"download_policy": "when_opened"}
    assert (library / KEPT_FILE).read_bytes() == kept_before
    path.write_text("locked = [\n")  # then a typo: the kept copy applies
    broken = Policy.load(path, keep_in=library)
    assert "last valid policy" in str(broken.unusable) and broken.county == "Alameda"


def test_a_toml_date_policy_starts_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    policy_in_force(
        monkeypatch, tmp_path / "policy.toml", 'last_reviewed = 2026-12-03\ncounty = "Alameda"\n'
    )
    data_dir = ["--data-dir", str(tmp_path / "laptop")]
    assert main([*data_dir, "status"]) in (0, 1)
    said = capsys.readouterr()
    assert "Traceback" not in said.err and "JSON serializable" not in said.err
    assert not (tmp_path / "laptop" / KEPT_FILE).exists()  # a policy with a problem


NON_FINITE = {
    "JSON 1e400": ("policy.json", b'{"sync_interval_hours": 1e400}'),
    "JSON -1e400": ("policy.json", b'{"settings": {"download_limit_mb": -1e400}}'),
    "JSON NaN": ("policy.json", b'{"sync_interval_hours": NaN}'),
    "JSON Infinity": ("policy.json", b'{"sync_interval_hours": Infinity}'),
    "TOML nan": ("policy.toml", b"sync_interval_hours = nan\n"),
    "TOML inf": ("policy.toml", b"sync_interval_hours = -inf\n"),
}


@pytest.mark.parametrize("case", sorted(NON_FINITE))
def test_a_policy_with_a_non_finite_number_is_refused_and_never_kept(
    tmp_path: Path, case: str
) -> None:
    name, data = NON_FINITE[case]
    path = tmp_path / name
    path.write_bytes(data)
    policy = Policy.load(path, keep_in=tmp_path / "lib")
    said = str(policy.unusable)
    assert "not a finite number" in said and "larger than allowed" not in said
    assert not (tmp_path / "lib" / KEPT_FILE).exists()


@settings(max_examples=60, deadline=None)
@given(exponent=st.integers(min_value=309, max_value=100_000), sign=st.sampled_from(["", "-"]))
def test_json_never_reads_a_number_as_infinity(exponent: int, sign: str) -> None:
    from resources_index.util import safe_json

    with pytest.raises(safe_json.BadJson):
        safe_json.parse(f'{{"x": {sign}1e{exponent}}}'.encode(), 1000)


@pytest.mark.parametrize("name", ["policy.json", "policy.toml"])
def test_a_policy_with_a_byte_order_mark_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    body = '{"county": "Alameda"}' if name.endswith("json") else 'county = "Alameda"\n'
    path.write_bytes(b"\xef\xbb\xbf" + body.encode())
    policy = Policy.load(path)
    assert policy.unusable is None and policy.county == "Alameda"


def test_a_broken_policy_with_none_kept_keeps_the_installed_catalog_readable(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    """A library from before policies were kept: the catalog verified at install stays
    readable, the policy's fault is named, and no key is said to be withdrawn."""
    from resources_index.library import snapshot

    policy = _pre_seeded(county)
    (county.folder / "laptop" / KEPT_FILE).unlink()
    policy.write_bytes(b'{"settings": {"server_url": "x",}')
    library = Library(county.folder / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    said = str(library.policy.unusable)
    assert "line 1 is not valid JSON" in said and str(policy) in said
    library.close()
    data_dir = ["--data-dir", str(county.folder / "laptop")]
    assert main([*data_dir, "search", "three houses"]) == 0
    assert main([*data_dir, "status"]) == 0
    out = capsys.readouterr()
    assert "no longer trusts" not in out.out + out.err and "three" in out.out.lower()
    # Without the parsed copy the signature must be checked, and the key is the policy's:
    library = Library(county.folder / "laptop")
    sha = library.state.get("current_sha256")
    assert sha is not None
    snapshot._path(library.root, sha).unlink()
    with pytest.raises(LibraryError) as raised:
        library.current()
    assert raised.value.kind == "library.policy_unreadable"
    assert "line 1 is not valid JSON" in str(raised.value)
    assert "no longer trusts" not in str(raised.value)
    library.close()


def _typo(pem: str) -> str:
    """``pem`` with one character of its key dropped."""
    head, body, tail = pem.strip().split("\n")
    return f"{head}\n{body[:20]}{body[21:]}\n{tail}\n"


#: Each faulty ``trusted_keys`` and the line of the policy file (written with indent=1) named.
KEY_TYPOS = {
    "a character dropped": (lambda pem: [_typo(pem)], 5),
    "a string, not a list": (lambda pem: pem, 4),
    "garbage beside the key": (lambda pem: [pem, "garbage"], 6),
    "a number": (lambda pem: [pem, 7], 4),
}


@pytest.mark.parametrize("case", sorted(KEY_TYPOS))
def test_a_typo_in_a_trusted_key_never_withdraws_it(
    county: County, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """A key entry that is not a key is a policy problem (file and line), left out, and the
    keys of the last valid policy go on applying: nobody loses their library to a typo."""
    policy = _pre_seeded(county)
    pem = county.keys[1].read_text()
    faulty, line = KEY_TYPOS[case]
    settings = {"download_policy": "when_opened", "trusted_keys": faulty(pem)}
    policy.write_text(json.dumps({"settings": settings, "locked": ["trusted_keys"]}, indent=1))
    for _ in range(2):  # and again, from what was kept the first time
        library = Library(county.folder / "laptop")
        assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
        assert pem in library.settings().trusted_keys
        assert library.policy.unusable is not None
        assert library.policy.unusable.kind == "policy.faulty_kept"
        problems = [str(p) for p in library.policy.problems]
        assert any(f"{policy}, line {line}:" in p and "trusted_keys" in p for p in problems)
        checks = list(doctor.run(library, offline=True))
        assert any(not c.ok and "trusted_keys" in c.text and str(policy) in c.text for c in checks)
        assert not any("no longer trusts" in c.text for c in checks)
        library.close()
    kept = json.loads((county.folder / "laptop" / KEPT_FILE).read_text())
    assert kept["policy"]["settings"]["trusted_keys"] == [pem]  # never the faulty entry
    data_dir = ["--data-dir", str(county.folder / "laptop")]
    assert main([*data_dir, "search", "three houses"]) == 0
    assert main([*data_dir, "status"]) == 0
    out = capsys.readouterr()
    assert "no longer trusts" not in out.out + out.err


def test_a_key_typo_with_none_kept_keeps_the_installed_catalog_readable(county: County) -> None:
    policy = _pre_seeded(county)
    (county.folder / "laptop" / KEPT_FILE).unlink()
    pem = county.keys[1].read_text()
    policy.write_text(json.dumps({"settings": {"trusted_keys": [_typo(pem)]}}))
    library = Library(county.folder / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert "no new catalog signed by a key only the policy names" in str(library.policy.keys_unsure)
    library.close()


def test_a_pem_on_one_line_is_a_key() -> None:
    from resources_index.catalog.key_ids import pem_key_id

    pem = (
        "-----BEGIN PUBLIC KEY----- MCowBQYDK2VwAyEARK+Oo9elUO86mdAar2E3aeip+9WM9ihaPR12dT4hqks="
        " -----END PUBLIC KEY----- "
    )
    assert pem_key_id(pem) == "85f9eef1ea1fe20e"


@settings(max_examples=40, deadline=None)
@given(entries=st.lists(st.one_of(st.text(max_size=80), st.integers(), st.none()), max_size=4))
def test_any_trusted_keys_give_problems_never_an_exception(entries: list[object]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.json"
        path.write_text(json.dumps({"settings": {"trusted_keys": entries}}))
        policy = Policy.load(path, keep_in=Path(folder) / "lib")
        assert all(isinstance(k, str) for k in policy.defaults.get("trusted_keys", []))
        assert all(str(p) for p in policy.problems)


def test_sync_with_a_broken_policy_and_none_kept_names_the_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = policy_in_force(
        monkeypatch,
        tmp_path / "policy.json",
        '{"settings": {"server_url": "https://sop.example.org/",}}',
    )
    assert main(["--data-dir", str(tmp_path / "laptop"), "sync"]) != 0
    said = capsys.readouterr().err
    assert "no server address" in said and f"The policy file {policy} cannot be used" in said


#: What an earlier version kept from a policy with a problem (the library's copy itself).
FAULTY_KEPT = {
    "a key with a typo": lambda pem: {"settings": {"trusted_keys": [_typo(pem)]}},
    "trusted_keys misspelled": lambda pem: {"settings": {"trusted_key": [pem]}},
    "settings misspelled": lambda pem: {"setings": {"trusted_keys": [pem]}},
}


@pytest.mark.parametrize("now", ["{", '{"setings": {}}'], ids=["unreadable", "faulty"])
@pytest.mark.parametrize("case", sorted(FAULTY_KEPT))
def test_a_kept_copy_with_a_problem_is_not_taken_for_a_valid_policy(
    county: County, capsys: pytest.CaptureFixture[str], case: str, now: str
) -> None:
    """An earlier version kept a policy with a typo (the file read whole was kept): that copy
    is no last valid policy, and the catalog installed stays readable."""
    policy = _pre_seeded(county)
    tmp_path, keys = county.folder, county.keys
    kept_path = tmp_path / "laptop" / KEPT_FILE
    kept = json.loads(kept_path.read_text())
    kept["policy"] = FAULTY_KEPT[case](keys[1].read_text())
    kept_path.write_text(json.dumps(kept))
    policy.write_text(now)
    library = Library(tmp_path / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert "last valid policy" not in str(library.policy.unusable)
    library.close()
    data_dir = ["--data-dir", str(tmp_path / "laptop")]
    assert main([*data_dir, "search", "three houses"]) == 0
    assert main([*data_dir, "status"]) == 0
    out = capsys.readouterr()
    assert "no longer trusts" not in out.out + out.err and "damaged" not in out.out + out.err
