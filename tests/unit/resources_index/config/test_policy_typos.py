"""A policy file read whole but with a problem (a key's name misspelled, a table that is not
one, a key given twice) is never kept as the last valid policy: the policy kept before it goes
on applying, each problem is named with its file and line, and a laptop never loses its
library to a typo. A valid policy that withdraws a key still withdraws it."""

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.config.policy import KEPT_FILE, POLICY_ENV, Policy
from resources_index.errors import LibraryError
from resources_index.library.library import Library, open_library
from resources_index.support import doctor
from resources_index.util import safe_json

SERVER = "https://sop.example.org/catalog/"


def _good(pem: str, published: Path) -> dict[str, Any]:
    return {
        "preseed_bundle": str(published),
        "settings": {"server_url": SERVER, "trusted_keys": [pem], "reporting_enabled": True},
        "locked": ["server_url", "trusted_keys"],
        "county": "Contra Costa",
    }


def _laptop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: Path, pem: str
) -> tuple[Path, Path]:
    """A laptop pre-seeded under the county's good policy (kept); returns (policy, library)."""
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(_good(pem, published), indent=1))
    monkeypatch.setenv(POLICY_ENV, str(policy))
    library = open_library(tmp_path / "laptop")
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    library.close()
    return policy, tmp_path / "laptop"


def _misspelt(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


#: Each typo: how the good policy's text (written with indent=1) becomes faulty, the words
#: naming the problem, and its line.
TYPOS = {
    "trusted_keys misspelt": (
        lambda t: _misspelt(t, '"trusted_keys": [', '"trusted_key": ['),
        "unknown setting 'trusted_key'",
        5,
    ),
    "settings misspelt": (
        lambda t: _misspelt(t, '"settings"', '"setings"'),
        "unknown key 'setings' ignored",
        3,
    ),
    "settings a list": (
        lambda t: json.dumps({**json.loads(t), "settings": [1, 2]}, indent=1),
        "'settings' must be a table",
        3,
    ),
    "settings null": (
        lambda t: json.dumps({**json.loads(t), "settings": None}, indent=1),
        "'settings' must be a table",
        3,
    ),
    "a second settings block": (
        lambda t: t.rstrip()[:-1].rstrip() + ',\n "settings": {"server_url": "' + SERVER + '"}\n}',
        "key 'settings' is given twice in one table",
        15,
    ),
    "a locked name misspelt": (
        lambda t: _misspelt(t, '  "server_url",\n', '  "server_ur",\n'),
        "cannot lock unknown setting 'server_ur'",
        11,
    ),
    "a value of the wrong kind": (
        lambda t: _misspelt(t, '"reporting_enabled": true', '"reporting_enabled": "yes"'),
        "reporting_enabled",
        8,
    ),
}


@pytest.mark.parametrize("case", sorted(TYPOS))
def test_a_typo_in_a_policy_keeps_the_last_valid_policy(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    case: str,
) -> None:
    pem = keys[1].read_text()
    policy, root = _laptop(tmp_path, monkeypatch, published, pem)
    kept_before = (root / KEPT_FILE).read_bytes()
    change, said, line = TYPOS[case]
    policy.write_text(change(policy.read_text()))
    for _ in range(2):  # and again: the faulty file was not kept meanwhile
        with caplog.at_level(logging.WARNING):
            library = Library(root)
            assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
        effective = library.settings()
        assert pem in effective.trusted_keys and effective.server_url == SERVER
        assert effective.reporting_enabled and library.policy.county == "Contra Costa"
        unusable = library.policy.unusable
        assert unusable is not None and unusable.kind == "policy.faulty_kept"
        assert str(policy) in str(unusable) and "last valid policy" in str(unusable)
        named = [str(p) for p in library.policy.problems if said in str(p)]
        assert named and named[0].startswith(f"{policy}, line {line}:"), named
        assert named[0] in caplog.text and str(unusable) in caplog.text  # the log
        checks = list(doctor.run(library, offline=True))
        assert any(not c.ok and named[0] in c.text for c in checks)
        assert any(not c.ok and "last valid policy" in c.text for c in checks)
        assert not any("no longer trusts" in c.text or "damaged" in c.text for c in checks)
        library.close()
        assert (root / KEPT_FILE).read_bytes() == kept_before
    data_dir = ["--data-dir", str(root)]
    assert main([*data_dir, "search", "three houses"]) == 0
    assert main([*data_dir, "status"]) == 0
    out = capsys.readouterr()
    assert "three" in out.out.lower()
    assert "no longer trusts" not in out.out + out.err and "damaged" not in out.out + out.err
    # Then an unreadable file: still the policy that was valid, never the faulty one.
    policy.write_text("{")
    library = Library(root)
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert library.settings().server_url == SERVER
    library.close()


def test_a_valid_policy_withdrawing_the_key_after_a_typo_withdraws_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    pem = keys[1].read_text()
    policy, root = _laptop(tmp_path, monkeypatch, published, pem)
    policy.write_text(_misspelt(policy.read_text(), '"settings"', '"setings"'))
    Library(root).close()
    withdrawn = _good(pem, published)
    withdrawn["settings"]["trusted_keys"] = []
    policy.write_text(json.dumps(withdrawn))
    library = Library(root)
    with pytest.raises(LibraryError) as raised:
        library.current()
    assert raised.value.kind == "library.key_withdrawn"
    assert "administrator no longer trusts" in str(raised.value)
    assert library.policy.unusable is None and library.policy.problems == []
    library.close()
    kept = json.loads((root / KEPT_FILE).read_text())
    assert kept["policy"]["settings"]["trusted_keys"] == []


@pytest.mark.parametrize("case", ["settings misspelt", "a second settings block"])
def test_a_typo_with_no_policy_kept_keeps_the_installed_catalog_readable(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    """A library from before policies were kept: the faulty file's valid parts apply, and
    since nothing says a key was withdrawn on purpose the catalog installed stays readable."""
    policy, root = _laptop(tmp_path, monkeypatch, published, keys[1].read_text())
    (root / KEPT_FILE).unlink()
    change, said, _ = TYPOS[case]
    policy.write_text(change(policy.read_text()))  # (the second settings block names no key)
    library = Library(root)
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert library.policy.county == "Contra Costa"  # the file's valid parts
    assert any(said in str(p) for p in library.policy.problems)
    assert library.policy.keys_unsure is not None
    assert not (root / KEPT_FILE).exists()
    library.close()
    assert main(["--data-dir", str(root), "search", "three houses"]) == 0
    out = capsys.readouterr()
    assert "no longer trusts" not in out.out + out.err


@settings(max_examples=80, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.sampled_from(["a", "b", "settings", "é", 'q"t']), st.integers()),
        max_size=8,
    ),
    nested=st.booleans(),
)
def test_every_key_given_twice_is_named(pairs: list[tuple[str, int]], nested: bool) -> None:
    body = "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in pairs) + "}"
    text = '{"outer": ' + body + "}" if nested else body
    repeated: list[tuple[str, int | None]] = []
    value = safe_json.parse(text.encode(), 10_000, repeated)
    table = value["outer"] if nested else value  # type: ignore[index]
    assert table == dict(pairs)  # the last value given is the one read, as json reads it
    names = [k for k, _ in pairs]
    expected = [k for i, k in enumerate(names) if k in names[:i]]
    assert sorted(name for name, _ in repeated) == sorted(expected)
    assert all(line == 1 for _, line in repeated)


