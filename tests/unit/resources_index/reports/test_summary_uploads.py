"""The statewide summary over whatever anyone who can upload wrote: every file read within
bounds (regular files only, one budget), a bad one set aside and named while the rest are
summarized, ids claimed twice set aside, the county taken from the upload folder, no cell a
spreadsheet would run, and the five-laptop rule kept against forged counts."""

import contextlib
import csv
import json
import os
import re
import secrets
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.cli.main import main
from resources_index.reports import report_files
from resources_index.reports.privacy import scrubbed
from resources_index.reports.summary import (
    FORMULA_STARTS,
    HIDDEN,
    STATEWIDE,
    spreadsheet_safe,
    summarize,
    write_csv,
)
from resources_index.reports.summary_html import write_html
from tests.helpers.reporting import PERIOD, report

ROOT = Path(__file__).resolve().parents[4]


def upload(base: Path, data: dict, county: str | None = None, name: str | None = None) -> Path:
    """``data`` PUT where the county's credential lets it: ``base/COUNTY/PERIOD/ID.json``."""
    folder = base / (county or data["county"].replace(" ", "-")) / PERIOD
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or f"{data['report_id']}.json")
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def reasons(summary) -> dict[str, str]:
    """What was set aside: the file's name -> the reason given."""
    out = {}
    for line in summary.skipped:
        path, _, reason = line.partition(": ")
        out[Path(path).name] = reason
    return out


def test_hostile_files_are_set_aside_by_name_and_the_rest_summarized(tmp_path: Path) -> None:
    base = tmp_path / "sop-reports"
    good = upload(base, report(measures=[("opened", "three-houses", 2)]))
    folder = good.parent
    (folder / "deep.json").write_bytes(b"[" * 5000)  # 5 KB nginx accepts
    (folder / "huge-number.json").write_bytes(b"[" + b"9" * 5000 + b"]")
    upload(base, report(measures=[("catalog_version", "x", 1)]), name="version-x.json")
    upload(base, report(measures=[("opened", "a", 1.5)]), name="float.json")
    upload(base, report(measures=[("opened", "a", True)]), name="bool.json")
    (folder / "nan.json").write_text(
        json.dumps(report()).replace('"format_version": 1', '"format_version": NaN')
    )
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "elsewhere.json").symlink_to(good)
    os.mkfifo(folder / "fifo.json")
    (folder / "folder.json").mkdir()
    (folder / "big.json").write_bytes(b" " * (report_files.MAX_REPORT_BYTES + 1))
    (folder / "surrogate.json").write_text(json.dumps(report(measures=[("opened", "\ud800", 1)])))
    upload(base, report(period="../../etc"), name="period.json")
    upload(base, report(county="statewide"), county="statewide", name="statewide.json")
    (base / "loose.json").write_text(json.dumps(report()))  # in no county's folder
    with summarize([base, tmp_path / "nowhere"]) as summary:
        assert summary.reports == 1
        assert summary.of("Fresno", "opened") == {"three-houses": 2}
        found = reasons(summary)
        assert found == {
            "deep.json": "The contents of the file are nested more deeply than the format allows",
            "huge-number.json": (
                "The contents of the file hold a number larger than the format allows"
            ),
            "version-x.json": "a key of catalog_version that is not of its form",
            "float.json": "a measure that is not one",
            "bool.json": "a measure that is not one",
            "nan.json": "a report format version this program does not read",
            "zero.json": "a link, not a regular file",
            "elsewhere.json": "a link, not a regular file",
            "fifo.json": "not a regular file",
            "folder.json": "not a regular file",
            "big.json": "larger than a report can be (1,048,576 bytes)",
            "surrogate.json": "a key of opened that is not of its form",
            "period.json": "no valid period",
            "statewide.json": "in the folder 'statewide', which reads as the whole state",
            "loose.json": "not in a county's folder (REPORTS/COUNTY/...)",
            "nowhere": "cannot be listed (not a folder)",
        }
        write_csv(summary, tmp_path / "out.csv")
        write_html(summary, tmp_path / "out.html")
    assert "three-houses" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_the_county_is_the_upload_folder_and_a_report_naming_another_is_set_aside(
    tmp_path: Path,
) -> None:
    base = tmp_path / "uploads"
    upload(base, report("Contra Costa", [("opened", "three-houses", 1)]))
    forged = upload(base, report("Fresno", [("opened", "three-houses", 9)]), county="Contra-Costa")
    drive = tmp_path / "usb"  # an export: DRIVE/sop-reports/COUNTY/PERIOD/ID.json
    upload(drive / "sop-reports", report("Fresno", [("opened", "three-houses", 1)]))
    with summarize([base, drive]) as summary:
        assert summary.counties() == ["Contra Costa", "Fresno"]
        assert summary.of("Contra Costa", "opened") == {"three-houses": 1}
        assert summary.of(STATEWIDE, "opened") == {"three-houses": 2}
        assert reasons(summary) == {
            forged.name: "it names the county 'Fresno' but was uploaded into the folder of"
            " 'Contra-Costa'"
        }


