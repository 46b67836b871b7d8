"""``doctor``: a clear line for each problem county IT meets, and a non-zero exit."""

import re
import ssl
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.library.library import Library, open_library
from tests.helpers.served import running
from tests.helpers.syncing import self_signed


def doctor(root: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str]:
    code = main(["--data-dir", str(root), "doctor", *more])
    return code, capsys.readouterr().out


def problems(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("PROBLEM")]


def test_a_healthy_starter_library_passes_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_library(tmp_path / "library")
    code, out = doctor(tmp_path / "library", capsys, "--offline")
    assert code == 0 and problems(out) == []
    assert re.search(r"Catalog sop-starter version \d+, 56 resources", out)
    assert "download_policy = up_to_limit [built-in default]" in out


def test_a_missing_library_is_named_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = doctor(tmp_path / "nothing-here", capsys, "--offline")
    assert code == 3
    assert problems(out) == [
        f"PROBLEM No library in {tmp_path / 'nothing-here'}: start SOP Desktop once, run"
        " 'sop-resources sync', or import a bundle."
    ]


def test_a_corrupt_object_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = open_library(tmp_path / "library")
    victim = next(iter(library.store.stored()))
    victim.write_bytes(b"!" + victim.read_bytes()[1:])
    code, out = doctor(library.root, capsys, "--offline")
    assert code == 3
    [line] = problems(out)
    assert "1 files are damaged or missing" in line and "sop-resources sync" in line


def test_a_wrong_proxy_and_an_untrusted_certificate_are_each_explained(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    library = Library(tmp_path / "library")
    library.import_bundle(published, [load_public_key(keys[1])])
    with running(published) as server:
        settings = library.user_settings()
        settings.set("server_url", server.url)
        settings.set("proxy", "http://127.0.0.1:9")
        settings.save(library.root)
        code, out = doctor(library.root, capsys)
        assert code == 3
        [line] = problems(out)
        assert line.startswith(f"PROBLEM Server {server.url} through the proxy http://127.0.0.1:9")
        assert "proxy could not be reached" in line
        settings.unset("proxy")
        settings.save(library.root)
        code, out = doctor(library.root, capsys)
        assert code == 0 and f"Server {server.url} reachable" in out

    cert_file, key_file = self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    with running(published, tls=context) as tls_server:
        url = tls_server.url.replace("http://", "https://")
        settings.set("server_url", url)
        settings.save(library.root)
        code, out = doctor(library.root, capsys)
        assert code == 3
        [line] = problems(out)
        assert "certificate is not trusted by this computer" in line
        settings.set("ca_bundle", str(cert_file))
        settings.save(library.root)
        code, out = doctor(library.root, capsys)
        assert code == 0 and f"Certificate of {url} trusted ({cert_file})" in out
