"""The times a response keeps (``2026-12-03T08:49:33Z``, UTC) as the rest of the window writes
dates (``sop_desktop.dates``): in the laptop's time zone and the interface's language."""

import datetime

from sop_desktop.dates import clock_text, day_text, moment_text


def parsed(stamp: str) -> datetime.datetime | None:
    """The moment ``stamp`` names, or None when it names none."""
    try:
        return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def stamp_moment(stamp: str) -> str:
    """``Dec 3, 2026, 12:49 AM`` (a stamp that names no moment is shown as kept)."""
    moment = parsed(stamp)
    return moment_text(moment) if moment is not None else stamp


def stamp_day(stamp: str) -> str:
    """``Dec 3, 2026``: the local day."""
    moment = parsed(stamp)
    return day_text(moment.astimezone().date()) if moment is not None else stamp


def stamp_clock(stamp: str) -> str:
    """``12:49 AM``: the local time of day."""
    moment = parsed(stamp)
    return clock_text(moment) if moment is not None else stamp
