"""Entry point of ``sop-desktop``."""

import argparse
import sys
import time
from collections.abc import Sequence

from resources_index import __version__
from resources_index.config import paths

STARTED = time.perf_counter()  # as early as possible: the start-up probe measures from here


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sop-desktop", description="Browse SOP resources.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"the library folder (default: ${paths.DATA_ENV}, else the user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "es"),
        help="the interface language for this run: en (English) or es (Spanish)"
        " (default: the one chosen in Settings, else the system's)",
    )
    parser.add_argument("--startup-probe", metavar="QUERY", help=argparse.SUPPRESS)
    known, _qt_args = parser.parse_known_args(argv)
    return known


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from sop_desktop.allocator import limit_arenas

    limit_arenas()  # before Qt and the search start their threads
    from sop_desktop.app import run

    return run(paths.data_dir(args.data_dir), args.startup_probe, STARTED, args.lang)


if __name__ == "__main__":
    sys.exit(main())
