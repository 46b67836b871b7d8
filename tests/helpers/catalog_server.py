"""Serve a published catalog folder from pytest-httpserver, as a static web server would.

ETag and If-None-Match on every file, Range requests on objects; every request is recorded
with the bytes sent, so tests can count what a sync really moved.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


@dataclass
class CatalogServer:
    folder: Path
    log: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes)

    def install(self, server: HTTPServer) -> str:
        server.expect_request(__import__("re").compile("/.*")).respond_with_handler(self.handle)
        return server.url_for("/")

    def handle(self, request: Request) -> Response:
        path = self.folder / request.path.lstrip("/")
        if not path.is_file():
            return self._record(request, Response("not found", status=404))
        data = path.read_bytes()
        etag = f'"{hashlib.sha256(data).hexdigest()[:16]}"'
        if request.headers.get("If-None-Match") == etag:
            return self._record(request, Response(status=304, headers={"ETag": etag}))
        wanted = request.headers.get("Range")
        if wanted and request.headers.get("If-Range", etag) == etag:
            start = int(wanted.split("=")[1].rstrip("-"))
            return self._record(
                request,
                Response(
                    data[start:],
                    status=206,
                    headers={
                        "Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}",
                        "ETag": etag,
                    },
                ),
            )
        return self._record(request, Response(data, headers={"ETag": etag}))

    def _record(self, request: Request, response: Response) -> Response:
        self.log.append((request.path, response.status_code, len(response.get_data())))
        return response

    @property
    def bytes_sent(self) -> int:
        return sum(size for _, _, size in self.log)
