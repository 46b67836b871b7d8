"""Fetching the server's catalog: conditional, bounded in size, given up when it stalls.

``catalog-index.json`` is asked for first, and the catalog made up from it and the parts the
laptop lacks (``parts_fetch.py``); a server without one (published by an earlier version, or a
laptop running ``serve``) is asked for ``catalog.json`` whole, and asked for an index again only
a week later, so that a no-change sync stays one request either way.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from resources_index.catalog import limits
from resources_index.catalog.parts import INDEX_FILE
from resources_index.catalog.signing import TrustedKey
from resources_index.catalog.times import format_time, parse_time, utc_now
from resources_index.errors import CatalogError, Words
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.sync.http import NetworkError, Session, explain, explain_status
from resources_index.sync.parts_fetch import PartFetcher, catalog_from_index
from resources_index.sync.report import SyncError
from resources_index.sync.transfer import StallWatch
from resources_index.util.addresses import shown

#: How long a laptop that found no index on a server asks that server for catalog.json alone.
INDEX_ABSENT_FOR = timedelta(days=7)
#: Answers for an index that mean "this server has none" (object stores answer 403 for a
#: file that does not exist when their listing is private).
NO_INDEX = (403, 404, 410)


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
    validators to remember once it is installed."""
    if not _index_absent(library, url):
        answer = _get(session, url, INDEX_FILE, library, fetch, refuse=False)
        if answer.status == 304:
            return None, {}
        if answer.status == 200 and answer.body is not None:
            return catalog_from_index(answer.body, library, trusted, fetch), answer.validators
        if answer.status in NO_INDEX:
            library.state.set_many({"sync_index_absent": f"{format_time(utc_now())} {url}"})
    answer = _get(session, url, CATALOG_FILE, library, fetch, refuse=True)
    return answer.body, answer.validators


def _index_absent(library: Library, url: str) -> bool:
    """Whether this server answered lately that it has no index."""
    when, _, where = (library.state.get("sync_index_absent") or "").partition(" ")
    if where != url:
        return False
    try:
        return utc_now() - parse_time(when, Words("when.last_attempt")) < INDEX_ABSENT_FOR
    except CatalogError:
        return False


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
    remembered = state.get("sync_file") or CATALOG_FILE  # earlier versions kept catalog.json's
    if state.get("sync_url") == url and remembered == name and library.has_catalog():
        if etag := state.get("sync_etag"):
            headers["If-None-Match"] = etag
        if modified := state.get("sync_last_modified"):
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
                "sync.catalog_refused", url=shown(url), reason=explain_status(response.status_code)
            )
        body = bytearray()
        watch = StallWatch(fetch.stall_limits)
        while True:
            try:  # what has arrived, decompressed when the server sent it gzipped
                chunk = response.raw.read1(64 * 1024, decode_content=True)
            except Exception as exc:  # urllib3 and socket errors alike
                raise SyncError("sync.unreachable", url=shown(url), reason=explain(exc)) from None
            if not chunk:
                break
            body += chunk
            if len(body) > limits.MAX_ENVELOPE_BYTES:
                raise CatalogError("catalog.server_too_large")
            if watch.stalled(len(chunk)):
                raise SyncError("sync.catalog_stalled", url=shown(url))
        validators = {
            "sync_url": url,
            "sync_file": name,
            "sync_etag": response.headers.get("ETag", ""),
            "sync_last_modified": response.headers.get("Last-Modified", ""),
        }
    return Answer(200, bytes(body), validators)
