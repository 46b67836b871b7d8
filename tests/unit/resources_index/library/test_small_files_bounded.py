"""The small files a laptop keeps beside its catalog (kits, the record of the last sync attempt,
the search index's stamp, partial downloads' ETags, text objects) are read with the bounded
reader: deep nesting, random bytes, a FIFO or a link to /dev/zero in their place are ignored
or named (``doctor``), never a traceback, a hang or unbounded memory (docs/catalog-format.md).
"""

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.errors import LibraryError
from resources_index.library.kits import KITS_DIR, KitStore
from resources_index.library.library import Library, open_library
from resources_index.search.archive import STAMP_FILE
from resources_index.search.library_search import INDEX_DIR
from resources_index.support import doctor
from resources_index.sync.schedule import ATTEMPT_FILE, last_attempt, remember_attempt

pytestmark = pytest.mark.timeout(120)  # a read that waits on a FIFO fails, never hangs CI

DEEP = b"[" * 100_000 + b"]" * 100_000


def _deep(path: Path) -> None:
    path.write_bytes(DEEP)


def _deep_object(path: Path) -> None:
    path.write_bytes(b'{"a":' * 100_000 + b"1" + b"}" * 100_000)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


HOSTILE: dict[str, Callable[[Path], None]] = {
    "nested 100,000 deep": _deep,
    "objects nested 100,000 deep": _deep_object,
    "a FIFO": _fifo,
    "a link to /dev/zero": _zero,
    "a folder": _folder,
}


@pytest.fixture
def laptop(tmp_path: Path) -> Library:
    library = open_library(tmp_path / "laptop")  # the packaged starter
    library.close()
    return Library(tmp_path / "laptop")


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_kit_file_is_named_and_the_others_read(laptop: Library, case: str) -> None:
    store = KitStore(laptop)
    good = store.create("Monday training")
    HOSTILE[case](laptop.root / KITS_DIR / "bad.json")
    assert [k.name for k in store.all()] == ["Monday training"]
    damaged = store.damaged()
    assert [p.name for p, _ in damaged] == ["bad.json"]
    with pytest.raises(LibraryError) as raised:
        store.get("bad")
    assert raised.value.kind == "kit.unreadable" and str(damaged[0][1]) in str(raised.value)
    assert store.get(good.id).name == "Monday training"
    checks = list(doctor.run(laptop, offline=True))
    assert any(not c.ok and "bad.json" in c.text and "kit file" in c.text for c in checks)
    laptop.close()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_record_of_the_last_attempt_is_ignored_and_named(
    laptop: Library, case: str
) -> None:
    HOSTILE[case](laptop.root / ATTEMPT_FILE)
    assert last_attempt(laptop.root) is None
    checks = list(doctor.run(laptop, offline=True))
    assert any(not c.ok and ATTEMPT_FILE in c.text for c in checks)
    laptop.close()
    if case != "a folder":  # a sync writes it anew in place of what was there
        (laptop.root / ATTEMPT_FILE).unlink()
        remember_attempt(laptop.root, "ok")
        attempt = last_attempt(laptop.root)
        assert attempt is not None and not attempt.failed


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_search_index_stamp_rebuilds_the_index(
    laptop: Library, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = ["--data-dir", str(laptop.root)]
    laptop.close()
    assert main([*data_dir, "search", "safety"]) == 0  # the index is built
    stamp = laptop.root / INDEX_DIR / STAMP_FILE
    stamp.unlink()
    HOSTILE[case](stamp)
    capsys.readouterr()
    if case == "a folder":
        # write_atomic cannot replace a folder: the index is still searched (built aside)
        code = main([*data_dir, "search", "safety"])
        assert code in (0, 1)
    else:
        assert main([*data_dir, "search", "safety"]) == 0
        assert json.loads(stamp.read_text())["documents"] > 0  # written anew
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "RecursionError" not in out.err


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=6),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(
                    st.sampled_from(["format", "id", "name", "items", "at", "outcome", "x"]),
                    inner,
                    max_size=4,
                )
            ),
            max_leaves=10,
        ).map(lambda v: json.dumps(v).encode()),
    )
)
def test_any_bytes_in_a_kit_or_the_attempt_record_never_raise(laptop: Library, data: bytes) -> None:
    (laptop.root / KITS_DIR).mkdir(exist_ok=True)
    (laptop.root / KITS_DIR / "any.json").write_bytes(data)
    (laptop.root / ATTEMPT_FILE).write_bytes(data)
    store = KitStore(laptop)
    kits, damaged = store.all(), store.damaged()
    assert len(kits) + len(damaged) == 1
    assert all(str(why) for _, why in damaged)
    attempt = last_attempt(laptop.root)
    assert attempt is None or isinstance(attempt.outcome, str)


def test_a_hostile_partial_download_is_started_again(tmp_path: Path) -> None:
    """What an interrupted download left (a FIFO or a link to a device in place of the part,
    an ETag file that is one) is never read or waited on."""
    from resources_index.sync.transfer import _etag, _hash_existing

    part = tmp_path / "x.part"
    _zero(part)
    size = _hash_existing(part, 1000)[1]
    assert size == 0 and not part.is_symlink()
    _fifo(part)
    assert _hash_existing(part, 1000)[1] == 0 and not part.exists()
    part.write_bytes(b"a" * 5000)
    assert _hash_existing(part, 1000)[1] <= 1000 + 1024 * 1024  # one chunk past, no more
    etag = tmp_path / "x.etag"
    for make in (_fifo, _zero, _deep):
        make(etag)
        assert _etag(etag) is None
        etag.unlink()
    etag.write_text('"abc"\n')
    assert _etag(etag) == '"abc"'


@pytest.mark.parametrize("case", ["a FIFO", "a link to /dev/zero"])
def test_a_hostile_catalog_file_is_said_damaged_never_waited_on(laptop: Library, case: str) -> None:
    catalog = laptop.catalog_path
    catalog.unlink()
    HOSTILE[case](catalog)
    with pytest.raises(LibraryError) as raised:
        laptop.current()
    assert raised.value.kind == "library.catalog_damaged"
    assert "not a regular file" in str(raised.value)
    laptop.close()


def test_no_json_is_parsed_straight_from_a_file_outside_the_bounded_reader() -> None:
    """The house rule behind all of the above: ``json.load`` and ``json.loads`` of a file's
    read are the bounded reader's (``safe_json``) alone."""
    import ast

    root = Path(__file__).resolve().parents[4]
    found = []
    for package in ("resources_index", "sop_desktop"):
        for path in (root / package).rglob("*.py"):
            if path.name == "safe_json.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "json"
                    and node.func.attr in ("load", "loads")
                ):
                    continue
                reads = [
                    inner
                    for argument in node.args
                    for inner in ast.walk(argument)
                    if isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr in ("read_bytes", "read_text", "read")
                ]
                if node.func.attr == "load" or reads:
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert found == []
