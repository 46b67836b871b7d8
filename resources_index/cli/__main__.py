"""``python -m resources_index.cli.main``: the command line."""

import sys

from resources_index.cli.main import main

sys.exit(main())
