"""Sync against a real HTTP server on 127.0.0.1 serving a folder made by ``publish``."""

import base64
import dataclasses
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from pytest_httpserver import HTTPServer

from resources_index.catalog.model import canonical_json
from resources_index.catalog.parts import INDEX_FILE, PARTS_FOLDER
from resources_index.catalog.signing import load_private_key, load_public_key
from resources_index.catalog.times import parse_time
from resources_index.errors import (
    CancelledError,
    CatalogError,
    ExpiredError,
    ResourcesError,
    RollbackError,
    SignatureError,
)
from resources_index.library.library import Library
from resources_index.publish.output import write_signed_bytes
from resources_index.publish.publisher import publish
from resources_index.search.library_search import LibrarySearch
from resources_index.sync.http import HttpSettings
from resources_index.sync.report import SyncError, SyncProgress
from resources_index.sync.serve import CatalogHandler
from resources_index.sync.syncer import fetch_files, sync
from tests.helpers.catalog_server import CatalogServer
from tests.helpers.kills import install_moments, kill_when
from tests.helpers.served import running
from tests.helpers.syncing import FAST, whole_catalog_only
from tests.helpers.trees import snapshot


@pytest.fixture
def served(httpserver: HTTPServer, published: Path) -> tuple[CatalogServer, str]:
    server = CatalogServer(published)
    return server, server.install(httpserver)


def test_first_sync_then_no_change_costs_one_request_and_no_writes(
    library: Library, served: tuple[CatalogServer, str], keys: tuple[Path, Path]
) -> None:
    server, url = served
    report = sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert report.install is not None and len(report.install.added) == 7
    assert library.verify() == []
    assert json.loads(library.state.get("last_changes") or "{}")["added"]
    before, requests_before = snapshot(library.root), len(server.log)
    again = sync(library, url, http=FAST)  # the key was remembered
    assert again.not_modified and again.requests == 1
    assert len(server.log) == requests_before + 1 and server.log[-1][1] == 304
    assert snapshot(library.root) == before


