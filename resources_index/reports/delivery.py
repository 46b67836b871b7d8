"""Delivering waiting reports to the county's ``reports_url`` with HTTP PUT (nginx's WebDAV
module, see docs/hosting.md), after each sync.

Each report goes to ``REPORTS_URL/COUNTY/PERIOD/REPORT_ID.json``: a unique name, so sending it
again (a retry after a cut, a lost answer) replaces it with the same bytes, and the summary
counts it once. A report whose upload fails stays in the outbox for the next sync; a failure
here never fails the sync itself.
"""

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime

from resources_index.errors import Words
from resources_index.library.library import Library
from resources_index.reports.outbox import delivered, pending, place, seal
from resources_index.reports.usage import reporting_on
from resources_index.sync.http import (
    HttpSettings,
    NetworkError,
    explain,
    explain_status,
    make_session,
    put,
)

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    sent: list[str] = field(default_factory=list)  # report file names
    waiting: int = 0
    problem: Words | None = None


def deliver(
    library: Library, http: HttpSettings | None = None, now: datetime | None = None
) -> Delivery:
    """Seal the weeks that have ended, then upload every waiting report."""
    result = Delivery()
    if not reporting_on(library):
        return result
    seal(library, now)
    waiting = pending(library)
    base = library.policy.reports_url.rstrip("/")
    if not base:  # a county that exports to a drive instead
        result.waiting = len(waiting)
        return result
    settings = http or HttpSettings.from_settings(
        library.settings(), pac_url=library.policy.pac_url
    )
    with make_session(settings) as session:
        for report in waiting:
            data = report.read_bytes()
            meta = json.loads(data)
            url = f"{base}/{place(meta['county'])}/{meta['period']}/{meta['report_id']}.json"
            try:
                status = put(session, url, data, settings)
            except NetworkError as exc:
                result.problem = explain(exc)
                break
            if status not in (200, 201, 204):
                result.problem = explain_status(status, report.name)
                break
            delivered(library, report)
            result.sent.append(report.name)
    result.waiting = len(pending(library))
    if result.problem is not None:
        log.warning(
            "usage reports not delivered: %s (%d waiting)", result.problem.kind, result.waiting
        )
    elif result.sent:
        log.info("usage reports delivered: %d", len(result.sent))
    return result
