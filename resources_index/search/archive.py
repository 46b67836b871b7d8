"""The search index as a catalog file: a flat, reproducible tar, and its careful extraction."""

import shutil
import tarfile
from pathlib import Path
from typing import Any

from resources_index.errors import IndexArchiveError, reason_of
from resources_index.util import safe_json

STAMP_FILE = "indexed.json"


def pack(folder: Path, target: Path) -> None:
    """Write an index folder as a flat, reproducible tar (the catalog's ``search_index``)."""
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name != STAMP_FILE and "LOCK" not in path.name:
                info = archive.gettarinfo(str(path), arcname=path.name)
                info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
                with path.open("rb") as handle:
                    archive.addfile(info, handle)


def unpack(archive: Path, folder: Path) -> None:
    """Extract a shipped index: regular files with plain names only, nothing else."""
    try:
        with tarfile.open(archive, "r:") as tar:
            for member in tar.getmembers():
                name = member.name
                if not member.isfile() or "/" in name or "\\" in name or name in ("", ".", ".."):
                    raise IndexArchiveError("index.unexpected_entry", name=name)
                source = tar.extractfile(member)
                assert source is not None
                with source, (folder / name).open("wb") as target:
                    shutil.copyfileobj(source, target, 1024 * 1024)
    except tarfile.TarError as exc:
        raise IndexArchiveError("index.unreadable", reason=reason_of(exc)) from exc


def read_stamp(folder: Path) -> dict[str, Any]:
    """The index's stamp in ``folder`` (empty when there is none or it is not one): read
    within bounds, a regular file only, so a FIFO or a device in its place is never waited
    on, and what is not a stamp makes the index be built again."""
    try:
        stamp = safe_json.read_file(folder / STAMP_FILE, safe_json.MAX_SMALL_FILE_BYTES)
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}
