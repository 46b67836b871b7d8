"""Reports are made per ISO week: "2026-W49" (Monday to Sunday, UTC)."""

from datetime import UTC, datetime


def period_of(moment: datetime | None = None) -> str:
    """The ISO week of ``moment`` (now when None), as "YYYY-Www"."""
    year, week, _ = (moment or datetime.now(UTC)).astimezone(UTC).isocalendar()
    return f"{year}-W{week:02d}"


def day_of(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).date().isoformat()
