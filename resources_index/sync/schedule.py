"""When the policy's scheduled sync is due: its interval has passed since the last sync."""

from datetime import UTC, datetime, timedelta

from resources_index.catalog.times import parse_time
from resources_index.errors import CatalogError
from resources_index.library.library import Library


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
        elapsed = (now or datetime.now(UTC)) - parse_time(last, "last sync")
    except CatalogError:
        return True
    return elapsed >= timedelta(hours=hours)
