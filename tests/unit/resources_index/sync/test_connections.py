"""One sync, one pool of connections: the index, the parts and the objects of a sync go over
the same few kept-alive connections (no more than the transfers that run at once), not a new
session per file kind and per thread, each with its own TCP (and on a real server TLS)
handshake."""

import threading
from pathlib import Path
from typing import ClassVar

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.downloader import PARALLEL_DOWNLOADS
from resources_index.sync.parts_fetch import PARALLEL_PARTS
from resources_index.sync.serve import CatalogHandler
from resources_index.sync.syncer import sync
from tests.helpers.served import running
from tests.helpers.syncing import FAST


class CountingHandler(CatalogHandler):
    """Counts the connections the server accepts (``setup`` runs once per connection) and
    the requests made over them."""

    lock = threading.Lock()
    connections: ClassVar[int] = 0
    requests: ClassVar[int] = 0

    def setup(self) -> None:
        super().setup()
        with CountingHandler.lock:
            CountingHandler.connections += 1

    def handle_one_request(self) -> None:
        super().handle_one_request()
        if self.command:
            with CountingHandler.lock:
                CountingHandler.requests += 1
        self.command = ""

    @classmethod
    def reset(cls) -> tuple[int, int]:
        with cls.lock:
            counted = (cls.connections, cls.requests)
            cls.connections = cls.requests = 0
        return counted


def test_a_sync_reuses_its_connections_for_the_index_the_parts_and_the_objects(
    tmp_path: Path, published: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    most = max(PARALLEL_DOWNLOADS, PARALLEL_PARTS)
    library = Library(tmp_path / "laptop")
    with running(published, handler=CountingHandler) as server:
        CountingHandler.reset()
        first = sync(library, server.url, [load_public_key(keys[1])], fetch_all=True, http=FAST)
        connections, requests = CountingHandler.reset()
        assert first.install is not None and len(first.install.added) == 7
        assert requests == first.requests >= 3 * most  # the index, pages, parts, objects
        assert 1 <= connections <= most

        assert sync(library, server.url, http=FAST).not_modified
        assert CountingHandler.reset() == (1, 1)

        (source / "glossary.md").write_text("# Glossary\n\nA revised definition.\n")
        publish(source, published, keys[0], catalog_id="test-catalog")
        edited = sync(library, server.url, fetch_all=True, http=FAST)
        connections, requests = CountingHandler.reset()
        assert edited.install is not None and edited.install.changed == ["glossary"]
        assert requests == edited.requests >= 4  # the index, a page, a part, an object
        assert 1 <= connections <= most
