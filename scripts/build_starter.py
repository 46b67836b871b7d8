"""Publish ``assets/starter/source`` into the package as the signed starter catalog.

The starter's private key lives in ``assets/starter/starter.key`` so anyone can rebuild it; the
program therefore trusts that key only for the copy inside the package (see trust.py).
"""

import shutil
import sys
from pathlib import Path

from resources_index.catalog.signing import generate_keypair
from resources_index.config import paths
from resources_index.library.starter import STARTER_NOTICE
from resources_index.publish.publisher import publish

ROOT = Path(__file__).resolve().parents[1]
STARTER = ROOT / "assets" / "starter"
SHIPPED = ROOT / "resources_index" / "data" / "starter"
TEN_YEARS = 3650


def main() -> int:
    key = STARTER / "starter.key"
    if not key.exists():
        private, public = generate_keypair(STARTER)
        private.rename(key)
        public.rename(STARTER / "starter.pub")
    public_key = SHIPPED / "starter.pub"
    # publish() swaps its output folder whole: keep the public key out of it while it runs.
    report = publish(
        STARTER / "source",
        SHIPPED,
        key,
        catalog_id=paths.STARTER_CATALOG_ID,
        expires_days=TEN_YEARS,
        boilerplate=tuple(STARTER_NOTICE.values()),  # on every page; not what a search is for
    )
    shutil.copyfile(STARTER / "starter.pub", public_key)
    for line in report.warnings + report.errors:
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
