"""A server address with a user name and password in it: never sent over plain http:// to
another machine, and never kept in clear in the library's state database."""

import sqlite3
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.sync.http import HttpSettings
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from tests.helpers.capture import capture_server
from tests.helpers.served import running

FAST = HttpSettings(connect_timeout=2, read_timeout=2, retries=0)
SECRET = "pa55-w0rd-x"


def test_the_state_keeps_the_server_address_without_its_password(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    with running(published) as server:
        url = server.url.replace("http://", f"http://county:{SECRET}@")
        trusted = [load_public_key(keys[1])]
        assert sync(library, url, trusted, http=FAST).install is not None
        again = sync(library, url, trusted, http=FAST)
    assert again.not_modified and again.requests == 1  # still asked conditionally
    library.close()
    kept = b"".join(p.read_bytes() for p in library.root.glob("state.sqlite3*"))
    assert SECRET.encode() not in kept and b"county:" not in kept
    with sqlite3.connect(library.root / "state.sqlite3") as db:
        [(remembered,)] = db.execute("SELECT value FROM meta WHERE key = 'sync_url'")
    assert remembered.startswith("http://***@127.0.0.1:")


def test_a_password_in_a_plain_http_address_is_never_sent(
    library: Library, keys: tuple[Path, Path]
) -> None:
    """The server is reached through a proxy on 127.0.0.1 that records what comes: nothing
    does, and the sentence says why without the password."""
    with capture_server(200) as proxy:
        through = HttpSettings(
            connect_timeout=2, read_timeout=2, retries=0, proxies={"http": proxy.url}
        )
        url = f"http://county:{SECRET}@sop.county.example/sop/"
        with pytest.raises(SyncError) as refused:
            sync(library, url, [load_public_key(keys[1])], http=through)
        assert proxy.seen == []
    said = str(refused.value)
    assert refused.value.kind == "sync.credentials_in_clear" and SECRET not in said
    assert "http://***@sop.county.example/sop/" in said and "https://" in said
