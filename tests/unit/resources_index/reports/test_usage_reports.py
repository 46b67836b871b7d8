"""Usage reports on the laptop: counted as aggregates per week, alike from the window and the
command line; no family named in any file; shown exactly; sealed once; exported; summarized
with the five-laptop rule."""

import csv
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.reports.outbox import export, pending, seal_finished
from resources_index.reports.periods import period_of
from resources_index.reports.summary import HIDDEN, STATEWIDE, summarize, write_csv
from resources_index.reports.summary_html import write_html
from resources_index.reports.usage import Usage, reporting_on
from tests.helpers.reporting import MONDAY, NEXT_WEEK, county_policy, every_byte_under

NAME = "María García"
#: What the searches typed hold that must never leave (a name, a phone number, an e-mail; not
#: bare digits, which random hex ids may hold by chance).
PRIVATE = ("maria", "garcia", "555-0100", "555 0100", "example.org", "mgarcia")


@pytest.fixture
def laptop(tmp_path: Path, published: Path, keys: tuple[Path, Path], monkeypatch) -> Library:
    county_policy(tmp_path, monkeypatch)
    library = Library(tmp_path / "laptop")
    library.import_bundle(published, [load_public_key(keys[1])])
    return library


def measures(report: dict) -> dict[tuple[str, str], int]:
    return {(m["measure"], m["key"]): m["value"] for m in report["measures"]}


