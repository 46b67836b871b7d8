"""Snapshots of folders, to prove an operation left them exactly as they were."""

import hashlib
from pathlib import Path


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file below ``root``."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
