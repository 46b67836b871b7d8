"""``sop-resources``: the command line over the core, one subcommand per job.

Every subcommand exits 0 on success and non-zero with one plain sentence on failure, so county
IT scripts can rely on it. ``--data-dir`` (or ``$SOP_DESKTOP_DATA``) chooses the library.
"""

import logging
import sys
from collections.abc import Sequence

from resources_index.cli.common import EXIT_FAILED, describe
from resources_index.cli.parser import build_parser
from resources_index.config import paths
from resources_index.errors import ResourcesError
from resources_index.library.lock import exclusive
from resources_index.support import logs

WRITERS = ("sync", "offline", "import-bundle")  # they take the library's lock


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.setup(f"sop-resources {args.command}")
    logging.getLogger("resources_index").info("library folder %s", paths.data_dir(args.data_dir))
    try:
        if args.command in WRITERS:
            with exclusive(paths.data_dir(args.data_dir), args.wait):
                return int(args.func(args))
        return int(args.func(args))
    except (ResourcesError, OSError) as exc:
        logging.getLogger("resources_index").warning("%s failed: %s", args.command, exc)
        print(f"sop-resources: {describe(exc, args.command)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("sop-resources: interrupted; nothing was changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
