"""What a person reads about the catalog in parts: a missing part named as a part of the
catalog (never a path of hex digits), "Already up to date" when the server holds the version
the library has, and a disk too full for the new catalog refused before any part is fetched,
with the numbers."""

import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from resources_index.catalog.signing import load_public_key
from resources_index.errors import LibraryError
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from resources_index.util import fsutil
from tests.helpers.catalog_server import CatalogServer
from tests.helpers.faults import small_disk
from tests.helpers.syncing import FAST, files_of
from tests.helpers.trees import snapshot


def test_a_missing_part_is_named_plainly_when_the_whole_catalog_cannot_be_had_either(
    httpserver: HTTPServer, library: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    server = CatalogServer(published)
    url = server.install(httpserver)
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    _, before = files_of(published, keys)
    (source / "glossary.md").write_text("# Glossary\n\nRevised.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    missing = next(iter(files_of(published, keys)[1] - before))
    (published / missing.path).unlink()
    (published / "catalog.json").unlink()
    with pytest.raises(SyncError) as refused:
        sync(library, url, http=FAST)
    said = str(refused.value)
    assert f"The server does not have part {missing.sha256[:12]} of the catalog" in said
    assert "The whole catalog could not be fetched instead either" in said
    assert "catalog-parts" not in said and not re.search(r"[0-9a-f]{13}", said)
    assert said.endswith("The library was not changed.")


def test_a_server_with_the_version_the_library_holds_is_already_up_to_date(
    httpserver: HTTPServer, library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    """Files uploaded again unchanged (new validators, the same version): the index is read,
    catalog.json fetched and found to be the one installed."""
    server = CatalogServer(published)
    url = server.install(httpserver)
    first = sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert first.install is not None
    forgotten = ("sync_index_etag", "sync_catalog_etag", "sync_etag")
    library.state.set_many(dict.fromkeys(forgotten, ""))
    again = sync(library, url, http=FAST)
    assert again.install is not None and again.install.already_current
    assert [path for path, status, _ in server.log[-2:]] == ["/catalog-index.json", "/catalog.json"]
    version = first.install.version
    assert again.summary() == f"Already up to date: this library holds catalog version {version}."


def megabytes(size: str) -> float:
    """A size as sentences write it ("31.2 MB", "12.0 kB") in MiB."""
    number, unit = size.split()
    scale = {"B": 1 / 1024**2, "kB": 1 / 1024, "MB": 1.0, "GB": 1024.0}[unit]
    return float(number.replace(",", "")) * scale


def test_a_disk_too_full_for_the_new_catalog_is_refused_before_any_part(
    tmp_path: Path, httpserver: HTTPServer, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    server = CatalogServer(published)
    url = server.install(httpserver)
    with small_disk(tmp_path / "disk", 48) as disk:
        library = Library(disk / "library")
        sync(library, url, [load_public_key(keys[1])], http=FAST)
        (source / "glossary.md").write_text("# Glossary\n\nRevised once more.\n")
        publish(source, published, keys[0], catalog_id="test-catalog")
        # Room for the edit's two small objects, not for the catalog they come with.
        room = fsutil.DISK_RESERVE_BYTES + 12 * 1024
        (disk / "someone-elses-file").write_bytes(b"\0" * (fsutil.free_bytes(disk) - room))
        before = snapshot(library.root)
        mark = len(server.log)
        with pytest.raises(LibraryError) as refused:
            sync(library, url, http=FAST)
        said = str(refused.value)
        assert said.startswith("The new catalog needs") and "MB free" in said
        # how much to free: what is needed and the reserve, less what is free
        sizes = [megabytes(size) for size in re.findall(r"[\d.,]+ [kMG]?B", said)]
        needed, reserve, free, short = sizes
        assert reserve == 32.0 and said.endswith(" more and sync again."), said
        assert abs(short - (needed + reserve - free)) < 0.2, said
        assert [path for path, _, _ in server.log[mark:]] == ["/catalog-index.json"]
        assert snapshot(library.root) == before and library.verify() == []
        library.close()
