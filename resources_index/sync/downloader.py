"""Downloading a list of objects a few at a time, smallest first, each verified."""

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

from resources_index.catalog import limits
from resources_index.catalog.records import FileEntry
from resources_index.library.store import ObjectStore, object_relpath
from resources_index.sync.http import HttpSettings, Session
from resources_index.sync.report import ProgressCallback, SyncProgress, SyncReport
from resources_index.sync.transfer import Limits, TransferError, download

PARALLEL_DOWNLOADS = 4


@dataclass
class DownloadJob:
    """Where objects come from and go to, and the report that counts them."""

    url: str
    #: The sync's session: its pooled connections are shared by every download thread.
    session: Session
    store: ObjectStore
    http: HttpSettings
    stall_limits: Limits
    report: SyncReport


class Downloader:
    """Fetch a list of objects a few at a time, smallest first.

    After a failure no new download starts, but those under way finish: what they fetch is
    kept for the next sync. The threads share the sync's session, whose pool keeps a
    connection alive for each of them."""

    def __init__(
        self,
        job: DownloadJob,
        progress: ProgressCallback,
        cancel: Callable[[], bool],
    ) -> None:
        self.job = job
        self.progress_callback = progress
        self.cancel = cancel
        self.state = SyncProgress()
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def _advance(self, count: int) -> None:
        with self.lock:
            self.state.bytes_done += count
            self.progress_callback(self.state)

    def _one(self, entry: FileEntry) -> None:
        if self.stop.is_set():
            return
        try:
            received = download(
                self.job.session,
                self.job.url + object_relpath(entry.sha256),
                entry,
                self.job.store,
                self.job.http.timeout,
                self.job.stall_limits,
                progress=self._advance,
                cancel=self.cancel,
            )
        except TransferError as exc:
            if exc.status != 404 or entry.role not in limits.OPTIONAL_ROLES:
                raise
            # A laptop serving a room may not hold every large file: fetch it when opened.
            with self.lock:
                self.job.report.missing.append(entry.name)
            return
        with self.lock:
            self.job.report.requests += 1
            self.job.report.bytes_fetched += received
            self.state.files_done += 1
            self.progress_callback(self.state)

    def run(self, entries: list[FileEntry]) -> None:
        self.state.bytes_total = sum(e.size for e in entries)
        self.state.files_total = len(entries)
        self.progress_callback(self.state)
        if not entries:
            return
        with ThreadPoolExecutor(PARALLEL_DOWNLOADS, "sop-download") as pool:
            futures = [pool.submit(self._one, entry) for entry in entries]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = [f for f in done if f.exception() is not None]
            if failed:
                self.stop.set()
                wait(futures)
                raise failed[0].exception()  # type: ignore[misc]
