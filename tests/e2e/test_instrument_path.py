"""An instrument's whole path with real parts: a content team's spreadsheet (written here with
openpyxl) published into the folder of a real nginx, synced by a laptop, filled in the real
window with a made-up name typed in a text answer and as the coachee's label, completed; the
week's report sealed and exported carries only aggregates and not one byte of the name; the
summary over six laptops shows each choice only where five laptops counted it."""

import json
import logging
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.reports.fidelity import ANSWERED, CHOICE, MEASURES, SCORE_SUM
from resources_index.reports.outbox import export, pending, seal_finished
from resources_index.reports.periods import period_of
from resources_index.reports.usage import Usage
from resources_index.support import logs
from resources_index.sync.syncer import sync
from sop_desktop.window.main_window import MainWindow
from tests.helpers.instrument_forms import choose, open_form, type_into
from tests.helpers.nginx import running_nginx, world_readable_folder
from tests.helpers.reporting import county_policy, every_byte_under, folded, report
from tests.helpers.syncing import FAST
from tests.helpers.window_driving import open_window
from tests.helpers.xlsforms import add_form

NAME = "Marisol Quintanilla-Test"
#: The name's parts as they might be found, folded: any of them in a byte that leaves fails.
PARTS = ("marisol", "quintanilla")


def only_aggregates(sent: dict) -> dict[tuple[str, str], int]:
    """The instrument measures of a sealed report, each checked to be a whole-number count of
    a published item or choice, never a word typed on the laptop."""
    found = {}
    for measure in sent["measures"]:
        if measure["measure"] in MEASURES:
            assert isinstance(measure["value"], int) and measure["value"] >= 0
            found[(measure["measure"], measure["key"])] = measure["value"]
    return found


def synthetic_laptops(base: Path, period: str, laptops: int) -> None:
    """``laptops`` reports of the same county and week, each picking "observed" for the
    columns question once and a scale of 8."""
    for _ in range(laptops):
        measures = [
            (ANSWERED, "example:columns", 1),
            (CHOICE, "example:columns:observed", 1),
            (ANSWERED, "example:scale", 1),
            (SCORE_SUM, "example:scale", 800),
        ]
        data = report("Contra Costa", measures, period=period)
        folder = base / "Contra-Costa" / period
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{data['report_id']}.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.slow
def test_a_published_instrument_is_filled_in_and_only_its_aggregates_leave(
    qtbot: QtBot,
    tmp_path: Path,
    source: Path,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_form(source)  # tests/helpers/xlsforms.py: every supported feature, via openpyxl
    county_policy(tmp_path, monkeypatch, "Contra Costa")
    logs.setup("sop-desktop")
    logging.getLogger("resources_index").setLevel(logging.DEBUG)
    logging.getLogger("sop_desktop").setLevel(logging.DEBUG)
    with world_readable_folder() as www:
        published = www / "sop"
        built = publish(source, published, keys[0], catalog_id="test-catalog", renditions=False)
        assert built.errors == [] and built.instruments == 1
        with running_nginx(published, tmp_path / "nginx") as server:
            laptop = Library(tmp_path / "laptop")
            synced = sync(laptop, server.url, [load_public_key(keys[1])], http=FAST)
            assert synced.install is not None
            assert any(line.path.startswith("/sop/") for line in server.log())
        catalog = shutil.copytree(published, tmp_path / "published")  # for --catalog below

    window: MainWindow = open_window(qtbot, laptop)
    assert list(window.instruments.definitions()) == ["example"]
    form = open_form(window, "example")
    form.subject.setText(NAME)  # the coachee's label: it never leaves the laptop either
    form.subject.textEdited.emit(NAME)
    choose(form, "parents_present", "yes")
    type_into(qtbot, form, "network_size", "4")
    choose(form, "columns", "observed")
    choose(form, "columns", "partly")
    type_into(qtbot, form, "scale", "7.5")
    type_into(qtbot, form, "comment", f"Met {NAME} at home")
    choose(form, "quiz", "yes")
    assert form.complete(), form.status.text()
    form.close()
    window.close()
    now = datetime.now(UTC)
    period = period_of(now)

    # The week's report: only the published items' counts per choice and sums of scores.
    usage = Usage.of(laptop)
    shown = usage.report(period)
    found = only_aggregates(shown)
    assert found[(ANSWERED, "example:parents_present")] == 1
    assert found[(CHOICE, "example:parents_present:yes")] == 1
    assert found[(CHOICE, "example:columns:observed")] == 1
    assert found[(CHOICE, "example:columns:partly")] == 1
    assert found[(SCORE_SUM, "example:scale")] == 750
    assert found[(SCORE_SUM, "example:network_size")] == 400
    assert not any(":comment" in key or ":meeting_date" in key for _, key in found)
    sealed = seal_finished(usage, now + timedelta(days=7))
    assert sealed and pending(laptop) == sealed
    sealed_bytes = sealed[0].read_bytes()  # export below moves it out of the outbox
    assert json.loads(sealed_bytes)["measures"] == shown["measures"]
    drive = tmp_path / "usb"
    assert export(laptop, drive, now + timedelta(days=7))
    leaving = every_byte_under(laptop.root / "reports") + every_byte_under(drive)
    assert "example:columns:partly" in leaving  # the check reads what was really written
    assert not any(part in leaving for part in PARTS)

    # Everything written locally that might be shared (logs included) is free of the name:
    # only the responses themselves hold it, in the library folder.
    library_files = [p for p in laptop.root.rglob("*") if p.is_file()]
    holding = {
        p.relative_to(laptop.root).as_posix()
        for p in library_files
        if any(part in folded(p.read_bytes().decode("utf-8", "replace")) for part in PARTS)
    }
    assert holding and all(name.startswith("instruments/responses/") for name in holding)
    log_folder = logs.log_folder()
    assert any(log_folder.rglob("*.log*"))  # the program did write its log
    assert not any(part in every_byte_under(log_folder) for part in PARTS)

    # The statewide summary over this laptop and five synthetic ones of the same county.
    uploads = tmp_path / "uploads"
    synthetic_laptops(uploads, period, 5)
    mine = uploads / "Contra-Costa" / period / sealed[0].name
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_bytes(sealed_bytes)
    csv_out, html_out = tmp_path / "summary.csv", tmp_path / "summary.html"
    code = main(
        [
            "report",
            "summarize",
            str(uploads),
            "--csv",
            str(csv_out),
            "--html",
            str(html_out),
            "--catalog",
            str(catalog),
        ]
    )
    assert code == 0
    table = csv_out.read_text(encoding="utf-8")
    page = html_out.read_text(encoding="utf-8")
    # "observed" was picked on six laptops: shown; "partly" and "yes" only on this one: hidden.
    assert "example:columns:observed" in table and "example:columns:partly" not in table
    assert "example:parents_present:yes" not in table
    assert "Which columns were mapped? (6 responses): Observed: 100% (6)" in page
    assert "Partly observed" not in page and "<h4>Safety mapping</h4>" in page
    assert "Were the parents present?" not in page
    for written in (table, page):
        assert not any(part in folded(written) for part in PARTS)
    usage.close()
    laptop.close()
