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
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import requests

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import FileEntry
from resources_index.catalog.signing import TrustedKey
from resources_index.catalog.times import format_time, utc_now
from resources_index.errors import CatalogError, LibraryError, ResourcesError
from resources_index.library.library import CATALOG_FILE, InstallReport, Library
from resources_index.library.store import object_relpath
from resources_index.sync.http import HttpSettings, explain, explain_status, make_session
from resources_index.sync.transfer import Limits, StallWatch, TransferError, download
from resources_index.util.fsutil import DISK_RESERVE_BYTES, free_bytes, mb
from resources_index.util.progress import never

PARALLEL_DOWNLOADS = 4

log = logging.getLogger(__name__)


class SyncError(ResourcesError):
    """The server could not be used; the library is unchanged."""


@dataclass
class SyncProgress:
    """Where a sync stands, for a progress bar: bytes and files, done and in all."""

    bytes_done: int = 0
    bytes_total: int = 0
    files_done: int = 0
    files_total: int = 0


ProgressCallback = Callable[[SyncProgress], None]


@dataclass
class SyncReport:
    """What a sync did: the install report, requests made and bytes fetched."""

    install: InstallReport | None = None
    requests: int = 0
    bytes_fetched: int = 0
    not_modified: bool = False
    deferred: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.not_modified or self.install is None:
            return "Already up to date: the server's catalog has not changed."
        install = self.install
        line = (
            f"Catalog version {install.version}: {len(install.added)} added,"
            f" {len(install.changed)} changed, {len(install.removed)} removed;"
            f" {self.bytes_fetched:,} bytes fetched."
        )
        if self.deferred:
            line += f" {len(self.deferred)} large files will download when opened."
        return line


def _no_progress(progress: SyncProgress) -> None:
    return None


def _base(url: str) -> str:
    return url if url.endswith("/") else url + "/"


