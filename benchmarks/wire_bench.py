"""Bytes on the wire: what a sync moves through a real nginx, the catalog in parts beside the
catalog whole (today's format, as laptops of earlier versions read it), in the same run.

    python -m benchmarks.wire_bench [--sizes 1000,5000,20000]

For each size a synthetic folder of Markdown documents (2 to 20 KB) is published into a folder
served by nginx with the site block of ``docs/hosting.md`` (``gzip on`` for the JSON files).
Two laptops sync from it after every change: one as this version does (``catalog-index.json``
and the parts it lacks), one told that the server has no index, so it fetches ``catalog.json``
whole as earlier versions do. Measured from nginx's access log, headers included: the first
sync, a sync when nothing changed, and after one document edited, ten edited, one added and one
removed. ``objects`` are the bytes of the documents' own files (the same for both laptops);
the target for an edit is at most twice those plus 16 KB.

The catalogs are published without the shipped search index (building it dominates the run
at 20,000 resources; it is one more object, the same in both formats, fetched only by a laptop
without an index of its own), and the laptops do not index what they fetch: only bytes count.
"""

import argparse
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.sync_bench import WORDS
from resources_index.catalog.signing import TrustedKey, generate_keypair, load_public_key
from resources_index.catalog.times import format_time, utc_now
from resources_index.library.installing import InstallReport
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.syncer import Syncer
from tests.helpers.nginx import Nginx, running_nginx, world_readable_folder

SCENARIOS = ("first sync", "no change", "one edited", "ten edited", "one added", "one removed")


class WireSyncer(Syncer):
    """A sync that leaves the search index alone: the benchmark counts bytes, not indexing."""

    def _update_index(self, install: InstallReport) -> None:
        return None


@dataclass
class Moved:
    """What one sync moved: requests, all bytes sent, and the bytes of content objects."""

    requests: int = 0
    total: int = 0
    objects: int = 0


def write_document(folder: Path, number: int, chooser: random.Random) -> None:
    size = int(2_000 * (10 ** chooser.random()))  # 2 to 20 KB, skewed small
    words = " ".join(chooser.choice(WORDS) for _ in range(size // 7))
    (folder / f"doc-{number:05d}.md").write_text(f"# Document {number}\n\n{words}\n")


def one_sync(laptop: Library, server: Nginx, keys: list[TrustedKey], whole: bool) -> Moved:
    """Sync ``laptop`` once and read what nginx sent it; ``whole``: as an earlier version."""
    if whole:
        laptop.state.set_many({"sync_index_absent": f"{format_time(utc_now())} {server.url}"})
    mark = len(server.log())
    syncer = WireSyncer(laptop, server.url, keys)
    try:
        syncer.run()
    finally:
        syncer.close()
    lines = server.log()[mark:]
    objects = sum(line.bytes_sent for line in lines if "/objects/" in line.path)
    return Moved(len(lines), sum(line.bytes_sent for line in lines), objects)


def measure(count: int, work: Path) -> dict[str, tuple[Moved, Moved]]:
    """(in parts, whole) for each scenario at ``count`` resources."""
    source = work / "source"
    source.mkdir(parents=True)
    chooser = random.Random(7)
    for number in range(count):
        write_document(source, number, chooser)
    private, public = generate_keypair(work / "keys")
    keys = [load_public_key(public)]
    results: dict[str, tuple[Moved, Moved]] = {}
    with world_readable_folder() as www:
        out = www / "sop"

        def republish() -> None:
            publish(source, out, private, catalog_id="bench", search_index=False)

        republish()
        with running_nginx(out, work / "nginx") as server:
            laptops = (Library(work / "in-parts"), Library(work / "whole"))

            def both(what: str) -> None:
                results[what] = (
                    one_sync(laptops[0], server, keys, whole=False),
                    one_sync(laptops[1], server, keys, whole=True),
                )

            both("first sync")
            both("no change")
            edit(source, [7])
            republish()
            both("one edited")
            edit(source, range(11, count, max(1, count // 10))[:10])
            republish()
            both("ten edited")
            write_document(source, count, chooser)
            republish()
            both("one added")
            (source / f"doc-{count // 2:05d}.md").unlink()
            republish()
            both("one removed")
            for laptop in laptops:
                laptop.close()
    return results


def edit(source: Path, numbers: range | list[int]) -> None:
    for number in numbers:
        doc = source / f"doc-{number:05d}.md"
        doc.write_text(doc.read_text() + "\nOne more sentence.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()
    print(
        "| resources | what | requests, whole / in parts | bytes, whole"
        " | bytes, in parts | of which objects | in parts / whole | target |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for count in (int(n) for n in args.sizes.split(",")):
        results = measure(count, Path(tempfile.mkdtemp(prefix="wire-")))
        for what in SCENARIOS:
            parts, whole = results[what]
            target = ""
            if what not in ("first sync", "no change"):
                limit = 2 * parts.objects + 16 * 1024
                target = f"{limit:,} ({'met' if parts.total <= limit else 'missed'})"
            print(
                f"| {count:,} | {what} | {whole.requests} / {parts.requests} | {whole.total:,}"
                f" | {parts.total:,} | {parts.objects:,} | {parts.total / whole.total:.3f}"
                f" | {target} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
