"""Reports waiting to be delivered, and delivered ones: plain JSON files, so nothing is lost
when the laptop is off, offline or cut mid-upload.

A week that has ended is sealed into ``reports/outbox/PERIOD-ID.json``; delivery (an upload,
``delivery.py``, or an export to a drive, ``export``) moves it to ``reports/sent/``, where it
stays for ``KEEP_SENT`` weeks so the person can see what left. A report keeps its id however
often it is sent: the statewide summary counts each id once.
"""

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from resources_index.library.library import Library
from resources_index.reports.periods import period_of
from resources_index.reports.usage import REPORTS_DIR, Usage
from resources_index.util.fsutil import write_atomic

OUTBOX, SENT = "outbox", "sent"
KEEP_SENT = 12  # weeks
EXPORT_DIR = "sop-reports"


def seal_finished(usage: Usage, now: datetime | None = None) -> list[Path]:
    """Write the report of every week before ``now``'s into the outbox, then forget its counts
    (a report is written before its counts go: a crash in between rewrites the same report,
    with the same id)."""
    current = period_of(now)
    sealed = []
    for period in usage.periods():
        if period >= current:
            continue
        report = usage.report(period)
        target = outbox(usage.library) / report_name(report)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(report, indent=1, ensure_ascii=False).encode())
        usage.forget(period)
        sealed.append(target)
    return sealed


def seal(library: Library, now: datetime | None = None) -> list[Path]:
    """``seal_finished`` for ``library``'s counts."""
    with Usage.opened(library) as usage:
        return seal_finished(usage, now)


def report_name(report: dict[str, Any]) -> str:
    return f"{report['period']}-{report['report_id']}.json"


def outbox(library: Library) -> Path:
    return library.root / REPORTS_DIR / OUTBOX


def pending(library: Library) -> list[Path]:
    folder = outbox(library)
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def delivered(library: Library, report: Path) -> None:
    """Move a report out of the outbox; keep the last ``KEEP_SENT`` weeks of sent reports."""
    sent = library.root / REPORTS_DIR / SENT
    sent.mkdir(parents=True, exist_ok=True)
    report.replace(sent / report.name)
    for old in sorted(sent.glob("*.json"))[:-KEEP_SENT]:
        old.unlink(missing_ok=True)


def export(library: Library, folder: Path, now: datetime | None = None) -> list[Path]:
    """Copy every waiting report to ``folder/sop-reports/COUNTY/PERIOD/ID.json`` (a USB drive
    or a share, for a county with no upload), then count them as delivered."""
    seal(library, now)
    written = []
    for report in pending(library):
        data = json.loads(report.read_bytes())
        target = folder / EXPORT_DIR / place(data["county"]) / data["period"]
        target.mkdir(parents=True, exist_ok=True)
        # Whole or not at all, should the drive be pulled out.
        write_atomic(target / f"{data['report_id']}.json", report.read_bytes())
        written.append(target / f"{data['report_id']}.json")
        delivered(library, report)
    return written


def place(county: str) -> str:
    """A county's name as one safe folder or address part ("Contra Costa" -> "Contra-Costa")."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", county).strip("-.") or "unknown"
