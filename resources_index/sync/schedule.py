"""When the policy's scheduled sync is due (its interval has passed since the last sync), and
the record of the last attempt, kept beside the library so a failed sync changes nothing in it.
"""

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from resources_index.catalog.times import format_time, parse_time, utc_now
from resources_index.errors import CatalogError, Words
from resources_index.library.library import Library
from resources_index.util import safe_json
from resources_index.util.fsutil import write_atomic

ATTEMPT_FILE = "last-sync-attempt.json"


def sync_due(library: Library, now: datetime | None = None) -> bool:
    """True when the policy sets an interval, a server is known, and the interval has passed
    since the last sync (or there never was one). A last-sync time that cannot be read counts
    as never."""
    hours = library.policy.sync_interval_hours
    if not hours or not library.settings().server_url:
        return False
    last = library.state.get("last_sync_at")
    if not last:
        return True
    try:
        elapsed = (now or datetime.now(UTC)) - parse_time(last, Words("when.last_sync"))
    except CatalogError:
        return True
    return elapsed >= timedelta(hours=hours)


@dataclass(frozen=True)
class Attempt:
    """When a sync was last tried, and how it ended: ``ok`` or the kind of its error."""

    at: datetime
    outcome: str

    @property
    def failed(self) -> bool:
        return self.outcome != "ok"


def remember_attempt(root: Path, outcome: str) -> None:
    """Keep the attempt (a full disk may refuse even this: the sync's own error is the one to
    report then)."""
    record = {"at": format_time(utc_now()), "outcome": outcome}
    with contextlib.suppress(OSError):
        write_atomic(root / ATTEMPT_FILE, json.dumps(record).encode())


def last_attempt(root: Path) -> Attempt | None:
    """The last attempt kept for the library at ``root`` (None: none, or unreadable: read
    within bounds, a regular file only, so a FIFO or a device in its place is never waited
    on and deep nesting is refused)."""
    try:
        record = safe_json.read_file(root / ATTEMPT_FILE, safe_json.MAX_SMALL_FILE_BYTES)
        if not isinstance(record, dict) or not isinstance(record.get("outcome"), str):
            return None
        return Attempt(parse_time(record["at"], Words("when.last_attempt")), record["outcome"])
    except (OSError, ValueError, TypeError, KeyError, CatalogError):
        return None
