"""Sync from a catalog published in signed parts: an edit moves the index and one part, every
part is checked before use, a server without an index still serves the whole catalog, and a
laptop of the previous version reads what is published now."""

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from resources_index.catalog.model import Manifest
from resources_index.catalog.parts import (
    INDEX_FILE,
    PARTS_FOLDER,
    pack,
)
from resources_index.catalog.signing import (
    load_private_key,
    load_public_key,
    open_envelope,
    seal,
)
from resources_index.catalog.times import format_time, utc_now
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from tests.helpers.catalog_server import CatalogServer
from tests.helpers.syncing import FAST, files_of, whole_catalog_only
from tests.helpers.trees import snapshot


@pytest.fixture
def served(httpserver: HTTPServer, published: Path) -> tuple[CatalogServer, str]:
    server = CatalogServer(published)
    return server, server.install(httpserver)


def requested(server: CatalogServer, since: int) -> list[tuple[str, int]]:
    return [(path, status) for path, status, _ in server.log[since:]]


def test_an_edit_moves_the_index_and_the_one_part_that_changed(
    library: Library,
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    source: Path,
    published: Path,
) -> None:
    server, url = served
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert library.catalog_path.read_bytes() == (published / "catalog.json").read_bytes()
    pages_before, parts_before = files_of(published, keys)
    (source / "glossary.md").write_text("# Glossary\n\nA zebrafinch definition.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    pages_after, parts_after = files_of(published, keys)
    changed = (pages_after - pages_before) | (parts_after - parts_before)
    mark = len(server.log)
    report = sync(library, url, http=FAST)
    assert report.install is not None and report.install.changed == ["glossary"]
    answers = requested(server, mark)
    # every byte counted: the index, the page and part, and the objects
    assert report.bytes_fetched == sum(size for _, _, size in server.log[mark:])
    assert 0 < report.catalog_bytes < report.bytes_fetched
    assert answers[0] == ("/" + INDEX_FILE, 200)
    parts = {path for path, _ in answers if path.startswith(f"/{PARTS_FOLDER}/")}
    assert len(parts_after - parts_before) == 1 and 1 <= len(pages_after - pages_before) <= 2
    assert parts == {"/" + ref.path for ref in changed}
    assert not any(path == "/catalog.json" for path, _ in answers)
    # The laptop rebuilt, byte for byte, the catalog.json it would have fetched whole.
    assert library.catalog_path.read_bytes() == (published / "catalog.json").read_bytes()
    assert library.verify() == []


def test_the_catalog_published_whole_is_what_the_previous_version_reads(
    published: Path, keys: tuple[Path, Path]
) -> None:
    """A laptop of the previous version fetches catalog.json alone and checks its signature
    over the manifest: both are exactly what that version's publisher wrote."""
    trusted = load_public_key(keys[1])
    envelope = (published / "catalog.json").read_bytes()
    manifest_bytes, _ = open_envelope(envelope, {trusted.key_id: trusted})
    assert seal(manifest_bytes, load_private_key(keys[0])) == envelope
    manifest = Manifest.from_bytes(manifest_bytes)
    assert manifest.to_bytes() == manifest_bytes and len(manifest.resources) == 7


@pytest.mark.parametrize("damage", ["other bytes", "missing", "too large"])
def test_a_damaged_or_missing_part_falls_back_to_catalog_json_and_else_nothing_changes(
    library: Library,
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    source: Path,
    published: Path,
    damage: str,
) -> None:
    server, url = served
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    _, before_parts = files_of(published, keys)
    (source / "glossary.md").write_text("# Glossary\n\nRevised.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    new = next(iter(files_of(published, keys)[1] - before_parts))
    target = published / new.path
    if damage == "other bytes":
        target.write_bytes(pack(b'{"id":"forged"}'))
    elif damage == "missing":
        target.unlink()
    else:
        target.write_bytes(target.read_bytes() + b"\0" * (new.size + 2048))
    whole = (published / "catalog.json").read_bytes()
    (published / "catalog.json").unlink()  # and catalog.json cannot be had either
    before = snapshot(library.root)
    with pytest.raises(SyncError, match="catalog"):
        sync(library, url, http=FAST)
    assert snapshot(library.root) == before and library.verify() == []
    (published / "catalog.json").write_bytes(whole)
    mark = len(server.log)
    report = sync(library, url, http=FAST)
    assert report.install is not None and report.install.changed == ["glossary"]
    assert ("/catalog.json", 200) in requested(server, mark)
    assert library.catalog_path.read_bytes() == whole and library.verify() == []


def test_a_server_without_an_index_is_asked_for_the_whole_catalog_then_again_a_week_later(
    library: Library, served: tuple[CatalogServer, str], keys: tuple[Path, Path], published: Path
) -> None:
    server, url = served
    whole_catalog_only(published)
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert requested(server, 0)[:2] == [("/" + INDEX_FILE, 404), ("/catalog.json", 200)]
    mark = len(server.log)
    again = sync(library, url, http=FAST)
    assert again.not_modified and requested(server, mark) == [("/catalog.json", 304)]
    week_ago = format_time(utc_now() - timedelta(days=7, minutes=1))
    library.state.set_many({"sync_index_absent": f"{week_ago} {url}"})
    mark = len(server.log)
    assert sync(library, url, http=FAST).not_modified
    assert requested(server, mark) == [("/" + INDEX_FILE, 404), ("/catalog.json", 304)]


def test_a_laptop_upgraded_from_the_previous_version_fetches_the_index_alone(
    library: Library, served: tuple[CatalogServer, str], keys: tuple[Path, Path], published: Path
) -> None:
    """Its state remembers catalog.json's validators and nothing of an index: the index is
    asked for once, whole, and being of the version the laptop has, catalog.json (which may
    be newer) conditionally; then a no-change sync is the index's 304 alone."""
    server, url = served
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    etag = '"' + hashlib.sha256((published / "catalog.json").read_bytes()).hexdigest()[:16] + '"'
    forgotten = ("sync_index_etag", "sync_index_last_modified", "sync_index_version")
    library.state.set_many({"sync_file": "", "sync_etag": etag, **dict.fromkeys(forgotten, "")})
    mark = len(server.log)
    assert sync(library, url, http=FAST).not_modified
    assert requested(server, mark) == [("/" + INDEX_FILE, 200), ("/catalog.json", 304)]
    mark = len(server.log)
    assert sync(library, url, http=FAST).not_modified
    assert requested(server, mark) == [("/" + INDEX_FILE, 304)]
