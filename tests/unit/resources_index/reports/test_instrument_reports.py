"""The instruments in the week's usage report: only aggregates (counts per choice, sums of
scores), only where the policy turns reports on; nothing typed in a text answer ever leaves;
the summary shows fidelity per item with the five-laptop rule, by practice element."""

import json
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.instruments import responses as responses_module
from resources_index.instruments.responses import ResponseStore, user_responses_folder
from resources_index.instruments.session import FormSession
from resources_index.library import instruments as installed
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.reports import usage as usage_module
from resources_index.reports.fidelity import ANSWERED, CHOICE, SCORE_SUM
from resources_index.reports.outbox import export, seal_finished
from resources_index.reports.summary import HIDDEN, STATEWIDE, summarize, write_csv
from resources_index.reports.summary_html import write_html
from resources_index.reports.usage import Usage
from tests.helpers.reporting import (
    MONDAY,
    NEXT_WEEK,
    county_policy,
    every_byte_under,
    folded,
    report,
)
from tests.helpers.xlsforms import add_form

PERIOD = "2026-W49"
NAME = "Rosalinda Quintanilla-Vega"
ANSWERS = {
    "parents_present": "yes",
    "network_size": "4",
    "columns": "observed partly",
    "scale": "7.5",
    "comment": f"Met with {NAME} at home",
    "meeting_date": "2026-12-01",
    "quiz": "yes",
}


@pytest.fixture
def catalog(tmp_path: Path, source: Path, keys: tuple[Path, Path]) -> Path:
    add_form(source)
    out = tmp_path / "published"
    assert publish(source, out, keys[0], catalog_id="test-catalog", renditions=False).errors == []
    return out


