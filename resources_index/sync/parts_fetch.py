"""The catalog from ``catalog-index.json`` and the parts the laptop lacks.

The index's signature, rollback and expiry are checked before any part is fetched; each part
is checked by its SHA-256 before it is used, the manifest they make up by its own, and the
catalog rebuilt from them is then accepted like any other (its signature checked again).
Parts the installed catalog already holds are taken from it, so a one-resource edit fetches
the index and one part. Nothing is written to disk here: a killed sync leaves nothing behind.
"""

import base64
import binascii
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from resources_index.catalog import limits
from resources_index.catalog.parts import (
    CatalogIndex,
    PartRef,
    known_parts,
    packed_limit,
    part_refs,
    unpack,
)
from resources_index.catalog.signing import TrustedKey, envelope_bytes, open_envelope
from resources_index.catalog.times import format_time, utc_now
from resources_index.errors import (
    CancelledError,
    ExpiredError,
    RollbackError,
)
from resources_index.library.library import Library
from resources_index.sync.http import HttpSettings, NetworkError, Session, explain, explain_status
from resources_index.sync.report import SyncReport
from resources_index.sync.transfer import Limits, StallWatch, TransferError
from resources_index.util import safe_json
from resources_index.util.fsutil import DISK_RESERVE_BYTES, free_bytes, no_room
from resources_index.util.progress import Cancel

PARALLEL_PARTS = 4
#: Answers for a part that mean the server does not have it (object stores answer 403).
MISSING = (403, 404, 410)


def read_index(
    index_envelope: bytes, trusted: Callable[[], dict[str, TrustedKey]]
) -> tuple[CatalogIndex, str]:
    """The index, its signature checked, and the key that signed it."""
    index_bytes, signer = open_envelope(index_envelope, trusted())
    return CatalogIndex.from_bytes(index_bytes), signer


def catalog_from_index(
    index: CatalogIndex, signer: str, library: Library, fetch: "PartFetcher"
) -> bytes | None:
    """The full ``catalog.json`` the signed index describes, from the installed catalog's
    parts and those fetched; None when the index is not newer than what the laptop has."""
    if not _newer(library, index):
        return None
    check_room(library, index)
    have = known_parts(installed_manifest(library))
    pieces = index.pieces(_take(index.page_refs(), have, fetch))
    manifest_bytes = index.assemble(pieces, _take(part_refs(pieces), have, fetch))
    return envelope_bytes(signer, index.signature, manifest_bytes)


def check_room(library: Library, index: CatalogIndex) -> None:
    """Refuse before the first part when the catalog they make up cannot be kept on the disk
    (``catalog.json``, its manifest in base64, and the parsed copy kept beside it), with the
    numbers, as objects are refused before their first byte."""
    envelope = 4 * (index.manifest_size // 3 + 1) + 1024
    needed = 2 * envelope
    free = free_bytes(library.root)
    if needed + DISK_RESERVE_BYTES > free:
        raise no_room("library.catalog_no_room", needed, free)


def _take(refs: list[PartRef], have: dict[str, bytes], fetch: "PartFetcher") -> dict[str, bytes]:
    """The bytes of ``refs``: those the laptop holds, and the others fetched."""
    wanted = list(dict.fromkeys(r for r in refs if r.sha256 not in have))
    return {**{r.sha256: have[r.sha256] for r in refs if r.sha256 in have}, **fetch.run(wanted)}


def _newer(library: Library, index: CatalogIndex) -> bool:
    """Whether the index is newer than any catalog the laptop accepted; a rollback or a frozen
    server refused on the index alone, before any part is fetched (the catalog it makes up is
    checked again when it is accepted)."""
    highest = library.state.highest_version(index.catalog_id)
    if index.version < highest:
        raise RollbackError("catalog.rollback", version=index.version, highest=highest)
    if index.version > highest and index.expires <= utc_now():
        raise ExpiredError("catalog.expired", date=format_time(index.expires))
    return index.version > highest


def installed_manifest(library: Library) -> bytes:
    """The installed catalog's manifest bytes, unverified: used only as a source of parts,
    each of which is taken only when its SHA-256 is one the new, signed index names."""
    try:
        envelope = safe_json.read_file(library.catalog_path, limits.MAX_ENVELOPE_BYTES)
        if not isinstance(envelope, dict):
            return b""
        return base64.b64decode(str(envelope["manifest"]), validate=True)
    except (OSError, ValueError, KeyError, TypeError, binascii.Error):
        return b""


class PartFetcher:
    """Fetches parts a few at a time, each bounded, watched for stalls and checked, over the
    sync's own session (its connections serve the index, the parts and the objects alike)."""

    def __init__(
        self,
        url: str,
        session: Session,
        http: HttpSettings,
        stall_limits: Limits,
        report: SyncReport,
        cancel: Cancel,
    ) -> None:
        self.url = url
        self.session = session
        self.http = http
        self.stall_limits = stall_limits
        self.report = report
        self.cancel = cancel
        self.lock = threading.Lock()

    def run(self, refs: list[PartRef]) -> dict[str, bytes]:
        if not refs:
            return {}
        with ThreadPoolExecutor(PARALLEL_PARTS, "sop-parts") as pool:
            return dict(zip((r.sha256 for r in refs), pool.map(self.one, refs), strict=True))

    def one(self, ref: PartRef) -> bytes:
        if self.cancel():
            raise CancelledError("cancel.download")
        name = ref.sha256[:12]  # a part is named in sentences by its hash's first digits
        try:
            response = self.session.get(
                self.url + ref.path,
                headers={"Accept-Encoding": "identity"},
                stream=True,
                timeout=self.http.timeout,
            )
        except NetworkError as exc:
            raise TransferError("parts.unreachable", name=name, reason=explain(exc)) from None
        limit = packed_limit(ref)
        body = bytearray()
        with response:
            status = response.status_code
            if status in MISSING:
                raise TransferError("parts.missing", name=name, status=status)
            if status != 200:
                reason = explain_status(status, ref.path)
                raise TransferError("parts.refused", name=name, reason=reason, status=status)
            watch = StallWatch(self.stall_limits)
            while len(body) <= limit:
                try:
                    chunk = response.raw.read1(64 * 1024)
                except Exception as exc:  # urllib3 and socket errors alike
                    reason = explain(exc)
                    raise TransferError("parts.interrupted", name=name, reason=reason) from None
                if not chunk:
                    break
                body += chunk
                if watch.stalled(len(chunk)):
                    raise TransferError("parts.stalled", name=name)
        if len(body) > limit:
            raise TransferError("parts.larger_than_declared", name=name)
        with self.lock:
            self.report.requests += 1
            self.report.bytes_fetched += len(body)
            self.report.catalog_bytes += len(body)
        return unpack(bytes(body), ref)
