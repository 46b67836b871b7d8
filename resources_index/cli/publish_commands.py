"""Subcommands of the content team: publish a folder, make a signing key."""

import argparse
import sys
from pathlib import Path

from resources_index.catalog.signing import generate_keypair
from resources_index.cli.common import EXIT_OK, EXIT_PROBLEMS
from resources_index.util.shown import printable


def cmd_publish(args: argparse.Namespace) -> int:
    from resources_index.publish.publisher import publish

    kwargs = {}
    if args.max_file_size is not None:
        kwargs["max_file_bytes"] = args.max_file_size
    report = publish(
        Path(args.source),
        Path(args.out),
        Path(args.key),
        catalog_id=args.catalog_id,
        expires_days=args.expires_days,
        search_index=not args.no_search_index,
        libreoffice=args.libreoffice,
        renditions=not args.no_renditions,
        **kwargs,
    )
    # A file's name may hold a newline or an escape code: each line stays one line, uncoloured.
    for warning in report.warnings:
        print(f"warning: {printable(warning)}", file=sys.stderr)
    for error in report.errors:
        print(f"skipped: {printable(error)}", file=sys.stderr)
    if report.refused:
        print(printable(report.refused), file=sys.stderr)
        return EXIT_PROBLEMS
    print(report.summary())
    if report.errors:
        print(f"{len(report.errors)} files were skipped; see the lines above.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_keygen(args: argparse.Namespace) -> int:
    private, public = generate_keypair(Path(args.dir))
    print(f"Wrote {private} (keep it secret) and {public} (give it to the libraries).")
    return EXIT_OK
