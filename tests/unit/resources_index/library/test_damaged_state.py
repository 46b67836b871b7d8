"""A damaged state file (random bytes, a torn copy) never makes the library unusable: it is set
aside (``doctor`` names it and what was lost), a new one is started from the installed catalog,
whose version stays the high-water mark against older catalogs. Something other than a file
in its place is said for what it is, never as a read-only disk."""

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.errors import LibraryError
from resources_index.library.library import Library, open_library
from resources_index.library.state import SET_ASIDE
from resources_index.support import doctor
from resources_index.sync.syncer import sync
from tests.helpers.served import running
from tests.helpers.syncing import FAST

STATE = "state.sqlite3"


def _synced(root: Path, published: Path, pub: Path, in_settings: bool) -> int:
    """A library synced from ``published``; its key in the user's settings, or trusted with
    --trust (remembered only in the state). Returns the installed version."""
    if in_settings:
        root.mkdir(parents=True)
        (root / "settings.json").write_text(json.dumps({"trusted_keys": [pub.read_text()]}))
    library = Library(root)
    with running(published) as server:
        sync(library, server.url, [] if in_settings else [load_public_key(pub)], http=FAST)
    library.state.set_favorite("some-resource", True)
    version = library.current().version  # type: ignore[union-attr]
    library.close()
    return version


def test_a_damaged_state_file_is_set_aside_and_the_catalog_rebuilds_it(
    tmp_path: Path,
    published: Path,
    keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "laptop"
    version = _synced(root, published, keys[1], in_settings=True)
    (root / STATE).write_bytes(os.urandom(40_000))
    library = Library(root)
    manifest = library.current()
    assert manifest is not None and manifest.version == version
    # rollback protection kept: the installed catalog's version is the high-water mark
    assert library.state.highest_version(manifest.catalog_id) == version
    assert library.state.favorites() == []  # what was lost
    aside = list((root / SET_ASIDE).glob("state-*.sqlite3"))
    assert len(aside) == 1 and len(aside[0].read_bytes()) == 40_000
    checks = list(doctor.run(library, offline=True))
    said = [c.text for c in checks if not c.ok and str(aside[0]) in c.text]
    assert said and "favorites" in said[0] and "--trust" in said[0]
    library.close()
    data_dir = ["--data-dir", str(root)]
    assert main([*data_dir, "status"]) == 0
    assert main([*data_dir, "search", "three houses"]) == 0
    out = capsys.readouterr()
    assert "cannot be opened" not in out.err and "damaged" not in out.err


def test_a_key_trusted_only_in_the_damaged_state_is_said_lost(
    tmp_path: Path,
    published: Path,
    keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "laptop"
    _synced(root, published, keys[1], in_settings=False)
    (root / STATE).write_bytes(b"SQLite format 3\0" + os.urandom(8000))
    library = Library(root)
    with pytest.raises(LibraryError) as raised:
        library.current()
    assert raised.value.kind == "library.state_key_lost"
    assert "--trust" in str(raised.value) and "damaged and set aside" in str(raised.value)
    library.close()
    # trusting the key again (as the sentence says) repairs it
    library = Library(root)
    with running(published) as server:
        sync(library, server.url, [load_public_key(keys[1])], http=FAST)
    assert library.current() is not None
    library.close()


@pytest.mark.parametrize("kind", ["a folder", "a FIFO"])
def test_something_else_in_place_of_the_state_file_is_said_for_what_it_is(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "laptop"
    open_library(root).close()
    (root / STATE).unlink()
    if kind == "a folder":
        (root / STATE).mkdir()
    else:
        os.mkfifo(root / STATE)
    with pytest.raises(LibraryError) as raised:
        Library(root).current()
    said = str(raised.value)
    assert raised.value.kind == "library.state_not_file" and "not a file" in said
    assert "read-only" not in said
    assert main(["--data-dir", str(root), "status"]) != 0
    err = capsys.readouterr().err
    assert "not a file" in err and "read-only" not in err and "Traceback" not in err


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.binary(min_size=1, max_size=5000),
    header=st.booleans(),
)
def test_any_bytes_in_the_state_file_leave_a_usable_library(
    tmp_path: Path, data: bytes, header: bool
) -> None:
    root = tmp_path / "laptop"
    shutil.rmtree(root, ignore_errors=True)
    open_library(root).close()
    (root / STATE).write_bytes((b"SQLite format 3\0" if header else b"") + data)
    library = Library(root)
    manifest = library.current()  # the starter
    assert manifest is not None and manifest.resources
    assert library.state.get("current_sha256") is not None
    library.close()
