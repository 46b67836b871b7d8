"""The endurance run's catalog and sync server, in a process of their own.

    python -m benchmarks.endurance_fixture WORKDIR

Builds a small real source tree, publishes it into ``WORKDIR/published`` with a new signing
key, serves it on 127.0.0.1 through a connection that barely moves (so a sync started during
the run is still under way when it is cancelled), prints one line of JSON (the server's
address and the key pair's paths) and serves until its standard input closes.

Why a process of its own: publishing loads what the window never does (the document readers,
the spreadsheet and XForm libraries, pytest and the test document makers: about 100 MB
resident), and a server in the window's process would allocate beside it. The window's
process then holds what the program holds, and its resident memory is the program's.
"""

import json
import os
import sys
from pathlib import Path

from resources_index.catalog.signing import generate_keypair
from resources_index.publish.publisher import publish
from tests.helpers.served import CrawlingHandler, running
from tests.helpers.source_tree import build_source

#: A video that takes the crawl about seven minutes: a cancelled sync keeps what it fetched and
#: the next resumes from there, and 2,000 rounds start 40 syncs of a few seconds each (with
#: 3 MB, the 39th found the file complete and ended before it could be cancelled).
VIDEO_BYTES = 8 * 1024 * 1024


def main() -> None:
    work = Path(sys.argv[1])
    source = build_source(work / "source")
    (source / "workshop-recording.mp4").write_bytes(os.urandom(VIDEO_BYTES))
    private, public = generate_keypair(work / "keys")
    publish(source, work / "published", private, catalog_id="bench")
    with running(work / "published", handler=CrawlingHandler) as server:
        ready = {"url": server.url, "private": str(private), "public": str(public)}
        print(json.dumps(ready), flush=True)
        sys.stdin.read()  # until the run closes the pipe (or ends)


if __name__ == "__main__":
    main()
