"""PDF renditions of office documents, made with LibreOffice at publish time.

Many county laptops have no Office program: a Word or PowerPoint file is a dead end there. The
publisher's machine renders each DOCX, PPTX, ODT and ODP to PDF once (LibreOffice headless, in
a private profile so a LibreOffice the publisher has open is not disturbed), and the catalog
signs the PDF beside the original; laptops show, search and print the PDF and still save the
original. Without LibreOffice the original is published alone, with one warning.

LibreOffice writes a new PDF each time (it stamps dates and ids into it), so a rendition is
made only for a document that changed: an unchanged one keeps the one kept in the publisher's
rendition cache, and laptops do not download it again. The cache is keyed by the document's
SHA-256 *and* the version of LibreOffice's confinement (``CONFINEMENT_VERSION``): a rendition
made by a less confined LibreOffice (one that may have fetched a linked picture, or embedded
a file of the publisher's machine) is never reused, neither from the cache nor from the
previous catalog, which says nothing of how its renditions were made; it is made again.
"""

import contextlib
import shutil
import subprocess
from pathlib import Path

from resources_index.catalog import limits
from resources_index.catalog.records import FileEntry
from resources_index.documents.extract import ExtractError
from resources_index.publish.office_package import copy_without_links
from resources_index.publish.soffice_sandbox import (
    CONFINEMENT_VERSION,
    isolation,
    run_contained,
    write_profile,
)
from resources_index.util.fsutil import (
    remove_tree,
    remove_tree_checked,
    sha256_file,
    write_atomic,
)
from resources_index.util.shown import printable

#: Where publishing looks for LibreOffice when it is not named: the names Debian, Windows
#: and macOS installs put on the PATH or in their usual places.
PROGRAM_NAMES = ("soffice", "libreoffice")
USUAL_PLACES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
#: Seconds one document may take; a document that takes longer is published without.
RENDER_TIMEOUT = 300


def cached_rendition(cache: Path, sha256: str) -> Path:
    """Where the rendition cache ``cache`` keeps the rendition of the document ``sha256``
    made by this version of the confinement (older ones are in other folders, never read)."""
    return cache / f"confined-{CONFINEMENT_VERSION}" / f"{sha256}.pdf"


def find_libreoffice(named: str | None = None) -> Path | None:
    """The LibreOffice program named (a path or a program name), else the one found on this
    machine, else None."""
    if named:
        found = shutil.which(named)
        return Path(found) if found else None
    for name in PROGRAM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((place for place in USUAL_PLACES if place.is_file()), None)


class Renderer:
    """Makes (or reuses) the PDF rendition of each office document of one publishing run."""

    def __init__(
        self,
        program: Path | None,
        scratch: Path,
        out: Path,
        cache: Path | None = None,
    ) -> None:
        self.program = program
        self.scratch = scratch
        self.out = out
        self.cache = cache
        self.failed: list[str] = []  # sentences for the publish report
        self.left_without: list[str] = []  # documents published without (no LibreOffice)

    def rendition(
        self, path: Path, sha256: str, published_name: str
    ) -> tuple[FileEntry, Path] | None:
        """The rendition of the document at ``path`` (content ``sha256``) and the file that
        holds it, or None when it cannot be made (the reason is kept for the report)."""
        if path.suffix.lower() not in limits.RENDERED_SUFFIXES:
            return None
        name = f"{Path(published_name).stem}.pdf"
        cached = cached_rendition(self.cache, sha256) if self.cache else None
        if cached is not None and cached.is_file() and cached.stat().st_size:
            made: Path | None = cached
        elif self.program is None:
            self.left_without.append(path.name)
            return None
        else:
            made = self._render(path, sha256)
            if made is None:
                return None
            if cached is not None:
                with contextlib.suppress(OSError):  # a cache: failing to keep costs only time
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(cached, made.read_bytes())
        assert made is not None
        sha, size = sha256_file(made)
        return FileEntry("rendition", name, sha, size, limits.PDF_MEDIA_TYPE), made

    def _render(self, path: Path, sha256: str) -> Path | None:
        outdir = self.scratch / sha256[:32]
        remove_tree_checked(outdir)
        outdir.mkdir(parents=True)
        # The document goes in under a plain name: LibreOffice names its PDF after it, and
        # some names (leading dashes, odd characters) confuse its command line. The copy has
        # no link to anything outside it (office_package.py).
        plain = outdir / f"document{path.suffix.lower()}"
        try:
            copy_without_links(path, plain)
        except ExtractError as exc:
            remove_tree(outdir)
            self.failed.append(f"{printable(str(exc))} Published without a PDF copy.")
            return None
        assert self.program is not None
        profile = self.scratch / "profile"
        write_profile(profile)
        command = [
            *isolation(),
            str(self.program),
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(plain),
        ]
        name = printable(path.name)
        try:
            returncode, stderr = run_contained(command, self.scratch, RENDER_TIMEOUT)
        except subprocess.TimeoutExpired:
            remove_tree(outdir)
            self.failed.append(
                f"{name}: LibreOffice took longer than {RENDER_TIMEOUT} seconds; published"
                " without a PDF copy."
            )
            return None
        except OSError as exc:
            remove_tree(outdir)
            self.failed.append(f"{name}: LibreOffice could not be started ({exc}).")
            return None
        made = outdir / "document.pdf"
        if returncode != 0 or not made.is_file() or made.stat().st_size == 0:
            reason = stderr.decode(errors="replace").strip().splitlines()
            self.failed.append(
                f"{name}: LibreOffice could not make a PDF copy"
                f"{f' ({printable(reason[-1][:300])})' if reason else ''}; published without one."
            )
            remove_tree(outdir)
            return None
        return made

    def warnings(self) -> list[str]:
        """What the publish report says about renditions, in plain sentences."""
        sentences = list(self.failed)
        if self.left_without:
            count = len(self.left_without)
            sentences.append(
                f"LibreOffice was not found, so {count} Word, PowerPoint or OpenDocument"
                f" file{'s are' if count != 1 else ' is'} published without a PDF copy"
                f" (first: {printable(self.left_without[0])}): laptops without an office"
                " program cannot open them. Install LibreOffice (Debian:"
                " libreoffice-writer-nogui and libreoffice-impress-nogui) or name it with"
                " --libreoffice, then publish again."
            )
        return sentences