class _Downloader:
    """Fetch a list of objects a few at a time, smallest first.

    After a failure no new download starts, but those under way finish: what they fetch is
    kept for the next sync. Each worker thread has its own session."""

    def __init__(self, syncer: "Syncer", progress: ProgressCallback, cancel: Callable[[], bool]):
        self.syncer = syncer
        self.progress_callback = progress
        self.cancel = cancel
        self.state = SyncProgress()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.local = threading.local()
        self.sessions: list[requests.Session] = []

    def _session(self) -> requests.Session:
        session = getattr(self.local, "session", None)
        if session is None:
            session = self.local.session = make_session(self.syncer.http)
            with self.lock:
                self.sessions.append(session)
        return session

    def _advance(self, count: int) -> None:
        with self.lock:
            self.state.bytes_done += count
            self.progress_callback(self.state)

    def _one(self, entry: FileEntry) -> None:
        if self.stop.is_set():
            return
        try:
            received = download(
                self._session(),
                self.syncer.url + object_relpath(entry.sha256),
                entry,
                self.syncer.library.store,
                self.syncer.http.timeout,
                self.syncer.stall_limits,
                progress=self._advance,
                cancel=self.cancel,
            )
        except TransferError as exc:
            if exc.status != 404 or entry.role not in limits.OPTIONAL_ROLES:
                raise
            # A laptop serving a room may not hold every large file: fetch it when opened.
            with self.lock:
                self.syncer.report.deferred.append(entry.name)
            return
        with self.lock:
            self.syncer.report.requests += 1
            self.syncer.report.bytes_fetched += received
            self.state.files_done += 1
            self.progress_callback(self.state)

    def run(self, entries: list[FileEntry]) -> None:
        self.state.bytes_total = sum(e.size for e in entries)
        self.state.files_total = len(entries)
        self.progress_callback(self.state)
        if not entries:
            return
        try:
            with ThreadPoolExecutor(PARALLEL_DOWNLOADS, "sop-download") as pool:
                futures = [pool.submit(self._one, entry) for entry in entries]
                done, _ = wait(futures, return_when=FIRST_EXCEPTION)
                failed = [f for f in done if f.exception() is not None]
                if failed:
                    self.stop.set()
                    wait(futures)
                    raise failed[0].exception()  # type: ignore[misc]
        finally:
            for session in self.sessions:
                session.close()


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
        self.library = library
        self.url = _base(url)
        self.extra_keys = list(extra_keys)
        settings = library.settings()
        self.auto_download_bytes = None if fetch_all else settings.auto_download_bytes
        self.http = http or HttpSettings.from_settings(settings, pac_url=library.policy.pac_url)
        self.session = make_session(self.http)  # for the catalog; downloads use their own
        self.report = SyncReport()
        self._validators: dict[str, str] = {}
        self.stall_limits = Limits()  # the catalog gives up on a stalled server as files do

    def close(self) -> None:
        self.session.close()

    def run(
        self, progress: ProgressCallback = _no_progress, cancel: Callable[[], bool] = never
    ) -> SyncReport:
        envelope = self._fetch_catalog()
        if envelope is None:
            self.report.not_modified = True
            self._fetch_missing_kept(progress, cancel)
            self.library.state.set_many({"last_sync_at": format_time(utc_now())})
            return self.report
        trusted = self.library.outside_keys(self.extra_keys)
        candidate = self.library.accept(envelope, trusted)
        wanted, deferred = self._plan(candidate.manifest)
        self.report.deferred = [e.name for e in deferred]
        self._prune_partials(wanted)
        self._download(wanted, progress, cancel)
        self.library.trust_signer(self.extra_keys, candidate)
        install = self.library.commit(candidate)
        self.report.install = install
        self._remember(install)
        self._update_index(install)
        return self.report

    def fetch(
        self,
        resource_ids: Iterable[str],
        progress: ProgressCallback = _no_progress,
        cancel: Callable[[], bool] = never,
    ) -> SyncReport:
        """Download the files of resources of the installed catalog that are not local yet."""
        manifest = self.library.current()
        if manifest is None:
            raise LibraryError("There is no catalog installed yet; sync first.")
        wanted_ids = set(resource_ids)
        unknown = wanted_ids - set(manifest.by_id)
        if unknown:
            raise LibraryError(f"No resource with id {sorted(unknown)[0]!r} in this library.")
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
            raise LibraryError(
                f"This sync needs {mb(needed)} and the disk holding the library has"
                f" {mb(free)} free (some room is kept for the system). Free some space, or"
                " choose a smaller download limit in Settings."
            )

    def _download(
        self, entries: list[FileEntry], progress: ProgressCallback, cancel: Callable[[], bool]
    ) -> None:
        """Download ``entries`` when they fit on the disk; when the disk fills up anyway (another
        program wrote meanwhile), remove every half-downloaded file so the disk is not left
        full, and say so."""
        self._check_room(entries)
        try:
            _Downloader(self, progress, cancel).run(entries)
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise LibraryError(
                    f"The library folder could not be written ({exc.strerror or exc})."
                ) from None
            self.library.store.remove_partials()
            with contextlib.suppress(OSError):  # files the installed catalog does not use
                self.library.collect_garbage()
            raise LibraryError(
                "The disk holding the library is full. What this sync had downloaded was"
                " removed again; free some space and sync again."
            ) from None

    def _fetch_missing_kept(self, progress: ProgressCallback, cancel: Callable[[], bool]) -> None:
        """After a no-change answer, still fetch what the policy or the user now wants."""
        manifest = self.library.current()
        if manifest is None:
            return
        wanted, _ = self._plan(manifest)
        if wanted:
            self._download(wanted, progress, cancel)

    def _fetch_catalog(self) -> bytes | None:
        """The server's catalog.json, or None when it has not changed since the last sync."""
        state = self.library.state
        headers = {"Accept": "application/json"}
        if state.get("sync_url") == self.url and self.library.has_catalog():
            if etag := state.get("sync_etag"):
                headers["If-None-Match"] = etag
            if modified := state.get("sync_last_modified"):
                headers["If-Modified-Since"] = modified
        self.report.requests += 1
        try:
            response = self.session.get(
                self.url + CATALOG_FILE, headers=headers, stream=True, timeout=self.http.timeout
            )
        except requests.RequestException as exc:
            raise SyncError(_unreachable(self.url, exc)) from None
        with response:
            if response.status_code == 304:
                return None
            if response.status_code != 200:
                raise SyncError(
                    f"Could not get the catalog from {self.url}:"
                    f" {explain_status(response.status_code, 'the catalog')}."
                    " The library was not changed."
                )
            body = bytearray()
            watch = StallWatch(self.stall_limits)
            while True:
                try:  # what has arrived, decompressed when the server sent it gzipped
                    chunk = response.raw.read1(64 * 1024, decode_content=True)
                except Exception as exc:  # urllib3 and socket errors alike
                    raise SyncError(_unreachable(self.url, exc)) from None
                if not chunk:
                    break
                body += chunk
                if len(body) > limits.MAX_ENVELOPE_BYTES:
                    raise CatalogError("The server's catalog is larger than the format allows.")
                if watch.stalled(len(chunk)):
                    raise SyncError(
                        f"The server at {self.url} sends the catalog too slowly (it stalled);"
                        " the library was not changed. Try again later."
                    )
            self._validators = {
                "sync_url": self.url,
                "sync_etag": response.headers.get("ETag", ""),
                "sync_last_modified": response.headers.get("Last-Modified", ""),
            }
        return bytes(body)

    def _plan(self, manifest: Manifest) -> tuple[list[FileEntry], list[FileEntry]]:
        """Objects to fetch now (small first) and main files left for later by the policy."""
        store = self.library.store
        kept_ids = self.library.state.kept_offline()
        kept = {r.main.sha256 for r in manifest.resources if r.id in kept_ids}
        limit = self.auto_download_bytes
        wanted, deferred = [], []
        for entry in manifest.objects():
            if store.has(entry.sha256, entry.size):
                continue
            if entry.role == "index":
                if self._index_usable():
                    continue
            elif (
                entry.role == "main"
                and limit is not None
                and entry.size > limit
                and entry.sha256 not in kept
            ):
                deferred.append(entry)
                continue
            wanted.append(entry)
        wanted.sort(key=lambda e: (e.role == "index", e.size))
        return self._within_cap(wanted, deferred)

    def _within_cap(
        self, wanted: list[FileEntry], deferred: list[FileEntry]
    ) -> tuple[list[FileEntry], list[FileEntry]]:
        """Keep main files within the policy's storage cap (smallest first); text, captions
        and the index always come, so everything stays searchable."""
        cap_mb = self.library.policy.storage_cap_mb
        if not cap_mb:
            return wanted, deferred
        budget = cap_mb * 1024 * 1024 - self.library.store.bytes_used()
        kept = []
        for entry in wanted:
            if entry.role != "main":
                kept.append(entry)
                budget -= entry.size
        for entry in wanted:
            if entry.role == "main":
                if entry.size <= budget:
                    kept.append(entry)
                    budget -= entry.size
                else:
                    deferred.append(entry)
        kept.sort(key=lambda e: (e.role == "index", e.size))
        return kept, deferred

    def _prune_partials(self, wanted: list[FileEntry]) -> None:
        """Forget half-downloaded objects the new catalog no longer asks for."""
        keep = {e.sha256 for e in wanted}
        partial = self.library.store.root / "partial"
        if partial.is_dir():
            for path in partial.iterdir():
                if path.name.split(".")[0] not in keep:
                    path.unlink(missing_ok=True)

    def _index_usable(self) -> bool:
        from resources_index.search.library_search import LibrarySearch

        search = LibrarySearch(self.library)
        try:
            return not search.index.needs_rebuild()
        finally:
            search.close()

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


