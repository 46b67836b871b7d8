"""Fetching the server's catalog.json: conditional, bounded in size, given up when it stalls."""

from resources_index.catalog import limits
from resources_index.errors import CatalogError
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.sync.http import HttpSettings, NetworkError, Session, explain, explain_status
from resources_index.sync.report import SyncError, SyncReport
from resources_index.sync.transfer import Limits, StallWatch
from resources_index.util.addresses import shown


def fetch_catalog(
    session: Session,
    url: str,
    library: Library,
    http: HttpSettings,
    stall_limits: Limits,
    report: SyncReport,
) -> tuple[bytes | None, dict[str, str]]:
    """The server's catalog.json (None when it has not changed since the last sync) and the
    validators to remember once it is installed."""
    state = library.state
    headers = {"Accept": "application/json"}
    if state.get("sync_url") == url and library.has_catalog():
        if etag := state.get("sync_etag"):
            headers["If-None-Match"] = etag
        if modified := state.get("sync_last_modified"):
            headers["If-Modified-Since"] = modified
    report.requests += 1
    try:
        response = session.get(
            url + CATALOG_FILE, headers=headers, stream=True, timeout=http.timeout
        )
    except NetworkError as exc:
        raise SyncError("sync.unreachable", url=shown(url), reason=explain(exc)) from None
    with response:
        if response.status_code == 304:
            return None, {}
        if response.status_code != 200:
            raise SyncError(
                "sync.catalog_refused", url=shown(url), reason=explain_status(response.status_code)
            )
        body = bytearray()
        watch = StallWatch(stall_limits)
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
            "sync_etag": response.headers.get("ETag", ""),
            "sync_last_modified": response.headers.get("Last-Modified", ""),
        }
    return bytes(body), validators
