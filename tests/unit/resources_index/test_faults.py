"""Bad luck and hostile peers: a dripping server, a full disk, a FIFO in a bundle, a zip bomb
in a kit file, a hostile client of ``serve``. Each ends in one sentence with the library intact."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from resources_index.catalog.model import KitItem
from resources_index.catalog.signing import load_public_key
from resources_index.errors import LibraryError, ObjectError
from resources_index.library.kit_files import export_kit, import_kit
from resources_index.library.kits import KitStore
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.publish.publisher import publish
from resources_index.search.library_search import LibrarySearch
from resources_index.sync import parts_fetch
from resources_index.sync import syncer as sync_module
from resources_index.sync.report import SyncError
from resources_index.sync.serve import CatalogHandler
from resources_index.sync.syncer import Syncer, sync
from resources_index.sync.transfer import Limits
from resources_index.util import fsutil
from tests.helpers.faults import cli, small_disk
from tests.helpers.served import running
from tests.helpers.syncing import FAST
from tests.helpers.trees import snapshot


class DrippingCatalog(CatalogHandler):
    """Sends the catalog (its index first) one byte at a time, 20 a second, forever patient."""

    def _catalog(self, name: str, send_body: bool) -> None:
        data = (self.server.folder / name).read_bytes()
        self._send(200, {"Content-Type": "application/json"}, len(data))
        with contextlib.suppress(OSError):
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)


def test_a_catalog_dripped_a_byte_at_a_time_gives_up_with_a_sentence(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    library.ensure_starter()
    before = snapshot(library.root)
    with running(published, handler=DrippingCatalog) as server:
        syncer = Syncer(library, server.url, [load_public_key(keys[1])], http=FAST)
        syncer.stall_limits = Limits(stall_seconds=1.0, min_bytes=1024)
        began = time.monotonic()
        with pytest.raises(SyncError, match="too slowly"):
            syncer.run()
        syncer.close()
    assert time.monotonic() - began < 15
    assert snapshot(library.root) == before


@pytest.fixture
def with_video(source: Path, published: Path, keys: tuple[Path, Path]) -> Path:
    """Version 2 of the published catalog, with a 6 MB recording added."""
    (source / "recording.mp4").write_bytes(os.urandom(6 * 1024 * 1024))
    publish(source, published, keys[0], catalog_id="test-catalog")
    return published


def test_a_sync_that_cannot_fit_is_refused_before_it_starts_with_the_numbers(
    tmp_path: Path, published: Path, keys: tuple[Path, Path], with_video: Path
) -> None:
    with small_disk(tmp_path / "disk", 30) as disk:
        library = Library(disk / "library")
        library.ensure_starter()
        before = snapshot(library.root)
        with running(with_video) as server, pytest.raises(LibraryError) as refused:
            sync(library, server.url, [load_public_key(keys[1])], fetch_all=True, http=FAST)
        assert "needs" in str(refused.value) and "MB free" in str(refused.value)
        assert snapshot(library.root) == before
        library.close()


def test_a_disk_that_fills_during_a_sync_is_emptied_again_and_reading_still_works(
    tmp_path: Path,
    published: Path,
    keys: tuple[Path, Path],
    with_video: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with small_disk(tmp_path / "disk", 40) as disk:
        library = Library(disk / "library")
        library.ensure_starter()
        assert LibrarySearch(library).search("three houses")[0]  # searched before, as people do
        ballast = disk / "someone-elses-file"
        free = fsutil.free_bytes(disk)
        # Another program leaves 3 MB: the 6 MB recording cannot fit, but the check before
        # the sync saw the disk as it was a moment earlier.
        ballast.write_bytes(b"\0" * (free - 3 * 1024 * 1024))
        monkeypatch.setattr(sync_module, "free_bytes", lambda _: 10**12)
        monkeypatch.setattr(parts_fetch, "free_bytes", lambda _: 10**12)
        with running(with_video) as server, pytest.raises(LibraryError, match=r"disk .* is full"):
            sync(library, server.url, [load_public_key(keys[1])], fetch_all=True, http=FAST)
        partial = library.store.root / "partial"
        assert not list(partial.glob("*")) and not list(library.store.tmp_dir.glob("*.part"))
        assert fsutil.free_bytes(disk) >= 2 * 1024 * 1024  # what it wrote is gone again
        library.close()
        # The disk is still nearly full: every reading command works and says so plainly.
        ballast_more = disk / "more"
        with contextlib.suppress(OSError):
            ballast_more.write_bytes(b"\0" * fsutil.free_bytes(disk))
        for command in (["status"], ["verify"], ["search", "three houses"]):
            done = cli(library.root, *command)
            assert done.returncode == 0, (command, done.stderr)
            assert "Traceback" not in done.stderr
        doctor = cli(library.root, "doctor", "--offline")
        assert "Traceback" not in doctor.stderr
        assert "free where the library is" in doctor.stdout, doctor.stdout


def test_a_fifo_in_a_bundle_is_refused_without_waiting(
    tmp_path: Path, library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    bundle = tmp_path / "usb"
    shutil.copytree(published, bundle)
    victim = next(p for p in (bundle / "objects").glob("*/*") if p.stat().st_size > 0)
    victim.unlink()
    os.mkfifo(victim)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            library.import_bundle(bundle, [load_public_key(keys[1])])
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # free the reader so the test process can end
        with contextlib.suppress(OSError):
            os.close(os.open(victim, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the import waited on the FIFO")
    assert isinstance(outcome[0], ObjectError), outcome
    assert "not an ordinary file" in str(outcome[0]) or "not the" in str(outcome[0])
    assert library.current() is None  # nothing was installed


def test_a_kit_file_whose_member_is_larger_than_its_catalog_says_is_refused_unopened(
    tmp_path: Path, library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    library.import_bundle(published, [load_public_key(keys[1])])
    kit = KitStore(library).create("Bomb", [KitItem("three-houses")])
    folder = export_kit(library, kit, tmp_path / "kit")
    entry = library.current().by_id["three-houses"].main  # type: ignore[union-attr]
    bomb = tmp_path / "bomb.sopkit"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in folder.rglob("*"):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and name != object_relpath(entry.sha256):
                archive.write(path, name)
        with archive.open(object_relpath(entry.sha256), "w", force_zip64=True) as member:
            zeros = b"\0" * (1024 * 1024)
            for _ in range(300):  # 300 MB of zeros, about 300 KB in the file
                member.write(zeros)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    receiver = Library(tmp_path / "receiver")
    shutil.copytree(library.root / "objects", receiver.root / "objects")
    shutil.copy(library.catalog_path, receiver.catalog_path)
    shutil.copy(library.root / "state.sqlite3", receiver.root / "state.sqlite3")
    receiver.store.path(entry.sha256).unlink()
    before = fsutil.tree_size(receiver.root)
    with pytest.raises(ObjectError, match=r"not the .* its catalog declares"):
        import_kit(receiver, bomb)
    assert fsutil.tree_size(receiver.root) <= before + 1024 * 1024
    assert KitStore(receiver).all() == []  # no kit was added


def _raw_request(port: int, data: bytes, read: bool = True) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(data)
        return conn.recv(65536) if read else b""


def test_serve_answers_a_giant_range_with_416_and_closes_slow_clients(
    served_library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CatalogHandler, "header_seconds", 1.0)
    some = next(p for p in (served_library_root / "objects").glob("*/*"))
    path = f"/objects/{some.parent.name}/{some.name}"
    with running(served_library_root) as server:
        port = server.server_address[1]
        answer = _raw_request(
            port, f"GET {path} HTTP/1.1\r\nHost: x\r\nRange: bytes={'9' * 5000}-\r\n\r\n".encode()
        )
        assert answer.startswith(b"HTTP/1.1 416")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as slow:
            slow.sendall(b"GET /catalog.json HTTP/1.1\r\n")  # and then nothing more
            began = time.monotonic()
            assert slow.recv(100) == b""  # the server hung up
            assert time.monotonic() - began < 5
        fine = _raw_request(port, b"GET /catalog.json HTTP/1.1\r\nHost: x\r\n\r\n")
        assert fine.startswith(b"HTTP/1.1 200")


@pytest.fixture
def served_library_root(tmp_path: Path, published: Path, keys: tuple[Path, Path]) -> Path:
    library = Library(tmp_path / "trainer")
    library.import_bundle(published, [load_public_key(keys[1])])
    library.close()
    return library.root


def test_serve_says_where_it_listens(served_library_root: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "resources_index.cli",
            "--data-dir",
            str(served_library_root),
            "serve",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
    assert "only on 127.0.0.1" in line and "every network" not in line


def test_the_size_of_a_library_is_counted_while_its_files_come_and_go(tmp_path: Path) -> None:
    """Settings shows the library's size while a search index may be swapped in beside it: a
    folder that vanishes mid-count is not counted, and never stops the count (it did)."""
    import shutil
    import threading

    root = tmp_path / "library"
    (root / "objects").mkdir(parents=True)
    (root / "objects" / "kept").write_bytes(b"x" * 1000)
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            swapping = root / "index.adopting"
            swapping.mkdir(exist_ok=True)
            for number in range(20):
                (swapping / f"part-{number}").write_bytes(b"y" * 10)
            shutil.rmtree(swapping, ignore_errors=True)

    worker = threading.Thread(target=churn)
    worker.start()
    try:
        sizes = [fsutil.tree_size(root) for _ in range(300)]
    finally:
        stop.set()
        worker.join()
    assert min(sizes) >= 1000 and max(sizes) <= 1000 + 20 * 10
