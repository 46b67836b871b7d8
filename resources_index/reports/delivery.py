"""Delivering waiting reports to the county's ``reports_url`` with HTTP PUT (nginx's WebDAV
module, see docs/hosting.md), after each sync.

Each report goes to ``REPORTS_URL/COUNTY/PERIOD/REPORT_ID.json``: a unique name, so sending it
again (a retry after a cut, a lost answer) replaces it with the same bytes, and the summary
counts it once. A report whose upload fails stays in the outbox for the next sync; a failure
here never fails the sync itself.

Exactly once, to the right place, or kept: a PUT never follows a redirect (a redirect means
the reports address moved, and following one could carry a report to another server or in
clear text); a report counts as delivered only when the PUT that carried its whole body is
answered 200, 201 or 204. Delivery has one overall deadline (``DEADLINE_SECONDS``) and runs on
a thread of its own that never holds the program's exit: a sync ends without waiting for it
(``start``), and the command line gives it what remains of its deadline (``finish``). With
the policy's ``reports_user`` and ``reports_password`` each PUT is authenticated as the county
(HTTP basic authentication, meant for https).
"""

import contextlib
import json
import logging
import socket
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from resources_index.catalog.times import format_time, utc_now
from resources_index.errors import Words
from resources_index.library.library import Library
from resources_index.reports.outbox import (
    Waiting,
    record_delivered,
    seal,
    upload_path,
    waiting,
)
from resources_index.reports.usage import REPORTS_DIR, reporting_on
from resources_index.sync.http import (
    HttpSettings,
    NetworkError,
    Response,
    Session,
    closed_before_answer,
    explain,
    explain_status,
    make_session,
    put,
)
from resources_index.util import safe_json
from resources_index.util.addresses import has_userinfo, in_clear, shown
from resources_index.util.fsutil import write_atomic

log = logging.getLogger(__name__)

#: The longest all the uploads after one sync may take, waiting for answers included.
DEADLINE_SECONDS = 20.0
#: The answers that mean a report was stored.
STORED = (200, 201, 204)
#: The outcome of the last delivery, for ``doctor``.
LAST_DELIVERY = "last-delivery.json"

_running: dict[Path, threading.Thread] = {}
#: The library of each delivery ``start`` began (``finish`` records one it stops waiting for).
_libraries: dict[Path, Library] = {}
#: What each delivery ``start`` began came to, for ``finish`` to say.
_outcomes: dict[Path, "Delivery"] = {}
_running_lock = threading.Lock()


@dataclass
class Delivery:
    sent: list[str] = field(default_factory=list)  # report file names
    waiting: int = 0
    problem: Words | None = None
    #: whether reports were to be uploaded at all (reporting on, a reports_url set)
    attempted: bool = False


def deliver(
    library: Library,
    http: HttpSettings | None = None,
    now: datetime | None = None,
    deadline: float | None = None,
) -> Delivery:
    """Seal the weeks that have ended, then upload every waiting report; return within
    ``deadline`` seconds (``DEADLINE_SECONDS``) whatever the server does."""
    deadline = DEADLINE_SECONDS if deadline is None else deadline
    result = Delivery()
    job = _prepare(library, http, now, result)
    if job is None:
        return result
    thread = threading.Thread(target=job.run, name="usage-reports", daemon=True)
    thread.start()
    thread.join(deadline)
    if thread.is_alive():
        job.give_up()
        return job.outcome(Words("reports.too_slow", seconds=round(deadline)))
    return job.result


def start(library: Library, http: HttpSettings | None = None) -> None:
    """``deliver`` on a thread of its own (at most one per library at a time), so that the
    sync that started it ends at once; ``finish`` waits for it where that is wanted."""
    root = library.root.resolve()
    with _running_lock:
        previous = _running.get(root)
        if previous is not None and previous.is_alive():
            return

        _outcomes.pop(root, None)

        def run() -> None:
            try:
                outcome = deliver(library, http)
            except Exception:  # never the sync's failure; said in the log
                log.exception("usage reports not delivered")
                outcome = Delivery(problem=Words("reason.unexpected"), attempted=True)
            with _running_lock:
                _outcomes[root] = outcome

        thread = threading.Thread(target=run, name="usage-reports-after-sync", daemon=True)
        _running[root] = thread
        _libraries[root] = library
        thread.start()


