"""Sync and downloads from the window: on a worker thread, with progress and Cancel.

One network job runs at a time (a sync, or fetching a resource's files); the window stays
searchable throughout because the library only switches catalogs atomically at the end.
"""

import dataclasses
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from resources_index.errors import SignatureError
from resources_index.library.library import Library
from sop_desktop.workers import run_task

if TYPE_CHECKING:
    from resources_index.sync.report import SyncProgress, SyncReport


class SyncController(QObject):
    """Starts jobs and relays what they report to the GUI thread."""

    started = Signal(str)  # "sync" or "fetch"
    progressed = Signal(object)  # SyncProgress
    finished = Signal(str, object)  # kind, SyncReport
    failed = Signal(str, str, str)  # kind, sentence, details
    cancelled = Signal(str)  # kind: the user pressed Cancel; nothing was changed

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.kind = ""
        self._cancel = threading.Event()
        #: The fingerprint of the key that signed a catalog the last sync refused as untrusted.
        self.untrusted_key = ""

    @property
    def busy(self) -> bool:
        return bool(self.kind)

    def server_url(self) -> str:
        return self.library.settings().server_url

    def start_sync(self) -> bool:
        url = self.server_url()
        if not url:
            self.failed.emit(
                "sync",
                self.tr(
                    "No server address is set. Enter the statewide server's address in Settings."
                ),
                "",
            )
            return False
        return self._start("sync", self._sync, url)

    def start_fetch(self, resource_ids: Iterable[str], keep_offline: bool) -> bool:
        url = self.server_url()
        if not url:
            self.failed.emit(
                "fetch",
                self.tr(
                    "This file is not on this laptop, and no server address is set to"
                    " download it from. Enter it in Settings."
                ),
                "",
            )
            return False
        return self._start("fetch", self._fetch, url, list(resource_ids), keep_offline)

    def cancel(self) -> None:
        self._cancel.set()

    def _start(self, kind: str, function: Any, *args: Any) -> bool:
        if self.busy:
            return False
        self.kind = kind
        self._cancel.clear()
        self.started.emit(kind)
        run_task(
            function,
            *args,
            on_done=lambda report: self._done(kind, report),
            on_error=lambda sentence, details: self._failed(kind, sentence, details),
            on_progress=self.progressed.emit,
            on_cancelled=lambda: self._cancelled(kind),
        )
        return True

    def _sync(self, url: str, progress: Callable[[object], None]) -> "SyncReport":
        from resources_index.sync.syncer import sync  # requests: loaded when first needed

        self.untrusted_key = ""
        try:
            return sync(
                self.library, url, progress=_throttled(progress), cancel=self._cancel.is_set
            )
        except SignatureError as error:
            if error.words.kind == "catalog.untrusted_key":  # the window offers a way forward
                self.untrusted_key = str(error.words.params.get("key", ""))
            raise

    def _fetch(
        self, url: str, ids: list[str], keep: bool, progress: Callable[[object], None]
    ) -> "SyncReport":
        from resources_index.sync.syncer import fetch_files

        return fetch_files(
            self.library, url, ids, keep, progress=_throttled(progress), cancel=self._cancel.is_set
        )

    def _done(self, kind: str, report: "SyncReport") -> None:
        self.kind = ""
        self.finished.emit(kind, report)

    def _cancelled(self, kind: str) -> None:
        self.kind = ""
        self.cancelled.emit(kind)

    def _failed(self, kind: str, sentence: str, details: str) -> None:
        self.kind = ""
        self.failed.emit(kind, sentence, details)


def _throttled(
    report: Callable[[object], None], every: float = 0.1
) -> Callable[["SyncProgress"], None]:
    """Pass on a copy of the progress at most every ``every`` seconds (and when a file ends),
    so a fast local download does not flood the GUI thread with events."""
    last = [0.0, -1]

    def relay(progress: "SyncProgress") -> None:
        now = time.monotonic()
        if now - last[0] >= every or progress.files_done != last[1]:
            last[0], last[1] = now, progress.files_done
            report(dataclasses.replace(progress))

    return relay
