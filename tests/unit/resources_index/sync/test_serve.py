"""``serve``: a library served read-only, exactly in the statewide server's format."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.search.library_search import LibrarySearch
from resources_index.sync.syncer import sync
from tests.helpers.served import running
from tests.helpers.syncing import FAST


@pytest.fixture
def served_library(tmp_path: Path, published: Path, keys: tuple[Path, Path]) -> Library:
    """A library synced (everything) from a published folder, as a trainer's laptop would be."""
    library = Library(tmp_path / "trainer")
    with running(published) as server:
        sync(library, server.url, [load_public_key(keys[1])], fetch_all=True, http=FAST)
    return library


def objects_of(library: Library) -> set[str]:
    return {p.name for p in library.store.stored()}


def test_serve_then_sync_yields_an_identical_library(
    served_library: Library, tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    room_laptop = Library(tmp_path / "room-laptop")
    with running(served_library.root) as server:
        report = sync(room_laptop, server.url, [load_public_key(keys[1])], fetch_all=True)
        assert report.install is not None and len(report.install.added) == 7
        again = sync(room_laptop, server.url, http=FAST)
        assert again.not_modified and server.counters.requests == report.requests + 1
    assert room_laptop.catalog_path.read_bytes() == served_library.catalog_path.read_bytes()
    assert objects_of(room_laptop) == objects_of(served_library)
    assert room_laptop.verify() == []
    rows, _ = LibrarySearch(room_laptop).search("casas")
    expected, _ = LibrarySearch(served_library).search("casas")
    assert [r.resource.id for r in rows] == [r.resource.id for r in expected] != []


def test_served_files_have_cache_headers_ranges_and_nothing_else_is_reachable(
    served_library: Library,
) -> None:
    manifest = served_library.current()
    assert manifest is not None
    entry = max(manifest.objects(), key=lambda e: e.size)
    with running(served_library.root) as server, requests.Session() as http:
        catalog = http.get(server.url + "catalog.json")
        assert catalog.status_code == 200 and catalog.headers["Cache-Control"] == "no-cache"
        again = http.get(
            server.url + "catalog.json", headers={"If-None-Match": catalog.headers["ETag"]}
        )
        assert again.status_code == 304 and again.content == b""
        url = server.url + object_relpath(entry.sha256)
        whole = http.get(url)
        assert whole.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert len(whole.content) == entry.size
        part = http.get(url, headers={"Range": "bytes=100-", "If-Range": whole.headers["ETag"]})
        assert part.status_code == 206
        assert part.headers["Content-Range"] == f"bytes 100-{entry.size - 1}/{entry.size}"
        assert part.content == whole.content[100:]
        stale = http.get(url, headers={"Range": "bytes=100-", "If-Range": '"other"'})
        assert stale.status_code == 200 and stale.content == whole.content
        tail = http.get(url, headers={"Range": "bytes=-10"})
        assert tail.content == whole.content[-10:]
        beyond = http.get(url, headers={"Range": f"bytes={entry.size}-"})
        assert beyond.status_code == 416
        assert http.head(url).headers["Content-Length"] == str(entry.size)
        for private in (
            "state.sqlite3",
            "settings.json",
            "objects/../state.sqlite3",
            "objects/ab/" + entry.sha256,  # a real object under the wrong fan-out folder
            "objects/",
            "",
        ):
            assert http.get(server.url + private).status_code == 404, private


def test_a_serving_laptop_without_a_large_file_defers_it_to_when_it_is_opened(
    served_library: Library, tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    manifest = served_library.current()
    assert manifest is not None
    video = manifest.by_id["intro-video"].main
    served_library.store.path(video.sha256).unlink()
    room_laptop = Library(tmp_path / "room-laptop")
    with running(served_library.root) as server:
        report = sync(room_laptop, server.url, [load_public_key(keys[1])], http=FAST)
    assert report.missing == [video.name] and not report.deferred
    assert report.summary().endswith(
        "Files the server does not hold yet (they will download when opened): 1."
    )
    assert room_laptop.status()["not_downloaded"] == 1
    assert room_laptop.verify() == []


def test_serve_command_line_serves_until_ctrl_c(served_library: Library) -> None:
    command = [
        sys.executable,
        "-m",
        "resources_index.cli",
        "--data-dir",
        str(served_library.root),
    ]
    with subprocess.Popen(
        [*command, "serve", "--bind", "127.0.0.1", "--port", "0"], stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        version = served_library.current().version  # type: ignore[union-attr]
        assert first.startswith(
            f"Serving catalog version {version} (7 resources) at http://127.0.0"
        )
        url = first.split(" at ")[1].split(" ")[0]
        assert requests.get(url + "catalog.json", timeout=5).status_code == 200
        process.send_signal(signal.SIGINT)
        try:
            rest, _ = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()  # a failure, not a suite left waiting on it
            raise
    assert process.returncode == 0
    assert rest.strip().splitlines()[-1].startswith("Stopped after 1 requests")