def finish(timeout: float = DEADLINE_SECONDS) -> list[Delivery]:
    """Wait at most ``timeout`` seconds for the deliveries ``start`` began (the command line,
    before it exits; the window never waits) and return what those that ended came to."""
    return _end(timeout, Words("reports.too_slow", seconds=round(timeout)))


def abandon() -> list[Delivery]:
    """The program is closing (the window, which never waits for a delivery): one still
    under way is recorded as not finished, kept for the next sync, or ``doctor`` would go on
    showing the outcome of the one before."""
    return _end(0.0, Words("reports.closed_while_sending"))


def _end(timeout: float, unfinished: Words) -> list[Delivery]:
    """What the deliveries ``start`` began came to, after waiting at most ``timeout``
    seconds; one still under way is recorded with ``unfinished``."""
    end = time.monotonic() + timeout
    with _running_lock:
        threads = list(_running.items())
    ended = []
    for root, thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
        with _running_lock:
            outcome = _outcomes.pop(root, None)
        if outcome is not None:
            ended.append(outcome)
        elif thread.is_alive():
            # The program ends before the delivery does: its outcome is recorded here, or
            # doctor would go on showing the one before.
            outcome = Delivery(problem=unfinished, attempted=True)
            library = _libraries.get(root)
            if library is not None:
                with contextlib.suppress(Exception):  # best-effort, as record itself is
                    outcome.waiting = len(waiting(library))
                record(library, outcome)
            ended.append(outcome)
    return ended


def _prepare(
    library: Library, http: HttpSettings | None, now: datetime | None, result: Delivery
) -> "_Uploads | None":
    if not reporting_on(library):
        return None
    seal(library, now)
    reports = waiting(library)
    base = library.policy.reports_url.rstrip("/")
    if not base:  # a county that exports to a drive instead
        result.waiting = len(reports)
        return None
    settings = http or HttpSettings.from_settings(
        library.settings(), pac_url=library.policy.pac_url
    )
    # One try each: the next sync is the retry, and the deadline bounds the whole.
    settings = replace(settings, retries=0)
    result.attempted = True
    uploads = _Uploads(library, settings, base, reports)
    uploads.result.waiting = len(reports)  # what is said should it end before it counts
    return uploads


