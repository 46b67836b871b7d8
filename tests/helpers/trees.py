"""Snapshots of folders, to prove an operation left them exactly as they were."""

import hashlib
from pathlib import Path

#: Beside the library, not in it: the record of the last sync attempt (a failed sync writes it).
OUTSIDE = {"last-sync-attempt.json"}


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file below ``root`` (the attempt record aside)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() not in OUTSIDE
    }
