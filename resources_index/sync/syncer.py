"""``sop-resources sync``: bring the library up to the server's catalog, safely.

One conditional request when nothing changed. Otherwise the new catalog is checked (signature,
format, rollback, expiry, limits) before anything it names is downloaded; only objects the
library lacks are fetched, small ones first, each verified; the new catalog is switched in
atomically once everything it requires is present; the search index is updated for just the
resources that changed. An interruption at any point leaves the old library, usable.
"""

import contextlib
import errno
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from resources_index.catalog.records import FileEntry
from resources_index.catalog.signing import TrustedKey
from resources_index.catalog.times import format_time, utc_now
from resources_index.config.settings import address_problem
from resources_index.errors import LibraryError, ResourcesError, reason_of
from resources_index.library.installing import InstallReport
from resources_index.library.library import Library
from resources_index.sync.catalog_fetch import fetch_catalog
from resources_index.sync.downloader import Downloader, DownloadJob
from resources_index.sync.http import HttpSettings, make_session
from resources_index.sync.parts_fetch import PartFetcher
from resources_index.sync.planning import plan
from resources_index.sync.report import (
    ProgressCallback,
    SyncError,
    SyncReport,
    no_sync_progress,
)
from resources_index.sync.schedule import remember_attempt
from resources_index.sync.transfer import Limits, TransferError
from resources_index.util.addresses import has_userinfo, in_clear, shown
from resources_index.util.fsutil import DISK_RESERVE_BYTES, discard_file, free_bytes, no_room
from resources_index.util.progress import never

log = logging.getLogger(__name__)


def _base(url: str) -> str:
    return url if url.endswith("/") else url + "/"


class Syncer:
    """One sync of ``library`` from the server at ``url``."""

    def __init__(
        self,
        library: Library,
        url: str,
        extra_keys: Iterable[TrustedKey] = (),
        fetch_all: bool = False,
        http: HttpSettings | None = None,
    ) -> None:
        if address_problem(url):  # a typo, another scheme, a port out of range: said as such
            raise SyncError("sync.not_web_address", url=shown(url))
        if has_userinfo(url) and in_clear(url):  # refused before any byte is sent
            raise SyncError("sync.credentials_in_clear", url=shown(url))
        self.library = library
        self.url = _base(url)
        self.extra_keys = list(extra_keys)
        settings = library.settings()
        self.auto_download_bytes = None if fetch_all else settings.auto_download_bytes
        self.http = http or HttpSettings.from_settings(settings, pac_url=library.policy.pac_url)
        # One session for the whole sync: the index, the parts and the objects reuse its
        # kept-alive connections (one per transfer running at once), never a new handshake
        # for each kind of file or each thread.
        self.session = make_session(self.http)
        self.report = SyncReport()
        self._validators: dict[str, str] = {}
        self.stall_limits = Limits()  # the catalog gives up on a stalled server as files do
        self._keys: dict[str, TrustedKey] | None = None

    def _trusted(self) -> dict[str, TrustedKey]:
        """The keys a catalog from the server may be signed with, read once it is needed (a
        no-change sync reads none)."""
        if self._keys is None:
            self._keys = self.library.outside_keys(self.extra_keys)
        return self._keys

    def close(self) -> None:
        self.session.close()

    def run(
        self, progress: ProgressCallback = no_sync_progress, cancel: Callable[[], bool] = never
    ) -> SyncReport:
        with self._said_when_full():
            return self._run(progress, cancel)

    def _run(self, progress: ProgressCallback, cancel: Callable[[], bool]) -> SyncReport:
        parts = PartFetcher(
            self.url, self.session, self.http, self.stall_limits, self.report, cancel
        )
        envelope, self._validators = fetch_catalog(
            self.session, self.url, self.library, self._trusted, parts
        )
        if envelope is None:
            self.report.not_modified = True
            self._fetch_missing_kept(progress, cancel)
            now = {"last_sync_at": format_time(utc_now())}
            self.library.state.set_many({**self._validators, **now})
            return self.report
        candidate = self.library.accept(envelope, self._trusted())
        wanted, deferred = plan(self.library, candidate.manifest, self.auto_download_bytes)
        self.report.deferred = [e.name for e in deferred]
        self._prune_partials(wanted)
        self._download(wanted, progress, cancel)
        self.library.trust_signer(self.extra_keys, candidate)
        install = self.library.commit(candidate)
        self.report.install = install
        self._remember(install)
        self._update_index(install)
        return self.report

    @contextlib.contextmanager
    def _said_when_full(self) -> Iterator[None]:
        """A disk that fills up during a sync, the state file's own writes included (SQLite
        may end the transaction itself then): what was half downloaded is removed so the disk
        is not left full, and one sentence says so, never SQLite's words or a traceback."""
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            reason = reason_of(exc)
            if reason.kind != "os.disk_full":
                if isinstance(exc, sqlite3.Error):
                    raise LibraryError("library.folder_unwritable", reason=reason) from None
                raise
            with contextlib.suppress(OSError):
                self.library.store.remove_partials()
            raise LibraryError("library.disk_full") from None

    def fetch(
        self,
        resource_ids: Iterable[str],
        progress: ProgressCallback = no_sync_progress,
        cancel: Callable[[], bool] = never,
    ) -> SyncReport:
        """Download the files of resources of the installed catalog that are not local yet."""
        manifest = self.library.current()
        if manifest is None:
            raise LibraryError("library.no_catalog_yet")
        wanted_ids = set(resource_ids)
        unknown = wanted_ids - set(manifest.by_id)
        if unknown:
            raise LibraryError("library.no_such_resource", id=sorted(unknown)[0])
        store = self.library.store
        entries = [
            entry
            for rid in sorted(wanted_ids)
            for entry in manifest.by_id[rid].files
            if not store.has(entry.sha256, entry.size)
        ]
        entries.sort(key=lambda e: e.size)
        self._download(entries, progress, cancel)
        return self.report

    def _check_room(self, entries: list[FileEntry]) -> None:
        """Refuse before the first byte when the files cannot fit on the disk (what is already
        half downloaded counts as there), with the numbers, rather than filling it."""
        partial = self.library.store.root / "partial"
        have = {p.name.split(".")[0]: p.stat().st_size for p in partial.glob("*.part")}
        needed = sum(e.size - have.get(e.sha256, 0) for e in entries)
        if not needed:
            return
        free = free_bytes(self.library.root)
        if needed + DISK_RESERVE_BYTES > free:
            raise no_room("library.sync_no_room", needed, free)

    def _download(
        self, entries: list[FileEntry], progress: ProgressCallback, cancel: Callable[[], bool]
    ) -> None:
        """Download ``entries`` when they fit on the disk; when the disk fills up anyway (another
        program wrote meanwhile), remove every half-downloaded file so the disk is not left
        full, and say so."""
        self._check_room(entries)
        try:
            job = DownloadJob(
                self.url,
                self.session,
                self.library.store,
                self.http,
                self.stall_limits,
                self.report,
            )
            Downloader(job, progress, cancel).run(entries)
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise LibraryError("library.folder_unwritable", reason=reason_of(exc)) from None
            self.library.store.remove_partials()
            with contextlib.suppress(OSError):  # files the installed catalog does not use
                self.library.collect_garbage()
            raise LibraryError("library.disk_full") from None

    def _fetch_missing_kept(self, progress: ProgressCallback, cancel: Callable[[], bool]) -> None:
        """After a no-change answer, still fetch what the policy or the user now wants."""
        manifest = self.library.current()
        if manifest is None:
            return
        wanted, _ = plan(self.library, manifest, self.auto_download_bytes)
        if wanted:
            self._download(wanted, progress, cancel)

    def _prune_partials(self, wanted: list[FileEntry]) -> None:
        """Forget half-downloaded objects the new catalog no longer asks for."""
        keep = {e.sha256 for e in wanted}
        partial = self.library.store.root / "partial"
        if partial.is_dir():
            for path in partial.iterdir():
                if path.name.split(".")[0] not in keep:
                    discard_file(path)

    def _remember(self, install: InstallReport) -> None:
        values = {**self._validators, "last_sync_at": format_time(utc_now())}
        if not install.already_current:  # "what's new" is kept until something else changes
            changes = {
                "added": install.added,
                "changed": install.changed,
                "removed": install.removed,
            }
            values["last_changes"] = json.dumps(changes)
        self.library.state.set_many(values)

    def _update_index(self, install: InstallReport) -> None:
        from resources_index.search.library_search import LibrarySearch

        search = LibrarySearch(self.library)
        try:
            search.apply(install.added + install.changed, install.removed)
        finally:
            search.close()