def test_two_different_reports_claiming_one_id_are_both_set_aside_and_named(
    tmp_path: Path,
) -> None:
    base = tmp_path / "uploads"
    real = report(measures=[("opened", "three-houses", 1)])
    first = upload(base, real, name="a.json")
    copy = upload(base, real, name="b.json")  # the same report exported and uploaded
    rival = upload(base, {**real, "measures": []}, name="c.json")
    other = report(measures=[("opened", "guide", 1)])
    upload(base, other)
    (copy.parent / "d.json").write_text(json.dumps(other, indent=4))  # same, spaced otherwise
    with summarize([base]) as summary:
        assert summary.reports == 1 and summary.duplicates == 1
        assert summary.of("Fresno", "opened") == {"guide": 1}
        claimed = f"another file claims its report id {real['report_id']} with different contents"
        assert reasons(summary) == {
            p.name: f"{claimed}; both are set aside" for p in (first, copy, rival)
        }


def test_files_past_the_reading_budget_are_counted_and_said_not_read(tmp_path: Path) -> None:
    base = tmp_path / "uploads"
    for number in range(5):
        upload(base, report(measures=[("opened", "guide", 1)]), name=f"{number}.json")
    budget = report_files.Budget(total=3 * report_files.MIN_FILE_COST)  # three small files
    with summarize([base], budget) as summary:
        assert summary.reports == 3 and summary.value("Fresno", "opened", "guide") == 3
        assert summary.skipped == [
            "(more files): 2 not read: a summary reads at most 0.0 MB;"
            " summarize fewer folders at a time"
        ]


def test_four_forged_reports_with_a_count_of_zero_cannot_show_a_rare_word(
    tmp_path: Path,
) -> None:
    base = tmp_path / "uploads"
    rare = ("zero_result_searches", "garcia", 1)
    upload(base, report(measures=[rare]))
    for _ in range(4):
        upload(base, report(measures=[("zero_result_searches", "garcia", 0)]))
    with summarize([base]) as summary:
        assert summary.of("Fresno", "zero_result_searches") == {HIDDEN: 1}
        assert summary.of(STATEWIDE, "zero_result_searches") == {HIDDEN: 1}
        assert summary.value("Fresno", "laptops", "") == 5
    for _ in range(4):  # four more laptops that did type it: now five typed it
        upload(base, report(measures=[rare]))
    with summarize([base]) as summary:
        assert summary.of("Fresno", "zero_result_searches") == {"garcia": 5}


def test_one_laptop_sending_five_reports_is_still_one_laptop(tmp_path: Path) -> None:
    base = tmp_path / "uploads"
    laptop = secrets.token_hex(16)
    for _ in range(5):
        upload(base, report(measures=[("zero_result_searches", "garcia", 1)], laptop=laptop))
    with summarize([base]) as summary:
        assert summary.of("Fresno", "zero_result_searches") == {HIDDEN: 5}


def cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as table:
        return [cell for row in csv.reader(table) for cell in row]


def test_a_request_written_as_a_formula_lands_as_text_in_the_csv_and_the_page(
    tmp_path: Path,
) -> None:
    formula = '=HYPERLINK("http://evil.example/x","Click")'
    assert scrubbed(formula) == formula  # no number in it: cleaning keeps it as it is
    base = tmp_path / "uploads"
    upload(base, report(measures=[("resource_requests", formula, 1)]))
    upload(base, report(measures=[("resource_requests", "\u00a0\uff1dSUM(A)", 1)]))
    with summarize([base]) as summary:
        write_csv(summary, tmp_path / "out.csv")
        write_html(summary, tmp_path / "out.html")
    written = cells(tmp_path / "out.csv")
    assert f"'{formula}" in written and "'=SUM(A)" in written
    assert not any(cell.startswith(FORMULA_STARTS) for cell in written)
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "&#x27;=HYPERLINK(&quot;http://evil.example/x&quot;" in page
    assert ">=HYPERLINK" not in page and "<script" not in page


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(keys=st.lists(st.text(max_size=30), min_size=1, max_size=5), county=st.text(max_size=20))
def test_no_cell_of_the_csv_starts_a_formula(tmp_path: Path, keys: list[str], county: str) -> None:
    """Requests are the only free text that reaches the CSV; any county, any text."""
    target = tmp_path / secrets.token_hex(4)
    data = report(county, [("resource_requests", key, 1) for key in keys])
    folder = re.sub(r"[^A-Za-z0-9_.-]+", "-", county).strip("-.") or "unknown"
    upload(target / "in", data, county=folder)
    with summarize([target / "in"]) as summary:
        write_csv(summary, target / "out.csv")
    for cell in cells(target / "out.csv"):
        assert not cell.startswith(FORMULA_STARTS)
    assert spreadsheet_safe("\t=1") == "'\t=1"


