"""A failure at any step of switching in a new catalog leaves one consistent library: the old
catalog, or the new one with the state database brought in line at the next read."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.library import installing, snapshot
from resources_index.library.library import Library
from resources_index.library.state import StateDB
from resources_index.publish.publisher import publish
from resources_index.search.library_search import LibrarySearch
from resources_index.util import fsutil
from tests.helpers.manifests import read_manifest


def _fail(*_: object, **__: object) -> None:
    raise OSError(28, "No space left on device")


def _fail_database(*_: object, **__: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


STEPS = {
    "catalog file": (installing, "write_atomic", _fail),
    "state database": (StateDB, "record_installed", _fail_database),
    "kept parsed copy": (snapshot, "write_atomic", _fail),
    "old files removed": (Library, "collect_garbage", _fail),
}


def consistent(root: Path) -> int:
    """Open the library afresh, check it agrees with itself, and return its version."""
    library = Library(root)
    try:
        manifest = library.current()
        assert manifest is not None
        sha = hashlib.sha256((root / "catalog.json").read_bytes()).hexdigest()
        assert library.state.get("current_sha256") == sha
        assert library.state.get("current_version") == str(manifest.version)
        assert library.state.highest_version(manifest.catalog_id) == manifest.version
        assert library.verify() == []
        rows, _ = LibrarySearch(library).search("houses", quick=False)
        assert rows
        return manifest.version
    finally:
        library.close()


@pytest.mark.parametrize("step", list(STEPS))
def test_a_failure_at_each_step_of_the_switch_leaves_one_consistent_library(
    step: str,
    tmp_path: Path,
    source: Path,
    published: Path,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "laptop"
    old = read_manifest(published, keys[1]).version
    first = Library(root)
    first.import_bundle(published, [load_public_key(keys[1])])
    first.close()
    (source / "glossary.md").write_text("# Glossary\n\nThree Houses, revised.\n")
    new = publish(source, published, keys[0], catalog_id="test-catalog").version

    owner, name, failure = STEPS[step]
    library = Library(root)
    with monkeypatch.context() as patch:
        patch.setattr(owner, name, failure)
        try:
            library.import_bundle(published, [load_public_key(keys[1])])
        except OSError:
            assert step == "catalog file"  # only a failure before the commit point is reported
    library.close()
    assert consistent(root) == (old if step == "catalog file" else new)
    assert fsutil.write_atomic is not _fail  # the patch is gone for what follows
    again = Library(root)
    again.import_bundle(published, [load_public_key(keys[1])])  # and the next import completes
    again.close()
    assert consistent(root) == new
