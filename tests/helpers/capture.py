"""Servers on 127.0.0.1 that record what reaches them: one that answers every request with a
chosen status (a reports server elsewhere, a login page), and one that accepts a connection,
reads the request and never answers (a stalled reports server)."""

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    method: str
    path: str
    body: bytes
    authorization: str


@dataclass
class Capture:
    port: int
    status: int = 201
    seen: list[Seen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@contextlib.contextmanager
def capture_server(status: int = 201) -> Iterator[Capture]:
    """Records every request (method, path, body, Authorization) and answers ``status``
    with a small HTML page (what a sign-in page would send)."""
    capture = Capture(0, status)

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            capture.seen.append(
                Seen(self.command, self.path, body, self.headers.get("Authorization", ""))
            )
            page = b"<html><body>Sign in</body></html>"
            self.send_response(capture.status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        do_GET = do_PUT = do_POST = do_HEAD = _any

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    capture.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield capture
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class ReportsServer:
    """A server on 127.0.0.1 standing where a county's reports server would."""

    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sop-reports/"


@dataclass
class Stalled(ReportsServer):
    accepted: int = 0
    received: bytes = b""
    open_connections: list[socket.socket] = field(default_factory=list)


@contextlib.contextmanager
def _serving(handle: Callable[[socket.socket], None], stop: threading.Event) -> Iterator[int]:
    """Listens on 127.0.0.1 (the port is yielded) and gives each connection to ``handle``, in
    the listening thread, until the block ends; ``stop`` is set then, for ``handle``'s threads."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            handle(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(2)
        listener.close()


@contextlib.contextmanager
def stalled_server() -> Iterator[Stalled]:
    """Accepts every connection and reads what comes, never answering, until closed."""
    stalled = Stalled(0)
    stop = threading.Event()

    def accept(conn: socket.socket) -> None:
        stalled.accepted += 1
        stalled.open_connections.append(conn)
        conn.settimeout(0.1)
        threading.Thread(target=drain, args=(conn,), daemon=True).start()

    def drain(conn: socket.socket) -> None:
        while not stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            stalled.received += chunk

    try:
        with _serving(accept, stop) as stalled.port:
            yield stalled
    finally:
        for conn in stalled.open_connections:
            conn.close()


@dataclass
class Answering(ReportsServer):
    body_bytes_sent: int = 0
    closed_by_client: threading.Event = field(default_factory=threading.Event)


@contextlib.contextmanager
def answering_server(status: int = 201, trickle: float = 0.0) -> Iterator[Answering]:
    """Reads each request whole, answers ``status`` and then a body without end: as fast as
    it can go, or one byte each ``trickle`` seconds (a server that never stops talking)."""
    answering = Answering(0)
    stop = threading.Event()

    def accept(conn: socket.socket) -> None:
        threading.Thread(target=answer, args=(conn,), daemon=True).start()

    def answer(conn: socket.socket) -> None:
        with conn:
            _read_request(conn)
            conn.sendall(f"HTTP/1.1 {status} Created\r\nContent-Type: text/plain\r\n\r\n".encode())
            chunk = b"x" if trickle else b"x" * 65536
            while not stop.is_set():
                try:
                    conn.sendall(chunk)
                except OSError:
                    answering.closed_by_client.set()
                    return
                answering.body_bytes_sent += len(chunk)
                if trickle:
                    stop.wait(trickle)

    with _serving(accept, stop) as answering.port:
        yield answering


@dataclass
class Dropping(ReportsServer):
    drops: int
    requests: int = 0
    bodies: list[bytes] = field(default_factory=list)


def _read_request(conn: socket.socket) -> bytes:
    """The body of one HTTP request read whole from ``conn``."""
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        request += chunk
    head, _, body = request.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        ),
        0,
    )
    while len(body) < length:
        body += conn.recv(65536)
    return body


@contextlib.contextmanager
def dropping_server(drops: int = 1) -> Iterator[Dropping]:
    """Reads each request whole; the first ``drops`` it closes without a word (as a server
    does with a kept-alive connection it dropped meanwhile), the others it answers 201."""
    dropping = Dropping(0, drops)

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            body = _read_request(conn)
            dropping.requests += 1
            if dropping.requests <= dropping.drops:
                return  # closed, no answer
            dropping.bodies.append(body)
            conn.sendall(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")

    with _serving(answer, threading.Event()) as dropping.port:
        yield dropping