#: What shows a request otherwise than it is: bidirectional overrides, embeddings and isolates,
#: marks, zero-width characters, controls, separators of lines and paragraphs.
UNSEEN = [
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    *"\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\x1b\x7f\x85\u2028\u2029\t\r\n",
]


def _shown_as_is(text: str) -> bool:
    """Whether ``text`` holds nothing a reader would not see as it is (a line's end aside)."""
    return not any(
        unicodedata.category(c) in {"Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
        or (unicodedata.category(c) == "Cc" and c != "\n")
        for c in text
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(
        st.lists(
            st.one_of(st.sampled_from(UNSEEN), st.text(max_size=6), st.characters()),
            min_size=1,
            max_size=12,
        ).map("".join),
        min_size=1,
        max_size=4,
    )
)
def test_no_request_reaches_an_analyst_with_characters_that_hide_or_reverse_it(
    tmp_path: Path, texts: list[str]
) -> None:
    """A request with a right-to-left override ("fdp.exe" shown for "exe.pdf"), an isolate or
    a zero-width character is shown to the analyst without them, in the CSV and the page."""
    assert scrubbed("plan \u202eexe.pdf\u202c de\u200b se\u00adguridad\u2066") == (
        "plan exe.pdf de seguridad"
    )
    target = tmp_path / secrets.token_hex(4)
    upload(target / "in", report(measures=[("resource_requests", t, 1) for t in texts]))
    with summarize([target / "in"]) as summary:
        write_csv(summary, target / "out.csv")
        write_html(summary, target / "out.html")
        shown = list(summary.of("Fresno", "resource_requests"))
    assert all(_shown_as_is(key) for key in shown), shown
    expected = {scrubbed(t) for t in texts} - {""}
    assert set(shown) == expected and all(_shown_as_is(key) for key in expected)
    assert all(_shown_as_is(cell) for cell in cells(target / "out.csv"))
    assert _shown_as_is((target / "out.html").read_text(encoding="utf-8"))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_any_bytes_in_a_report_file_are_set_aside_and_the_rest_summarized(
    tmp_path: Path, data: bytes
) -> None:
    base = tmp_path / secrets.token_hex(4)
    upload(base, report(measures=[("opened", "three-houses", 1)]))
    (base / "Fresno" / PERIOD / "hostile.json").write_bytes(data)
    with summarize([base]) as summary:
        assert summary.of("Fresno", "opened") == {"three-houses": 1}
        assert summary.reports == 1
        assert [line.split(": ")[0].endswith("hostile.json") for line in summary.skipped] == [True]


def _nested(inner: st.SearchStrategy) -> st.SearchStrategy:
    return (
        inner
        | st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    )


#: Any JSON value, two levels deep.
JSON = _nested(
    _nested(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20))
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["report_id", "laptop", "county", "period", "measures", "format"]),
    value=JSON,
    measure=st.dictionaries(st.sampled_from(["measure", "key", "value"]), JSON, max_size=3),
)
def test_any_json_in_a_report_s_fields_never_stops_the_summary(
    tmp_path: Path, field: str, value: object, measure: dict
) -> None:
    base = tmp_path / secrets.token_hex(4)
    upload(base, report(measures=[("opened", "three-houses", 1)]))
    odd = report()
    odd[field] = value
    odd["measures"] = [measure] if field != "measures" else value
    folder = base / "Fresno" / PERIOD
    (folder / "odd.json").write_text(json.dumps(odd), encoding="utf-8")
    with summarize([base]) as summary:
        assert summary.value("Fresno", "opened", "three-houses") == 1
        write_csv(summary, base / "out.csv")
        write_html(summary, base / "out.html")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_a_request_keeps_no_number_in_any_script(text: str) -> None:
    cleaned = unicodedata.normalize("NFKC", scrubbed(text))
    assert not any(unicodedata.category(c)[0] == "N" for c in cleaned)


