"""Reading the counts file without writing anything, for a library on a full or read-only
disk: what ``report show`` and "Show what is shared" still show there."""

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: A write-ahead log shorter than its header holds no page: the database file is whole.
WAL_HEADER_BYTES = 32


def read_counts(path: Path, period: str, busy_seconds: float) -> tuple[str, str, list[Any]] | None:
    """``period``'s laptop token, report id (empty when not yet made) and rows of counts,
    read from ``path`` without a lock or a write; None when they cannot be read so."""
    # Read-only still needs SQLite's shared-memory file beside a WAL database, which a full
    # or read-only disk cannot make: with no log under way, or on a folder nobody can write
    # (so nobody changes the file meanwhile), the file is read as it stands.
    wal = path.with_name(path.name + "-wal")
    try:
        whole = wal.stat().st_size < WAL_HEADER_BYTES
    except OSError:
        whole = not wal.exists()
    tries = ["mode=ro"]
    if whole or not os.access(path.parent, os.W_OK):
        tries.append("mode=ro&immutable=1")
    for options in tries:
        try:
            db = sqlite3.connect(f"{path.as_uri()}?{options}", uri=True, timeout=busy_seconds)
        except sqlite3.Error:
            continue
        try:
            row = db.execute(
                "SELECT laptop, report_id FROM periods WHERE period = ?", (period,)
            ).fetchone()
            rows = db.execute(
                "SELECT measure, key, value FROM counts WHERE period = ? ORDER BY measure, key",
                (period,),
            ).fetchall()
        except sqlite3.Error as exc:
            log.info("usage counts not read read-only (%s): %s", options, exc)
            continue
        finally:
            db.close()
        laptop, report_id = (str(row[0]), str(row[1])) if row else ("", "")
        return laptop, report_id, rows
    return None
