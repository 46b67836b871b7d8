"""The content-addressed object store: every file kept once, under its SHA-256.

Objects enter only through ``add_stream``, which hashes while copying into a temporary file and
renames it into place only when size and hash match what the catalog declared.
"""

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from resources_index.errors import ObjectError
from resources_index.util.fsutil import (
    copy_hashing,
    discard_file,
    fsync_dir,
    give_ordinary_mode,
    replace_file,
    sha256_file,
)


def object_relpath(sha256: str) -> str:
    """Where an object lives below a store or a published catalog: ``objects/ab/abcdef...``."""
    return f"objects/{sha256[:2]}/{sha256}"


class ObjectStore:
    """Objects below ``root/objects`` with a scratch folder ``root/tmp`` on the same disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects_dir = root / "objects"
        self.tmp_dir = root / "tmp"

    def path(self, sha256: str) -> Path:
        return self.root / object_relpath(sha256)

    def has(self, sha256: str, size: int) -> bool:
        """True when the object is present with the expected size (the hash is not re-read)."""
        try:
            return self.path(sha256).stat().st_size == size
        except OSError:
            return False

    def add_stream(
        self,
        source: BinaryIO,
        sha256: str,
        size: int,
        name: str,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Copy ``source`` into the store, verifying it is exactly ``size`` bytes of ``sha256``."""
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix="obj.", suffix=".part", dir=self.tmp_dir)
        give_ordinary_mode(fd)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                digest, total = copy_hashing(source, handle, limit=size, progress=progress)
                handle.flush()
                os.fsync(handle.fileno())
            if total != size:
                raise ObjectError(
                    "object.larger" if total > size else "object.smaller",
                    name=name,
                    size=total,
                    declared=size,
                )
            if digest != sha256:
                raise ObjectError("object.hash_mismatch", name=name)
            self.install_verified(tmp, sha256)
        finally:
            discard_file(tmp)

    def install_verified(self, tmp: Path, sha256: str) -> None:
        """Move a file already checked against ``sha256`` into its place in the store."""
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(tmp, target)  # Windows: waits for a scanner or a player to let go of it
        fsync_dir(target.parent)

    def check(self, sha256: str, size: int) -> str | None:
        """Re-hash one object: None when sound, else ``"missing"``, ``"size"`` or ``"hash"``."""
        path = self.path(sha256)
        if not path.exists():
            return "missing"
        digest, total = sha256_file(path)
        if total != size:
            return "size"
        return None if digest == sha256 else "hash"

    def stored(self) -> Iterator[Path]:
        if self.objects_dir.exists():
            yield from (p for p in self.objects_dir.glob("??/*") if p.is_file())

    def remove_unreferenced(self, keep: Iterable[str]) -> int:
        """Delete objects not in ``keep`` and stale scratch files; return how many were removed."""
        wanted = set(keep)
        removed = 0
        for path in list(self.stored()):
            # One held open (a video playing on Windows) stays until the next clean-up.
            if path.name not in wanted and discard_file(path):
                removed += 1
        if self.tmp_dir.exists():
            for path in self.tmp_dir.glob("obj.*.part"):
                discard_file(path)
        return removed

    def remove_partials(self) -> None:
        """Delete every half-downloaded and half-copied file (a sync that failed for want of
        space must not leave the disk full)."""
        for folder, pattern in ((self.root / "partial", "*"), (self.tmp_dir, "obj.*.part")):
            if folder.exists():
                for path in folder.glob(pattern):
                    discard_file(path)

    def bytes_used(self) -> int:
        return sum(p.stat().st_size for p in self.stored())
