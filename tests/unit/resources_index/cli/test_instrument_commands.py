"""``sop-resources instruments list`` and ``export DIR``: the installed instruments, and this
person's completed responses as CSV with XLSForm's names, only after the warning is accepted."""

import csv
import io
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.instruments.responses import ResponseStore, user_responses_folder
from resources_index.instruments.session import FormSession
from resources_index.library import instruments as installed
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from tests.helpers.xlsforms import add_form


@pytest.fixture
def laptop(tmp_path: Path, source: Path, keys: tuple[Path, Path]) -> Path:
    add_form(source)
    out = tmp_path / "published"
    publish(source, out, keys[0], catalog_id="test-catalog", renditions=False)
    library = Library(tmp_path / "laptop")
    library.import_bundle(out, [load_public_key(keys[1])])
    (form,) = installed.installed_instruments(library).values()
    store = ResponseStore(user_responses_folder(library.root))
    answers = {"parents_present": "yes", "columns": "observed", "comment": "=cmd|' /C calc'!A0"}
    store.complete(store.new_draft(form, "en", "J.D."), FormSession(form, answers))
    store.new_draft(form, "es")
    library.close()
    return tmp_path / "laptop"


def test_list_names_each_instrument_and_this_person_s_responses(
    laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(laptop), "instruments", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("example\tversion ")
    assert "\tobservation\tMapping observation\t1 completed, 1 drafts" in out


def test_export_writes_nothing_before_the_warning_is_accepted(
    laptop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "analyst"
    assert main(["--data-dir", str(laptop), "instruments", "export", str(target)]) == 1
    err = capsys.readouterr().err
    assert "text answers included" in err and "--yes" in err
    assert not target.exists()
    assert main(["--data-dir", str(laptop), "instruments", "export", str(target), "--yes"]) == 0
    data = (target / "example.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Spanish letters
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["meeting-parents_present"] == "yes" and rows[0]["columns"] == "observed"
    assert rows[0]["comment"] == "'=cmd|' /C calc'!A0"  # never run as a formula
    assert rows[0]["KEY"].startswith("uuid:") and "J.D." not in data.decode("utf-8-sig")
