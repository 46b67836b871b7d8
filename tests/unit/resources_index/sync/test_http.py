"""HTTP set-up: proxies from settings, certificates from the system or a CA bundle."""

import ssl
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.errors import SignatureError
from resources_index.library.library import Library
from resources_index.sync.http import USER_AGENT, HttpSettings
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from tests.helpers.proxy import proxy
from tests.helpers.served import running
from tests.helpers.syncing import QUICK, self_signed


def test_an_untrusted_certificate_is_explained_and_a_ca_bundle_fixes_it(
    library: Library, published: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    cert_file, key_file = self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    with running(published, tls=context) as server:
        url = server.url.replace("http://", "https://")
        with pytest.raises(SyncError, match="certificate is not trusted by this computer"):
            sync(library, url, [load_public_key(keys[1])], http=HttpSettings(**QUICK))
        assert not library.has_catalog()
        settings = library.user_settings()
        settings.set("ca_bundle", str(cert_file))
        settings.save(library.root)
        report = sync(library, url, [load_public_key(keys[1])])
    assert report.install is not None and library.verify() == []


def test_the_proxy_from_the_settings_carries_every_request(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    with running(published) as server, proxy() as county_proxy:
        settings = library.user_settings()
        settings.set("proxy", county_proxy.url)
        settings.set("server_url", server.url)
        settings.save(library.root)
        report = sync(library, server.url, [load_public_key(keys[1])])
        assert report.install is not None
        assert len(county_proxy.seen) == report.requests
        assert all(path.startswith(server.url) for path in county_proxy.seen)
        assert server.counters.requests == report.requests

        settings.set("proxy", "http://127.0.0.1:9")
        settings.save(library.root)
        library.state.set_many({"sync_etag": ""})
        with pytest.raises(SyncError, match="proxy could not be reached"):
            sync(library, server.url, http=HttpSettings.from_settings(library.settings(), **QUICK))


def test_requests_identify_the_program(library: Library, published: Path) -> None:
    assert USER_AGENT.startswith("SOP-Desktop/")
    with running(published) as server:
        seen: list[str] = []
        original = server.RequestHandlerClass.parse_request

        def spy(handler) -> bool:  # type: ignore[no-untyped-def]
            ok = original(handler)
            seen.append(handler.headers.get("User-Agent", ""))
            return ok

        server.RequestHandlerClass.parse_request = spy  # type: ignore[method-assign]
        try:
            with pytest.raises(SignatureError):
                sync(library, server.url, http=HttpSettings(**QUICK))
        finally:
            server.RequestHandlerClass.parse_request = original  # type: ignore[method-assign]
    assert seen == [USER_AGENT]
