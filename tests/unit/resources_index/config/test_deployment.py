"""What a county deployment relies on: pre-seeding, a storage cap, a proxy auto-config file."""

import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from resources_index.catalog.signing import load_public_key
from resources_index.config import paths
from resources_index.library.library import open_library
from resources_index.publish.publisher import publish
from resources_index.sync.syncer import sync
from tests.helpers.proxy import proxy
from tests.helpers.reporting import policy_in_force
from tests.helpers.served import running


def use_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **data: object) -> None:
    policy_in_force(monkeypatch, tmp_path / "policy.json", data)


def test_first_start_imports_the_pre_seed_bundle_without_any_network(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    with running(published) as server:
        use_policy(
            tmp_path,
            monkeypatch,
            preseed_bundle=str(published),
            settings={"trusted_keys": [keys[1].read_text()], "server_url": server.url},
        )
        library = open_library(tmp_path / "laptop")
        assert server.counters.requests == 0  # filled from the bundle, not the network
        manifest = library.current()
        assert manifest is not None and manifest.catalog_id == "test-catalog"
        assert library.verify() == []
        report = sync(library, server.url)  # later, online: only what changed moves
        # The first sync asks the index and then catalog.json (an index no newer than the
        # installed catalog may sit beside a newer catalog.json); from then on, one request.
        again = sync(library, server.url)
    assert report.install is not None and report.install.already_current
    assert report.requests == 2 and report.bytes_fetched == report.catalog_bytes  # no object
    assert again.requests == 1 and again.not_modified


def test_a_bad_pre_seed_bundle_falls_back_to_the_starter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_policy(tmp_path, monkeypatch, preseed_bundle=str(tmp_path / "no-such-drive"))
    library = open_library(tmp_path / "laptop")
    assert library.current().catalog_id == "sop-starter"  # type: ignore[union-attr]


def test_the_storage_cap_leaves_large_files_for_later(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    source: Path,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    (source / "long-recording.mp4").write_bytes(os.urandom(3 * 1024 * 1024))
    publish(source, published, keys[0], catalog_id="test-catalog")
    # The laptop holds the starter catalog when it first syncs, and that counts against the
    # cap: leave a little over one megabyte beside it, less than the recording needs.
    starter = sum(f.stat().st_size for f in paths.starter_catalog_dir().rglob("*") if f.is_file())
    cap_mb = starter // (1024 * 1024) + 2
    use_policy(tmp_path, monkeypatch, storage_cap_mb=cap_mb)
    library = open_library(tmp_path / "laptop")
    with running(published) as server:
        report = sync(library, server.url, [load_public_key(keys[1])])
    assert report.deferred == ["long-recording.mp4"]
    assert library.status()["not_downloaded"] == 1
    assert library.store.bytes_used() <= cap_mb * 1024 * 1024


def test_a_proxy_auto_config_file_chooses_the_proxy(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    httpserver: HTTPServer,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    with running(published) as server, proxy() as county_proxy:
        port = county_proxy.server_address[1]
        pac = f'function FindProxyForURL(url, host) {{ return "PROXY 127.0.0.1:{port}"; }}'
        httpserver.expect_request("/proxy.pac").respond_with_data(
            pac, content_type="application/x-ns-proxy-autoconfig"
        )
        use_policy(tmp_path, monkeypatch, pac_url=httpserver.url_for("/proxy.pac"))
        library = open_library(tmp_path / "laptop")
        report = sync(library, server.url, [load_public_key(keys[1])])
        assert report.install is not None
        assert len(county_proxy.seen) == report.requests  # every request went through it
