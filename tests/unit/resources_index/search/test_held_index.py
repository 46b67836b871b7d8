"""The index's folder swap while another program (a command-line search, on Windows) reads it.

Windows will not rename a folder while a file in it is open; ``tests.helpers.windows_sharing``
refuses as Windows would while a real segment file is held open.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.search.archive import STAMP_FILE
from resources_index.search.library_search import LibrarySearch
from resources_index.util import fsutil
from resources_index.util.fsutil import FileInUseError
from tests.helpers.windows_sharing import holding


@pytest.fixture
def indexed(library: Library, published: Path, keys: tuple[Path, Path]) -> Iterator[Library]:
    """A library with an index of an older schema on disk: the next refresh rebuilds it."""
    library.import_bundle(published, [load_public_key(keys[1])])
    search = LibrarySearch(library)
    search.refresh()
    search.close()
    stamp_path = library.root / "index" / STAMP_FILE
    stamp = json.loads(stamp_path.read_text())
    stamp_path.write_text(json.dumps({**stamp, "schema": 0}))
    yield library


def index_files(library: Library) -> dict[str, bytes]:
    folder = library.root / "index"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def a_segment(library: Library) -> Path:
    return next(p for p in sorted((library.root / "index").iterdir()) if p.suffix == ".seg")


def beside_the_index(library: Library) -> list[str]:
    return sorted(p.name for p in library.root.iterdir() if p.name.startswith("index."))


def test_the_rebuild_waits_for_a_reader_to_let_go(indexed: Library) -> None:
    search = LibrarySearch(indexed)
    with holding(a_segment(indexed), let_go_after=3) as holder:
        assert search.refresh().rebuilt
    assert holder.refused == ["replace"] * 3
    rows, _ = search.search("three houses")
    assert rows[0].resource.id == "three-houses"
    assert beside_the_index(indexed) == ["index.lock"]  # nothing set aside or half built left
    search.close()


def test_a_rebuild_held_past_the_wait_keeps_the_index_it_had(
    indexed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fsutil, "HOLD_WAIT_SECONDS", 0.2)
    before = index_files(indexed)
    search = LibrarySearch(indexed)
    with holding(a_segment(indexed)) as holder, pytest.raises(FileInUseError):
        search.refresh()
    assert holder.refused
    assert index_files(indexed) == before
    assert beside_the_index(indexed) == ["index.lock"]
    assert search.index.document_count() > 0  # the index it had is open again
    assert search.refresh().rebuilt  # once let go, the next refresh rebuilds
    rows, _ = search.search("three houses")
    assert rows[0].resource.id == "three-houses"
    search.close()


def test_an_old_index_still_read_is_left_aside_and_removed_later(
    indexed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The swap succeeds but the folder set aside is still read: it stays under a name of its
    own and goes at the next swap."""
    monkeypatch.setattr(fsutil, "HOLD_WAIT_SECONDS", 0.2)
    search = LibrarySearch(indexed)
    segment = a_segment(indexed)
    held = {"swapped": False}

    def refuse_the_removal(operation: str, paths: tuple[Path, ...]) -> None:
        if operation == "remove_tree" and paths[0].name.startswith("index.old"):
            held["swapped"] = True
            raise PermissionError(13, "Access is denied", str(paths[0]))

    monkeypatch.setattr(fsutil, "refusals", refuse_the_removal)
    assert search.refresh().rebuilt
    assert held["swapped"]
    assert beside_the_index(indexed) == ["index.lock", "index.old"]
    assert (indexed.root / "index.old" / segment.name).exists()
    monkeypatch.setattr(fsutil, "refusals", None)
    stamp_path = indexed.root / "index" / STAMP_FILE
    stamp_path.write_text(json.dumps({**json.loads(stamp_path.read_text()), "schema": 0}))
    assert search.refresh().rebuilt
    assert beside_the_index(indexed) == ["index.lock"]
    search.close()