def test_naming_keys_given_twice_stays_bounded() -> None:
    """A file of 1 MB repeating one key is read once and named by its first repetitions."""
    text = "{" + ", ".join('"k": 1' for _ in range(100_000)) + "}"
    repeated: list[tuple[str, int | None]] = []
    safe_json.parse(text.encode(), 1024 * 1024, repeated)
    assert len(repeated) == safe_json.MAX_REPEATS_NAMED


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    policy=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["settings", "locked", "county", "server_url", "trusted_keys", "setings"]
                ),
                inner,
                max_size=3,
            )
        ),
        max_leaves=10,
    ),
    repeat=st.booleans(),
)
def test_only_a_policy_without_a_problem_is_ever_kept(
    tmp_path: Path, policy: object, repeat: bool
) -> None:
    import shutil

    library = tmp_path / "lib"
    shutil.rmtree(library, ignore_errors=True)
    text = json.dumps(policy)
    if repeat and text.startswith("{") and text != "{}":
        text = '{"county": "A", ' + text[1:-1] + ', "county": "B"}'
    path = tmp_path / "policy.json"
    path.write_text(text)
    loaded = Policy.load(path, keep_in=library)
    if loaded.problems:
        assert not (library / KEPT_FILE).exists()
    else:
        kept = json.loads((library / KEPT_FILE).read_text())
        assert Policy.load(path).problems == [] and kept["policy"] == json.loads(text)