def test_incremental_sync_fetches_only_the_changed_resource(
    library: Library,
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    source: Path,
    published: Path,
) -> None:
    server, url = served
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    search = LibrarySearch(library)
    search.refresh()
    (source / "glossary.md").write_text("# Glossary\n\nA zebrafinch definition.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    server.log.clear()
    report = sync(library, url, http=FAST)
    assert report.install is not None and report.install.changed == ["glossary"]
    fetched = [path for path, status, _ in server.log if path.startswith("/objects/")]
    assert len(fetched) == 2  # the new Markdown file and its text; the shipped index is skipped
    rows, _ = LibrarySearch(library).search("zebrafinch")
    assert [r.resource.id for r in rows] == ["glossary"]
    search.close()


def reseal_in_parts(folder: Path, keys: tuple[Path, Path], change) -> None:
    """Rewrite a published catalog's manifest with ``change`` and publish it again whole and
    in parts, signed (canonical, as publishing writes it)."""
    envelope = json.loads((folder / "catalog.json").read_bytes())
    raw = json.loads(base64.b64decode(envelope["manifest"]))
    change(raw)
    times = (parse_time(raw["created"], "created"), parse_time(raw["expires"], "expires"))
    identity = (raw["catalog_id"], raw["version"], *times)
    write_signed_bytes(folder, folder, canonical_json(raw), identity, load_private_key(keys[0]))


@pytest.mark.parametrize("served_file", ["catalog.json", INDEX_FILE])
def test_untrusted_and_tampered_catalogs_leave_the_library_as_it_was(
    library: Library,
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    published: Path,
    tmp_path: Path,
    served_file: str,
) -> None:
    _, url = served
    if served_file == "catalog.json":
        whole_catalog_only(published)
    with pytest.raises(SignatureError, match="does not trust"):
        sync(library, url, http=FAST)
    sync(library, url, [load_public_key(keys[1])], http=FAST)
    before = snapshot(library.root)
    envelope = json.loads((published / served_file).read_text())
    signature = envelope["signature"]
    envelope["signature"] = ("B" if signature[0] != "B" else "C") + signature[1:]
    (published / served_file).write_text(json.dumps(envelope))
    with pytest.raises(SignatureError, match="altered or damaged"):
        sync(library, url, http=FAST)
    (published / served_file).write_text("<!DOCTYPE html><html>Hotel Wi-Fi sign-in</html>")
    if served_file == "catalog.json":
        with pytest.raises(ResourcesError, match="web page instead of a catalog"):
            sync(library, url, http=FAST)
    else:  # an index that cannot be used: catalog.json whole, checked, and nothing changes
        catalog = library.catalog_path.read_bytes()
        report = sync(library, url, http=FAST)
        assert report.install is not None and report.install.already_current
        assert library.catalog_path.read_bytes() == catalog
        before = snapshot(library.root)
    shutil.rmtree(published / "objects")
    assert snapshot(library.root) == before
    assert library.verify() == []


def test_server_errors_and_no_server_are_plain_sentences(
    library: Library, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/catalog.json").respond_with_data("down", status=500)
    with pytest.raises(SyncError, match=r"busy or being updated \(500\)"):
        sync(library, httpserver.url_for("/"), http=FAST)
    with pytest.raises(SyncError, match="Could not reach"):
        sync(library, "http://127.0.0.1:9/", http=FAST)
    assert not library.has_catalog()


def test_a_corrupted_object_on_the_server_is_refused(
    library: Library, served: tuple[CatalogServer, str], keys: tuple[Path, Path], published: Path
) -> None:
    _, url = served
    victim = sorted((published / "objects").glob("*/*"))[0]
    victim.write_bytes(b"!" + victim.read_bytes()[1:])
    with pytest.raises(SyncError, match="does not match its SHA-256"):
        sync(library, url, [load_public_key(keys[1])], http=FAST)
    assert not library.has_catalog()


def test_sync_from_the_command_line(
    served: tuple[CatalogServer, str],
    keys: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from resources_index.cli.main import main

    _, url = served
    data = ["--data-dir", str(tmp_path / "cli-lib")]
    assert main([*data, "sync", url, "--trust", str(keys[1])]) == 0
    # A fresh library starts on the starter catalog; the server's catalog replaces it.
    assert re.search(
        r"Catalog version \d+: 7 added, 0 changed, 56 removed", capsys.readouterr().out
    )
    assert main([*data, "sync", url]) == 0
    assert "Already up to date" in capsys.readouterr().out
    assert main([*data, "sync", "http://127.0.0.1:9/"]) == 1
    assert "Could not reach http://127.0.0.1:9/" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "empty"), "sync"]) == 1
    assert "no server address" in capsys.readouterr().err


# -- refusals: each leaves the library verifying and searching as before ----------------------


