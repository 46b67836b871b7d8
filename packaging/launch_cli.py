"""Entry point of the built ``sop-resources`` executable."""

import sys

from resources_index.cli import main

sys.exit(main())
