"""What a laptop says of each answer a reports server gives (a refused credential, a
forbidden folder, a connection dropped before the answer), and that a county's password
never crosses a network in clear text."""

from pathlib import Path

import pytest

from resources_index.cli.main import main
from resources_index.errors import say_in_english
from resources_index.library.library import Library
from resources_index.reports import delivery
from resources_index.reports.delivery import deliver, last_delivery
from resources_index.reports.outbox import pending
from resources_index.support import doctor
from resources_index.sync.http import HttpSettings
from resources_index.util.addresses import in_clear
from tests.helpers.capture import capture_server, stalled_server
from tests.helpers.reporting import (
    ONE_TRY,
    County,
    county_policy,
    delivered_to_dropping,
    laptop_for,
)
from tests.helpers.served import running


@pytest.mark.parametrize(
    ("status", "kind", "words"),
    [
        (401, "reports.credentials_wrong", "user name and password (401)"),
        (403, "reports.forbidden", "refused them (403)"),
    ],
)
def test_a_refused_credential_is_said_for_what_it_is(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    status: int,
    kind: str,
    words: str,
) -> None:
    with capture_server(status) as server:
        laptop = laptop_for(tmp_path, monkeypatch, server.url + "sop-reports/", "secret")
        result = deliver(laptop, ONE_TRY)
        assert result.problem is not None and result.problem.kind == kind
        assert len(pending(laptop)) == 1  # kept for the next sync
        assert main(["--data-dir", str(laptop.root), "report", "send"]) != 0
    err = capsys.readouterr().err
    assert words in err and "They wait on this laptop" in err
    last = last_delivery(laptop)
    assert last is not None and words in str(last["problem"])


def test_any_other_failure_is_a_whole_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the fragment of a sentence ("the server answered 500 for ..."): a capital, a
    subject, a full stop, and what happens to the report."""
    with capture_server(500) as server:
        laptop = laptop_for(tmp_path, monkeypatch, server.url + "sop-reports/")
        result = deliver(laptop, ONE_TRY)
    assert result.problem is not None
    said = say_in_english(result.problem)
    assert said.startswith("Usage reports were not delivered: ") and said.endswith(".")
    assert "(500)" in said and "next sync" in said
    with capture_server(201) as gone:
        url = gone.url  # closed: nothing listens there any more
    county_policy(tmp_path, monkeypatch, "Contra Costa", url + "sop-reports/")
    result = deliver(Library(laptop.root), ONE_TRY)
    assert result.problem is not None
    assert say_in_english(result.problem).startswith("Usage reports were not delivered: no ")


def test_a_connection_closed_before_the_answer_is_tried_once_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, result, server = delivered_to_dropping(tmp_path, monkeypatch, drops=1)
    body = server.bodies
    assert server.requests == 2
    assert result.problem is None and len(result.sent) == 1 and pending(laptop) == []
    assert len(body) == 1 and body[0].startswith(b"{")


def test_a_server_that_always_drops_is_tried_twice_and_the_report_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, result, server = delivered_to_dropping(tmp_path, monkeypatch, drops=10)
    assert server.requests == 2  # one retry, not more
    assert result.problem is not None and result.problem.kind == "reports.not_delivered"
    assert len(pending(laptop)) == 1


def test_a_county_password_is_never_sent_over_plain_http(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reports server is reached through a proxy on 127.0.0.1 that records what comes:
    with an http:// address and a password in the policy, nothing comes."""
    with capture_server(201) as proxy:
        laptop = laptop_for(
            tmp_path, monkeypatch, "http://reports.county.example/sop-reports/", "secret"
        )
        through = HttpSettings(
            connect_timeout=2, read_timeout=2, retries=0, proxies={"http": proxy.url}
        )
        result = deliver(laptop, through)
        assert proxy.seen == []
    assert result.problem is not None and result.problem.kind == "reports.credentials_in_clear"
    said = say_in_english(result.problem)
    assert "http://reports.county.example/sop-reports" in said and "https://" in said
    assert "secret" not in said and len(pending(laptop)) == 1
    problems = [c.text for c in doctor.run(laptop, offline=True) if not c.ok]
    assert any("unencrypted" in line for line in problems)


def test_without_a_password_plain_http_still_delivers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with capture_server(201) as proxy:
        laptop = laptop_for(tmp_path, monkeypatch, "http://reports.county.example/sop-reports/")
        through = HttpSettings(
            connect_timeout=2, read_timeout=2, retries=0, proxies={"http": proxy.url}
        )
        result = deliver(laptop, through)
        assert [seen.method for seen in proxy.seen] == ["PUT"]
    assert result.problem is None and len(result.sent) == 1


@pytest.mark.parametrize(
    ("address", "clear"),
    [
        ("http://reports.county.example/", True),
        ("http://10.0.0.5:8080/", True),
        ("http://127.evil.example/", True),
        ("HTTP://Reports.County.Example/", True),
        ("https://reports.county.example/", False),
        ("http://127.0.0.1:8080/", False),
        ("http://127.5.6.7/", False),
        ("http://[::1]:8080/", False),
        ("http://localhost/", False),
        ("http://u:p@localhost:99/", False),
    ],
)
def test_only_this_computer_is_reached_in_clear(address: str, clear: bool) -> None:
    assert in_clear(address) is clear


def test_the_command_line_sync_says_its_outcome_then_the_reports_own(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stalled reports server: the sync's outcome first, then the reports' on a line of
    their own once their deadline has passed, and the command succeeds."""
    county.monkeypatch.setattr(delivery, "DEADLINE_SECONDS", 1.0)
    with stalled_server() as reports, running(county.published) as server:
        laptop = county.laptop(reports.url)
        data = ["--data-dir", str(laptop.root)]
        assert main([*data, "sync", server.url, "--trust", str(county.keys[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    said = lines[-1]
    assert said.startswith("Usage reports were not delivered: the reports server did not")
    assert "within 1 seconds" in said
    assert lines[-2].startswith("Catalog version ") and "added" in lines[-2]


def test_the_command_line_sync_says_how_many_reports_went(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    with capture_server(201) as reports, running(county.published) as server:
        laptop = county.laptop(reports.url + "sop-reports/")
        data = ["--data-dir", str(laptop.root)]
        assert main([*data, "sync", server.url, "--trust", str(county.keys[1])]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Usage reports: 1 delivered, 0 waiting."
