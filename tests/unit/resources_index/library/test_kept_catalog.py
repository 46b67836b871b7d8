"""The kept parsed copy of the installed catalog (``library.snapshot``): used only for
the exact bytes it came from, never trusted over a changed file, and read once however many
threads ask."""

import base64
import hashlib
import json
import threading
from pathlib import Path

import pytest

from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import load_public_key
from resources_index.errors import LibraryError
from resources_index.library import snapshot
from resources_index.library.library import Library
from tests.helpers.manifests import read_manifest


def _installed(library: Library, published: Path, keys: tuple[Path, Path]) -> Path:
    library.import_bundle(published, [load_public_key(keys[1])])
    library.close()
    return library.root


def test_a_reopened_library_reads_the_kept_copy_and_it_equals_the_catalog(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    root = _installed(library, published, keys)
    kept = list((root / snapshot.CACHE_DIR).glob("manifest-*.marshal"))
    assert len(kept) == 1
    reopened = Library(root)
    manifest = reopened.current()
    reopened.close()
    assert manifest == read_manifest(root, keys[1])
    assert manifest.by_id.keys() == {r.id for r in manifest.resources}


def test_a_damaged_kept_copy_is_ignored_and_rewritten(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    root = _installed(library, published, keys)
    (kept,) = (root / snapshot.CACHE_DIR).glob("manifest-*.marshal")
    kept.write_bytes(kept.read_bytes()[:100])
    reopened = Library(root)
    assert reopened.current() == read_manifest(root, keys[1])
    reopened.close()
    assert len(kept.read_bytes()) > 100


def test_a_changed_catalog_file_is_checked_again_not_read_from_the_kept_copy(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    root = _installed(library, published, keys)
    catalog = root / "catalog.json"
    envelope = json.loads(catalog.read_bytes())
    manifest = json.loads(base64.b64decode(envelope["manifest"]))
    manifest["resources"][0]["title"] = "Changed behind the library's back"
    envelope["manifest"] = base64.b64encode(json.dumps(manifest).encode()).decode()
    catalog.write_text(json.dumps(envelope))
    reopened = Library(root)
    with pytest.raises(LibraryError, match="damaged"):
        reopened.current()
    reopened.close()


def test_the_same_catalog_written_differently_is_checked_and_kept_again(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    root = _installed(library, published, keys)
    catalog = root / "catalog.json"
    catalog.write_bytes(catalog.read_bytes().replace(b'"manifest"', b'"manifest" ', 1))
    reopened = Library(root)
    assert reopened.current() == read_manifest(root, keys[1])
    reopened.close()
    sha = hashlib.sha256(catalog.read_bytes()).hexdigest()
    kept = list((root / snapshot.CACHE_DIR).glob("manifest-*.marshal"))
    assert [path.name for path in kept] == [f"manifest-{sha[:32]}.marshal"]


def test_threads_asking_at_once_share_one_read(
    library: Library, published: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _installed(library, published, keys)
    reopened = Library(root)
    reads: list[str] = []
    real_load = snapshot.load
    arrivals = _CountingLock()
    reopened.folder._reading = arrivals  # type: ignore[assignment]

    def slow_load(root: Path, sha256: str) -> Manifest | None:
        reads.append(sha256)
        # A large catalog takes a while: every other thread arrives and waits meanwhile.
        assert arrivals.wait_for(6), "the other threads never came to read"
        return real_load(root, sha256)

    monkeypatch.setattr(snapshot, "load", slow_load)
    start = threading.Barrier(6)
    answers: list[Manifest | None] = []

    def ask() -> None:
        start.wait()
        answers.append(reopened.current())

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reopened.close()
    assert len(answers) == 6 and len(reads) == 1
    assert all(answer is answers[0] for answer in answers)


class _CountingLock:
    """A lock that counts the threads that came to take it, and lets one wait for them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._arrived = 0
        self._changed = threading.Condition()

    def __enter__(self) -> None:
        with self._changed:
            self._arrived += 1
            self._changed.notify_all()
        self._lock.acquire()

    def __exit__(self, *_: object) -> None:
        self._lock.release()

    def wait_for(self, count: int, timeout: float = 30) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._arrived >= count, timeout)
