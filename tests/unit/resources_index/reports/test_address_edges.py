"""Addresses as administrators and people type them: every one is parsed one bounded way, so
a malformed one (an unclosed IPv6 bracket, a port out of range, another scheme) is said as
such, and a delivery that outlives the program is recorded for ``doctor``."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.config.policy import Policy
from resources_index.config.settings import address_problem
from resources_index.errors import Words
from resources_index.library.library import Library
from resources_index.reports import delivery
from resources_index.reports.delivery import last_delivery, record
from resources_index.reports.outbox import pending
from resources_index.support import doctor
from tests.helpers.capture import stalled_server
from tests.helpers.reporting import County, delivered_to_dropping
from tests.helpers.served import running

BAD_REPORTS_URL = "http://[::1/sop-reports/"


def test_a_malformed_reports_url_is_a_policy_problem_never_a_traceback(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = county.laptop(BAD_REPORTS_URL, password="s3cret")
    assert laptop.policy.reports_url == ""  # ignored: the reports wait for an export
    problems = [c.text for c in doctor.run(laptop, offline=True) if not c.ok]
    assert any(BAD_REPORTS_URL in p and "not a valid web address" in p for p in problems)
    said = [c.text for c in doctor.run(laptop, offline=True) if c.ok]
    assert any(s.startswith("Usage reports: on, exported to a drive (no usable") for s in said)
    laptop.close()
    data = ["--data-dir", str(laptop.root)]
    with running(county.published) as server:
        assert main([*data, "sync", server.url, "--trust", str(county.keys[1])]) == 0
    assert main([*data, "doctor", "--offline"]) == 3
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out and "0 waiting" not in said.out
    assert len(pending(Library(laptop.root))) == 1  # sealed, kept for the next chance


@pytest.mark.parametrize(
    "url",
    ["http://u:pw@[::1/pub/", "http://u:pw@127.0.0.1:99999/pub/", "ftp://127.0.0.1/pub/"],
)
def test_a_malformed_server_address_is_said_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    assert main(["--data-dir", str(tmp_path / "laptop"), "sync", url]) != 0
    said = capsys.readouterr().err
    assert "is not a valid web address" in said and "redirected" not in said
    assert "pw@" not in said and "Traceback" not in said


@settings(max_examples=200, deadline=None)
@given(
    address=st.one_of(
        st.text(max_size=40),
        st.builds(
            "{}://{}{}/{}".format,
            st.sampled_from(["http", "https", "ftp", ""]),
            st.sampled_from(["", "u:p@", "u@"]),
            st.text(alphabet="[]:.0123456789abc%@", max_size=20),
            st.text(max_size=5),
        ),
    )
)
def test_any_address_is_parsed_without_an_exception(address: str) -> None:
    import tempfile

    from resources_index.util.addresses import in_clear, split

    split(address)
    in_clear(address)
    address_problem(address)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.json"
        path.write_text(json.dumps({"reports_url": address, "pac_url": address}))
        policy = Policy.load(path)
        assert all(str(p) for p in policy.problems)
        assert policy.reports_url in ("", address)


def test_a_delivery_the_command_line_stops_waiting_for_is_recorded(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reports server that accepts and never answers: the program ends before the
    delivery does, and doctor shows this outcome, not the one before it."""
    county.monkeypatch.setattr(delivery, "DEADLINE_SECONDS", 1.0)
    with stalled_server() as reports, running(county.published) as server:
        laptop = county.laptop(reports.url)
        record(laptop, delivery.Delivery(sent=["earlier.json"], attempted=True))
        data = ["--data-dir", str(laptop.root)]
        assert main([*data, "sync", server.url, "--trust", str(county.keys[1])]) == 0
    capsys.readouterr()
    last = last_delivery(laptop)
    assert last is not None and "did not answer within" in str(last["problem"])
    assert last["waiting"] == 1
    problems = [c.text for c in doctor.run(laptop, offline=True) if not c.ok]
    assert any("did not answer within" in p for p in problems)


def test_a_server_closing_the_connection_is_said_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, result, _ = delivered_to_dropping(tmp_path, monkeypatch, drops=10)
    said = str(result.problem)
    assert "closed the connection" in said and "offline" not in said


def test_a_missing_catalog_is_said_in_plain_english() -> None:
    said = str(Words("http.404", what=Words("what.catalog")))
    assert said.startswith("the server does not have the catalog at this address (404)")
