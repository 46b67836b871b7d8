"""Times as the catalog format writes them: RFC 3339 in UTC, to the second."""

from datetime import UTC, datetime

from resources_index.errors import CatalogError


def utc_now() -> datetime:
    """The current time in UTC, without microseconds (the format's resolution)."""
    return datetime.now(UTC).replace(microsecond=0)


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, as the format writes times."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: object, what: str) -> datetime:
    """Read a time written by ``format_time`` (or any RFC 3339 time with an offset)."""
    if not isinstance(value, str):
        raise CatalogError(
            "catalog.invalid", detail=f"The catalog's {what} is missing or not a time."
        )
    shown = value[:40]
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CatalogError(
            "catalog.invalid", detail=f"The catalog's {what} ({shown!r}) is not a valid time."
        ) from None
    if moment.tzinfo is None:
        raise CatalogError(
            "catalog.invalid", detail=f"The catalog's {what} ({shown!r}) has no time zone."
        )
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 with an offset that leaves the calendar
        raise CatalogError(
            "catalog.invalid", detail=f"The catalog's {what} ({shown!r}) is out of range."
        ) from None