def _unreachable(url: str, exc: BaseException) -> str:
    return f"Could not reach {url}: {explain(exc)}. The library was not changed."


def sync(
    library: Library,
    url: str,
    extra_keys: Iterable[TrustedKey] = (),
    fetch_all: bool = False,
    progress: ProgressCallback = _no_progress,
    cancel: Callable[[], bool] = never,
    http: HttpSettings | None = None,
) -> SyncReport:
    """Sync ``library`` from ``url``; raise a ResourcesError with a plain sentence on failure."""
    syncer = Syncer(library, url, extra_keys, fetch_all, http=http)
    log.info("sync from %s", syncer.url)
    try:
        report = syncer.run(progress, cancel)
    except TransferError as exc:
        log.warning("sync failed: %s", exc)
        raise SyncError(f"{exc} The library was not changed.") from None
    except ResourcesError as exc:
        log.warning("sync failed: %s", exc)
        raise
    finally:
        syncer.close()
    log.info(
        "sync done: %s (%d requests, %d bytes)",
        report.summary(),
        report.requests,
        report.bytes_fetched,
    )
    return report


def fetch_files(
    library: Library,
    url: str,
    resource_ids: Iterable[str],
    keep_offline: bool = False,
    progress: ProgressCallback = _no_progress,
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
        raise SyncError(str(exc)) from None
    finally:
        syncer.close()
