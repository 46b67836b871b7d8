"""A CA bundle a setting names is checked as a readable regular file before use: a FIFO in its
place never holds a sync, ``doctor`` or the delivery of reports, and the sentence names it."""

import os
import ssl
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.library.library import Library
from resources_index.support import doctor
from resources_index.sync.http import HttpSettings, ca_bundle_problem, probe
from resources_index.sync.report import SyncError
from resources_index.sync.syncer import sync
from tests.helpers.served import running
from tests.helpers.syncing import QUICK, self_signed

pytestmark = pytest.mark.timeout(120)  # waiting on the FIFO fails the test, never hangs it


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _missing(path: Path) -> None:
    pass


BAD: dict[str, tuple[Callable[[Path], None], str]] = {
    "a FIFO": (_fifo, "not a regular file"),
    "a link to /dev/zero": (_zero, "not a regular file"),
    "missing": (_missing, "ca_bundle"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bundle_that_is_no_file_stops_a_sync_at_once_with_its_name(
    library: Library,
    published: Path,
    keys: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    cert_file, key_file = self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    bundle = tmp_path / "county-bundle.pem"
    make, said = BAD[case]
    make(bundle)
    problem = ca_bundle_problem(str(bundle))
    assert problem is not None and str(bundle) in str(problem) and said in str(problem)
    settings = library.user_settings()
    settings.set("ca_bundle", str(bundle))
    settings.save(library.root)
    http = HttpSettings.from_settings(library.settings(), **QUICK)
    with running(published, tls=context) as server:
        url = server.url.replace("http://", "https://")
        began = time.monotonic()
        with pytest.raises(SyncError) as raised:
            sync(library, url, [load_public_key(keys[1])], http=http)
        assert time.monotonic() - began < 30
        assert str(bundle) in str(raised.value) and "ca_bundle" in str(raised.value)
        assert not library.has_catalog()
        with pytest.raises(Exception, match="ca_bundle"):
            probe(http, url + "/catalog.json")
        settings.set("server_url", url)
        settings.save(library.root)
        checks = list(doctor.run(library))  # online: the server check says it too
    texts = [c.text for c in checks if not c.ok]
    assert any(str(bundle) in t and "Certificates" in t for t in texts)
    assert any(str(bundle) in t and "Server" in t for t in texts)
    library.close()
    assert main(["--data-dir", str(library.root), "doctor", "--offline"]) != 0
    assert str(bundle) in capsys.readouterr().out


def test_a_folder_of_certificates_or_a_readable_file_is_a_bundle(tmp_path: Path) -> None:
    cert_file, _ = self_signed(tmp_path)
    assert ca_bundle_problem(str(cert_file)) is None
    assert ca_bundle_problem(str(tmp_path)) is None


def test_plain_http_never_reads_the_bundle(
    library: Library, published: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    bundle = tmp_path / "fifo.pem"
    _fifo(bundle)
    http = HttpSettings(ca_bundle=str(bundle), **QUICK)  # type: ignore[arg-type]
    with running(published) as server:
        report = sync(library, server.url, [load_public_key(keys[1])], http=http)
    assert report.install is not None


def test_reports_delivery_names_the_bundle_not_a_slow_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resources_index.errors import say_in_english
    from resources_index.reports.delivery import deliver
    from resources_index.reports.outbox import pending
    from tests.helpers.reporting import laptop_for

    bundle = tmp_path / "fifo.pem"
    _fifo(bundle)
    laptop = laptop_for(tmp_path, monkeypatch, "https://127.0.0.1:9/sop-reports/")
    http = HttpSettings(ca_bundle=str(bundle), **QUICK)  # type: ignore[arg-type]
    began = time.monotonic()
    result = deliver(laptop, http)
    assert time.monotonic() - began < 15
    said = say_in_english(result.problem) if result.problem else ""
    assert str(bundle) in said and "ca_bundle" in said and "within" not in said
    assert len(pending(laptop)) == 1  # kept for the next sync
