"""The starter catalog shipped with the program: installed into an empty library, and brought
up to date when the program is updated (unless the library has moved on to a real catalog)."""

import hashlib
import logging

from resources_index.config import paths
from resources_index.errors import ResourcesError
from resources_index.library.folder import CATALOG_FILE, LibraryFolder
from resources_index.library.installing import Installer, InstallReport

log = logging.getLogger(__name__)

#: What every starter document says of itself, in each language (its pages and its metadata):
#: the starter is sample content, published by no agency (scripts/make_starter_sources.py).
STARTER_NOTICE = {
    "en": (
        "Sample content written for SOP Desktop, not produced or endorsed by CDSS, CalSWEC or"
        " the Regional Training Academies."
    ),
    "es": (
        "Contenido de muestra escrito para SOP Desktop, no producido ni respaldado por el CDSS,"
        " CalSWEC ni las Academias Regionales de Capacitación."
    ),
}
#: The Author of every starter document's own metadata.
STARTER_AUTHOR = "SOP Desktop (sample content)"
#: The publisher key of every starter resource and instrument (the vocabulary's "SOP Desktop
#: sample content"): what a print or a form knows the starter's content by, wherever it is.
STARTER_PUBLISHER = "sop_desktop_sample"


def sample_notice(publisher: str, language: str | None) -> str:
    """The notice to show with what ``publisher`` published, in ``language`` (English when the
    notice has no such language): empty unless it is the starter's sample content."""
    if publisher != STARTER_PUBLISHER:
        return ""
    return STARTER_NOTICE.get(language or "en", STARTER_NOTICE["en"])


class StarterCatalog:
    """The packaged starter catalog in one library folder, installed by its installer. What
    it remembers (a starter passed over) is in the folder's state database."""

    def __init__(self, folder: LibraryFolder, installer: Installer) -> None:
        self.folder = folder
        self.installer = installer

    def ensure(self) -> bool:
        """Install the packaged starter catalog into an empty library; True when it did."""
        if self.folder.has_catalog():
            return False
        self.installer.import_bundle(paths.starter_catalog_dir())
        return True

    def outdated(self) -> bool:
        """True when the library holds nothing but the starter catalog and this program ships
        a different one (the program was updated): ``refresh`` brings it in. Cheap: one
        hash of the packaged catalog.json, no parsing."""
        if self.folder.state.get("current_catalog_id") != paths.STARTER_CATALOG_ID:
            return False
        sha = _packaged_starter_sha()
        return sha is not None and sha not in (
            self.folder.state.get("current_sha256"),
            self.folder.state.get("starter_passed_over"),
        )

    def refresh(self) -> InstallReport | None:
        """Install the packaged starter over an older starter (new resources, curated kits);
        the user's favorites, history and kits stay, as after any import. A packaged starter
        older than the installed one (a program put back to an earlier version) is passed
        over once and for all. None when nothing was installed."""
        if not self.outdated():
            return None
        try:
            report = self.installer.import_bundle(paths.starter_catalog_dir())
        except ResourcesError as exc:
            self.folder.state.set_many({"starter_passed_over": _packaged_starter_sha() or ""})
            log.warning("the packaged starter catalog was not installed: %s", exc)
            return None
        log.info("starter catalog updated: %s", report.summary())
        return report


def _packaged_starter_sha() -> str | None:
    """SHA-256 of the starter catalog.json shipped with this program (None if unreadable)."""
    try:
        return hashlib.sha256((paths.starter_catalog_dir() / CATALOG_FILE).read_bytes()).hexdigest()
    except OSError:
        return None
