"""Reports waiting to be delivered, and delivered ones: plain JSON files, so nothing is lost
when the laptop is off, offline or cut mid-upload.

A week that has ended is sealed into ``reports/outbox/PERIOD-ID.json``; delivery (an upload,
``delivery.py``, or an export to a drive, ``export``) moves it to ``reports/sent/``, where it
stays for ``KEEP_SENT`` weeks so the person can see what left. A report keeps its id however
often it is sent: the statewide summary counts each id once.

A file of the outbox that is not a report as this program writes them (garbage, a foreign
file, a ``period`` or ``report_id`` that is not one) is set aside in ``reports/set-aside/``,
named in the log and in ``doctor``; the others go. Names of files and folders are made only
from values checked here, so nothing is ever written outside the folders meant.
"""

import json
import logging
import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from resources_index.errors import Words, reason_of
from resources_index.library.library import Library
from resources_index.reports.periods import period_of
from resources_index.reports.usage import REPORT_FORMAT, REPORTS_DIR, SET_ASIDE, Usage
from resources_index.util import safe_json
from resources_index.util.fsutil import discard_file, replace_file, unused_name, write_atomic

log = logging.getLogger(__name__)

OUTBOX, SENT = "outbox", "sent"
KEEP_SENT = 12  # weeks
EXPORT_DIR = "sop-reports"
#: A report is a few kilobytes; a larger file in the outbox is not one of ours.
MAX_REPORT_BYTES = safe_json.MAX_SMALL_FILE_BYTES
PERIOD = re.compile(r"[0-9]{4}-W[0-9]{2}")
REPORT_ID = re.compile(r"[0-9a-f]{32}")


class Waiting(NamedTuple):
    """A report of the outbox that checked out: its file, content and exact bytes."""

    path: Path
    report: dict[str, Any]
    data: bytes


def checked(report: object) -> dict[str, Any] | None:
    """``report`` when it is a report as ``Usage.report`` makes them (the values names are
    made of above all), else None."""
    if not isinstance(report, dict):
        return None
    measures = report.get("measures")
    if (
        report.get("format") != REPORT_FORMAT
        or not isinstance(report.get("period"), str)
        or not PERIOD.fullmatch(report["period"])
        or not isinstance(report.get("report_id"), str)
        or not REPORT_ID.fullmatch(report["report_id"])
        or not isinstance(report.get("county"), str)
        or not isinstance(measures, list)
        or not all(isinstance(m, dict) for m in measures)
    ):
        return None
    return report


def seal_finished(usage: Usage, now: datetime | None = None) -> list[Path]:
    """Write the report of every week before ``now``'s into the outbox, then forget its counts
    (a report is written before its counts go: a crash in between rewrites the same report,
    with the same id)."""
    current = period_of(now)
    sealed = []
    for period in usage.periods():
        if PERIOD.fullmatch(period) and period >= current:
            continue
        report = usage.report(period)
        if checked(report) is None:  # counts of no real week: never a file name
            log.warning("usage counts of an unknown week %r dropped", period[:40])
            usage.forget(period)
            continue
        target = outbox(usage.library) / report_name(report)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(report, indent=1, ensure_ascii=False).encode())
        usage.forget(period)
        sealed.append(target)
    return sealed


def seal(library: Library, now: datetime | None = None) -> list[Path]:
    """``seal_finished`` for ``library``'s counts (none sealed while they cannot be read or
    written: they wait, and the reports already sealed still go)."""
    with Usage.opened(library) as usage:
        try:
            return seal_finished(usage, now)
        except (sqlite3.Error, OSError) as exc:
            usage.failed(exc)
            return []


def report_name(report: dict[str, Any]) -> str:
    """The report's file name, from checked values only (``ValueError`` otherwise)."""
    if checked(report) is None:
        raise ValueError(f"not a report this program makes: {str(report)[:60]!r}")
    return f"{report['period']}-{report['report_id']}.json"


def outbox(library: Library) -> Path:
    return library.root / REPORTS_DIR / OUTBOX


