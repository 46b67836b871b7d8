"""What the desktop program keeps beside the catalog: favorites, history, captions, copies."""

import os
import stat
import time
from pathlib import Path

import pytest

from resources_index.catalog.model import Manifest
from resources_index.library.captions import CaptionTrack
from resources_index.library.library import Library
from tests.helpers.documents import make_vtt


def test_favorites_and_history_are_kept_in_order_and_history_is_bounded(
    library: Library,
) -> None:
    state = library.state
    state.set_favorite("a", True)
    state.set_favorite("b", True)
    state.set_favorite("a", True)  # again: no duplicate
    assert set(state.favorites()) == {"a", "b"}
    state.set_favorite("a", False)
    assert state.favorites() == ["b"]
    for number in range(60):
        state.record_viewed(f"r{number}")
    state.record_viewed("r5")
    viewed = state.recently_viewed()
    assert len(viewed) == 50 and viewed[0] == "r5" and "r0" not in viewed


def test_caption_tracks_find_the_cue_showing_at_a_moment(tmp_path: Path) -> None:
    path = tmp_path / "talk.vtt"
    make_vtt(
        path,
        [("00:00:01.000", "00:00:03.000", "First words"), ("00:00:05.000", "00:00:08.500", "Then")],
    )
    track = CaptionTrack.load(path)
    assert [track.at(ms) for ms in (0, 1000, 2999, 3000, 4000, 5000, 8499, 9000)] == [
        "",
        "First words",
        "First words",
        "",
        "",
        "Then",
        "Then",
        "",
    ]


@pytest.fixture
def manifest(library: Library, published: Path, keys: tuple[Path, Path]) -> Manifest:
    """The library holds the published test catalog: its manifest."""
    from resources_index.catalog.signing import load_public_key

    library.import_bundle(published, [load_public_key(keys[1])])
    installed = library.current()
    assert installed is not None
    return installed


def test_a_named_copy_is_read_only_and_never_the_library_object(
    library: Library, manifest: Manifest
) -> None:
    entry = next(r.main for r in manifest.resources if r.main.name.endswith(".docx"))
    copy = library.named_copy(entry)
    assert copy.name == "danger-statements.docx"
    assert copy.read_bytes() == library.object_path(entry.sha256).read_bytes()
    assert copy.stat().st_ino != library.object_path(entry.sha256).stat().st_ino
    assert not copy.stat().st_mode & stat.S_IWUSR
    assert library.named_copy(entry) == copy


def test_copies_not_opened_for_two_weeks_or_no_longer_listed_are_removed(
    library: Library, manifest: Manifest, published: Path, keys: tuple[Path, Path], source: Path
) -> None:
    from resources_index.publish.publisher import publish

    documents = [r.main for r in manifest.resources if r.main.name.endswith((".docx", ".pptx"))]
    assert len(documents) >= 2
    old, recent = library.named_copy(documents[0]), library.named_copy(documents[1])
    three_weeks_ago = time.time() - 21 * 86_400
    for copy in (old, recent):
        os.utime(copy, (three_weeks_ago, three_weeks_ago))
    assert library.named_copy(documents[1]) == recent  # opened again: its clock restarts
    assert library.prune_open_copies() == 1
    assert not old.exists() and not old.parent.exists() and recent.exists()

    # A new catalog version without that document: its copy goes with its object.
    recent_source = next(p for p in source.rglob(documents[1].name))
    recent_source.unlink()
    for sidecar in recent_source.parent.glob(f"{recent_source.stem}.*"):
        sidecar.unlink()
    assert publish(source, published, keys[0], catalog_id="test-catalog").errors == []
    library.import_bundle(published)
    assert not recent.exists() and list((library.root / "open").iterdir()) == []


def test_the_installed_catalog_is_read_without_revalidation_but_identically(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    from resources_index.catalog.signing import load_public_key, open_envelope

    library.import_bundle(published, [load_public_key(keys[1])])
    envelope = (published / "catalog.json").read_bytes()
    raw, _ = open_envelope(envelope, library.outside_keys())
    fast, full = Manifest.from_bytes(raw, validated=True), Manifest.from_bytes(raw)
    assert fast == full and fast.by_id == full.by_id and fast.search_index == full.search_index


def test_a_saved_copy_is_checked_and_never_half_written(
    library: Library, manifest: Manifest, tmp_path: Path
) -> None:
    from resources_index.errors import ObjectError

    entry = manifest.resources[0].main
    target = tmp_path / "desktop" / entry.name
    assert library.save_copy(entry, target) == target
    assert target.read_bytes() == library.object_path(entry.sha256).read_bytes()
    target.write_bytes(b"the user's older copy")
    stored = library.object_path(entry.sha256)
    stored.chmod(0o644)
    stored.write_bytes(b"!" + stored.read_bytes()[1:])
    with pytest.raises(ObjectError, match="damaged"):
        library.save_copy(entry, target)
    assert target.read_bytes() == b"the user's older copy"  # left as it was
    assert [p.name for p in target.parent.iterdir()] == [entry.name]  # no scraps
    stored.unlink()
    with pytest.raises(ObjectError, match="not on this laptop"):
        library.save_copy(entry, tmp_path / "elsewhere" / entry.name)


def test_copies_report_progress_and_a_cancel_leaves_nothing_behind(
    library: Library, manifest: Manifest, tmp_path: Path
) -> None:
    from resources_index.errors import CancelledError

    entry = max((r.main for r in manifest.resources), key=lambda e: e.size)
    seen: list[tuple[int, int]] = []
    target = tmp_path / "desktop" / entry.name
    library.save_copy(entry, target, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (entry.size, entry.size)
    assert [total for _, total in seen] == [entry.size] * len(seen)
    target.write_bytes(b"the user's older copy")
    with pytest.raises(CancelledError):
        library.save_copy(entry, target, cancel=lambda: True)
    assert target.read_bytes() == b"the user's older copy"
    assert [p.name for p in target.parent.iterdir()] == [entry.name]  # no scraps
    with pytest.raises(CancelledError):
        library.named_copy(entry, cancel=lambda: True)
    assert not list((library.root / "open").rglob("*.*"))
