"""A content team's folder as publishing reads it: main files, their captions and thumbnails,
the spreadsheet's metadata, and every warning or error about them in plain sentences."""

import re
from collections.abc import Sequence
from pathlib import Path

from resources_index.catalog import limits, vocabulary
from resources_index.catalog.records import FileEntry
from resources_index.errors import PublishError
from resources_index.publish.inference import IMAGE_SUFFIXES
from resources_index.publish.instrument_forms import is_instrument_file
from resources_index.publish.metadata import CSV_NAME, SIDECAR_SUFFIX, Metadata, read_csv
from resources_index.util.fsutil import sha256_file

KITS_DIR = "kits"  # SOURCE/kits/*.yaml: curated session kits
TERMS_NAME = "terms.csv"  # SOURCE/terms.csv: English and Spanish search terms
REPORT_TERMS_NAME = "report-terms.txt"  # SOURCE/report-terms.txt: search terms to count
#: Bidirectional and invisible format characters: a name holding one shows other than it is
#: ("cv\u202etxt.exe" reads "cvexe.txt"), so publishing renames it as it does a line break.
_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


class SourceFolder:
    """The folder being published; files are hashed once however often they are asked for."""

    def __init__(self, source: Path, max_file_bytes: int, boilerplate: Sequence[str] = ()) -> None:
        self.source = source
        self.max_file_bytes = max_file_bytes
        self.boilerplate = tuple(boilerplate)  # left out of the text objects (build_resource)
        self.warnings: list[str] = []
        self.errors: list[str] = []
        self.hashes: dict[Path, tuple[str, int]] = {}

    def hash(self, path: Path) -> tuple[str, int]:
        if path not in self.hashes:
            self.hashes[path] = sha256_file(path)
        return self.hashes[path]

    def entry(self, role: str, path: Path, language: str | None = None) -> FileEntry:
        sha, size = self.hash(path)
        media_type = limits.MEDIA_TYPES[path.suffix.lower()]
        return FileEntry(role, self.published_name(path), sha, size, media_type, language)

    def published_name(self, path: Path) -> str:
        """The name laptops see: the file's own, or one they can store, with a warning (the
        client's own rule decides, so a catalog is never refused for a name)."""
        name = limits.safe_name(_BIDI.sub("_", path.name))
        if name is None:
            raise PublishError("publish.unusable_name", file=self.rel(path), name=path.name)
        if name != path.name:
            bidi = _BIDI.search(path.name)
            reason = (
                f"it contains {bidi.group(0)!r}, a character that reorders or hides text"
                if bidi
                else limits.unsafe_name_reason(path.name)
            )
            self.warnings.append(
                f"{self.rel(path)}: laptops cannot store a file named {path.name!r}"
                f" ({reason}); published as {name!r}."
            )
        return name

    def vocab(self, rel: str, values: list[str], vocab: dict[str, str], what: str) -> list[str]:
        result = []
        for value in values:
            matched = vocabulary.match(value, vocab)
            if not matched.known:
                self.warnings.append(f"{rel}: {what} {value!r} is not in the known list; kept.")
            if matched.value not in result:
                result.append(matched.value)
        return result

    def scan(self) -> tuple[list[Path], dict[Path, Metadata]]:
        """Main files in a stable order, and the spreadsheet's metadata by file."""
        meta: dict[Path, Metadata] = {}
        csv_path = self.source / CSV_NAME
        if csv_path.exists():
            rows, warnings = read_csv(csv_path)
            self.warnings += warnings
            for name, row in rows.items():
                path = self.source / name
                if not path.resolve().is_relative_to(self.source) or not path.is_file():
                    self.errors.append(f"{CSV_NAME}: {name} is listed but there is no such file.")
                    continue
                meta[path] = row
        files = []
        for path in sorted(self.source.rglob("*")):
            rel = path.relative_to(self.source)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            if not path.resolve().is_relative_to(self.source):
                self.errors.append(
                    f"{rel.as_posix()}: a link to a file outside {self.source}; publishing never"
                    " reads outside its folder, so it was skipped."
                )
                continue
            if path.name.endswith(SIDECAR_SUFFIX) or path in (
                csv_path,
                self.source / TERMS_NAME,
                self.source / REPORT_TERMS_NAME,
            ):
                continue
            if rel.parts[0] == KITS_DIR and path.suffix.lower() in (".yaml", ".yml"):
                continue  # curated kits, read by kits()
            if is_instrument_file(rel):
                continue  # instruments and their sidecars, read by instrument_forms
            files.append(path)
        return files, meta

    def attachments(self, files: list[Path]) -> tuple[list[Path], dict[Path, list[Path]]]:
        """Split files into main files and their captions and thumbnails (same name stem)."""
        by_stem: dict[tuple[Path, str], Path] = {}
        for path in files:
            if path.suffix.lower() not in {".vtt", *IMAGE_SUFFIXES}:
                by_stem.setdefault((path.parent, path.stem.lower()), path)
        mains: list[Path] = []
        attached: dict[Path, list[Path]] = {}
        for path in files:
            suffix = path.suffix.lower()
            if suffix not in limits.MEDIA_TYPES:
                self.warnings.append(
                    f"{self.rel(path)}: not a kind of file catalogs carry; skipped."
                )
                continue
            if suffix == ".vtt" or suffix in IMAGE_SUFFIXES:
                stem = path.stem.lower()
                owner = by_stem.get((path.parent, stem))
                if owner is None and suffix == ".vtt" and "." in stem:
                    owner = by_stem.get((path.parent, stem.rsplit(".", 1)[0]))
                if owner is not None:
                    attached.setdefault(owner, []).append(path)
                    continue
                if suffix == ".vtt":
                    self.warnings.append(
                        f"{self.rel(path)}: captions with no video beside; skipped."
                    )
                    continue
            mains.append(path)
        return mains, attached

    def rel(self, path: Path) -> str:
        return path.relative_to(self.source).as_posix()
