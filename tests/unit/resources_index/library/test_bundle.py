"""``export-bundle``: the library to a folder that ``import-bundle`` takes on another laptop."""

from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.errors import LibraryError, ObjectError
from resources_index.library.bundle import export_bundle
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from tests.helpers.trees import snapshot


@pytest.fixture
def synced(library: Library, published: Path, keys: tuple[Path, Path]) -> Library:
    library.import_bundle(published, [load_public_key(keys[1])])
    return library


def test_export_then_import_on_another_laptop_gives_the_same_library(
    synced: Library, tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    usb = tmp_path / "usb" / "sop-bundle"
    report = export_bundle(synced, usb)
    assert report.objects_copied == len({e.sha256 for e in synced.current().objects()})  # type: ignore[union-attr]
    assert not (usb / "tmp").exists()
    other = Library(tmp_path / "other-laptop")
    other.import_bundle(usb, [load_public_key(keys[1])])
    assert other.catalog_path.read_bytes() == synced.catalog_path.read_bytes()
    assert {p.name for p in other.store.stored()} == {p.name for p in synced.store.stored()}
    assert other.verify() == []


def test_exporting_again_copies_only_what_changed_and_drops_what_went(
    synced: Library,
    tmp_path: Path,
    source: Path,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    usb = tmp_path / "usb"
    export_bundle(synced, usb)
    (source / "glossary.md").write_text("# Glossary\n\nA new definition.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    synced.import_bundle(published)
    report = export_bundle(synced, usb)
    assert report.objects_copied == 3  # the new Markdown file, its text, the new index
    assert snapshot(usb) == {
        path: digest
        for path, digest in snapshot(synced.root).items()
        if path == "catalog.json" or path.startswith("objects/")
    }


def test_a_folder_with_other_files_is_never_overwritten(synced: Library, tmp_path: Path) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "notes.txt").write_text("mine")
    with pytest.raises(LibraryError, match="not empty and holds no catalog"):
        export_bundle(synced, documents)
    assert sorted(p.name for p in documents.iterdir()) == ["notes.txt"]


def test_a_damaged_local_file_stops_the_export_before_the_catalog_is_written(
    synced: Library, tmp_path: Path
) -> None:
    victim = next(iter(synced.store.stored()))
    victim.write_bytes(b"x" + victim.read_bytes()[1:])
    usb = tmp_path / "usb"
    with pytest.raises(ObjectError, match=r"library's copy of .* 'sop-resources verify'"):
        export_bundle(synced, usb)
    assert not (usb / "catalog.json").exists()


def test_the_starter_alone_is_not_exported(library: Library, tmp_path: Path) -> None:
    library.ensure_starter()
    with pytest.raises(LibraryError, match="only the starter catalog"):
        export_bundle(library, tmp_path / "usb")


def test_export_bundle_command(
    synced: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from resources_index.cli.main import main

    assert main(["--data-dir", str(synced.root), "export-bundle", str(tmp_path / "usb")]) == 0
    version = synced.current().version  # type: ignore[union-attr]
    assert f"Exported catalog version {version} " in capsys.readouterr().out
