"""Dates as a person reads them, one way everywhere: "Dec 3, 2026" in English, "3 dic 2026"
in Spanish, whatever the system's locale (a C or POSIX locale writes "3 12 2026")."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale

from sop_desktop.i18n import interface_language

#: The day's pattern and the locale that names the months, per interface language.
DAY_PATTERNS = {"en": ("MMM d, yyyy", "en_US"), "es": ("d MMM yyyy", "es")}


def _locale() -> tuple[str, QLocale]:
    pattern, name = DAY_PATTERNS[interface_language()]
    return pattern, QLocale(name)


def day_text(day: date) -> str:
    """``Dec 3, 2026`` or ``3 dic 2026``."""
    pattern, locale = _locale()
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def moment_text(moment: datetime) -> str:
    """A day and its time in local time: ``Dec 3, 2026, 2:15 PM`` or ``3 dic 2026, 14:15``."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    pattern, locale = _locale()
    return f"{locale.toString(local.date(), pattern)}, {clock_text(moment)}"


def clock_text(moment: datetime) -> str:
    """The time alone, in local time: ``2:15 PM`` or ``14:15``."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    _, locale = _locale()
    return locale.toString(local.time(), locale.timeFormat(QLocale.FormatType.ShortFormat))


def written_day(text: str) -> str:
    """A day kept as ``2026-11-20`` (or a time in ISO 8601) written as a person reads it; text
    that is not a date is shown as written."""
    try:
        return day_text(date.fromisoformat(text.strip()[:10]))
    except ValueError:
        return text
