"""Fetching the server's catalog: conditional, bounded in size, given up when it stalls.

``catalog-index.json`` is asked for first, and the catalog made up from it and the parts the
laptop lacks (``parts_fetch.py``); a server without one (published by an earlier version, or a
laptop running ``serve``) is asked for ``catalog.json`` whole, and asked for an index again only
a week later, so that a no-change sync stays one request either way.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from resources_index.catalog import limits
from resources_index.catalog.parts import INDEX_FILE
from resources_index.catalog.signing import TrustedKey
from resources_index.catalog.times import format_time, parse_time, utc_now
from resources_index.errors import (
    CatalogError,
    ExpiredError,
    RollbackError,
    SignatureError,
    Words,
)
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.sync.http import (
    NetworkError,
    Response,
    Session,
    explain,
    explain_status,
)
from resources_index.sync.parts_fetch import PartFetcher, catalog_from_index, read_index
from resources_index.sync.report import SyncError
from resources_index.sync.transfer import StallWatch, TransferError
from resources_index.util.addresses import shown

log = logging.getLogger(__name__)

#: How long a laptop that found no index on a server asks that server for catalog.json alone.
INDEX_ABSENT_FOR = timedelta(days=7)
#: Answers for an index that mean "this server has none" (object stores answer 403 for a
#: file that does not exist when their listing is private).
NO_INDEX = (403, 404, 410)


class _Unread(Exception):
    """The index answered but its body could not be read whole (cut, stalled, too large)."""

    def __init__(self, reason: CatalogError | SyncError) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class Answer:
    """One file's answer: its body (None when unchanged) and the validators to remember."""

    status: int
    body: bytes | None = None
    validators: dict[str, str] = field(default_factory=dict)


def fetch_catalog(
    session: Session,
    url: str,
    library: Library,
    trusted: Callable[[], dict[str, TrustedKey]],
    fetch: PartFetcher,
) -> tuple[bytes | None, dict[str, str]]:
    """The server's catalog.json (None when it has not changed since the last sync) and the
    validators to remember (once it is installed, or at once when it is None).

    The index is used when it makes up a catalog newer than the laptop's. Otherwise (the
    server has none, it cannot be used, or it is not newer: a publisher may have uploaded a
    newer catalog.json and left an older index) catalog.json is asked for, conditionally, and
    checked as always; an expired index is refused only when catalog.json brings nothing."""
    expired: ExpiredError | None = None
    unusable: CatalogError | SyncError | TransferError | None = None  # why the index failed
    no_index, remember = False, {}
    if not _index_absent(library, url):
        try:
            answer = _get(session, url, INDEX_FILE, library, fetch, refuse=False)
        except _Unread as exc:  # cut, stalled, too large: catalog.json may still come whole
            log.warning("The catalog's index could not be read: %s", exc.reason)
            answer, unusable = Answer(0), exc.reason
        if answer.status == 304 and _index_settled(library, url):
            return None, {}  # the normal no-change sync: one request
        no_index, remember = answer.status in NO_INDEX, answer.validators
        if answer.status == 200 and answer.body is not None:
            # The index's validators and version are remembered only when the catalog it
            # made is installed, or when it was settled as not newer (which stays true while
            # it is unchanged): an index whose parts are still being uploaded must be read
            # again, not answered 304 and taken for "nothing changed".
            index_validators, remember = remember, {}
            try:
                index, signer = read_index(answer.body, trusted)
                index_validators["sync_index_version"] = str(index.version)
                built = catalog_from_index(index, signer, library, fetch)
                if built is not None:
                    return built, {**index_validators, "sync_file": INDEX_FILE}
                remember = index_validators  # not newer than the installed catalog
            except SignatureError:
                raise  # catalog.json is signed with the same key: asking it would change nothing
            except RollbackError:
                remember = index_validators  # catalog.json may be newer; if not, nothing changes
            except ExpiredError as exc:
                expired = exc
            except (CatalogError, TransferError) as exc:
                log.warning("The catalog's index or its parts cannot be used: %s", exc)
                unusable = exc
    try:
        whole = _get(session, url, CATALOG_FILE, library, fetch, refuse=True)
    except SyncError as exc:
        if unusable is None:
            raise
        raise SyncError("sync.parts_then_whole", part=unusable, reason=exc) from None
    if no_index:  # said only once catalog.json answered: not for one moment of a missing server
        library.state.set_many({"sync_index_absent": f"{format_time(utc_now())} {shown(url)}"})
    if whole.status == 304:
        if expired is not None:
            raise expired
        return None, {**remember, "sync_url": shown(url), "sync_file": CATALOG_FILE}
    return whole.body, {**remember, **whole.validators}