def test_searches_from_the_command_line_count_and_only_catalog_words_leave(
    laptop: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reporting_on(laptop)
    for query in ("three houses", f"safety plan for {NAME} 555-0100 mgarcia@example.org"):
        assert main(["--data-dir", str(laptop.root), "search", query]) == 0
    usage = Usage.of(laptop)
    usage.searched("zebraquartz plan", 0)
    report = usage.report(period_of())
    counted = measures(report)
    assert counted[("searches", "")] == 3
    assert counted[("zero_result_searches", "plan (+1 other word)")] == 1
    assert counted[("days_used", "")] == 1 and report["county"] == "Alameda"
    assert counted[("program_version", report_program(report))] == 1
    keys = [m["key"] for m in report["measures"] if not m["measure"].endswith("_version")]
    words = [re.sub(r"\(\+\d+ other words?\)", "", key) for key in keys]  # the counts aside
    assert not any(c.isdigit() for key in words for c in key)  # no number typed is kept
    usage.close()
    stored = every_byte_under(laptop.root / "reports")
    assert not any(word in stored for word in PRIVATE)


def report_program(report: dict) -> str:
    return next(m["key"] for m in report["measures"] if m["measure"] == "program_version")


def test_a_week_is_sealed_once_into_the_outbox_and_exported_to_a_drive(
    laptop: Library, tmp_path: Path
) -> None:
    usage = Usage.of(laptop)
    usage.count("opened", "three-houses", now=MONDAY)
    usage.count("opened", "three-houses", now=MONDAY + timedelta(days=2))
    usage.feedback("three-houses", "out_of_date", now=MONDAY)
    shown = usage.report("2026-W49")  # what Settings and `report show` display
    assert seal_finished(usage, MONDAY) == []  # the week is not over
    [sealed] = seal_finished(usage, NEXT_WEEK)
    assert json.loads(sealed.read_bytes()) == shown  # exactly what was shown
    assert seal_finished(usage, NEXT_WEEK) == []  # its counts are gone: never sealed twice
    assert measures(shown)[("opened", "three-houses")] == 2
    assert measures(shown)[("days_used", "")] == 2
    usage.close()
    drive = tmp_path / "usb"
    [written] = export(laptop, drive, NEXT_WEEK)
    assert written == drive / "sop-reports" / "Alameda" / "2026-W49" / f"{shown['report_id']}.json"
    assert pending(laptop) == [] and (laptop.root / "reports" / "sent" / sealed.name).exists()


def test_with_reporting_off_nothing_is_counted_and_no_file_is_made(
    tmp_path: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    library = Library(tmp_path / "laptop")
    library.import_bundle(published, [load_public_key(keys[1])])
    assert not reporting_on(library)
    assert main(["--data-dir", str(library.root), "search", "zebraquartz"]) == 0
    usage = Usage.of(library)
    usage.searched("zebraquartz", 0)
    usage.count("opened", "three-houses")
    usage.close()
    assert main(["--data-dir", str(library.root), "report", "export", str(tmp_path / "usb")]) == 0
    assert not (library.root / "reports").exists() and not (tmp_path / "usb").exists()


def test_a_person_may_turn_reports_off_unless_the_policy_locks_them_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county_policy(tmp_path, monkeypatch)
    library = Library(tmp_path / "laptop")
    settings = library.user_settings()
    settings.set("reporting_enabled", False)
    settings.save(library.root)
    assert not reporting_on(library)
    policy = county_policy(tmp_path, monkeypatch, locked=True)
    assert reporting_on(Library(tmp_path / "laptop"))
    policy.write_text("{}")  # how an administrator removes a policy (a missing one is kept)
    settings.set("reporting_enabled", True)  # without a policy, a person alone cannot
    settings.save(library.root)
    assert not reporting_on(Library(tmp_path / "laptop"))


def laptops_typing(
    tmp_path: Path, monkeypatch, published: Path, keys, query: str, count: int, start: int = 0
) -> list[Path]:
    """``count`` laptops of one county, each typing ``query`` (found nothing) in W49."""
    county_policy(tmp_path, monkeypatch, county="Fresno")
    out = []
    for number in range(start, start + count):
        library = Library(tmp_path / f"laptop-{number}")
        library.import_bundle(published, [load_public_key(keys[1])])
        usage = Usage.of(library)
        usage.searched(query, 0, now=MONDAY)
        usage.searched(f"{NAME} safety", 0, now=MONDAY)
        usage.count("opened", "three-houses", now=MONDAY)
        usage.close()
        out += export(library, tmp_path / "share", NEXT_WEEK)
        library.close()
    return out


def test_a_counted_term_on_five_laptops_is_shown_and_no_name_ever_is(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    (source / "report-terms.txt").write_text("# initiatives\nFamily Finding\nCFT\n")
    published = tmp_path / "www"
    publish(source, published, keys[0], catalog_id="test-catalog")
    laptops_typing(tmp_path, monkeypatch, published, keys, "family finding cft", 4)
    summary = summarize([tmp_path / "share"])
    looked = summary.of("Fresno", "zero_result_searches")
    assert "family finding cft" not in looked  # four laptops: not enough to show the words
    assert looked[HIDDEN] == 8
    laptops_typing(tmp_path, monkeypatch, published, keys, "family finding cft", 1, start=4)
    summary = summarize([tmp_path / "share"])
    assert summary.of("Fresno", "zero_result_searches")["family finding cft"] == 5
    assert summary.of(STATEWIDE, "laptops") == {"": 5}
    assert summary.of("Fresno", "opened") == {"three-houses": 5}
    # The name typed on every laptop: counted as words, in no file and no summary.
    assert summary.of("Fresno", "zero_result_searches")["safety (+2 other words)"] == 5
    write_csv(summary, tmp_path / "out" / "summary.csv")
    write_html(summary, tmp_path / "out" / "summary.html")
    for folder in (tmp_path / "share", tmp_path / "out", *tmp_path.glob("laptop-*/reports")):
        assert not any(word in every_byte_under(folder) for word in PRIVATE), folder
    with (tmp_path / "out" / "summary.csv").open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert {
        "county": "Fresno",
        "period": "2026-W49",
        "measure": "laptops",
        "key": "",
        "value": "5",
    } in rows
    assert "family finding cft" in (tmp_path / "out" / "summary.html").read_text()


def test_the_summary_counts_a_report_found_twice_once_and_skips_what_is_not_one(
    tmp_path: Path, keys: tuple[Path, Path], published: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = laptops_typing(tmp_path, monkeypatch, published, keys, "three houses", 2)
    uploads = tmp_path / "uploads" / "Fresno" / "2026-W49"
    uploads.mkdir(parents=True)
    (uploads / written[0].name).write_bytes(written[0].read_bytes())  # sent and exported
    (uploads / "notes.json").write_text('{"format": "something else"}')
    (uploads / "broken.json").write_bytes(b"\\x00\\xff{")
    summary = summarize([tmp_path / "share", tmp_path / "uploads"])
    assert summary.reports == 2 and summary.duplicates == 1 and len(summary.skipped) == 2
    assert summary.of("Fresno", "opened") == {"three-houses": 2}


def test_report_show_prints_the_next_report_exactly(
    laptop: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    usage = Usage.of(laptop)
    usage.count("printed", "three-houses")
    usage.close()
    assert main(["--data-dir", str(laptop.root), "report", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert measures(shown["next"])[("printed", "three-houses")] == 1
    assert shown["next"]["county"] == "Alameda" and shown["waiting"] == []


@pytest.mark.parametrize(
    ("report_terms", "refusal"),
    [
        ("CFT", "report terms are not a list"),
        (["x" * 101], "Report term number 1"),
        ([["nested"]], "Report term number 1"),
        (["term"] * 1001, "too many report terms"),
    ],
)
def test_a_catalog_s_report_terms_are_checked_like_the_rest_of_it(
    published: Path, keys: tuple[Path, Path], report_terms: object, refusal: str
) -> None:
    from resources_index.catalog.model import Manifest
    from resources_index.errors import CatalogError
    from tests.helpers.manifests import read_manifest

    raw = read_manifest(published, keys[1]).to_json()
    raw["report_terms"] = report_terms
    with pytest.raises(CatalogError, match=refusal):
        Manifest.from_bytes(json.dumps(raw).encode())
    raw["report_terms"] = ["Family Finding", "CFT"]
    assert Manifest.from_bytes(json.dumps(raw).encode()).report_terms == ("Family Finding", "CFT")


def test_a_request_from_a_real_laptop_reaches_the_csv_as_text_and_without_its_numbers(
    laptop: Library, tmp_path: Path
) -> None:
    formula = '=HYPERLINK("http://evil.example/x","Click")'
    usage = Usage.of(laptop)
    assert usage.requested(formula, now=MONDAY) == formula  # nothing in it to remove
    assert usage.requested("case ¹²³-⁴⁵-⁶⁷⁸⁹ for the family", now=MONDAY) == (
        "case [removed] for the family"
    )
    usage.close()
    export(laptop, tmp_path / "share", NEXT_WEEK)
    with summarize([tmp_path / "share"]) as summary:
        assert summary.of("Alameda", "resource_requests") == {
            formula: 1,
            "case [removed] for the family": 1,
        }
        write_csv(summary, tmp_path / "summary.csv")
    with (tmp_path / "summary.csv").open(encoding="utf-8", newline="") as table:
        keys = [row["key"] for row in csv.DictReader(table)]
    assert f"'{formula}" in keys and formula not in keys