def pending(library: Library) -> list[Path]:
    """The outbox's files, as they are (``waiting`` checks them)."""
    folder = outbox(library)
    try:
        return sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []
    except OSError:
        return []


def waiting(library: Library) -> list[Waiting]:
    """The reports waiting to be delivered; a file that is not one is set aside, as is
    anything else found in the outbox (a folder, a note)."""
    for odd in _not_report_files(library):
        set_aside(library, odd)
    found = []
    for path in pending(library):
        try:
            data = safe_json.read_bytes(path, MAX_REPORT_BYTES)
            report = checked(safe_json.parse(data, MAX_REPORT_BYTES))
        except FileNotFoundError:
            continue  # delivered meanwhile
        except (OSError, safe_json.BadJson):
            report = None
        if report is None or path.name != report_name(report):
            set_aside(library, path)
        else:
            found.append(Waiting(path, report, data))
    return found


def _not_report_files(library: Library) -> list[Path]:
    """What the outbox holds besides regular ``.json`` files (``pending`` lists those)."""
    folder = outbox(library)
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
        return [p for p in entries if not (p.suffix == ".json" and p.is_file())]
    except OSError:
        return []


def set_aside(library: Library, path: Path) -> None:
    """Move a file that is not a report out of the outbox, kept for whoever looks."""
    folder = library.root / REPORTS_DIR / SET_ASIDE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        name = Path(path.name)
        base = unused_name(folder, name.stem, (name.suffix,))
        replace_file(path, base.with_name(base.name + name.suffix))
    except OSError as exc:  # a read-only library: skipped, not delivered, said in the log
        log.warning("outbox file %s is not a report and could not be set aside: %s", path, exc)
        return
    log.warning("outbox file %s is not a report; set aside in %s", path.name, folder)


def set_aside_files(library: Library) -> list[Path]:
    """The files set aside (``doctor`` names them)."""
    folder = library.root / REPORTS_DIR / SET_ASIDE
    try:
        return sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []


def delivered(library: Library, report: Path) -> None:
    """Move a report out of the outbox; keep the last ``KEEP_SENT`` weeks of sent reports."""
    sent = library.root / REPORTS_DIR / SENT
    sent.mkdir(parents=True, exist_ok=True)
    replace_file(report, sent / report.name)
    for old in sorted(sent.glob("*.json"))[:-KEEP_SENT]:
        discard_file(old)


def record_delivered(library: Library, report: Path, export: bool = False) -> Words | None:
    """``delivered``, or, where the library cannot be written (a read-only disk), why not:
    the report then stays waiting and goes again, the same bytes under the same name, which
    the server (or the export folder) keeps once and the summary counts once."""
    try:
        delivered(library, report)
    except OSError as exc:
        log.warning("report %s was delivered but could not be recorded as sent: %s", report, exc)
        kind = "reports.export_not_recorded" if export else "reports.not_recorded"
        return Words(kind, reason=reason_of(exc))
    return None


def export(
    library: Library,
    folder: Path,
    now: datetime | None = None,
    unrecorded: list[Words] | None = None,
) -> list[Path]:
    """Copy every waiting report to ``folder/sop-reports/COUNTY/PERIOD/ID.json`` (a USB drive
    or a share, for a county with no upload), then count them as delivered; where that
    cannot be recorded, why is added to ``unrecorded`` (once)."""
    seal(library, now)
    written = []
    for report in waiting(library):
        target = folder / EXPORT_DIR / upload_path(report.report)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all, should the drive be pulled out.
        write_atomic(target, report.data)
        written.append(target)
        problem = record_delivered(library, report.path, export=True)
        if problem is not None and unrecorded is not None and not unrecorded:
            unrecorded.append(problem)
    return written


def upload_path(report: dict[str, Any]) -> str:
    """``COUNTY/PERIOD/REPORT_ID.json`` of a checked report (the same under an upload address
    and in an export folder)."""
    report_name(report)  # checks the values
    return f"{place(report['county'])}/{report['period']}/{report['report_id']}.json"


def place(county: str) -> str:
    """A county's name as one safe folder or address part ("Contra Costa" -> "Contra-Costa")."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", county).strip("-.") or "unknown"