@pytest.fixture
def synced_once(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> Iterator[tuple[Library, Any]]:
    """A library synced from ``serve`` over the published folder; the server keeps running."""
    with running(published) as server:
        sync(library, server.url, [load_public_key(keys[1])], http=FAST)
        yield library, server


def still_intact(library: Library, before: dict[str, str]) -> dict[str, str]:
    """Assert nothing changed, the library verifies and searches; return the new snapshot
    (verify records when it last ran)."""
    assert snapshot(library.root) == before
    assert library.verify() == []
    search = LibrarySearch(library)
    rows, _ = search.search("casas")
    assert [r.resource.id for r in rows][:1] == ["tres-casas"]
    search.close()
    return snapshot(library.root)


@pytest.mark.parametrize("served_file", ["catalog.json", INDEX_FILE])
def test_older_expired_and_unsafe_manifests_are_refused_before_any_download(
    synced_once, published: Path, source: Path, keys: tuple[Path, Path], served_file: str
) -> None:
    """Refused on the catalog (or its signed index) alone: no object it names is fetched,
    and from an index only the one part the unsafe change is in, and its page."""
    from tests.helpers.manifests import reseal

    library, server = synced_once
    in_parts = served_file == INDEX_FILE
    version_1 = (published / served_file).read_bytes()
    whole_1 = (published / "catalog.json").read_bytes()
    (source / "glossary.md").write_text("# Glossary\n\nVersion two.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    if not in_parts:
        whole_catalog_only(published)
    sync(library, server.url, http=FAST)
    before = snapshot(library.root)
    version_2 = (published / "catalog.json").read_bytes()

    (published / served_file).write_bytes(version_1)
    (published / "catalog.json").write_bytes(whole_1)  # an older index alone is not refused
    with pytest.raises(RollbackError, match="older than version"):
        sync(library, server.url, http=FAST)
    before = still_intact(library, before)

    def bump(raw: dict) -> None:
        raw["version"] += 1

    def expired(raw: dict) -> None:
        raw["version"], raw["created"] = raw["version"] + 1, "2019-01-01T00:00:00Z"
        raw["expires"] = "2020-01-01T00:00:00Z"

    def escape(raw: dict) -> None:
        raw["version"] += 1
        raw["resources"][0]["files"][0]["name"] = "../../x"

    cases = [
        (expired, ExpiredError, "expired on 2020-01-01"),
        (escape, CatalogError, "x"),
    ]
    for change, error, match in cases:
        (published / "catalog.json").write_bytes(version_2)
        parts_before = set((published / PARTS_FOLDER).glob("*")) if in_parts else set()
        (reseal_in_parts if in_parts else reseal)(published, keys, change)
        new_parts = set((published / PARTS_FOLDER).glob("*")) - parts_before if in_parts else set()
        assert len(new_parts) <= (3 if change is escape else 0)  # a part and its page(s)
        requests_before = server.counters.requests
        with pytest.raises(error, match=match):
            sync(library, server.url, http=FAST)
        # no object; an expired index asks catalog.json (which may be newer) before refusing
        asked_whole = 1 if in_parts and change is expired else 0
        assert server.counters.requests == requests_before + 1 + asked_whole + len(new_parts)
        before = still_intact(library, before)
    (published / "catalog.json").write_bytes(version_2)
    (reseal_in_parts if in_parts else reseal)(published, keys, bump)
    assert sync(library, server.url, http=FAST).install is not None  # the server is fine again


def test_an_object_larger_than_declared_is_refused(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    victim = max((published / "objects").glob("*/*"), key=lambda p: p.stat().st_size)
    with victim.open("ab") as handle:
        handle.write(b"more than the catalog says")
    with running(published) as server, pytest.raises(SyncError, match="larger than the catalog"):
        sync(library, server.url, [load_public_key(keys[1])], http=FAST)
    assert not library.has_catalog()
    assert not library.store.path(victim.name).exists()
    assert not (library.root / "partial" / f"{victim.name}.part").exists()


def test_a_server_that_never_answers_and_an_unknown_name_fail_quickly(
    synced_once, tmp_path: Path
) -> None:
    library, _ = synced_once
    before = snapshot(library.root)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # connections are accepted by the kernel, nothing ever answers
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
    began = time.monotonic()
    with pytest.raises(SyncError, match="did not answer in time"):
        sync(library, url, http=HttpSettings(connect_timeout=1, read_timeout=1, retries=0))
    assert time.monotonic() - began < 10
    silent.close()
    with pytest.raises(SyncError, match="name could not be looked up"):
        sync(library, "http://sop-catalog.invalid/", http=FAST)
    still_intact(library, before)


def test_retries_ride_over_passing_server_errors(
    library: Library, httpserver: HTTPServer, published: Path, keys: tuple[Path, Path]
) -> None:
    served = CatalogServer(published)
    httpserver.expect_ordered_request("/" + INDEX_FILE).respond_with_data("busy", status=503)
    url = served.install(httpserver)
    patient = HttpSettings(connect_timeout=2, read_timeout=2, retries=2, backoff=0.01)
    report = sync(library, url, [load_public_key(keys[1])], http=patient)
    assert report.install is not None and library.verify() == []


# -- interrupted transfers resume ---------------------------------------------------------------


class CutHandler(CatalogHandler):
    """Sends only the first ``CUT`` bytes of any large object, then drops the connection."""

    CUT = 1_000_000

    def copy_body(self, source: BinaryIO, length: int) -> int:
        if length <= self.CUT:
            return super().copy_body(source, length)
        sent = super().copy_body(source, self.CUT)
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)
        return sent


def test_a_server_stopped_mid_file_then_restarted_resumes_without_fetching_twice(
    library: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    (source / "long-video.mp4").write_bytes(os.urandom(6_000_000))
    publish(source, published, keys[0], catalog_id="test-catalog")
    catalog_size = (published / "catalog.json").stat().st_size
    objects_size = sum(p.stat().st_size for p in (published / "objects").glob("*/*"))
    with running(published, handler=CutHandler) as first:
        port = first.server_address[1]
        with pytest.raises(SyncError, match=r"long-video\.mp4.*the next sync resumes it where"):
            sync(library, first.url, [load_public_key(keys[1])], http=FAST)
    assert not library.has_catalog()
    with running(published, port=port) as restarted:
        report = sync(library, restarted.url, [load_public_key(keys[1])], http=FAST)
    assert report.install is not None and library.verify() == []
    fetched = first.counters.bytes_sent + restarted.counters.bytes_sent
    assert fetched - 2 * catalog_size <= objects_size  # never twice any part of the file
    assert restarted.counters.bytes_sent < objects_size - CutHandler.CUT + 2 * catalog_size


# -- the download policy and "available offline" ----------------------------------------------


def test_the_download_policy_leaves_large_files_until_opened_or_kept_offline(
    library: Library, published: Path, keys: tuple[Path, Path], capsys
) -> None:
    from resources_index.cli.main import main

    settings = library.user_settings()
    settings.set("download_policy", "when_opened")
    settings.save(library.root)
    with running(published) as server:
        report = sync(library, server.url, [load_public_key(keys[1])], http=FAST)
        status = library.status()
        assert status["available_offline"] == 0 and status["not_downloaded"] == 7
        # the seven documents, and the PDF renditions of the Word and PowerPoint ones
        assert len(report.deferred) == 9
        assert {"overview.pdf", "danger-statements.pdf"} <= set(report.deferred)
        assert report.summary().endswith("Files that will download when opened: 9.")
        assert library.verify() == []

        fetch_files(library, server.url, ["three-houses"], http=FAST)  # opened once
        assert library.status()["available_offline"] == 1
        assert library.state.kept_offline() == set()

        data = ["--data-dir", str(library.root)]
        assert main([*data, "offline", "intro-video", "--url", server.url]) == 0
        assert "1 resources are available offline" in capsys.readouterr().out
        assert library.state.kept_offline() == {"intro-video"}
        assert library.status()["available_offline"] == 2

        video = library.current().by_id["intro-video"].main  # type: ignore[union-attr]
        library.store.path(video.sha256).unlink()  # e.g. storage cleaned up
        again = sync(library, server.url, http=FAST)  # nothing new on the server...
        assert again.not_modified and library.store.has(video.sha256, video.size)  # ...fetched

        assert main([*data, "offline", "intro-video", "--remove"]) == 0
        assert "freed" in capsys.readouterr().out
        assert not library.store.has(video.sha256, video.size)
        with pytest.raises(ResourcesError, match="No resource with id 'nope'"):
            fetch_files(library, server.url, ["nope"], http=FAST)


def test_bad_settings_values_are_reported_and_replaced_by_defaults(library: Library) -> None:
    library.root.mkdir(parents=True, exist_ok=True)
    (library.root / "settings.json").write_text(
        json.dumps({"download_policy": "sometimes", "download_limit_mb": -3, "colour": "red"})
    )
    settings = library.user_settings()
    assert settings.download_policy == "up_to_limit" and settings.download_limit_mb == 50
    assert len(settings.problems) == 3 and "colour" in str(settings.problems[2])


def test_downloads_run_a_few_at_a_time(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    in_flight, highest, arrived, lock = 0, 0, 0, threading.Lock()
    # The first two downloads wait for each other: they meet only if they run at once (one at
    # a time, the first would wait in vain and the barrier breaks), whatever the machine's load.
    together = threading.Barrier(2, timeout=20)

    class SlowHandler(CatalogHandler):
        def copy_body(self, source: BinaryIO, length: int) -> int:
            nonlocal in_flight, highest, arrived
            with lock:
                in_flight += 1
                highest = max(highest, in_flight)
                arrived += 1
                first_two = arrived <= 2
            if first_two:
                together.wait()
            try:
                return super().copy_body(source, length)
            finally:
                with lock:
                    in_flight -= 1

    progress: list[SyncProgress] = []
    with running(published, handler=SlowHandler) as server:
        sync(
            library,
            server.url,
            [load_public_key(keys[1])],
            http=FAST,
            progress=lambda p: progress.append(dataclasses.replace(p)),
        )
    assert not together.broken and 2 <= highest <= 4
    last = progress[-1]
    assert last.files_done == last.files_total > 5 and last.bytes_done == last.bytes_total


def test_a_cancelled_sync_keeps_the_old_library(
    synced_once, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    library, server = synced_once
    held = library.current().version  # type: ignore[union-attr]
    (source / "long-video.mp4").write_bytes(os.urandom(3_000_000))
    publish(source, published, keys[0], catalog_id="test-catalog")
    before = snapshot(library.root)
    seen: list[int] = []

    def cancel() -> bool:
        return bool(seen)

    with pytest.raises(CancelledError, match="cancelled"):
        sync(
            library,
            server.url,
            http=FAST,
            progress=lambda p: seen.append(p.bytes_done),
            cancel=cancel,
        )
    assert library.current().version == held  # type: ignore[union-attr]
    assert library.verify() == []
    partials = list((library.root / "partial").glob("*.part"))
    assert {p for p in snapshot(library.root) if not p.startswith("partial/")} >= set(before)
    assert partials or any(
        p.startswith("objects/") for p in set(snapshot(library.root)) - set(before)
    )


# -- a sync killed anywhere ----------------------------------------------------------------------


@pytest.mark.slow
def test_sync_killed_at_random_points_always_leaves_a_library_that_verifies_and_searches(
    tmp_path: Path, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    """SIGKILL ``sop-resources sync`` from version 1 to 2 at moments seen on disk: as the
    download starts, at random points through it, and just after the switch; every library
    must open as 1 or 2 (both are seen), verify, search, then finish."""
    base = tmp_path / "base"
    with running(published) as server:
        first = Library(base)
        sync(first, server.url, [load_public_key(keys[1])], http=FAST)
        version_1 = first.current().version  # type: ignore[union-attr]
        first.close()
        (source / "extra.mp4").write_bytes(os.urandom(40 * 1024 * 1024))
        (source / "glossary.md").write_text("# Glossary\n\nVersion two, with casas.\n")
        version_2 = publish(source, published, keys[0], catalog_id="test-catalog").version

        def start(root: Path) -> subprocess.Popen[bytes]:
            shutil.copytree(base, root)
            command = [sys.executable, "-m", "resources_index.cli", "--data-dir", str(root)]
            return subprocess.Popen(
                [*command, "sync", server.url],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        assert start(tmp_path / "uninterrupted").wait() == 0
        seed = random.randrange(1_000_000)
        chooser = random.Random(seed)

        through = sorted(chooser.uniform(1, 39) for _ in range(6))  # megabytes of 40
        outcomes = []
        for number in range(len(through) + 2):
            root = tmp_path / f"killed-{number}"
            process = start(root)
            kill_when(process, install_moments(root, "partial", through)[number])
            check = Library(root)
            manifest = check.current()
            assert manifest is not None and manifest.version in (version_1, version_2), seed
            assert check.verify() == [], seed
            search = LibrarySearch(check)
            rows, _ = search.search("casas")
            assert "tres-casas" in [r.resource.id for r in rows], seed
            search.close()
            outcomes.append(manifest.version)
            if number in (0, 3, 7):  # the next sync finishes the job from wherever it stopped
                sync(check, server.url, http=FAST)
                assert check.current().version == version_2  # type: ignore[union-attr]
                assert check.verify() == []
            check.close()
    # Killed as the download began: the old catalog; after the switch: the new one. A moment
    # near the end of the file may come after its last byte; either catalog is then right.
    assert outcomes[0] == version_1 and outcomes[-1] == version_2, (seed, outcomes)
