"""Times as the catalog format writes them: RFC 3339 in UTC, to the second."""

from datetime import UTC, datetime

from resources_index.errors import CatalogError, Words


def utc_now() -> datetime:
    """The current time in UTC, without microseconds (the format's resolution)."""
    return datetime.now(UTC).replace(microsecond=0)


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, as the format writes times."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: object, when: Words) -> datetime:
    """Read a time written by ``format_time`` (or any RFC 3339 time with an offset); ``when``
    names which time it is (a ``when.`` kind), for the sentence that refuses it."""
    if not isinstance(value, str):
        raise CatalogError("invalid.time_missing", when=when)
    shown = value[:40]
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CatalogError("invalid.time", when=when, value=shown) from None
    if moment.tzinfo is None:
        raise CatalogError("invalid.time_zone", when=when, value=shown)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 with an offset that leaves the calendar
        raise CatalogError("invalid.time_range", when=when, value=shown) from None
