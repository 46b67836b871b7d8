"""An index that answers but cannot be read whole (a connection cut half-way, a gzip bomb, an
index larger than the format allows) is one more reason to fetch catalog.json whole, as the
format says of any failure but a signature's; the library is never left half-changed."""

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from resources_index.catalog.parts import INDEX_FILE
from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from tests.helpers.syncing import FAST
from tests.helpers.trees import snapshot


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes once decompressed, a few hundred KiB on the wire."""
    packer, zeros = zlib.compressobj(9, zlib.DEFLATED, 31), bytes(1 << 20)
    return b"".join(packer.compress(zeros) for _ in range(size >> 20)) + packer.flush()


@contextmanager
def faulty_server(folder: Path, fault: str) -> Iterator[tuple[str, list[str]]]:
    """Serve ``folder`` with ``fault`` on the index; yield its address and the paths asked."""
    asked: list[str] = []
    bomb = gzip_bomb(65 << 20) if "bomb" in fault else b""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            name = self.path.removeprefix("/")
            asked.append(name)
            path = folder / name
            if not path.is_file() or ("no catalog.json" in fault and name == "catalog.json"):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = bomb if name == INDEX_FILE and "bomb" in fault else path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            if name == INDEX_FILE and "bomb" in fault:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            if name == INDEX_FILE and fault == "cut":
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", asked
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def laptop_and_newer(tmp_path: Path, source: Path, keys: tuple[Path, Path]) -> tuple[Library, Path]:
    """A laptop synced to version 1, and a folder that now publishes version 2."""
    out = tmp_path / "www"
    publish(source, out, keys[0], catalog_id="test-catalog")
    laptop = Library(tmp_path / "laptop")
    with faulty_server(out, "none") as (url, _):
        sync(laptop, url, [load_public_key(keys[1])], http=FAST)
    (source / "glossary.md").write_text("# Glossary\n\nRevised.\n")
    publish(source, out, keys[0], catalog_id="test-catalog")
    return laptop, out


@pytest.mark.parametrize("fault", ["cut", "bomb"])
def test_an_index_that_cannot_be_read_whole_falls_back_to_catalog_json(
    laptop_and_newer: tuple[Library, Path], fault: str
) -> None:
    laptop, out = laptop_and_newer
    with faulty_server(out, fault) as (url, asked):
        report = sync(laptop, url, http=FAST)
    assert report.install is not None and report.install.changed == ["glossary"]
    assert asked[:2] == [INDEX_FILE, "catalog.json"]
    assert laptop.catalog_path.read_bytes() == (out / "catalog.json").read_bytes()


def test_an_index_too_large_is_named_as_the_index_when_catalog_json_fails_too(
    laptop_and_newer: tuple[Library, Path],
) -> None:
    laptop, out = laptop_and_newer
    before = snapshot(laptop.root)
    faults = "bomb, no catalog.json"
    with faulty_server(out, faults) as (url, _), pytest.raises(SyncError) as caught:
        sync(laptop, url, http=FAST)
    assert snapshot(laptop.root) == before
    assert caught.value.kind == "sync.parts_then_whole"
    sentence = str(caught.value)
    assert "catalog index is larger than the format allows" in sentence
    assert "The server's catalog is larger" not in sentence
