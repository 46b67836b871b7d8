"""Sync against a local server: what a no-change sync costs, and how little an update moves.

    python -m benchmarks.sync_bench [--resources 1000] [--rounds 7]

Publishes a synthetic catalog (Markdown documents of 2-200 KB and a few 8 MB videos), serves
it with ``resources_index.sync.serve`` on 127.0.0.1 and measures:

- a no-change sync: requests made and time (median), beside a bare ``requests.get`` of the
  same catalog.json measured in the same run;
- after one resource of the catalog is edited and republished: the bytes of objects fetched
  divided by the bytes of the objects that changed, and apart from them the bytes the
  catalog cost (``catalog-index.json`` and the parts the laptop lacked, or ``catalog.json``
  whole from a server without an index);
- a first sync cut halfway through a large file by the server, then resumed: bytes of
  objects fetched over both runs divided by the bytes the library needed.

Objects and the catalog are counted apart, as the server sent them: a sync in parts never
fetches ``catalog.json``, so its size is not what the catalog cost.
"""

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, ClassVar

import requests

from resources_index.catalog.signing import generate_keypair, load_public_key
from resources_index.errors import ResourcesError
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.serve import CatalogHandler, CatalogServer, in_background
from resources_index.sync.syncer import sync

WORDS = [
    "safety",
    "plan",
    "network",
    "family",
    "danger",
    "statement",
    "worry",
    "harm",
    "goal",
    "caregiver",
    "child",
    "youth",
    "engagement",
    "teaming",
    "mapping",
    "strengths",
    "support",
    "coach",
    "supervisor",
    "court",
    "meeting",
    "home",
]


def write_source(folder: Path, count: int, seed: int = 7, videos: int = 3) -> None:
    chooser = random.Random(seed)
    for number in range(count):
        size = int(2_000 * (100 ** chooser.random()))  # 2 KB to 200 KB, skewed small
        words = " ".join(chooser.choice(WORDS) for _ in range(size // 7))
        (folder / f"doc-{number:05d}.md").write_text(f"# Document {number}\n\n{words}\n")
    for number in range(videos):
        (folder / f"video-{number}.mp4").write_bytes(chooser.randbytes(8 * 1024 * 1024))


class _Counting(CatalogHandler):
    """Counts the body bytes sent of objects (everything else the server sends is the
    catalog: catalog.json, or its index and parts, and answers without a body)."""

    lock = threading.Lock()
    objects: ClassVar[int] = 0

    def copy_body(self, source: BinaryIO, length: int) -> int:
        sent = super().copy_body(source, length)
        with _Counting.lock:
            _Counting.objects += sent
        return sent


def sent_since(server: CatalogServer, mark: tuple[int, int]) -> tuple[int, int]:
    """(bytes of objects, bytes of the catalog) the server sent since ``mark``."""
    objects = _Counting.objects - mark[0]
    return objects, server.counters.bytes_sent - mark[1] - objects


def mark_of(server: CatalogServer) -> tuple[int, int]:
    return _Counting.objects, server.counters.bytes_sent


class _CutOnce(_Counting):
    """Cuts the first transfer of the largest files halfway, as a server stopped mid-file."""

    cut: ClassVar[set[str]] = set()

    def copy_body(self, source: BinaryIO, length: int) -> int:
        if length < 4 * 1024 * 1024 or self.path in self.cut:
            return super().copy_body(source, length)
        self.cut.add(self.path)
        sent = super().copy_body(source, length // 2)
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)
        return sent


@contextmanager
def serving(folder: Path, handler: type[CatalogHandler] = _Counting) -> Iterator[CatalogServer]:
    server = CatalogServer(folder, ("127.0.0.1", 0), handler)
    with in_background(server):
        yield server


def objects_of(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in (folder / "objects").glob("*/*")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    source, published = work / "source", work / "published"
    source.mkdir()
    private, public = generate_keypair(work / "keys")
    key = load_public_key(public)
    write_source(source, args.resources)
    began = time.perf_counter()
    publish(source, published, private, catalog_id="bench")
    print(f"published {args.resources} documents + 3 videos in {time.perf_counter() - began:.1f} s")
    manifest_bytes = (published / "catalog.json").stat().st_size

    library = Library(work / "laptop")
    with serving(published) as server:
        began = time.perf_counter()
        first = sync(library, server.url, [key])
        print(
            f"first sync: {first.requests} requests, {first.bytes_fetched:,} bytes,"
            f" {time.perf_counter() - began:.1f} s"
        )
        no_change, bare = [], []
        for _ in range(args.rounds):
            before = server.counters.requests
            began = time.perf_counter()
            report = sync(library, server.url)
            no_change.append(time.perf_counter() - began)
            assert report.not_modified and server.counters.requests - before == 1
            began = time.perf_counter()
            requests.get(server.url + "catalog.json", timeout=10).raise_for_status()
            bare.append(time.perf_counter() - began)
        print(
            f"no-change sync: 1 request; median {statistics.median(no_change) * 1000:.1f} ms"
            f" (bare GET of the {manifest_bytes:,}-byte catalog:"
            f" {statistics.median(bare) * 1000:.1f} ms)"
        )

        old = objects_of(published)
        (source / "doc-00500.md").write_text("# Document 500\n\nRewritten: safety goal.\n" * 400)
        publish(source, published, private, catalog_id="bench")
        changed = {name: size for name, size in objects_of(published).items() if name not in old}
        manifest_bytes = (published / "catalog.json").stat().st_size
        mark = mark_of(server)
        report = sync(library, server.url)
        assert report.install is not None and report.install.changed == ["doc-00500"]
        objects_sent, catalog_sent = sent_since(server, mark)
        how = library.state.get("sync_file") or "catalog.json"
        needed = sum(size for name, size in changed.items() if library.store.path(name).exists())
        print(
            f"edit 1 of {args.resources}: fetched {objects_sent:,} bytes of objects for"
            f" {needed:,} bytes changed: ratio {objects_sent / needed:.3f} ({len(changed)} new"
            " objects on the server, the shipped index skipped because the laptop's own is"
            f" current); the catalog cost {catalog_sent:,} bytes from {how}"
            f" (catalog.json whole: {manifest_bytes:,} bytes)"
        )

    resumed = Library(work / "resumed-laptop")
    with serving(published, _CutOnce) as server:
        mark = mark_of(server)
        attempts = 0
        while True:
            attempts += 1
            try:
                sync(resumed, server.url, [key])
                break
            except ResourcesError as exc:
                print(f"  attempt {attempts}: {exc}")
        total, catalog_sent = sent_since(server, mark)
    needed = sum(p.stat().st_size for p in resumed.store.stored())
    print(
        f"interrupted + resumed first sync ({attempts} runs): fetched {total:,} bytes of"
        f" objects for {needed:,} bytes needed: ratio {total / needed:.3f} (and"
        f" {catalog_sent:,} bytes of catalog over the {attempts} runs)"
    )


if __name__ == "__main__":
    main()