def test_superscript_digits_are_numbers_too() -> None:
    assert scrubbed("case ¹²³-⁴⁵-⁶⁷⁸⁹ family") == "case [removed] family"
    assert scrubbed("call ５５５ or ①②③") == "call [removed] or [removed]"


def test_names_from_uploads_reach_the_terminal_on_one_line_without_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "uploads"
    upload(base, report(measures=[("opened", "three-houses", 1)]))
    (base / "Fresno" / PERIOD / "x\n\x1b[31mred\u202e.json").write_text("{")
    assert main(["report", "summarize", str(base), "--csv", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\u202e" not in err
    assert "x\\n\\x1b[31mred\\u202e.json: The contents of the file are not valid JSON" in err


@pytest.mark.slow
def test_memory_stays_bounded_by_the_budget_not_by_the_uploads(tmp_path: Path) -> None:
    """50 reports of 1 MB each (distinct words on every one, the worst for the counts):
    summarized in a child process, its peak resident memory beside the same child that
    only imports the modules and reads one report."""
    base = tmp_path / "uploads"
    folder = base / "Fresno" / PERIOD
    folder.mkdir(parents=True)
    entry = len(json.dumps({"measure": "zero_result_searches", "key": "w00-000000", "value": 1}))
    fits = (report_files.MAX_REPORT_BYTES - 400) // (entry + 2)  # ", " between entries
    for number in range(50):
        words = [
            ("zero_result_searches", f"w{letters(number, 2)}-{letters(i, 6)}", 1)
            for i in range(fits)
        ]
        encoded = json.dumps(report(measures=words)).encode()
        assert report_files.MAX_REPORT_BYTES - 1000 < len(encoded) <= report_files.MAX_REPORT_BYTES
        (folder / f"{number}.json").write_bytes(encoded)
    baseline = peak_of("one", base, tmp_path)
    whole = peak_of("all", base, tmp_path)
    print(
        f"peak resident memory: one report {baseline / 1024:.0f} MB; 50 reports of 1 MB"
        f" {whole / 1024:.0f} MB (KiB: {baseline}, {whole})"
    )
    assert (tmp_path / "out.csv").stat().st_size > 0
    assert whole - baseline < 64 * 1024  # KiB: the counts stay on disk, not in memory


def letters(number: int, width: int) -> str:
    """``number`` written in letters (a search's reduced words hold no digit)."""
    return "".join(chr(ord("a") + int(d)) for d in f"{number:0{width}d}")


MEASURE = """
import sys, time, tracemalloc
from pathlib import Path
from resources_index.reports.summary import summarize, write_csv
from resources_index.reports.summary_html import write_html
base, out = Path(sys.argv[2]), Path(sys.argv[3])
started = time.perf_counter()
tracemalloc.start()
folders = [base] if sys.argv[1] == "all" else []
if sys.argv[1] == "one":
    from resources_index.reports.report_files import Budget, read_report
    read_report(next(base.rglob("0.json")), "Fresno", Budget())
with summarize(folders) as summary:
    write_csv(summary, out / "out.csv")
    write_html(summary, out / "out.html")
    assert sys.argv[1] != "all" or summary.reports == 50
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent process across exec.
status = Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]
print(tracemalloc.get_traced_memory()[1], status, time.perf_counter() - started)
"""


def peak_of(which: str, base: Path, out: Path) -> float:
    """The child's peak resident memory in KiB (and Python's own peak, printed)."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, which, str(base), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=600,
    )
    python_peak, rss, seconds = (float(v) for v in done.stdout.split())
    print(
        f"{which}: Python's peak {python_peak / 2**20:.1f} MB, resident {rss / 1024:.0f} MB,"
        f" {seconds:.1f} s"
    )
    return rss


def test_a_folder_nested_thousands_deep_is_named_and_the_rest_summarized(tmp_path: Path) -> None:
    """An upload may create any depth of folders (a PUT to COUNTY/a/a/.../x.json): the walk
    never recurses, names the folder too deep and summarizes the rest."""
    base = tmp_path / "sop-reports"
    upload(base, report(measures=[("opened", "three-houses", 2)]))
    deep = base / "Contra-Costa"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    try:  # 1,500 levels, made relative to each folder (a path that long is not allowed)
        for _ in range(1500):
            os.mkdir("a", dir_fd=fd)
            inner = os.open("a", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with os.fdopen(os.open("x.json", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as f:
            f.write("{}")
    finally:
        os.close(fd)
    with summarize([base]) as summary:
        assert summary.of(STATEWIDE, "opened") == {"three-houses": 2}
        too_deep = [line for line in summary.skipped if "folders deep" in line]
        depth = report_files.MAX_DEPTH
        assert too_deep == [
            f"{base / 'Contra-Costa' / Path(*['a'] * depth)}: cannot be listed (more than"
            f" {depth} folders deep)"
        ]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "resources_index.cli.main",
            "report",
            "summarize",
            str(base),
            "--csv",
            str(tmp_path / "o.csv"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    subprocess.run(["rm", "-rf", str(deep)], check=True)  # Python's rmtree recurses


def test_a_full_disk_keeps_the_previous_csv_and_page_and_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.faults import small_disk

    base = tmp_path / "uploads"
    for i in range(40):
        upload(base, report(measures=[("opened", f"resource-{i}-{j}", 1) for j in range(200)]))
    with small_disk(tmp_path / "disk", 1) as disk:
        previous = {"o.csv": "previous,good,csv\n", "o.html": "<p>previous page</p>\n"}
        for name, text in previous.items():
            (disk / name).write_text(text)
        with (disk / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:  # the disk full to its last block
                filler.write(b"x" * 4096)
        for option, name in (("--csv", "o.csv"), ("--html", "o.html")):
            code = main(["report", "summarize", str(base), option, str(disk / name)])
            err = capsys.readouterr().err
            assert code == 1 and "Traceback" not in err
            assert err.splitlines()[-1] == (
                f"sop-resources: The report command did not finish: {disk / name} could not be"
                " written (the disk is full)."
            )
            assert (disk / name).read_text() == previous[name]
            assert sorted(p.name for p in disk.iterdir()) == ["filler", "o.csv", "o.html"]


@pytest.mark.parametrize(
    ("folder", "county"),
    [
        ("statewide", "statewide\u200b"),
        ("statewide", "statewide."),
        ("Statewide", "Statewide"),
        ("State-wide", "State wide"),
        ("Fresno", "Fresno\x07"),
        ("Fresno", "Fresno\u202e"),
        ("Fresno", "Fres\u200bno"),
        ("Fresno", "Fresno "),
        ("Fresno", "fresno"),
        ("=Fresno", "=Fresno"),
        ("Fresno-", "Fresno "),
    ],
)
def test_a_county_other_than_its_folder_s_or_a_statewide_lookalike_is_set_aside(
    tmp_path: Path, folder: str, county: str
) -> None:
    base = tmp_path / "uploads"
    upload(base, report("Contra Costa", [("opened", "three-houses", 1)]))
    upload(base, report("Contra-Costa", [("opened", "three-houses", 1)]))  # hyphens: the same
    odd = upload(base, report(county, [("opened", "three-houses", 500)]), county=folder)
    with summarize([base]) as summary:
        assert summary.counties() == ["Contra Costa"]
        assert [row[0] for row in summary.rows()].count(STATEWIDE) == 2  # opened, laptops
        assert summary.of(STATEWIDE, "opened") == {"three-houses": 2}
        assert list(reasons(summary)) == [odd.name]


@pytest.mark.parametrize(
    ("measure", "key"),
    [
        ("opened", "call Maria Garcia 555-0100"),
        ("opened", "Three-Houses"),
        ("feedback", "three-houses:call me"),
        ("filters_used", "language:es es"),
        ("filters_used", "anything"),
        ("searches", "safety"),
        ("days_used", "x"),
        ("zero_result_searches", "maria 555-0100"),
        ("zero_result_searches", "maria@example.org"),
        ("program_version", "0.1.0 call 555"),
        ("catalog_version", "x"),
    ],
)
def test_a_key_not_of_its_measure_s_form_sets_the_report_aside(
    tmp_path: Path, measure: str, key: str
) -> None:
    base = tmp_path / "uploads"
    upload(base, report(measures=[("opened", "three-houses", 1), (measure, key, 1)]))
    with summarize([base]) as summary:
        assert summary.reports == 0
        assert list(reasons(summary).values()) == [f"a key of {measure} that is not of its form"]
        write_csv(summary, tmp_path / "o.csv")
    assert key not in (tmp_path / "o.csv").read_text(encoding="utf-8")


def test_keys_as_laptops_write_them_are_summarized(tmp_path: Path) -> None:
    measures = [
        ("opened", "three-houses", 2),
        ("feedback", "three-houses:out_of_date", 1),
        ("filters_used", "language:es", 1),
        ("filters_used", "practice_elements:safety_planning", 1),
        ("searches", "", 4),
        ("zero_result_searches", "safety plan (+3 other words)", 1),
        ("searches_without_open", "(+1 other word)", 1),
        ("corrections_accepted", "reunión", 1),
        ("days_used", "", 3),
        ("catalog_version", "20261203", 1),
        ("program_version", "0.1.0", 1),
        ("resource_requests", "a guide for [removed] meetings", 1),
    ]
    upload(tmp_path / "uploads", report(measures=measures))
    with summarize([tmp_path / "uploads"]) as summary:
        assert summary.skipped == [] and summary.reports == 1


@settings(max_examples=100, deadline=None)
@given(
    measure=st.sampled_from(sorted(report_files.KEYS)),
    key=st.text(max_size=40),
)
def test_any_key_is_counted_only_in_its_measure_s_form(measure: str, key: str) -> None:
    try:
        report_files._checked(report(measures=[(measure, key, 1)]), Path("x.json"))
    except report_files.NotAReport:
        return
    assert report_files.KEYS[measure].fullmatch(key)
    if measure != "resource_requests":
        assert "@" not in key and not any(c.isspace() and c != " " for c in key)
    if measure in ("zero_result_searches", "searches_without_open", "corrections_accepted"):
        assert not any(c.isdigit() for c in key.replace("(+", "").split(" other")[0][-4:])


def test_statewide_minus_the_shown_counties_reveals_no_hidden_count(tmp_path: Path) -> None:
    """Five laptops of Alameda and one of Alpine searched the same words: Alameda shows them,
    Alpine hides them, and the state shows only what the counties show."""
    base = tmp_path / "uploads"
    for _ in range(5):
        upload(base, report("Alameda", [("zero_result_searches", "sobriety testing", 1)]))
    upload(base, report("Alpine", [("zero_result_searches", "sobriety testing", 7)]))
    with summarize([base]) as summary:
        words = "zero_result_searches"
        assert summary.of("Alameda", words) == {"sobriety testing": 5}
        assert summary.of("Alpine", words) == {HIDDEN: 7}
        state = summary.of(STATEWIDE, words)
        assert state == {"sobriety testing": 5, HIDDEN: 7}
        for key, value in state.items():  # every statewide figure is the shown counties' sum
            assert value == sum(summary.of(c, words).get(key, 0) for c in summary.counties())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), st.just(b"[" * 100_000)))
def test_a_damaged_catalog_for_titles_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    base, catalog = tmp_path / "uploads", tmp_path / secrets.token_hex(4)
    upload(base, report(measures=[("opened", "three-houses", 1)]))
    catalog.mkdir()
    (catalog / "catalog.json").write_bytes(data)
    code = main(["report", "summarize", str(base), "--catalog", str(catalog)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"sop-resources: the catalog {catalog / 'catalog.json'} cannot be read")


@settings(max_examples=200, deadline=None)
@given(
    lead=st.lists(st.sampled_from([" ", "\u00a0", "\u200b", "\u2060", "\ufeff", "\u3000"])),
    start=st.sampled_from(["=", "+", "-", "@", "＝", "＋", "＠", "﹦", "−", "﹢", "－"]),
    rest=st.text(max_size=20),
)
def test_lookalike_formula_starts_are_neutralised_too(
    lead: list[str], start: str, rest: str
) -> None:
    text = "".join(lead) + start + rest
    assert spreadsheet_safe(text) == f"'{text}"
    assert spreadsheet_safe("safety plan") == "safety plan"


@pytest.mark.parametrize("period", ["2026-W99", "2026-W00", "2025-W53", "0000-W01"])
def test_a_week_that_does_not_exist_is_set_aside(tmp_path: Path, period: str) -> None:
    base = tmp_path / "uploads"
    upload(base, report(measures=[("opened", "three-houses", 1)]))
    upload(base, report(measures=[("opened", "three-houses", 1)], period=period), name="odd.json")
    upload(base, report(measures=[("opened", "three-houses", 1)], period="2026-W53"))
    with summarize([base]) as summary:
        assert reasons(summary) == {"odd.json": "no valid period (a week that does not exist)"}
        assert summary.reports == 2  # 2026 has a week 53
