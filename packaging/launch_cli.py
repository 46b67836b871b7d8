"""Entry point of the built ``sop-resources`` executable."""

import sys

from resources_index.cli.main import main

sys.exit(main())
