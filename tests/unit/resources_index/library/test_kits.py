"""Session kits: edit, check readiness, export and import with signatures, curated kits."""

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from resources_index.catalog.model import KitItem, Manifest
from resources_index.catalog.positions import parse_start, start_text
from resources_index.catalog.signing import load_public_key
from resources_index.errors import CatalogError, ResourcesError, SignatureError
from resources_index.library.kit_files import export_kit, import_kit
from resources_index.library.kits import Kit, KitStore, readiness
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.publish.publisher import publish


@pytest.fixture
def trainer(library: Library, published: Path, keys: tuple[Path, Path]) -> Library:
    library.import_bundle(published, [load_public_key(keys[1])])
    return library


def test_a_kit_is_built_reordered_duplicated_renamed_and_deleted(trainer: Library) -> None:
    kits = KitStore(trainer)
    kit = kits.create(
        "Three Houses module, day 1",
        [
            KitItem("three-houses", "Start at page 2: the house of dreams."),
            KitItem("intro-video", "Play from 0:01, captions in Spanish."),
            KitItem("glossary"),
        ],
    )
    kits.move(kit, 2, 0)
    assert [i.resource_id for i in kits.get(kit.id).items] == [
        "glossary",
        "three-houses",
        "intro-video",
    ]
    copy = kits.duplicate(kit, "Day 1 (Spanish)")
    kits.rename(kit, "Day 1")
    assert [k.name for k in kits.all()] == ["Day 1", "Day 1 (Spanish)"]
    assert kits.get(kit.id).items[1].note == "Start at page 2: the house of dreams."
    kits.delete(copy)
    assert [k.id for k in kits.all()] == [kit.id]


def test_readiness_names_each_missing_file_and_its_size(trainer: Library) -> None:
    items = [KitItem("three-houses"), KitItem("intro-video"), KitItem("no-such-thing")]
    video = trainer.current().by_id["intro-video"].main  # type: ignore[union-attr]
    trainer.store.path(video.sha256).unlink()
    state = readiness(trainer, items)
    assert not state.ready
    assert [(m.resource_id, m.name, m.size) for m in state.missing] == [
        ("intro-video", video.name, video.size)
    ]
    assert state.unknown == ["no-such-thing"] and state.missing_bytes == video.size
    assert readiness(trainer, items[:1]).ready


@pytest.mark.parametrize("as_file", [True, False])
def test_a_kit_travels_to_another_laptop_with_its_content(
    trainer: Library,
    tmp_path: Path,
    published: Path,
    keys: tuple[Path, Path],
    as_file: bool,
) -> None:
    kit = KitStore(trainer).create(
        "Co-training",
        [KitItem("three-houses", "the house of dreams", 2), KitItem("intro-video", "", 5)],
    )
    out = tmp_path / ("usb/co-training.sopkit" if as_file else "usb/co-training")
    export_kit(trainer, kit, out)
    other = Library(tmp_path / "co-trainer")
    other.import_bundle(published, [load_public_key(keys[1])])
    for resource_id in ("three-houses", "intro-video"):
        for entry in other.current().by_id[resource_id].files:  # type: ignore[union-attr]
            other.store.path(entry.sha256).unlink(missing_ok=True)
    assert not readiness(other, kit.items).ready
    result = import_kit(other, out)
    assert result.kit.name == "Co-training" and result.kit.items == kit.items
    assert result.objects_copied > 0 and result.not_in_catalog == []
    assert readiness(other, kit.items).ready
    assert other.verify() == []
    assert [k.name for k in KitStore(other).all()] == ["Co-training"]


def test_a_tampered_or_untrusted_kit_is_refused(trainer: Library, tmp_path: Path) -> None:
    kit = KitStore(trainer).create("Tampered", [KitItem("three-houses")])
    folder = export_kit(trainer, kit, tmp_path / "kit")
    entry = trainer.current().by_id["three-houses"].main  # type: ignore[union-attr]
    victim = folder / object_relpath(entry.sha256)
    victim.write_bytes(b"!" + victim.read_bytes()[1:])
    shutil.copytree(trainer.root, tmp_path / "receiver")  # the same catalog, that file missing
    receiver = Library(tmp_path / "receiver")
    receiver.store.path(entry.sha256).unlink()
    with pytest.raises(ResourcesError, match="does not match its SHA-256"):
        import_kit(receiver, folder)
    assert KitStore(receiver).all() == KitStore(trainer).all()  # no new kit
    stranger = Library(tmp_path / "stranger")
    stranger.ensure_starter()
    with pytest.raises(SignatureError):
        import_kit(stranger, folder)
    broken = tmp_path / "evil.sopkit"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("../escape.txt", "x")
    with pytest.raises(ResourcesError, match="is not a session kit"):  # nothing is unpacked
        import_kit(receiver, broken)
    assert not (tmp_path / "escape.txt").exists()


