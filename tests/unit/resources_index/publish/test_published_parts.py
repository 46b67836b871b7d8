"""Parts already in OUT are reused by a publish only when they are exactly the parts the new
catalog names: one damaged or altered there is packed again, never linked into the new
catalog (a laptop would otherwise fall back to catalog.json whole at every sync)."""

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from resources_index.catalog.parts import INDEX_FILE, PARTS_FOLDER, PartRef, is_packed, pack, unpack
from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.syncer import sync
from tests.helpers.catalog_server import CatalogServer
from tests.helpers.syncing import FAST, files_of, index_of

DAMAGES = ["altered", "cut short", "emptied", "stored unpacked"]


def damage(published: Path, keys: tuple[Path, Path], how: str) -> PartRef:
    """Damage, in OUT, the part that holds the glossary (kept by a publish that changes
    nothing in the resources), and return it."""
    _, parts = files_of(published, keys)
    victim = next(
        ref for ref in parts if b'"glossary"' in unpack((published / ref.path).read_bytes(), ref)
    )
    path = published / victim.path
    packed = path.read_bytes()
    path.unlink()  # a new file, as an upload tool or a person would write it
    if how == "altered":
        path.write_bytes(pack(b'{"id":"forged"}'))
    elif how == "cut short":
        path.write_bytes(packed[: len(packed) // 2])
    elif how == "emptied":
        path.write_bytes(b"")
    else:
        path.write_bytes(unpack(packed, victim))
    return victim


def assert_intact(published: Path, keys: tuple[Path, Path]) -> set[PartRef]:
    """Every page and part the index in ``published`` names, each checked as publishing
    stores it (gzip unpacking to its hash); the parts are returned."""
    pages, parts = files_of(published, keys)
    assert all(is_packed((published / ref.path).read_bytes(), ref) for ref in pages | parts)
    return parts


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_part_in_out_is_packed_again_by_the_next_publish(
    tmp_path: Path,
    httpserver: HTTPServer,
    source: Path,
    published: Path,
    keys: tuple[Path, Path],
    how: str,
) -> None:
    victim = damage(published, keys, how)
    # A change outside the resources: every part of theirs is one OUT already holds.
    (source / "report-terms.txt").write_text("safety goal\n", encoding="utf-8")
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert report.changed
    assert victim in assert_intact(published, keys)
    # A laptop builds the catalog from the index and parts, never falling back to it whole.
    server = CatalogServer(published)
    url = server.install(httpserver)
    library = Library(tmp_path / "laptop")
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    asked = [path for path, _, _ in server.log]
    assert "/catalog.json" not in asked and f"/{victim.path}" in asked
    assert library.catalog_path.read_bytes() == (published / "catalog.json").read_bytes()


@pytest.mark.parametrize("how", DAMAGES)
def test_publishing_the_same_content_again_repairs_a_damaged_part(
    source: Path, published: Path, keys: tuple[Path, Path], how: str
) -> None:
    catalog = (published / "catalog.json").read_bytes()
    version = index_of(published, keys).version
    victim = damage(published, keys, how)
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not report.changed
    assert (published / "catalog.json").read_bytes() == catalog
    assert index_of(published, keys).version == version
    assert victim in assert_intact(published, keys)


def test_intact_parts_are_linked_not_packed_again(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    """A part's stored bytes never change on the server: the new catalog's copy of an
    unchanged part is the very file OUT held."""
    before = {p.name: p.stat().st_ino for p in (published / PARTS_FOLDER).iterdir()}
    index = (published / INDEX_FILE).read_bytes()
    assert not publish(source, published, keys[0], catalog_id="test-catalog").changed
    assert (published / INDEX_FILE).read_bytes() == index
    (source / "report-terms.txt").write_text("safety goal\n", encoding="utf-8")
    assert publish(source, published, keys[0], catalog_id="test-catalog").changed
    after = {p.name: p.stat().st_ino for p in (published / PARTS_FOLDER).iterdir()}
    kept = before.keys() & after.keys()
    assert kept and all(before[name] == after[name] for name in kept)
