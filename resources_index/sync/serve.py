"""``sop-resources serve``: this laptop's library, read-only over HTTP, like the statewide server.

A trainer's laptop can update a room of laptops that have no internet. Only ``catalog.json``
and ``objects/XX/SHA256`` are served (and, from a folder made by ``publish``,
``catalog-index.json`` and ``catalog-parts/``), exactly as published: the catalog keeps the
statewide signature, so a laptop that serves cannot forge content. Conditional requests (ETag,
If-None-Match) make a no-change sync one small request, and Range / If-Range let a cut
download resume. The same server serves a folder made by ``publish``.
"""

import contextlib
import email.utils
import hashlib
import logging
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import BaseServer
from typing import BinaryIO

from resources_index import __version__
from resources_index.catalog.parts import INDEX_FILE, PARTS_FOLDER
from resources_index.library.library import CATALOG_FILE

log = logging.getLogger(__name__)

OBJECT_PATH = re.compile(r"^/objects/([0-9a-f]{2})/([0-9a-f]{64})$")
PART_PATH = re.compile(rf"^/{PARTS_FOLDER}/([0-9a-f]{{64}})\.json\.gz$")
RANGE = re.compile(r"bytes=(\d{0,18})-(\d{0,18})")  # longer numbers than any file: refused
#: A client must send its request line and headers within this time, and never be silent
#: longer than IDLE_SECONDS: slow or stuck connections must not hold a thread forever.
HEADER_SECONDS = 20.0
IDLE_SECONDS = 60.0
CATALOG_CACHE = "no-cache"
OBJECT_CACHE = "public, max-age=31536000, immutable"


@dataclass
class Counters:
    """Requests received and body bytes sent, for benchmarks and the closing log line."""

    requests: int = 0
    bytes_sent: int = 0


