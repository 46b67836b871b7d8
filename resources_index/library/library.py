"""The local library: the current verified catalog, its objects, and how new catalogs enter.

``Library`` is one object for callers, assembled from one class per concern: ``folder.py``
(opening, the installed catalog, keys), ``installing.py`` (checks, copies, the commit),
``starter.py``, ``reporting.py`` (status, verify) and ``copies.py`` (files handed out).
"""

import logging
import os
from pathlib import Path

from resources_index.errors import ResourcesError
from resources_index.library.copies import Copies
from resources_index.library.folder import CATALOG_FILE
from resources_index.library.installing import Candidate, InstallReport
from resources_index.library.reporting import Problem, Reporting
from resources_index.library.starter import Starter

__all__ = [
    "CATALOG_FILE",
    "Candidate",
    "InstallReport",
    "Library",
    "Problem",
    "fill_library",
    "open_library",
]

log = logging.getLogger(__name__)


class Library(Starter, Copies, Reporting):
    """One library folder. Cheap to create; state is opened on first use."""


def open_library(root: Path) -> Library:
    """Open (creating if needed) the library at ``root`` and fill it if it is empty (see
    ``fill_library``)."""
    library = Library(root)
    fill_library(library)
    return library


def fill_library(library: Library) -> None:
    """Fill an empty library from the policy's pre-seed bundle (a share or a USB drive:
    verified like any import, no network), else from the packaged starter catalog. A library
    holding a catalog is left as it is."""
    if not library.has_catalog() and library.policy.preseed_bundle:
        bundle = Path(os.path.expandvars(library.policy.preseed_bundle)).expanduser()
        try:
            report = library.import_bundle(bundle)
            log.info("library pre-seeded from %s: %s", bundle, report.summary())
        except ResourcesError as exc:
            log.warning("pre-seeding from %s failed: %s", bundle, exc)
    library.ensure_starter()
