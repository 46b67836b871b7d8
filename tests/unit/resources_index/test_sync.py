"""Sync against a real HTTP server on 127.0.0.1 serving a folder made by ``publish``."""

import json
import shutil
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from resources_index.errors import ResourcesError, SignatureError
from resources_index.http import HttpSettings
from resources_index.library import Library
from resources_index.publish import publish
from resources_index.search import LibrarySearch
from resources_index.signing import load_public_key
from resources_index.sync import SyncError, sync
from tests.helpers.catalog_server import CatalogServer
from tests.helpers.trees import snapshot

FAST = HttpSettings(connect_timeout=2, read_timeout=2, retries=0)


@pytest.fixture
def served(httpserver: HTTPServer, published: Path) -> tuple[CatalogServer, str]:
    server = CatalogServer(published)
    return server, server.install(httpserver)


def test_first_sync_then_no_change_costs_one_request_and_no_writes(
    library: Library, served: tuple[CatalogServer, str], keys: tuple[Path, Path]
) -> None:
    server, url = served
    report = sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert report.install is not None and len(report.install.added) == 7
    assert library.verify() == []
    assert json.loads(library.state.get("last_changes") or "{}")["added"]
    before, requests_before = snapshot(library.root), len(server.log)
    again = sync(library, url, http=FAST)  # the key was remembered
    assert again.not_modified and again.requests == 1
    assert len(server.log) == requests_before + 1 and server.log[-1][1] == 304
    assert snapshot(library.root) == before


def test_incremental_sync_fetches_only_the_changed_resource(
    library: Library,
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    source: Path,
    published: Path,
) -> None:
    server, url = served
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    search = LibrarySearch(library)
    search.refresh()
    (source / "glossary.md").write_text("# Glossary\n\nA zebrafinch definition.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    server.log.clear()
    report = sync(library, url, http=FAST)
    assert report.install is not None and report.install.changed == ["glossary"]
    fetched = [path for path, status, _ in server.log if path.startswith("/objects/")]
    assert len(fetched) == 2  # the new Markdown file and its text; the shipped index is skipped
    rows, _ = LibrarySearch(library).search("zebrafinch")
    assert [r.resource.id for r in rows] == ["glossary"]
    search.close()


def test_untrusted_and_tampered_catalogs_leave_the_library_as_it_was(
    library: Library,
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    published: Path,
    tmp_path: Path,
) -> None:
    _, url = served
    with pytest.raises(SignatureError, match="does not trust"):
        sync(library, url, http=FAST)
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    before = snapshot(library.root)
    envelope = json.loads((published / "catalog.json").read_text())
    signature = envelope["signature"]
    envelope["signature"] = ("B" if signature[0] != "B" else "C") + signature[1:]
    (published / "catalog.json").write_text(json.dumps(envelope))
    with pytest.raises(SignatureError, match="altered or damaged"):
        sync(library, url, http=FAST)
    (published / "catalog.json").write_text("<!DOCTYPE html><html>Hotel Wi-Fi sign-in</html>")
    with pytest.raises(ResourcesError, match="web page instead of a catalog"):
        sync(library, url, http=FAST)
    shutil.rmtree(published / "objects")
    assert snapshot(library.root) == before
    assert library.verify() == []


def test_server_errors_and_no_server_are_plain_sentences(
    library: Library, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/catalog.json").respond_with_data("down", status=500)
    with pytest.raises(SyncError, match="answered 500"):
        sync(library, httpserver.url_for("/"), http=FAST)
    with pytest.raises(SyncError, match="Could not reach"):
        sync(library, "http://127.0.0.1:9/", http=FAST)
    assert not library.has_catalog()


def test_a_corrupted_object_on_the_server_is_refused(
    library: Library, served: tuple[CatalogServer, str], keys: tuple[Path, Path], published: Path
) -> None:
    _, url = served
    victim = sorted((published / "objects").glob("*/*"))[0]
    victim.write_bytes(b"!" + victim.read_bytes()[1:])
    with pytest.raises(SyncError, match="does not match its SHA-256"):
        sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert not library.has_catalog()


def test_sync_from_the_command_line(
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from resources_index.cli import main

    _, url = served
    data = ["--data-dir", str(tmp_path / "cli-lib")]
    assert main([*data, "sync", url, "--trust", str(keys[1])]) == 0
    # A fresh library starts on the starter catalog; the server's catalog replaces it.
    assert "Catalog version 1: 7 added, 0 changed, 44 removed" in capsys.readouterr().out
    assert main([*data, "sync", url]) == 0
    assert "Already up to date" in capsys.readouterr().out
    assert main([*data, "sync", "http://127.0.0.1:9/"]) == 1
    assert "Could not reach http://127.0.0.1:9/" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "empty"), "sync"]) == 1
    assert "no server address" in capsys.readouterr().err
