"""Every HTTP answer that stops a sync is explained by its cause, for the catalog and for a file
alike, and names who can fix it; the library is left as it was."""

import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from tests.helpers.catalog_server import CatalogServer
from tests.helpers.syncing import FAST

CAUSES = [
    (401, "asks for a sign-in"),
    (403, "readable by the web server; tell whoever runs it"),
    (404, "check the server address in Settings"),
    (407, "proxy asks for a sign-in"),
    (503, "busy or being updated"),
]


@pytest.mark.parametrize(("status", "words"), CAUSES)
def test_the_catalogs_answer_is_explained_by_its_cause(
    library: Library, httpserver: HTTPServer, status: int, words: str
) -> None:
    httpserver.expect_request("/catalog.json").respond_with_data("no", status=status)
    with pytest.raises(SyncError, match=re.escape(words)) as refused:
        sync(library, httpserver.url_for("/"), http=FAST)
    assert "the catalog" in str(refused.value) and "may be offline" not in str(refused.value)
    assert not library.has_catalog()


@pytest.mark.parametrize(("status", "words"), CAUSES[:2])
def test_a_files_answer_is_explained_by_its_cause(
    library: Library,
    httpserver: HTTPServer,
    published: Path,
    keys: tuple[Path, Path],
    status: int,
    words: str,
) -> None:
    server = CatalogServer(published)
    manifest_entries = list((published / "objects").glob("*/*"))
    refused_object = manifest_entries[0]
    httpserver.expect_request("/" + object_relpath(refused_object.name)).respond_with_data(
        "no", status=status
    )
    url = server.install(httpserver)
    with pytest.raises(SyncError, match=re.escape(words)):
        sync(library, url, [load_public_key(keys[1])], fetch_all=True, http=FAST)
    assert not library.has_catalog()


def test_a_redirect_loop_and_a_redirect_to_another_scheme_are_named(
    library: Library, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/loop/catalog.json").respond_with_data(
        "", status=302, headers={"Location": "/loop/catalog.json"}
    )
    with pytest.raises(SyncError, match="redirect loop"):
        sync(library, httpserver.url_for("/loop/"), http=FAST)
    httpserver.expect_request("/ftp/catalog.json").respond_with_data(
        "", status=302, headers={"Location": "ftp://files.example/catalog.json"}
    )
    with pytest.raises(SyncError, match="not a web address") as refused:
        sync(library, httpserver.url_for("/ftp/"), http=FAST)
    assert "offline" not in str(refused.value)
