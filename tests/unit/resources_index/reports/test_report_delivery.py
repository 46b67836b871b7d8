"""Usage reports are delivered exactly once, to the right place, or kept: only a 200, 201 or
204 to the PUT that carried the report counts; a stalled server never holds a sync or the
program's exit past one deadline; the county's credential goes with each PUT, and no address
with a password in it is ever written in clear."""

import base64
import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.reports import delivery
from resources_index.reports.delivery import STORED, deliver, last_delivery
from resources_index.reports.outbox import pending, seal
from resources_index.support import doctor
from resources_index.sync.syncer import sync
from resources_index.util.addresses import shown
from tests.helpers.capture import Capture, answering_server, capture_server, stalled_server
from tests.helpers.reporting import ONE_TRY, County, laptop_for
from tests.helpers.served import running


@pytest.fixture
def capture() -> Iterator[Capture]:
    with capture_server() as server:
        yield server


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(status=st.integers(200, 599))
def test_a_report_counts_as_delivered_only_on_200_201_or_204(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capture: Capture, status: int
) -> None:
    capture.status = status
    laptop = laptop_for(tmp_path, monkeypatch, capture.url + "sop-reports/")
    seal(laptop)
    before = pending(laptop)
    assert before  # one report (or more, kept by earlier examples) waits
    sent, bodies = len(capture.seen), [p.read_bytes() for p in before]
    result = deliver(laptop, ONE_TRY)
    if status in STORED:
        assert result.problem is None and pending(laptop) == []
        # Each PUT carried a report's whole body.
        assert [seen.body for seen in capture.seen[sent:]] == bodies
    else:
        assert result.problem is not None and pending(laptop) == before
        assert result.sent == [] and len(capture.seen) == sent + 1
    assert {seen.method for seen in capture.seen} <= {"PUT"}


def test_the_county_credential_goes_with_each_put(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capture: Capture
) -> None:
    laptop = laptop_for(
        tmp_path, monkeypatch, capture.url + "sop-reports/", password="county secret"
    )
    assert deliver(laptop, ONE_TRY).sent
    [seen] = capture.seen
    assert seen.path.startswith("/sop-reports/Contra-Costa/")
    expected = base64.b64encode(b"Contra-Costa:county secret").decode()
    assert seen.authorization == f"Basic {expected}"
    assert "county secret" not in "\n".join(c.text for c in doctor.run(laptop, offline=True))


def test_a_stalled_server_costs_one_deadline_and_the_report_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with stalled_server() as server:
        laptop = laptop_for(tmp_path, monkeypatch, server.url)
        result = deliver(laptop, deadline=1.0)
        for _ in range(100):  # what the server got (on a busy machine, a moment later)
            if b"PUT /sop-reports/Contra-Costa/" in server.received:
                break
            time.sleep(0.05)
        assert server.accepted == 1
    assert result.problem is not None and result.problem.kind == "reports.too_slow"
    assert result.sent == [] and len(pending(laptop)) == 1
    last = last_delivery(laptop)
    assert last is not None and "did not answer within 1 seconds" in str(last["problem"])
    said = [c.text for c in doctor.run(laptop, offline=True) if not c.ok]
    assert any("did not answer" in line for line in said)


def test_a_sync_ends_without_waiting_for_its_reports(county: County) -> None:
    with stalled_server() as reports, running(county.published) as server:
        laptop = county.laptop(reports.url)
        report = sync(laptop, server.url, [load_public_key(county.keys[1])], http=ONE_TRY)
        assert report.install is not None
        # The sync is over while its reports still wait for the stalled server's answer.
        [thread] = [t for root, t in delivery._running.items() if root == laptop.root.resolve()]
        assert thread.is_alive()
        delivery.finish(timeout=0.1)
        assert thread.is_alive() and len(pending(laptop)) == 1


def test_the_program_exits_at_once_with_a_delivery_under_way(county: County) -> None:
    """As the window closes: its process must not wait for a stalled reports server (the
    deadline is 20 s and a PUT's read time-out 30 s; the child is given 15)."""
    with stalled_server() as reports, running(county.published) as server:
        county.laptop(reports.url)
        script = textwrap.dedent(
            f"""
            import time
            from pathlib import Path
            from resources_index.catalog.signing import load_public_key
            from resources_index.library.library import Library
            from resources_index.sync.syncer import sync
            laptop = Library(Path({str(county.folder / "laptop")!r}))
            sync(laptop, {server.url!r}, [load_public_key(Path({str(county.keys[1])!r}))])
            print("synced", flush=True)
            time.sleep(1.5)  # the delivery is under way when the program ends
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=15
        )
        assert done.returncode == 0 and "synced" in done.stdout, done.stderr
        assert reports.accepted >= 1


def test_a_delivery_cut_by_the_window_closing_is_recorded_not_the_one_before(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Path,
    keys: tuple[Path, Path],
) -> None:
    """The window exits at once during a stalled upload; what it leaves in ``doctor`` is that
    delivery, not finished and kept for the next sync, never the outcome of the one before."""
    with stalled_server() as reports, running(published) as server:
        laptop = laptop_for(tmp_path, monkeypatch, reports.url)
        delivery.record(laptop, delivery.Delivery(sent=["earlier.json"], attempted=True))
        script = textwrap.dedent(
            f"""
            import time
            from pathlib import Path
            from resources_index.catalog.signing import load_public_key
            from resources_index.library.library import Library
            from resources_index.sync.syncer import sync
            from sop_desktop import app
            laptop = Library(Path({str(tmp_path / "laptop")!r}))
            sync(laptop, {server.url!r}, [load_public_key(Path({str(keys[1])!r}))])
            print("synced", flush=True)
            time.sleep(1.0)  # the delivery is under way when the window closes
            app._record_unfinished_delivery()  # as the window's program does on its way out
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=15
        )
        assert done.returncode == 0 and "synced" in done.stdout, done.stderr
        assert reports.accepted >= 1
    last = last_delivery(laptop)
    assert last is not None and last["sent"] == 0 and last["waiting"] == 1, last
    assert last["problem"] == (
        "Usage reports were not delivered: the program was closed while sending them. They"
        " wait on this laptop for the next sync."
    )
    said = [c.text for c in doctor.run(laptop, offline=True) if not c.ok]
    assert any("closed while sending" in line for line in said), said
    assert len(pending(laptop)) == 1


