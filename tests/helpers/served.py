"""Run ``resources_index.serve`` on 127.0.0.1 in a background thread for the length of a test."""

import contextlib
import ssl
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import BinaryIO

from resources_index.serve import CatalogHandler, CatalogServer, in_background


@contextlib.contextmanager
def running(
    folder: Path,
    port: int = 0,
    handler: type[BaseHTTPRequestHandler] | None = None,
    tls: ssl.SSLContext | None = None,
) -> Iterator[CatalogServer]:
    """A catalog server for ``folder`` (over TLS with ``tls``), stopped on exit."""
    server = CatalogServer(folder, ("127.0.0.1", port), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    with in_background(server):
        yield server


class SlowHandler(CatalogHandler):
    """A slow hotel Wi-Fi: 64 KB every 50 ms."""

    def copy_body(self, source: BinaryIO, length: int) -> int:
        sent = 0
        while sent < length:
            part = super().copy_body(source, min(64 * 1024, length - sent))
            if not part:
                break
            sent += part
            time.sleep(0.05)
        return sent
