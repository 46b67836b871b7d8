"""Named copies of library files for other programs, removed once unused or unlisted."""

import time
from pathlib import Path, PurePosixPath

from resources_index.catalog.model import Manifest

OPEN_DIR = "open"  # named copies for the system's programs (see ``FileCopies.named_copy``)
OPEN_COPY_DAYS = 14
#: The longest file name a copy gets (a catalog allows 255 characters): the library folder,
#: ``open\<16 hex>\``, the name and the writer's ``.NAME.xxxxxxxx.part`` beside it stay
#: inside Windows' 260 characters under a typical %LOCALAPPDATA% (``docs/windows.md``).
OPEN_NAME_CHARS = 100


def open_copy_path(root: Path, name: str, sha256: str) -> Path:
    """Where the copy of the file ``name`` (a catalog name) with ``sha256`` is opened from:
    its last part, shortened to ``OPEN_NAME_CHARS`` with its extension kept."""
    leaf = PurePosixPath(name).name
    if len(leaf) > OPEN_NAME_CHARS:
        suffix = PurePosixPath(leaf).suffix
        suffix = suffix if len(suffix) <= 16 else ""
        leaf = leaf[: OPEN_NAME_CHARS - len(suffix)].rstrip(" .") + suffix
    return root / OPEN_DIR / sha256[:16] / leaf


def prune_open_copies(
    root: Path, manifest: Manifest | None, max_age_days: float = OPEN_COPY_DAYS
) -> int:
    """Remove the copies ``named_copy`` made that were not opened for ``max_age_days``, or
    whose file ``manifest`` no longer lists; return how many. A copy still open in another
    program (Windows refuses to delete it) is left for next time."""
    folder = root / OPEN_DIR
    if not folder.is_dir():
        return 0
    listed = {e.sha256[:16] for e in manifest.objects()} if manifest else set()
    oldest = time.time() - max_age_days * 86_400
    removed = 0
    for holder in folder.iterdir():
        try:
            copies = list(holder.iterdir()) if holder.is_dir() else [holder]
            stale = holder.name not in listed or all(c.stat().st_mtime < oldest for c in copies)
            if not stale:
                continue
            for copy in copies:
                copy.chmod(0o644)
                copy.unlink()
            if holder.is_dir():
                holder.rmdir()
            removed += 1
        except OSError:
            continue
    return removed