def test_curated_kits_are_published_in_the_catalog_and_copied_into_ones_own(
    library: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    (source / "kits").mkdir()
    (source / "kits" / "leadership-summit.yaml").write_text(
        "name: Leadership summit 2026\n"
        "description: The opening session.\n"
        "items:\n"
        "  - id: intro-video\n    note: Open with this.\n    start: 0:05\n"
        "  - id: three-houses\n    note: Hand out copies.\n    start: 2\n"
        "  - id: glossary\n",
        encoding="utf-8",
    )
    (source / "kits" / "broken.yaml").write_text("items:\n  - id: not-a-resource\n")
    (source / "kits" / "bad-start.yaml").write_text(
        "items:\n  - id: three-houses\n    start: '1:30'\n"  # a time for a document
    )
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert any("broken.yaml" in e and "not-a-resource" in e for e in report.errors)
    assert any("bad-start.yaml" in e and "three-houses: '1:30'" in e for e in report.errors)
    library.import_bundle(published, [load_public_key(keys[1])])
    [curated] = library.current().kits  # type: ignore[union-attr]
    assert curated.id == "leadership-summit" and curated.description == "The opening session."
    assert [i.note for i in curated.items] == ["Open with this.", "Hand out copies.", ""]
    assert [i.start for i in curated.items] == [5, 2, 0]
    library.close()
    reopened = Library(library.root)  # read from the kept copy of the catalog
    assert reopened.current().kits == (curated,)  # type: ignore[union-attr]
    reopened.close()
    mine = KitStore(library).copy_curated(curated)
    assert mine.items == list(curated.items) and mine.copied_from == "leadership-summit"
    again = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not again.changed  # kits are part of the content: unchanged, no new version


def test_a_curated_kit_opening_after_a_documents_last_page_is_refused_at_publish(
    library: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    """A trainer would find the wrong place: the PDF's pages, and a deck's slides in its
    rendition, are known at publish; a page of a document shown as text is not checked."""
    (source / "kits").mkdir()
    (source / "kits" / "last-pages.yaml").write_text(
        "items:\n  - id: three-houses\n    start: 2\n  - id: glossary\n    start: 9\n"
    )
    (source / "kits" / "past-the-end.yaml").write_text(
        "items:\n  - id: three-houses\n    start: 3\n  - id: intro-video\n    start: 0:02\n"
    )
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert report.errors == [
        "kits/past-the-end.yaml: a start is after the document's last page"
        " (three-houses: page 3 of 2); skipped."
    ]
    library.import_bundle(published, [load_public_key(keys[1])])
    [kept] = library.current().kits  # type: ignore[union-attr]
    assert kept.id == "last-pages" and [i.start for i in kept.items] == [2, 9]
    deck = library.current().by_id["modules-overview"]  # type: ignore[union-attr]
    assert deck.file("rendition") is not None  # its two slides, rendered by LibreOffice
    (source / "kits" / "past-the-end.yaml").write_text(
        "items:\n  - id: modules-overview\n    start: 3\n"
    )
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert report.errors == [
        "kits/past-the-end.yaml: a start is after the document's last page"
        " (modules-overview: page 3 of 2); skipped."
    ]


def test_kits_survive_a_new_catalog_version(
    trainer: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    kit = KitStore(trainer).create("Survives", [KitItem("glossary", "define terms")])
    (source / "glossary.md").write_text("# Glossary\n\nA new version.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    trainer.import_bundle(published)
    assert KitStore(trainer).get(kit.id).items == [KitItem("glossary", "define terms")]
    assert readiness(trainer, kit.items).ready


@pytest.mark.parametrize(
    ("written", "timed", "start", "shown"),
    [
        ("", False, 0, ""),
        ("5", False, 5, "5"),
        ("p. 12", False, 12, "12"),
        ("page 3", False, 3, "3"),
        ("3:20", True, 200, "3:20"),
        ("95", True, 95, "1:35"),
        ("1:02:03", True, 3723, "1:02:03"),
        (" 0:07 ", True, 7, "0:07"),
    ],
)
def test_where_an_item_opens_is_read_as_a_trainer_writes_it(
    written: str, timed: bool, start: int, shown: str
) -> None:
    assert parse_start(written, timed) == start
    assert start_text(start, timed) == shown


@pytest.mark.parametrize(
    ("written", "timed"),
    [
        ("3:20", False),
        ("five", False),
        ("-2", False),
        ("3:75", True),
        ("1:2:3:4", True),
        ("999999", False),
    ],
)
def test_a_start_that_is_neither_a_page_nor_a_time_is_refused(written: str, timed: bool) -> None:
    with pytest.raises(ValueError):
        parse_start(written, timed)


@pytest.mark.parametrize("start", [-1, "5", True, 100_001, 2.5])
def test_a_kit_file_or_catalog_with_an_impossible_start_is_refused(
    trainer: Library, start: object
) -> None:
    kit = KitStore(trainer).create("Starts", [KitItem("three-houses", "", 2)])
    path = trainer.root / "kits" / f"{kit.id}.json"
    raw = json.loads(path.read_bytes())
    assert raw["items"][0]["start"] == 2
    raw["items"][0]["start"] = start
    with pytest.raises(CatalogError, match="start"):
        Kit.from_json(raw, path.name)
    manifest = json.loads(trainer.current().to_bytes())  # type: ignore[union-attr]
    manifest["kits"] = [{"id": "k", "name": "K", "items": [raw["items"][0]]}]
    with pytest.raises(CatalogError, match="start"):
        Manifest.from_bytes(json.dumps(manifest).encode())


@pytest.mark.parametrize("as_file", [True, False])
def test_kit_export_and_import_report_progress_and_can_be_cancelled(
    trainer: Library, tmp_path: Path, published: Path, keys: tuple[Path, Path], as_file: bool
) -> None:
    from resources_index.errors import CancelledError

    kit = KitStore(trainer).create("Day 2", [KitItem("three-houses"), KitItem("intro-video")])
    out = tmp_path / ("usb/day2.sopkit" if as_file else "usb/day2")
    with pytest.raises(CancelledError):
        export_kit(trainer, kit, out, cancel=lambda: True)
    assert not out.exists() and list((tmp_path / "usb").iterdir()) == []  # nothing behind
    seen: list[tuple[int, int]] = []
    export_kit(trainer, kit, out, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0
    other = Library(tmp_path / "co-trainer")
    other.import_bundle(published, [load_public_key(keys[1])])
    for entry in other.current().by_id["intro-video"].files:  # type: ignore[union-attr]
        other.store.path(entry.sha256).unlink(missing_ok=True)
    with pytest.raises(CancelledError):
        import_kit(other, out, cancel=lambda: True)
    assert KitStore(other).all() == []
    copied: list[tuple[int, int]] = []
    import_kit(other, out, progress=lambda done, total: copied.append((done, total)))
    assert copied and copied[-1][0] == copied[-1][1] > 0
    assert [k.name for k in KitStore(other).all()] == ["Day 2"]


def test_a_kit_the_disk_has_no_room_for_says_how_much_to_free(
    trainer: Library,
    tmp_path: Path,
    published: Path,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Like a sync, an import the disk cannot hold says how much more to free, and copies
    nothing (the disk's free space is the one part that cannot be made small here)."""
    from resources_index.library import kit_files
    from resources_index.util.fsutil import DISK_RESERVE_BYTES

    kit = KitStore(trainer).create("Co-training", [KitItem("intro-video", "", 5)])
    out = tmp_path / "usb" / "co-training"
    export_kit(trainer, kit, out)
    other = Library(tmp_path / "co-trainer")
    other.import_bundle(published, [load_public_key(keys[1])])
    files = other.current().by_id["intro-video"].files  # type: ignore[union-attr]
    for entry in files:
        other.store.path(entry.sha256).unlink(missing_ok=True)
    # Exactly the reserve free: what is short is what the kit needs.
    monkeypatch.setattr(kit_files, "free_bytes", lambda _: DISK_RESERVE_BYTES)
    with pytest.raises(ResourcesError) as refused:
        import_kit(other, out)
    said = str(refused.value)
    needed = re.match(r"The kit needs (.+?), and ", said)
    assert needed, said
    assert said.endswith(f"Free {needed[1]} more; nothing was imported."), said
    assert not any(other.store.has(entry.sha256, entry.size) for entry in files)
    assert KitStore(other).all() == []