def test_the_command_line_sync_waits_at_most_the_deadline(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    county.monkeypatch.setattr(delivery, "DEADLINE_SECONDS", 1.0)
    with stalled_server() as reports, running(county.published) as server:
        laptop = county.laptop(reports.url)
        data = ["--data-dir", str(laptop.root)]
        assert main([*data, "sync", server.url, "--trust", str(county.keys[1])]) == 0
        assert len(pending(laptop)) == 1
        delivery.finish(timeout=5)  # the delivery gives up at its own deadline
    last = last_delivery(laptop)
    assert last is not None and "did not answer" in str(last["problem"])


@given(
    user=st.text(st.characters(codec="ascii", exclude_characters="/?#@"), min_size=1),
    password=st.text(min_size=1).filter(lambda p: "/" not in p and "?" not in p and "#" not in p),
)
def test_an_address_is_shown_without_its_user_name_and_password(user: str, password: str) -> None:
    address = f"https://{user}:{password}@sop.example.org:8443/sop/"
    assert shown(address) == "https://***@sop.example.org:8443/sop/"
    assert shown("https://sop.example.org/sop/") == "https://sop.example.org/sop/"


def test_a_password_in_a_server_address_is_never_written_in_clear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "pa55-w0rd-x"
    laptop = laptop_for(tmp_path, monkeypatch, f"http://county:{secret}@127.0.0.1:9/sop-reports/")
    data = ["--data-dir", str(laptop.root)]
    address = f"http://county:{secret}@127.0.0.1:9/sop/"
    assert main([*data, "settings", "set", "server_url", address]) == 0
    assert main([*data, "settings", "set", "proxy", f"http://me:{secret}@127.0.0.1:9"]) == 0
    assert main([*data, "settings"]) == 0
    assert main([*data, "sync"]) != 0  # nothing listens there: a sentence naming the address
    assert main([*data, "doctor"]) != 0
    assert main([*data, "report", "send"]) != 0
    assert main([*data, "settings", "set", "server_url", f"ftp://county:{secret}@x/"]) != 0
    said = capsys.readouterr()
    logs = "".join(p.read_text() for p in (tmp_path / "logs").rglob("*") if p.is_file())
    kept = json.dumps(last_delivery(laptop))
    for where in (said.out, said.err, logs, kept):
        assert secret not in where
    assert "http://***@127.0.0.1:9/sop/" in said.out + said.err


def test_an_endless_answer_is_read_no_further_than_a_few_kilobytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server answering 201 and then bytes without end: the report counts as delivered, the
    answer is left unread (the connection closed), the memory never fills."""
    with answering_server(201) as server:
        laptop = laptop_for(tmp_path, monkeypatch, server.url)
        result = deliver(laptop, ONE_TRY, deadline=30.0)
        assert server.closed_by_client.wait(10)
        sent = server.body_bytes_sent
    assert result.problem is None and len(result.sent) == 1 and pending(laptop) == []
    assert sent < 64 * 1024 * 1024  # what the sockets' buffers hold, not what was sent


def test_a_trickling_answer_is_cut_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that answers a byte at a time, never idle long enough for the read timeout:
    the deadline ends the transfer itself, and the delivering thread with it."""
    import threading

    with answering_server(201, trickle=0.2) as server:
        laptop = laptop_for(tmp_path, monkeypatch, server.url)
        result = deliver(laptop, ONE_TRY, deadline=1.5)
        assert server.closed_by_client.wait(10)  # the transfer ended, not just the wait
        for _ in range(100):
            if not any(t.name == "usage-reports" for t in threading.enumerate()):
                break
            time.sleep(0.05)
        assert not any(t.name == "usage-reports" for t in threading.enumerate())
    assert result.problem is not None and result.problem.kind == "reports.too_slow"
    assert len(pending(laptop)) == 1  # it goes again at the next sync
