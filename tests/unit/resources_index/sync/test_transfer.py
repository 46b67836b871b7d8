"""Resumable, bounded, verified downloads against a real HTTP server on 127.0.0.1."""

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from resources_index.catalog.records import FileEntry
from resources_index.library.store import ObjectStore
from resources_index.sync.http import HttpSettings, make_session
from resources_index.sync.transfer import TransferError, download

DATA = os.urandom(300_000)
ENTRY = FileEntry("main", "video.mp4", hashlib.sha256(DATA).hexdigest(), len(DATA), "video/mp4")
ETAG = '"v1"'


@pytest.fixture
def store(tmp_path: Path) -> ObjectStore:
    return ObjectStore(tmp_path / "library")


@pytest.fixture
def session() -> Iterator[object]:
    with make_session(HttpSettings(retries=0)) as client:
        yield client


def ranged(request: Request) -> Response:
    """A well-behaved static server: honours Range when If-Range matches the ETag."""
    wanted = request.headers.get("Range")
    if wanted and request.headers.get("If-Range", ETAG) == ETAG:
        start = int(wanted.split("=")[1].rstrip("-"))
        return Response(
            DATA[start:],
            status=206,
            headers={"Content-Range": f"bytes {start}-{len(DATA) - 1}/{len(DATA)}", "ETag": ETAG},
        )
    return Response(DATA, headers={"ETag": ETAG})


def seed_partial(store: ObjectStore, size: int, etag: str = ETAG) -> None:
    partial = store.root / "partial"
    partial.mkdir(parents=True)
    (partial / f"{ENTRY.sha256}.part").write_bytes(DATA[:size])
    (partial / f"{ENTRY.sha256}.etag").write_text(etag)


def test_a_whole_object_is_fetched_verified_and_stored(httpserver: HTTPServer, store, session):
    httpserver.expect_request("/o").respond_with_handler(ranged)
    assert download(session, httpserver.url_for("/o"), ENTRY, store) == len(DATA)
    assert store.check(ENTRY.sha256, ENTRY.size) is None
    assert not list((store.root / "partial").iterdir())


def test_a_partial_object_resumes_with_range_and_fetches_only_the_rest(
    httpserver: HTTPServer, store, session
) -> None:
    seen: list[dict[str, str]] = []

    def handler(request: Request) -> Response:
        seen.append(dict(request.headers))
        return ranged(request)

    httpserver.expect_request("/o").respond_with_handler(handler)
    seed_partial(store, 100_000)
    assert download(session, httpserver.url_for("/o"), ENTRY, store) == len(DATA) - 100_000
    assert seen[0]["Range"] == "bytes=100000-" and seen[0]["If-Range"] == ETAG
    assert store.check(ENTRY.sha256, ENTRY.size) is None


@pytest.mark.parametrize(
    "answer",
    [
        Response(DATA, headers={"ETag": '"v2"'}),  # the file changed: a 200 starts over
        Response(DATA[5:], status=206, headers={"Content-Range": "bytes 5-299999/300000"}),
    ],
)
def test_a_mismatched_resume_starts_over(
    httpserver: HTTPServer, store, session, answer: Response
) -> None:
    responses = iter([answer, Response(DATA, headers={"ETag": ETAG})])
    httpserver.expect_request("/o").respond_with_handler(lambda request: next(responses))
    seed_partial(store, 100_000)
    download(session, httpserver.url_for("/o"), ENTRY, store)
    assert store.check(ENTRY.sha256, ENTRY.size) is None


def test_more_bytes_than_declared_are_refused(httpserver: HTTPServer, store, session) -> None:
    httpserver.expect_request("/o").respond_with_data(DATA + b"extra")
    with pytest.raises(TransferError, match="larger than the catalog declares"):
        download(session, httpserver.url_for("/o"), ENTRY, store)
    assert not store.has(ENTRY.sha256, ENTRY.size)
    assert not (store.root / "partial" / f"{ENTRY.sha256}.part").exists()


def test_altered_bytes_are_refused(httpserver: HTTPServer, store, session) -> None:
    httpserver.expect_request("/o").respond_with_data(b"x" + DATA[1:])
    with pytest.raises(TransferError, match="does not match its SHA-256"):
        download(session, httpserver.url_for("/o"), ENTRY, store)
    assert not store.has(ENTRY.sha256, ENTRY.size)


def test_a_server_error_is_a_plain_sentence(httpserver: HTTPServer, store, session) -> None:
    httpserver.expect_request("/o").respond_with_data("oops", status=500)
    with pytest.raises(TransferError, match=r"busy or being updated \(500\)"):
        download(session, httpserver.url_for("/o"), ENTRY, store)


def test_a_cut_download_keeps_its_part_and_the_next_try_resumes(
    httpserver: HTTPServer, store, session
) -> None:
    def cut(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield DATA[:120_000]
            raise ConnectionError("server stopped")

        return Response(body(), headers={"Content-Length": str(len(DATA)), "ETag": ETAG})

    httpserver.expect_ordered_request("/o").respond_with_handler(cut)
    with pytest.raises(TransferError, match=r"(interrupted|ended early)"):
        download(session, httpserver.url_for("/o"), ENTRY, store)
    kept = (store.root / "partial" / f"{ENTRY.sha256}.part").stat().st_size
    assert 0 < kept <= 120_000
    httpserver.expect_ordered_request("/o").respond_with_handler(ranged)
    fetched = download(session, httpserver.url_for("/o"), ENTRY, store)
    assert fetched == len(DATA) - kept
    assert store.check(ENTRY.sha256, ENTRY.size) is None


def test_an_unreachable_server_is_a_plain_sentence(store, session) -> None:
    with pytest.raises(TransferError, match="Could not reach the server"):
        download(session, "http://127.0.0.1:9/o", ENTRY, store, timeout=(1, 1))