class CatalogServer(ThreadingHTTPServer):
    """Serves one catalog folder (a library or a published folder)."""

    daemon_threads = True

    def __init__(
        self,
        folder: Path,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler] | None = None,
    ) -> None:
        self.folder = folder
        self.counters = Counters()
        self.counter_lock = threading.Lock()
        super().__init__(address, handler or CatalogHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{shown}:{port}/"

    def count_request(self) -> None:
        with self.counter_lock:
            self.counters.requests += 1

    def count(self, sent: int) -> None:
        """Body bytes sent (the request was counted when it arrived)."""
        with self.counter_lock:
            self.counters.bytes_sent += sent


class CatalogHandler(BaseHTTPRequestHandler):
    server: CatalogServer
    protocol_version = "HTTP/1.1"
    server_version = f"SOP-Desktop/{__version__}"

    timeout = IDLE_SECONDS  # set on the socket by StreamRequestHandler.setup
    header_seconds = HEADER_SECONDS

    def handle_one_request(self) -> None:
        """One request, its line and headers due within ``header_seconds``."""
        self.header_timer = threading.Timer(self.header_seconds, self._too_slow)
        self.header_timer.daemon = True
        self.header_timer.start()
        try:
            super().handle_one_request()
        finally:
            self.header_timer.cancel()

    def parse_request(self) -> bool:
        parsed = super().parse_request()  # reads the request line's headers too
        self.header_timer.cancel()  # they are in: the answer may take as long as it takes
        return parsed

    def _too_slow(self) -> None:
        log.info("%s sent no complete request in time; closed", self.address_string())
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def _answer(self, send_body: bool) -> None:
        self.server.count_request()
        path = self.path.split("?", 1)[0]
        if path in ("/" + CATALOG_FILE, "/" + INDEX_FILE):
            self._catalog(path[1:], send_body)
            return
        part = PART_PATH.match(path)
        if part:
            self._part(part.group(1), send_body)
            return
        match = OBJECT_PATH.match(path)
        if match and match.group(2).startswith(match.group(1)):
            self._object(match.group(2), send_body)
            return
        self._plain(HTTPStatus.NOT_FOUND, "Not found.\n", send_body)

    def _catalog(self, name: str, send_body: bool) -> None:
        target = self.server.folder / name
        try:
            data = target.read_bytes()  # read whole: a sync may rename a new one in meanwhile
            modified = target.stat().st_mtime
        except OSError:
            self._plain(HTTPStatus.NOT_FOUND, "No catalog here.\n", send_body)
            return
        etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'
        headers = {
            "ETag": etag,
            "Last-Modified": email.utils.formatdate(modified, usegmt=True),
            "Cache-Control": CATALOG_CACHE,
            "Content-Type": "application/json",
        }
        if self._not_modified(etag, headers):
            return
        self._send(HTTPStatus.OK, headers, len(data))
        if send_body:
            self.wfile.write(data)
        self.server.count(len(data) if send_body else 0)

    def _part(self, sha256: str, send_body: bool) -> None:
        """A part of a published catalog in parts, whole (parts are small)."""
        try:
            data = (self.server.folder / PARTS_FOLDER / f"{sha256}.json.gz").read_bytes()
        except OSError:
            self._plain(HTTPStatus.NOT_FOUND, "This part is not on this server.\n", send_body)
            return
        headers = {"ETag": f'"{sha256}"', "Cache-Control": OBJECT_CACHE}
        if self._not_modified(headers["ETag"], headers):
            return
        headers["Content-Type"] = "application/gzip"
        self._send(HTTPStatus.OK, headers, len(data))
        if send_body:
            self.wfile.write(data)
        self.server.count(len(data) if send_body else 0)

    def _object(self, sha256: str, send_body: bool) -> None:
        target = self.server.folder / "objects" / sha256[:2] / sha256
        try:
            handle = target.open("rb")
        except OSError:
            self._plain(HTTPStatus.NOT_FOUND, "This file is not on this server.\n", send_body)
            return
        with handle:
            size = target.stat().st_size
            etag = f'"{sha256}"'
            headers = {
                "ETag": etag,
                "Cache-Control": OBJECT_CACHE,
                "Accept-Ranges": "bytes",
                "Content-Type": "application/octet-stream",
            }
            if self._not_modified(etag, headers):
                return
            start, end = 0, size - 1
            status = HTTPStatus.OK
            asked = self.headers.get("Range")
            if asked and self.headers.get("If-Range", etag) == etag:
                bounds = _parse_range(asked, size)
                if bounds is None:
                    headers["Content-Range"] = f"bytes */{size}"
                    self._send(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE, headers, 0)
                    self.server.count(0)
                    return
                start, end = bounds
                status = HTTPStatus.PARTIAL_CONTENT
                headers["Content-Range"] = f"bytes {start}-{end}/{size}"
            length = end - start + 1
            self._send(status, headers, length)
            if not send_body:
                self.server.count(0)
                return
            handle.seek(start)
            sent = 0
            try:
                sent = self.copy_body(handle, length)
            finally:
                self.server.count(sent)

    def copy_body(self, source: BinaryIO, length: int) -> int:
        """Send ``length`` bytes of ``source``; return how many went out."""
        sent = 0
        while sent < length:
            chunk = source.read(min(256 * 1024, length - sent))
            if not chunk:
                break
            try:
                self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break  # the client went away; it will resume with a Range request
            sent += len(chunk)
        return sent

    def _not_modified(self, etag: str, headers: dict[str, str]) -> bool:
        wanted = self.headers.get("If-None-Match")
        if wanted and etag in [tag.strip() for tag in wanted.split(",")]:
            self._send(HTTPStatus.NOT_MODIFIED, headers, None)
            self.server.count(0)
            return True
        return False

    def _send(self, status: HTTPStatus, headers: dict[str, str], length: int | None) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _plain(self, status: HTTPStatus, text: str, send_body: bool) -> None:
        body = text.encode()
        self._send(status, {"Content-Type": "text/plain; charset=utf-8"}, len(body))
        if send_body:
            self.wfile.write(body)
        self.server.count(len(body) if send_body else 0)


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """One byte range (``a-``, ``a-b`` or ``-n``) clipped to the file; None if unsatisfiable."""
    match = RANGE.fullmatch(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if not first:
        if not last or int(last) == 0:
            return None
        return max(0, size - int(last)), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return None
    return start, end


@contextlib.contextmanager
def in_background(server: BaseServer) -> Iterator[BaseServer]:
    """Serve on a daemon thread until the block ends, then stop and release the port
    (the GUI's "serve this room", benchmarks and tests)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def make_server(folder: Path, host: str = "0.0.0.0", port: int = 8750) -> CatalogServer:
    """A server for ``folder``; call ``serve_forever()`` (and ``shutdown()`` from elsewhere)."""
    return CatalogServer(folder, (host, port))