def _index_settled(library: Library, url: str) -> bool:
    """Whether the index last read from this server (unchanged since) was not older than the
    installed catalog: then its 304 means nothing changed. Otherwise catalog.json may be
    newer than the index, and is asked for too."""
    state = library.state
    if state.get("sync_url") != shown(url):
        return False
    version = state.get("sync_index_version")
    if version is None:  # remembered before the index's version was: the index was used
        return (state.get("sync_file") or CATALOG_FILE) == INDEX_FILE
    installed = state.get("current_version") or "0"
    return version.isdigit() and installed.isdigit() and int(version) >= int(installed)


def _index_absent(library: Library, url: str) -> bool:
    """Whether this server answered lately that it has no index."""
    when, _, where = (library.state.get("sync_index_absent") or "").partition(" ")
    if where != shown(url):
        return False
    try:
        return utc_now() - parse_time(when, Words("when.last_attempt")) < INDEX_ABSENT_FOR
    except CatalogError:
        return False


#: Where each file's validators are kept: the index's and catalog.json's apart, so that
#: catalog.json can be asked for conditionally when the index cannot be used.
_KEYS = {INDEX_FILE: "sync_index", CATALOG_FILE: "sync_catalog"}


def _remembered(library: Library, name: str) -> tuple[str, str]:
    """The ETag and Last-Modified remembered of ``name`` (earlier versions kept one pair, of
    the file ``sync_file`` names, catalog.json when none)."""
    state, prefix = library.state, _KEYS[name]
    etag, modified = state.get(f"{prefix}_etag"), state.get(f"{prefix}_last_modified")
    if etag is None and modified is None and (state.get("sync_file") or CATALOG_FILE) == name:
        etag, modified = state.get("sync_etag"), state.get("sync_last_modified")
    return etag or "", modified or ""


def _get(
    session: Session,
    url: str,
    name: str,
    library: Library,
    fetch: PartFetcher,
    refuse: bool,
) -> Answer:
    """GET ``name``, conditional on what the last sync from this server remembered of it.
    Any answer but 200 and 304 raises when ``refuse``, otherwise it is returned."""
    http, report = fetch.http, fetch.report
    state = library.state
    headers = {"Accept": "application/json"}
    if state.get("sync_url") == shown(url) and library.has_catalog():
        etag, modified = _remembered(library, name)
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
    report.requests += 1
    try:
        response = session.get(url + name, headers=headers, stream=True, timeout=http.timeout)
    except NetworkError as exc:
        raise SyncError("sync.unreachable", url=shown(url), reason=explain(exc)) from None
    with response:
        if response.status_code == 304:
            return Answer(304)
        if response.status_code != 200:
            if not refuse:
                return Answer(response.status_code)
            raise SyncError(
                "sync.catalog_http_error",
                url=shown(url),
                reason=explain_status(response.status_code),
            )
        try:
            body = _read_body(response, url, name, fetch)
            report.bytes_fetched += len(body)
            report.catalog_bytes += len(body)
        except (CatalogError, SyncError) as exc:
            if refuse:
                raise
            raise _Unread(exc) from None
        prefix = _KEYS[name]
        validators = {
            "sync_url": shown(url),
            "sync_file": name,
            f"{prefix}_etag": response.headers.get("ETag", ""),
            f"{prefix}_last_modified": response.headers.get("Last-Modified", ""),
        }
    return Answer(200, body, validators)


def _read_body(response: Response, url: str, name: str, fetch: PartFetcher) -> bytes:
    """The answer's body, decompressed when the server sent it gzipped, refused beyond the
    format's size limit or when it stalls."""
    body = bytearray()
    watch = StallWatch(fetch.stall_limits)
    while True:
        try:  # what has arrived, decompressed when the server sent it gzipped
            chunk = response.raw.read1(64 * 1024, decode_content=True)
        except Exception as exc:  # urllib3 and socket errors alike
            raise SyncError("sync.unreachable", url=shown(url), reason=explain(exc)) from None
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > limits.MAX_ENVELOPE_BYTES:
            kind = "catalog.index_too_large" if name == INDEX_FILE else "catalog.server_too_large"
            raise CatalogError(kind)
        if watch.stalled(len(chunk)):
            raise SyncError("sync.catalog_stalled", url=shown(url))