def sync(
    library: Library,
    url: str,
    extra_keys: Iterable[TrustedKey] = (),
    fetch_all: bool = False,
    progress: ProgressCallback = no_sync_progress,
    cancel: Callable[[], bool] = never,
    http: HttpSettings | None = None,
) -> SyncReport:
    """Sync ``library`` from ``url``; raise a ResourcesError with a plain sentence on failure.

    Every attempt is remembered with its outcome (``ok`` or the error's kind), so the window
    and ``status`` can say that the last sync failed rather than only when one last worked."""
    syncer = Syncer(library, url, extra_keys, fetch_all, http=http)
    log.info("sync from %s", shown(syncer.url))
    outcome = "ok"
    try:
        report = syncer.run(progress, cancel)
    except TransferError as exc:
        log.warning("sync failed: %s", exc)
        outcome = "sync.not_changed"
        raise SyncError("sync.not_changed", reason=exc) from None
    except ResourcesError as exc:
        log.warning("sync failed: %s", exc)
        outcome = exc.kind
        raise
    finally:
        syncer.close()
        remember_attempt(library.root, outcome)
    log.info(
        "sync done: %s (%d requests, %d bytes)",
        report.summary(),
        report.requests,
        report.bytes_fetched,
    )
    _deliver_reports(library, http)
    return report


def _deliver_reports(library: Library, http: HttpSettings | None) -> None:
    """Usage reports travel with a sync that worked (docs/privacy.md), on a thread of their
    own that the sync does not wait for; their failure is logged and retried at the next
    sync, never the sync's."""
    from resources_index.reports.delivery import start

    try:
        start(library, http)
    except Exception:
        log.exception("usage reports not delivered")


def fetch_files(
    library: Library,
    url: str,
    resource_ids: Iterable[str],
    keep_offline: bool = False,
    progress: ProgressCallback = no_sync_progress,
    cancel: Callable[[], bool] = never,
    http: HttpSettings | None = None,
) -> SyncReport:
    """Download resources' files now (opening one, or "Make available offline").

    With ``keep_offline`` the resources are remembered, so later syncs fetch their new
    versions whatever the download policy."""
    ids = list(resource_ids)
    if keep_offline:
        library.state.keep_offline(ids)
    syncer = Syncer(library, url, http=http)
    try:
        return syncer.fetch(ids, progress, cancel)
    except TransferError as exc:
        raise SyncError("sync.download_failed", reason=exc) from None
    finally:
        syncer.close()