def laptop_with_a_response(
    root: Path, catalog: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Library:
    library = Library(root)
    library.import_bundle(catalog, [load_public_key(keys[1])])
    (form,) = installed.installed_instruments(library).values()
    monkeypatch.setattr(responses_module, "now_text", lambda: "2026-12-01T10:00:00Z")
    store = ResponseStore(user_responses_folder(library.root, "coach"))
    draft = store.new_draft(form, "en", subject=NAME)
    store.complete(draft, FormSession(form, ANSWERS))
    return library


def test_the_week_s_report_carries_only_aggregates_and_no_typed_word(
    tmp_path: Path,
    catalog: Path,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    county_policy(tmp_path, monkeypatch)
    library = laptop_with_a_response(tmp_path / "laptop", catalog, keys, monkeypatch)
    usage = Usage.of(library)
    usage.count("opened", "three-houses", now=MONDAY)
    shown = usage.report(PERIOD)
    found = {(m["measure"], m["key"]): m["value"] for m in shown["measures"]}
    assert found[(ANSWERED, "example:parents_present")] == 1
    assert found[(CHOICE, "example:parents_present:yes")] == 1
    assert found[(CHOICE, "example:columns:partly")] == 1
    assert found[(SCORE_SUM, "example:scale")] == 750  # a mean of 7.5, as a sum x 100
    keys_sent = " ".join(k for _, k in found)
    assert "comment" not in keys_sent and "meeting_date" not in keys_sent
    real_period = usage_module.period_of  # `report show` as if this were that week
    monkeypatch.setattr(usage_module, "period_of", lambda at=None: real_period(at or MONDAY))
    capsys.readouterr()
    assert main(["--data-dir", str(library.root), "report", "show", "--json"]) == 0
    printed = capsys.readouterr().out
    assert '"instrument_choice"' in printed and "rosalinda" not in folded(printed)
    [sealed] = seal_finished(usage, NEXT_WEEK)
    assert json.loads(sealed.read_bytes()) == shown
    usage.close()
    drive = tmp_path / "usb"
    export(library, drive, NEXT_WEEK)
    leaving = every_byte_under(library.root / "reports") + every_byte_under(drive)
    for word in ("rosalinda", "quintanilla", "2026-12-01", "met with"):
        assert word not in leaving
    assert "example:parents_present" in leaving
    assert folded(NAME) in every_byte_under(library.root / "instruments")  # it stays here
    library.close()


def test_with_reporting_off_no_aggregate_is_made(
    tmp_path: Path, catalog: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = laptop_with_a_response(tmp_path / "laptop", catalog, keys, monkeypatch)
    assert Usage.next_report(library) is None
    assert not (library.root / "reports").exists()
    library.close()


def fidelity_report(county: str, choices: dict[str, int], scale_sum: int) -> dict:
    measures = [(ANSWERED, "example:columns", sum(choices.values()))]
    measures += [(CHOICE, f"example:columns:{c}", v) for c, v in choices.items()]
    measures += [(ANSWERED, "example:scale", 1), (SCORE_SUM, "example:scale", scale_sum)]
    return report(county, measures)


def test_the_summary_shows_fidelity_by_item_and_hides_a_choice_of_fewer_than_five_laptops(
    tmp_path: Path, catalog: Path, keys: tuple[Path, Path]
) -> None:
    uploads = tmp_path / "uploads"
    laptops = [fidelity_report("Fresno", {"observed": 2}, 800) for _ in range(5)]
    laptops += [fidelity_report("Fresno", {"observed": 1, "not_observed": 1}, 600)]
    for data in laptops:
        folder = uploads / "Fresno" / PERIOD
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{data['report_id']}.json").write_text(json.dumps(data), encoding="utf-8")
    with summarize([uploads]) as summary:
        for scope in (STATEWIDE, "Fresno"):
            rows = {(r.instrument, r.item): r for r in summary.fidelity(scope)}
            columns = rows[("example", "columns")]
            assert columns.answered == 12
            assert columns.choices == {"observed": (11, 11 / 12)}  # not_observed: one laptop
            assert rows[("example", "scale")].mean == pytest.approx(46 / 6)
        assert summary.value(STATEWIDE, CHOICE, HIDDEN) == 1
        write_csv(summary, tmp_path / "summary.csv")
        write_html(summary, tmp_path / "summary.html", None, {})
    assert "not_observed" not in (tmp_path / "summary.csv").read_text(encoding="utf-8")
    page_code = main(
        [
            "report",
            "summarize",
            str(uploads),
            "--html",
            str(tmp_path / "page.html"),
            "--catalog",
            str(catalog),
        ]
    )
    assert page_code == 0
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "Fidelity by practice element" in page
    assert "<h4>Safety mapping</h4>" in page  # the sidecar's practice element, as labelled
    assert "Which columns were mapped? (12 responses): Observed: 92% (11)" in page
    assert "Not observed" not in page
    assert "Taught by: Three Houses tip sheet" in page


def test_a_week_with_only_forms_completed_is_still_sealed_with_its_aggregates(
    tmp_path: Path, catalog: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    county_policy(tmp_path, monkeypatch)
    library = laptop_with_a_response(tmp_path / "laptop", catalog, keys, monkeypatch)
    usage = Usage.of(library)
    usage.instrument_completed(now=MONDAY)  # what the window calls when a form is completed
    [sealed] = seal_finished(usage, NEXT_WEEK)
    sent = json.loads(sealed.read_bytes())
    found = {(m["measure"], m["key"]): m["value"] for m in sent["measures"]}
    assert found[(CHOICE, "example:parents_present:yes")] == 1
    assert found[("days_used", "")] == 1
    usage.close()
    library.close()


def test_the_page_lists_an_instrument_s_items_in_the_order_of_its_form(catalog: Path) -> None:
    from resources_index.cli.report_commands import _titles_from, published_definitions
    from resources_index.reports.fidelity import ItemFidelity
    from resources_index.reports.summary_html import fidelity_section

    manifest = _titles_from(catalog / "catalog.json")
    definitions = published_definitions(catalog, manifest)
    rows = [  # as the summary gives them: in the order of their keys
        ItemFidelity("example", "columns", 6, {"observed": (6, 1.0)}, None),
        ItemFidelity("example", "parents_present", 6, {}, None),
        ItemFidelity("example", "points", 6, {}, 2.5),
    ]
    page = fidelity_section(rows, manifest, definitions, "Statewide")
    asked = page.index("Were the parents present? (6 responses)")
    assert asked < page.index("Which columns were mapped?") < page.index("Score (points)")
    assert "(6 responses): each answer counted on fewer than 5 laptops" in page
    assert "Score (points) (6 responses): mean 2.50" in page
