"""The library's own small report files under attack and bad luck: a counts file of random
bytes or a folder in its place, a full disk, a read-only library, an outbox file of garbage or
naming a path outside. Counting never stops a search; what is damaged is set aside and named
in ``doctor``; the other reports go; nothing is written outside the folders meant."""

import json
import os
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.reports.delivery import deliver
from resources_index.reports.outbox import export, outbox, pending, seal, upload_path, waiting
from resources_index.reports.usage import REPORTS_DIR, SET_ASIDE, USAGE_FILE, Usage
from resources_index.support import doctor
from tests.helpers.capture import capture_server
from tests.helpers.faults import cli, small_disk
from tests.helpers.reporting import LAST_WEEK, ONE_TRY, County, county_policy
from tests.helpers.source_tree import build_source

SUITABLE = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, keys: tuple[Path, Path]) -> Path:
    """The test catalog, published once for the module and without PDF copies of its office
    files: nothing here reads them, and LibreOffice making them was most of each test's time
    (9 s of 10 on an idle machine, a minute and more on a busy one)."""
    out = tmp_path_factory.mktemp("published") / "out"
    source = build_source(tmp_path_factory.mktemp("source"))
    report = publish(source, out, keys[0], catalog_id="test-catalog", renditions=False)
    assert report.errors == []
    return out


def set_aside_named_in_doctor(library: Library) -> list[str]:
    return [c.text for c in doctor.run(library, offline=True) if "Set aside" in c.text]


@settings(max_examples=12, deadline=None, suppress_health_check=SUITABLE)
@given(
    damage=st.one_of(
        st.binary(min_size=1, max_size=4096),
        st.binary(min_size=1, max_size=4096).map(lambda b: b"SQLite format 3\x00" + b),
    )
)
def test_a_counts_file_of_random_bytes_never_stops_a_search(
    county: County, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    root = county.folder / "laptop"
    library = Library(root) if (root / "catalog.json").exists() else county.imported_laptop(root)
    counts = root / REPORTS_DIR / USAGE_FILE
    counts.parent.mkdir(parents=True, exist_ok=True)
    for extra in ("-wal", "-shm"):
        Path(f"{counts}{extra}").unlink(missing_ok=True)
    counts.write_bytes(damage)
    assert main(["--data-dir", str(root), "search", "three houses"]) == 0
    assert main(["--data-dir", str(root), "report", "show"]) == 0
    assert "The report for" in capsys.readouterr().out
    # Set aside, unless SQLite took it for an empty database (a file shorter than a page),
    # and counted into it: no garbage stays in place.
    aside = root / REPORTS_DIR / SET_ASIDE
    set_aside = any(p.read_bytes() == damage for p in aside.glob("usage-*.sqlite"))
    assert set_aside or counts.read_bytes().startswith(b"SQLite format 3\x00")
    with Usage.opened(library) as usage:  # counting goes on, in a good file
        usage.count("opened", "three-houses")
        assert usage.report(usage.periods()[-1])["measures"]


def test_a_folder_in_place_of_the_counts_is_set_aside_and_named(county: County) -> None:
    library = county.imported_laptop(county.folder / "laptop")
    counts = library.root / REPORTS_DIR / USAGE_FILE
    (counts / "inside").mkdir(parents=True)
    done = cli(library.root, "search", "three houses")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert counts.is_file()  # counting started again
    [named] = set_aside_named_in_doctor(library)
    assert str(library.root / REPORTS_DIR / SET_ASIDE) in named
    with Usage.opened(library) as usage:
        assert any(m["measure"] == "searches" for m in usage.report(usage.periods()[0])["measures"])


def test_a_full_disk_with_reporting_on_never_stops_a_search(county: County) -> None:
    with small_disk(county.folder / "disk", 40) as disk:
        library = county.imported_laptop(disk / "laptop")
        assert cli(library.root, "search", "three houses").returncode == 0  # index made
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses", now=LAST_WEEK)  # a week to seal
        library.close()
        ballast = disk / "someone-elses-file"
        with ballast.open("wb") as handle:  # every block the disk has
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError:
                pass
        for command in (
            ["search", "three houses"],
            ["search", "zebraquartz"],
            ["report", "show"],
            ["report", "export", str(county.folder / "usb")],
        ):
            done = cli(library.root, *command)
            # Showing the week's counts may need a block the disk no longer has: then it says
            # so in plain words and exits 3 (a problem), never a traceback.
            said_full = command == ["report", "show"] and (
                "counts could not be read (the disk is full)" in done.stderr
                or "counts could not be read (the disk could not be read or written)" in done.stderr
            )
            assert done.returncode == 0 or (done.returncode == 3 and said_full), (
                command,
                done.stderr,
            )
            assert "Traceback" not in done.stderr and "disk I/O error" not in done.stderr


def test_report_show_and_search_in_a_read_only_library(county: County) -> None:
    with small_disk(county.folder / "disk", 40) as disk:
        library = county.imported_laptop(disk / "laptop")
        assert cli(library.root, "search", "three houses").returncode == 0
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses")
        library.close()
        remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
        if remount.returncode != 0:
            pytest.skip("cannot remount the small disk read-only")
        for command in (["report", "show"], ["report", "show", "--json"]):
            done = cli(library.root, *command)
            # The counts may be unreadable where nothing can be written: said plainly, exit 3.
            said = "could not be read (the disk is read-only)" in done.stderr
            assert done.returncode == 0 or (done.returncode == 3 and said), (command, done.stderr)
            assert "Traceback" not in done.stderr


def test_reports_delivered_from_a_read_only_library_are_said_delivered_not_unexpected(
    county: County,
) -> None:
    """The server stores the report, but the library cannot move it to ``sent/``: the true
    sentence (delivered, not recorded, goes again, kept once), never "unexpected"; an export
    likewise, after writing the file."""
    with capture_server() as server, small_disk(county.folder / "disk", 40) as disk:
        url = server.url + "sop-reports/"
        library = county.imported_laptop(disk / "laptop", url)
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses", now=LAST_WEEK)
        [report] = seal(library)
        library.close()
        remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
        if remount.returncode != 0:
            pytest.skip("cannot remount the small disk read-only")
        for attempt in (1, 2):
            done = cli(library.root, "report", "send")
            assert done.returncode == 3 and "Traceback" not in done.stderr, done.stderr
            assert "1 report(s) delivered" in done.stdout, done.stdout
            assert done.stderr.strip() == (
                "Usage reports were delivered, but could not be recorded as sent on this"
                " laptop (the disk is read-only): they stay waiting and go again at the next"
                " sync, and the server keeps one copy of each."
            )
            where = f"/sop-reports/{upload_path(json.loads(report.read_bytes()))}"
            assert [seen.path for seen in server.seen] == [where] * attempt
            assert pending(library) == [report]  # still waiting, as said
        usb = county.folder / "usb"
        done = cli(library.root, "report", "export", str(usb))
        assert done.returncode == 3 and "Traceback" not in done.stderr, done.stderr
        assert "the disk is read-only" in done.stderr and "unexpected" not in done.stderr
        assert "written, but could not be recorded as sent" in done.stderr
        [written] = (usb / "sop-reports").rglob("*.json")
        assert written.read_bytes() == report.read_bytes()


_GARBAGE = st.one_of(
    st.binary(max_size=300),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=10,
    ).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {
            "format": st.just("sop-usage-report"),
            "period": st.sampled_from(["2026-W49", "../../../../tmp/x", "2026-W49/../..", ""]),
            "report_id": st.sampled_from(["0" * 32, "../../../../tmp/x", "a" * 31, "A" * 32]),
            "county": st.text(max_size=12),
            "measures": st.just([]),
        }
    ).map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=SUITABLE)
