"""``sop-resources sync``: bring the library up to the server's catalog, safely.

One conditional request when nothing changed. Otherwise the new catalog is checked (signature,
format, rollback, expiry, limits) before anything it names is downloaded; only objects the
library lacks are fetched, small ones first, each verified; the new catalog is switched in
atomically once everything it requires is present; the search index is updated for just the
resources that changed. An interruption at any point leaves the old library, usable.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import requests

from resources_index import limits
from resources_index.catalog import FileEntry, Manifest
from resources_index.errors import CatalogError, ResourcesError
from resources_index.http import HttpSettings, make_session
from resources_index.library import CATALOG_FILE, InstallReport, Library
from resources_index.signing import TrustedKey
from resources_index.store import object_relpath
from resources_index.transfer import TransferError, download

DEFAULT_AUTO_DOWNLOAD_BYTES = 50 * 1024 * 1024


class SyncError(ResourcesError):
    """The server could not be used; the library is unchanged."""


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


def _no_progress(done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


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
        auto_download_bytes: int = DEFAULT_AUTO_DOWNLOAD_BYTES,
        http: HttpSettings | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.library = library
        self.url = _base(url)
        self.extra_keys = list(extra_keys)
        self.fetch_all = fetch_all
        self.auto_download_bytes = auto_download_bytes
        self.http = http or HttpSettings()
        self.session = session or make_session(self.http)
        self.report = SyncReport()
        self._validators: dict[str, str] = {}

    def run(
        self,
        progress: Callable[[int, int], None] = _no_progress,
        cancel: Callable[[], bool] = _never,
    ) -> SyncReport:
        envelope = self._fetch_catalog()
        if envelope is None:
            self.report.not_modified = True
            return self.report
        trusted = self.library.outside_keys(self.extra_keys)
        candidate = self.library.accept(envelope, trusted)
        wanted, deferred = self._plan(candidate.manifest)
        self.report.deferred = [e.name for e in deferred]
        total = sum(e.size for e in wanted)
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            progress(done, total)

        for entry in wanted:
            self.report.requests += 1
            self.report.bytes_fetched += download(
                self.session,
                self.url + object_relpath(entry.sha256),
                entry,
                self.library.store,
                self.http.timeout,
                progress=advance,
                cancel=cancel,
            )
        self.library.trust_signer(self.extra_keys, candidate)
        install = self.library.commit(candidate)
        self.report.install = install
        self._remember(install)
        self._update_index(install)
        return self.report

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
                    f"The server answered {response.status_code} for the catalog at {self.url};"
                    " the library was not changed."
                )
            body = bytearray()
            try:
                for chunk in response.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > limits.MAX_ENVELOPE_BYTES:
                        raise CatalogError("The server's catalog is larger than the format allows.")
            except requests.RequestException as exc:
                raise SyncError(_unreachable(self.url, exc)) from None
            self._validators = {
                "sync_url": self.url,
                "sync_etag": response.headers.get("ETag", ""),
                "sync_last_modified": response.headers.get("Last-Modified", ""),
            }
        return bytes(body)

    def _plan(self, manifest: Manifest) -> tuple[list[FileEntry], list[FileEntry]]:
        """Objects to fetch now (small first) and main files left for later by the policy."""
        store = self.library.store
        wanted, deferred = [], []
        for entry in manifest.objects():
            if store.has(entry.sha256, entry.size):
                continue
            if entry.role == "index":
                if self._index_usable():
                    continue
            elif (
                entry.role == "main"
                and not self.fetch_all
                and entry.size > self.auto_download_bytes
            ):
                deferred.append(entry)
                continue
            wanted.append(entry)
        wanted.sort(key=lambda e: (e.role == "index", e.size))
        return wanted, deferred

    def _index_usable(self) -> bool:
        from resources_index.search import LibrarySearch

        search = LibrarySearch(self.library)
        try:
            return not search.index.needs_rebuild()
        finally:
            search.close()

    def _remember(self, install: InstallReport) -> None:
        changes = {"added": install.added, "changed": install.changed, "removed": install.removed}
        self.library.state.set_many({**self._validators, "last_changes": json.dumps(changes)})

    def _update_index(self, install: InstallReport) -> None:
        from resources_index.search import LibrarySearch

        search = LibrarySearch(self.library)
        try:
            search.apply(install.added + install.changed, install.removed)
        finally:
            search.close()


def _unreachable(url: str, exc: BaseException) -> str:
    text = str(exc)
    if "Name or service not known" in text or "getaddrinfo" in text or "NameResolution" in text:
        why = "its name could not be looked up; check the network"
    elif "timed out" in text.lower() or "Timeout" in type(exc).__name__:
        why = "it did not answer in time"
    else:
        why = "no connection could be made; you may be offline"
    return f"Could not reach {url}: {why}. The library was not changed."


def sync(
    library: Library,
    url: str,
    extra_keys: Iterable[TrustedKey] = (),
    fetch_all: bool = False,
    progress: Callable[[int, int], None] = _no_progress,
    cancel: Callable[[], bool] = _never,
    http: HttpSettings | None = None,
) -> SyncReport:
    """Sync ``library`` from ``url``; raise a ResourcesError with a plain sentence on failure."""
    syncer = Syncer(library, url, extra_keys, fetch_all, http=http)
    try:
        return syncer.run(progress, cancel)
    except TransferError as exc:
        raise SyncError(f"{exc} The library was not changed.") from None
    finally:
        syncer.session.close()