class _Uploads:
    """The PUTs of one delivery, stopped at the deadline."""

    def __init__(
        self, library: Library, http: HttpSettings, base: str, reports: list[Waiting]
    ) -> None:
        self.library = library
        self.http = http
        self.base = base
        self.reports = reports
        self.result = Delivery(attempted=True)
        self.stopped = threading.Event()
        self.session: Session | None = None
        self.answer: Response | None = None

    def give_up(self) -> None:
        """The deadline: stop, and end the transfer under way (closing the session closes
        its connections, so a server that trickles its answer holds nothing)."""
        self.stopped.set()
        session, answer = self.session, self.answer
        if answer is not None:  # wakes a read blocked on a server that trickles
            _cut(answer)
        with contextlib.suppress(Exception):
            if session is not None:
                session.close()

    def _answered(self, response: Response, *args: object, **kwargs: object) -> None:
        self.answer = response

    def run(self) -> None:
        try:
            self._run()
        except Exception:  # never a traceback on the thread: the reports wait, said in the log
            log.exception("usage reports not delivered")
            self.outcome(Words("reports.not_delivered", reason=Words("reason.unexpected")))

    def _run(self) -> None:
        credentials = self.library.policy.reports_credentials
        if (credentials or has_userinfo(self.base)) and in_clear(self.base):
            # Never sent: the county's password would cross the network readable by anyone.
            self.result.problem = Words("reports.credentials_in_clear", url=shown(self.base))
            self.outcome(self.result.problem)
            return
        with make_session(self.http) as session:
            self.session = session
            session.hooks["response"].append(self._answered)
            for report in self.reports:
                if self.stopped.is_set():
                    return
                url = f"{self.base}/{upload_path(report.report)}"
                try:
                    status = self._put(session, url, report.data, credentials)
                except NetworkError as exc:
                    self.result.problem = Words("reports.not_delivered", reason=explain(exc))
                    break
                if status not in STORED:
                    self.result.problem = refusal(status, report.path.name)
                    break
                if self.stopped.is_set():
                    return  # too late: it goes again, the same bytes, at the next sync
                self.result.sent.append(report.path.name)
                unrecorded = record_delivered(self.library, report.path)
                if unrecorded is not None:
                    self.result.problem = unrecorded
        if not self.stopped.is_set():
            self.outcome(self.result.problem)

    def _put(
        self, session: Session, url: str, data: bytes, credentials: tuple[str, str] | None
    ) -> int:
        """One PUT, sent once more when the server closed the connection before any answer
        (a kept-alive connection it had dropped meanwhile): the same bytes to the same name,
        so one that did arrive is only replaced. Never again once the deadline has passed
        (ending the transfer closes the connection too)."""
        try:
            return put(session, url, data, self.http, credentials)
        except NetworkError as exc:
            if self.stopped.is_set() or not closed_before_answer(exc):
                raise
        log.info("the reports server closed the connection before answering; sending again")
        return put(session, url, data, self.http, credentials)

    def outcome(self, problem: Words | None) -> Delivery:
        """The result so far with ``problem``, recorded for ``doctor`` and the log."""
        result = self.result
        result.problem = problem
        result.waiting = len(waiting(self.library))
        record(self.library, result)
        if problem is not None:
            log.warning(
                "usage reports not delivered to %s: %s (%d waiting)",
                shown(self.base),
                problem,
                result.waiting,
            )
        elif result.sent:
            log.info("usage reports delivered: %d", len(result.sent))
        return result


def refusal(status: int, name: str) -> Words:
    """Why a report answered ``status`` was not delivered, as a whole sentence: a redirect
    (the address moved), the county's credential refused (401) or its upload forbidden (403)
    each by name, anything else by its cause."""
    if 300 <= status < 400:
        return Words("reports.moved", status=status)
    if status == 401:
        return Words("reports.credentials_wrong")
    if status == 403:
        return Words("reports.forbidden")
    return Words("reports.not_delivered", reason=explain_status(status, name))


def _cut(answer: Response) -> None:
    """Shut the socket an answer is read from (from another thread: closing it would not wake
    a read under way). The socket sits with the connection, or, once the connection let go of
    it (an answer without a length), under the answer's file."""
    candidates = [getattr(answer.raw.connection, "sock", None)]
    underneath: Any = answer.raw._fp
    with contextlib.suppress(AttributeError):
        candidates.append(underneath.fp.raw._sock)
    for sock in candidates:
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def record(library: Library, result: Delivery) -> None:
    """Keep the outcome of this delivery in ``reports/`` (best-effort)."""
    entry = {
        "at": format_time(utc_now()),
        "sent": len(result.sent),
        "waiting": result.waiting,
        "problem": str(result.problem) if result.problem is not None else "",
    }
    try:
        write_atomic(library.root / REPORTS_DIR / LAST_DELIVERY, json.dumps(entry).encode())
    except OSError as exc:
        log.warning("the outcome of the usage reports' delivery was not kept: %s", exc)


def last_delivery(library: Library) -> dict[str, object] | None:
    """The outcome ``record`` kept, or None."""
    try:
        entry = safe_json.read_file(
            library.root / REPORTS_DIR / LAST_DELIVERY, safe_json.MAX_SMALL_FILE_BYTES
        )
    except (OSError, safe_json.BadJson):
        return None
    return entry if isinstance(entry, dict) else None
