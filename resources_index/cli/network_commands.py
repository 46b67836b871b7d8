"""Subcommands that reach other machines: sync from a server, serve to laptops, doctor."""

import argparse
from pathlib import Path

from resources_index.catalog.signing import load_public_key
from resources_index.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    human_bytes,
    opened_library,
    server_url,
    sync_progress,
)
from resources_index.config import paths
from resources_index.library.library import Library


def cmd_sync(args: argparse.Namespace) -> int:
    from resources_index.sync.syncer import sync

    library = opened_library(args)
    url = server_url(args, library)
    extra = [load_public_key(Path(p)) for p in args.trust or []]
    report = sync(library, url, extra, fetch_all=args.all, progress=sync_progress("Syncing"))
    print(report.summary(), flush=True)  # said before the usage reports, whatever they do
    from resources_index.errors import say_in_english
    from resources_index.reports import delivery

    # The usage reports the sync started, within their deadline: their own line, never the
    # sync's outcome (the command succeeds whatever they do; they wait for the next sync).
    for outcome in delivery.finish():
        if outcome.problem is not None:
            print(say_in_english(outcome.problem), flush=True)
        elif outcome.attempted:
            print(
                f"Usage reports: {len(outcome.sent)} delivered, {outcome.waiting} waiting.",
                flush=True,
            )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from resources_index.sync.serve import make_server

    library = opened_library(args)
    status = library.status()
    server = make_server(library.root, args.bind, args.port)
    everywhere = args.bind in ("0.0.0.0", "::", "")
    where = (
        f"port {server.server_address[1]} on every network of this laptop"
        if everywhere
        else f"only on {args.bind}"
    )
    print(
        f"Serving catalog version {status['version']} ({status['resources']} resources) at"
        f" {server.url} ({where})."
    )
    if status["not_downloaded"]:
        print(
            f"{status['not_downloaded']} large files are not on this laptop; laptops syncing"
            " from here will fetch them later. Run 'sop-resources sync --all' first to serve"
            " everything."
        )
    if everywhere:
        print("Other laptops: sop-resources sync http://THIS-LAPTOP:PORT/  (Ctrl+C stops)")
    else:
        print(f"Laptops that reach {args.bind}: sop-resources sync {server.url}  (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    counters = server.counters
    print(f"Stopped after {counters.requests} requests, {human_bytes(counters.bytes_sent)} sent.")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from resources_index.support import doctor

    library = Library(paths.data_dir(args.data_dir))  # as it is: never seeded by the doctor
    problems = 0
    for check in doctor.run(library, offline=args.offline):
        print(check.line())
        problems += not check.ok
    if problems:
        print(f"{problems} problems found; see the lines marked PROBLEM.")
        return EXIT_PROBLEMS
    print("Everything checked is in order.")
    return EXIT_OK
