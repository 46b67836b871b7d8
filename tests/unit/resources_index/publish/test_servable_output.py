"""What publishing and exporting write can be served by a web server running as another user:
files 0644 and folders 0755 under the usual umask, whatever temporary-file call wrote them;
only the private key stays 0600."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources_index.catalog.model import KitItem
from resources_index.catalog.signing import generate_keypair, load_public_key
from resources_index.library.bundle import export_bundle
from resources_index.library.kit_files import export_kit
from resources_index.library.kits import KitStore
from resources_index.library.library import Library
from resources_index.publish.publisher import publish

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def modes(root: Path) -> Iterator[tuple[Path, int]]:
    yield root, stat.S_IMODE(root.stat().st_mode)
    for path in root.rglob("*"):
        yield path, stat.S_IMODE(path.stat().st_mode)


def assert_servable(root: Path) -> None:
    wrong = [
        (str(path.relative_to(root)), oct(mode))
        for path, mode in modes(root)
        if mode != (0o755 if path.is_dir() else 0o644)
    ]
    assert wrong == []


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_published_folder_and_its_exports_are_readable_by_the_web_servers_user(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    out = tmp_path / "www"
    publish(source, out, keys[0], catalog_id="test-catalog")
    assert_servable(out)
    (source / "glossary.md").write_text("# Glossary\n\nRevised.\n")
    publish(source, out, keys[0], catalog_id="test-catalog")  # a second publish, in place
    assert_servable(out)

    library = Library(tmp_path / "laptop")
    library.import_bundle(out, [load_public_key(keys[1])])
    export_bundle(library, tmp_path / "usb")
    assert_servable(tmp_path / "usb")
    kit = KitStore(library).create("Day 1", [KitItem("three-houses")])
    export_kit(library, kit, tmp_path / "kit")
    assert_servable(tmp_path / "kit")


def test_only_the_private_key_stays_private(tmp_path: Path) -> None:
    private, public = generate_keypair(tmp_path / "keys")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(public.stat().st_mode) == 0o644


def test_a_folder_published_whole_gets_its_index_at_the_next_publish_unchanged(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    """A content team upgrading the publishing program: the catalog in OUT keeps its version
    and bytes, and gains the index and parts laptops of this version fetch changes from."""
    from resources_index.catalog.parts import INDEX_FILE, PARTS_FOLDER
    from tests.helpers.syncing import whole_catalog_only

    catalog = (published / "catalog.json").read_bytes()
    index = (published / INDEX_FILE).read_bytes()
    parts = sorted(p.name for p in (published / PARTS_FOLDER).iterdir())
    whole_catalog_only(published)
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not report.changed
    assert (published / "catalog.json").read_bytes() == catalog
    assert (published / INDEX_FILE).read_bytes() == index
    assert sorted(p.name for p in (published / PARTS_FOLDER).iterdir()) == parts
