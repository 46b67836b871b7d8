"""Entry point of the built ``sop-desktop`` executable."""

import sys

from sop_desktop.__main__ import main

sys.exit(main())
