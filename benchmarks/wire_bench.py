"""Bytes on the wire: what a sync moves through a real nginx, with and without compression.

    python -m benchmarks.wire_bench [--sizes 1000,5000]

For each size a synthetic folder of Markdown documents is published into a folder served by
nginx with the site block of ``docs/hosting.md`` (``gzip on`` for ``catalog.json``), and, as the
baseline in the same run, by the same site with ``gzip off``. A laptop syncs once, then measures
what nginx's access log says it sent: a sync when nothing changed (one conditional request),
and a sync after one document was edited (the catalog and that document's objects).
"""

import argparse
import tempfile
from pathlib import Path

from benchmarks.sync_bench import write_source
from resources_index.catalog.signing import generate_keypair, load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.syncer import sync
from tests.helpers.nginx import Nginx, running_nginx, world_readable_folder


def sent_since(server: Nginx, mark: int) -> tuple[int, int]:
    """(requests, bytes sent with their headers) since log line ``mark``."""
    lines = server.log()[mark:]
    return len(lines), sum(line.bytes_sent for line in lines)


def measure(count: int, gzip: bool, work: Path) -> dict[str, tuple[int, int]]:
    source = work / "source"
    source.mkdir(parents=True)
    write_source(source, count, videos=0)
    private, public = generate_keypair(work / "keys")
    with world_readable_folder() as www:
        out = www / "sop"
        publish(source, out, private, catalog_id="bench")
        with running_nginx(out, work / "nginx", gzip=gzip) as server:
            laptop = Library(work / "laptop")
            mark = len(server.log())
            sync(laptop, server.url, [load_public_key(public)])
            first = sent_since(server, mark)
            catalog = next(
                line for line in server.log()[mark:] if line.path.endswith("catalog.json")
            )
            mark = len(server.log())
            assert sync(laptop, server.url).not_modified
            no_change = sent_since(server, mark)
            doc = source / "doc-00007.md"
            doc.write_text(doc.read_text() + "\nOne more sentence.\n")
            publish(source, out, private, catalog_id="bench")
            mark = len(server.log())
            sync(laptop, server.url)
            edited = sent_since(server, mark)
            laptop.close()
    return {
        "catalog.json": (1, catalog.bytes_sent),
        "first sync": first,
        "no change": no_change,
        "one document edited": edited,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args()
    print("| resources | what | requests | bytes sent, gzip off | bytes sent, gzip on | ratio |")
    print("|---|---|---|---|---|---|")
    for count in (int(n) for n in args.sizes.split(",")):
        plain = measure(count, False, Path(tempfile.mkdtemp(prefix="wire-plain-")))
        packed = measure(count, True, Path(tempfile.mkdtemp(prefix="wire-gzip-")))
        for what in plain:
            requests, off = plain[what]
            on = packed[what][1]
            print(f"| {count:,} | {what} | {requests} | {off:,} | {on:,} | {on / off:.2f} |")


if __name__ == "__main__":
    main()
