"""Run ``resources_index.sync.serve`` on 127.0.0.1 in a background thread during a test."""

import contextlib
import ssl
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import BinaryIO

from resources_index.library.library import Library
from resources_index.sync.serve import CatalogHandler, CatalogServer, in_background


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

    chunk = 64 * 1024

    def copy_body(self, source: BinaryIO, length: int) -> int:
        sent = 0
        while sent < length:
            part = super().copy_body(source, min(self.chunk, length - sent))
            if not part:
                break
            sent += part
            time.sleep(0.05)
        return sent


def point_at(library: Library, url: str, keys: tuple[Path, Path], **more: object) -> None:
    """Set ``library``'s server to ``url``, trusting the test signing key, plus ``more``."""
    settings = library.user_settings()
    settings.set("server_url", url)
    settings.set("trusted_keys", [keys[1].read_text()])
    for name, value in more.items():
        settings.set(name, value)
    settings.save(library.root)


class CrawlingHandler(SlowHandler):
    """A connection that barely moves: 1 KB every 50 ms (3 MB take two and a half minutes)."""

    chunk = 1024
