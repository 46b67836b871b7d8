"""Downloading one content object: resumable, bounded, verified before it enters the library.

A partial download is kept beside the store (``partial/SHA256.part``) with the ETag it came
with, and resumed with ``Range`` and ``If-Range``. A 206 is accepted only when its
Content-Range is exactly the range asked for; anything else starts over. Bytes are hashed as
they arrive, reading stops at the declared size plus one byte, and a transfer that stalls
(less than ``min_bytes`` in ``stall_seconds``) is abandoned even if the server keeps the
connection alive with a trickle.
"""

import contextlib
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from resources_index.catalog.records import FileEntry
from resources_index.errors import CancelledError, ResourcesError
from resources_index.library.store import ObjectStore
from resources_index.sync.http import NetworkError, Session, explain, explain_status
from resources_index.util import safe_json
from resources_index.util.fsutil import CHUNK, open_regular, remove_file
from resources_index.util.progress import never

#: An ETag is a short quoted token; what is kept beside a partial download is no longer.
MAX_ETAG_BYTES = 1024


class TransferError(ResourcesError):
    """A download failed; the sentence says why (the library is unchanged)."""

    def __init__(self, kind: str, /, status: int | None = None, **params: object) -> None:
        super().__init__(kind, **params)
        self.status = status  # the HTTP status when the server refused the file


@dataclass(frozen=True)
class Limits:
    """The stall deadline: at least ``min_bytes`` every ``stall_seconds``."""

    stall_seconds: float = 30.0
    min_bytes: int = 1024


class StallWatch:
    """Fed the size of every chunk as it arrives; ``stalled`` says when less than
    ``min_bytes`` came in the last ``stall_seconds``. A read timeout alone never fires on a
    server that drips a byte a second: each byte resets it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.window_start = time.monotonic()
        self.window_bytes = 0

    def stalled(self, count: int) -> bool:
        self.window_bytes += count
        now = time.monotonic()
        if now - self.window_start < self.limits.stall_seconds:
            return False
        if self.window_bytes < self.limits.min_bytes:
            return True
        self.window_start, self.window_bytes = now, 0
        return False


def _hash_existing(part: Path, most: int) -> tuple["hashlib._Hash", int]:
    """The SHA-256 and size of what an earlier download left, read up to one chunk past
    ``most`` (the file's size): a FIFO or a device in its place is removed, never read."""
    digest = hashlib.sha256()
    size = 0
    try:
        handle = open_regular(part)
    except FileNotFoundError:
        return digest, 0
    except OSError:  # not a regular file (or unreadable): start again
        with contextlib.suppress(OSError):
            part.unlink()
        return digest, 0
    with handle:
        while size <= most and (chunk := handle.read(CHUNK)):
            digest.update(chunk)
            size += len(chunk)
    return digest, size


def _etag(path: Path) -> str | None:
    """The ETag kept beside a partial download (a short regular file), or None."""
    try:
        return safe_json.read_bytes(path, MAX_ETAG_BYTES).decode("ascii").strip() or None
    except (OSError, ValueError):
        return None


def download(
    session: Session,
    url: str,
    entry: FileEntry,
    store: ObjectStore,
    timeout: tuple[float, float] = (10.0, 30.0),
    limits: Limits = Limits(),
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] = never,
) -> int:
    """Fetch ``entry`` from ``url`` into ``store``; return the bytes received over the network."""
    partial_dir = store.root / "partial"
    partial_dir.mkdir(parents=True, exist_ok=True)
    part = partial_dir / f"{entry.sha256}.part"
    etag_file = partial_dir / f"{entry.sha256}.etag"
    digest, offset = _hash_existing(part, entry.size)
    if offset >= entry.size:  # nothing left to ask for: whatever is there is suspect
        remove_file(part)
        digest, offset = hashlib.sha256(), 0
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
        etag = _etag(etag_file)
        if etag is not None:
            headers["If-Range"] = etag
    try:
        response = session.get(url, headers=headers, stream=True, timeout=timeout)
    except NetworkError as exc:
        raise TransferError("transfer.unreachable", name=entry.name, reason=explain(exc)) from None
    received = 0
    with response:
        if response.status_code == 206 and offset:
            expected = f"bytes {offset}-{entry.size - 1}/{entry.size}"
            if response.headers.get("Content-Range", "").strip() != expected:
                response.close()
                remove_file(part)
                remove_file(etag_file)
                return received + download(
                    session, url, entry, store, timeout, limits, progress, cancel
                )
            mode = "ab"
        elif response.status_code == 200:
            digest, offset, mode = hashlib.sha256(), 0, "wb"
        else:
            raise TransferError(
                "transfer.refused",
                name=entry.name,
                reason=explain_status(response.status_code, entry.name),
                status=response.status_code,
            )
        etag = response.headers.get("ETag")
        if etag:
            etag_file.write_text(etag)
        total = offset
        watch = StallWatch(limits)
        with part.open(mode) as handle:
            while True:
                if cancel():
                    raise CancelledError("cancel.download")
                try:
                    chunk = response.raw.read1(min(CHUNK, entry.size + 1 - total))
                except Exception as exc:  # urllib3 and socket errors alike
                    raise TransferError(
                        "transfer.interrupted", name=entry.name, reason=explain(exc)
                    ) from None
                if not chunk:
                    break
                handle.write(chunk)
                digest.update(chunk)
                total += len(chunk)
                received += len(chunk)
                if progress:
                    progress(len(chunk))
                if total > entry.size:
                    handle.close()
                    remove_file(part)
                    raise TransferError("transfer.too_large", name=entry.name)
                if watch.stalled(len(chunk)):
                    raise TransferError("transfer.stalled", name=entry.name)
                if total == entry.size:
                    break
    if total < entry.size:
        raise TransferError(
            "transfer.ended_early", name=entry.name, size=total, declared=entry.size
        )
    if digest.hexdigest() != entry.sha256:
        remove_file(part)
        remove_file(etag_file)
        raise TransferError("transfer.hash_mismatch", name=entry.name)
    store.install_verified(part, entry.sha256)
    remove_file(etag_file)
    return received
