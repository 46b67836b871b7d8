"""The object store while a video or a viewer holds an object open (on Windows)."""

import io
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.util import fsutil
from tests.helpers.windows_sharing import holding


def test_an_object_held_open_is_left_for_the_next_clean_up(
    library: Library, published: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fsutil, "HOLD_WAIT_SECONDS", 0.2)
    library.import_bundle(published, [load_public_key(keys[1])])
    stored = sorted(library.store.stored())
    assert len(stored) > 2
    with holding(stored[0]) as holder:
        assert library.store.remove_unreferenced(keep=()) == len(stored) - 1
    assert holder.refused
    assert list(library.store.stored()) == [stored[0]]
    assert library.store.remove_unreferenced(keep=()) == 1  # let go: removed the next time
    assert list(library.store.stored()) == []


def test_an_object_being_replaced_waits_for_its_reader(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    library.import_bundle(published, [load_public_key(keys[1])])
    target = sorted(library.store.stored())[0]
    content = target.read_bytes()
    with holding(target, let_go_after=2) as holder:
        library.store.add_stream(io.BytesIO(content), target.name, len(content), "again.pdf")
    assert holder.refused == ["replace", "replace"]
    assert target.read_bytes() == content
    assert list(library.store.tmp_dir.glob("*.part")) == []