@given(garbage=_GARBAGE, name=st.sampled_from(["2026-W01-garbage.json", "x.json"]))
def test_an_outbox_file_of_garbage_is_set_aside_and_the_others_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, garbage: bytes, name: str
) -> None:
    with capture_server() as server:
        county_policy(tmp_path, monkeypatch, reports_url=server.url + "sop-reports/")
        library = Library(Path(tempfile.mkdtemp(dir=tmp_path)))  # a laptop per example
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses", now=LAST_WEEK)
        [good] = seal(library)
        bad = outbox(library) / name
        bad.write_bytes(garbage)
        result = deliver(library, ONE_TRY)
        assert result.sent == [good.name] and pending(library) == []
        [seen] = server.seen
        assert seen.body == (library.root / REPORTS_DIR / "sent" / good.name).read_bytes()
    aside = library.root / REPORTS_DIR / SET_ASIDE / name
    assert aside.read_bytes() == garbage
    assert any(str(aside) in line for line in set_aside_named_in_doctor(library))


def test_names_come_only_from_checked_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ``period`` or ``report_id`` of ``../../../../tmp/x``, in an outbox file or in the
    counts database, never becomes a path: ``report export`` writes only inside its folder."""
    county_policy(tmp_path, monkeypatch)
    library = Library(tmp_path / "laptop")
    escape = str(tmp_path / "escaped")
    with Usage.opened(library) as usage:
        usage.count("opened", "three-houses", now=LAST_WEEK)
        with usage._transaction() as db:  # counts of a forged week
            db.execute("INSERT INTO counts VALUES (?, 'opened', 'x', 1)", (f"../../{escape}",))
            db.execute(
                "INSERT INTO periods VALUES (?, 'laptop', ?)", (f"../../{escape}", "../" * 5)
            )
    folder = outbox(library)
    folder.mkdir(parents=True, exist_ok=True)
    forged = {
        "format": "sop-usage-report",
        "format_version": 1,
        "report_id": f"../../../../{escape}",
        "laptop": "x",
        "county": "../../../..",
        "period": f"../../../../{escape}",
        "measures": [],
    }
    (folder / "2026-W01-forged.json").write_text(json.dumps(forged))
    usb = tmp_path / "usb"
    assert main(["--data-dir", str(library.root), "report", "export", str(usb)]) == 0
    written = [p for p in usb.rglob("*") if p.is_file()]
    assert len(written) == 1 and written[0].parent.parent.parent == usb / "sop-reports"
    assert not Path(escape).exists() and not list(tmp_path.glob("escaped*"))
    assert (library.root / REPORTS_DIR / SET_ASIDE / "2026-W01-forged.json").exists()
    assert waiting(library) == [] and export(library, usb) == []


def test_report_show_and_export_say_what_a_garbage_outbox_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    county_policy(tmp_path, monkeypatch)
    library = Library(tmp_path / "laptop")
    with Usage.opened(library) as usage:
        usage.count("opened", "three-houses", now=LAST_WEEK)
    seal(library)
    (outbox(library) / "2026-W02-x.json").write_bytes(os.urandom(64))
    assert main(["--data-dir", str(library.root), "report", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["waiting"]) == 1
    assert main(["--data-dir", str(library.root), "report", "export", str(tmp_path / "usb")]) == 0
    assert "1 report(s) written" in capsys.readouterr().out


def test_a_counts_file_held_by_another_program_is_skipped_and_said(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    """Counting is best-effort: a count that finds the file held waits a moment, not the
    30 s SQLite would, and is skipped; ``report show`` says the counts could not be read."""
    import sqlite3

    library = county.imported_laptop(county.folder / "laptop")
    with Usage.opened(library) as usage:
        usage.count("opened", "three-houses")
        assert usage._db is not None
        [(waits,)] = usage._db.execute("PRAGMA busy_timeout").fetchall()
        assert 0 < waits <= 100  # milliseconds
    holder = sqlite3.connect(library.root / REPORTS_DIR / USAGE_FILE, isolation_level=None)
    # Held for reading too (a WAL database is read beside an ordinary writer), with a write
    # in its log that only the holder can see through.
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("INSERT INTO counts VALUES ('0000-W00', 'held', '', 1)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses")  # skipped, never raised
        data_dir = ["--data-dir", str(library.root)]
        assert main([*data_dir, "search", "three houses"]) == 0
        capsys.readouterr()
        assert main([*data_dir, "report", "show"]) != 0
        said = capsys.readouterr()
        assert "counts could not be read (another program is using it)" in said.err
        assert "Traceback" not in said.err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Usage.opened(library) as usage:
        assert main(["--data-dir", str(library.root), "report", "show"]) == 0
        assert "opened three-houses: 1" in capsys.readouterr().out
        opened = [
            m for m in usage.report(usage.periods()[-1])["measures"] if m["measure"] == "opened"
        ]
        assert opened == [{"measure": "opened", "key": "three-houses", "value": 1}]


def test_files_set_aside_under_one_name_never_replace_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two damaged counts files set aside in the same instant, and two garbage outbox files
    of the same name: each is kept."""
    from resources_index.catalog import times

    county_policy(tmp_path, monkeypatch)
    library = Library(tmp_path / "laptop")
    instant = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(times, "utc_now", lambda: instant)
    counts = library.root / REPORTS_DIR / USAGE_FILE
    aside = library.root / REPORTS_DIR / SET_ASIDE
    damages = [b"first damaged counts " * 50, b"second damaged counts " * 50]
    for damage in damages:
        counts.parent.mkdir(parents=True, exist_ok=True)
        counts.write_bytes(damage)
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses")
    kept = sorted(p.read_bytes() for p in aside.glob("usage-*.sqlite"))
    assert kept == sorted(damages)
    garbage = [b"not a report", b"not a report either"]
    outbox(library).mkdir(parents=True, exist_ok=True)
    for bad in garbage:
        (outbox(library) / "x.json").write_bytes(bad)
        waiting(library)
    assert sorted(p.read_bytes() for p in aside.glob("x*.json")) == sorted(garbage)
    named = set_aside_named_in_doctor(library)
    assert len(named) == 4 and all("Set aside" in line for line in named)


def test_odd_things_in_the_outbox_are_set_aside_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder named like a report and a note beside the reports: set aside and named by
    doctor, as any file that is not a report is (docs/privacy.md), and the report goes."""
    with capture_server() as server:
        county_policy(tmp_path, monkeypatch, reports_url=server.url + "sop-reports/")
        library = Library(tmp_path / "laptop")
        with Usage.opened(library) as usage:
            usage.count("opened", "three-houses", now=LAST_WEEK)
        [good] = seal(library)
        folder = outbox(library) / f"2026-W01-{'0' * 32}.json"
        folder.mkdir()
        (outbox(library) / "notes.txt").write_text("a note")
        result = deliver(library, ONE_TRY)
    assert result.sent == [good.name] and list(outbox(library).iterdir()) == []
    aside = library.root / REPORTS_DIR / SET_ASIDE
    assert (aside / folder.name).is_dir() and (aside / "notes.txt").read_text() == "a note"
    named = set_aside_named_in_doctor(library)
    assert any(folder.name in line for line in named)
    assert any("notes.txt" in line for line in named)
