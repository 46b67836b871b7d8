"""Publishing a folder with instruments: each form converted into a definition the signed
catalog carries as an object; a broken, duplicated or hostile form is one sentence and a file to
fix (exit 3); the sidecars never become resource metadata; a library then has the definitions."""

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from resources_index.catalog.signing import load_public_key
from resources_index.cli.main import main
from resources_index.instruments import definition
from resources_index.instruments.limits import MAX_ROWS
from resources_index.library import instruments as installed
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from tests.helpers.manifests import read_manifest
from tests.helpers.xlsforms import (
    SIDECAR,
    add_form,
    row,
    settings,
    write_form,
    zip_bomb,
)


def test_a_form_and_its_sidecar_publish_as_an_instrument_not_a_resource(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    add_form(source)
    out = tmp_path / "out"
    report = publish(source, out, keys[0], catalog_id="test-catalog", renditions=False)
    assert report.errors == [] and report.warnings == []
    assert report.instruments == 1 and "1 instruments" in report.summary()
    manifest = read_manifest(out, keys[1])
    assert [r for r in manifest.resources if "instruments" in r.main.name] == []
    (entry,) = manifest.instruments
    stored = next(p for p in (out / "objects").rglob(entry.file.sha256 + "*"))
    form = definition.from_bytes(stored.read_bytes(), entry.id)
    assert form.id == entry.id and form.version == entry.version
    assert form.title["es"] == "Observación del mapeo"
    assert form.item("parents_present").resources == ("tres-casas",)
    again = publish(source, out, keys[0], catalog_id="test-catalog", renditions=False)
    assert not again.changed  # the same forms: nothing to publish


def test_a_library_reads_the_installed_definitions_once_per_version(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_form(source)
    out = tmp_path / "out"
    publish(source, out, keys[0], catalog_id="test-catalog", renditions=False)
    library = Library(tmp_path / "library")
    try:
        assert installed.installed_instruments(library) == {}
        library.import_bundle(out, [load_public_key(keys[1])])
        reads: list[str] = []
        real = definition.from_bytes
        monkeypatch.setattr(
            definition, "from_bytes", lambda data, what: reads.append(what) or real(data, what)
        )
        forms = installed.installed_instruments(library)
        assert list(forms) == ["example"] and reads == ["example"]
        assert installed.installed_instruments(library) == forms and reads == ["example"]
        entry = library.current().instruments[0]  # type: ignore[union-attr]
        library.object_path(entry.file.sha256).write_bytes(b"{}")  # damaged after install
        assert installed.read_definitions(library, library.current()) == {}  # type: ignore[arg-type]
    finally:
        library.close()


def test_a_form_changed_under_its_old_version_is_pointed_out(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    """Responses are filed under a form's id and version: a changed form needs a new one."""
    form = add_form(source)
    out = tmp_path / "out"
    assert publish(source, out, keys[0], catalog_id="c", renditions=False).warnings == []
    form.with_suffix(".yaml").write_text(SIDECAR.replace("[coaches]", "[supervisors]"))
    report = publish(source, out, keys[0], catalog_id="c", renditions=False)
    assert report.warnings == [
        "instruments: the form 'example' changed but kept its version '2026-12'; give it a new"
        " version so its responses are not mixed with those to the form before."
    ]
    book = load_workbook(form)
    book["settings"]["C2"] = "2026-12b"
    book.save(form)
    form.with_suffix(".yaml").write_text(SIDECAR)  # back as it was, under a new version
    assert publish(source, out, keys[0], catalog_id="c", renditions=False).warnings == []


def test_a_broken_form_is_a_sentence_and_a_file_to_fix(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    add_form(source)
    write_form(
        source / "instruments" / "formula.xlsx",
        [row(type="text", name="a", en='=HYPERLINK("http://example.invalid","Click")')],
        settings_rows=settings(form_id="other"),
    )
    code = main(["publish", str(source), str(tmp_path / "out"), "--key", str(keys[0])])
    err = capsys.readouterr().err
    assert code == 3
    assert (
        "skipped: instruments/formula.xlsx: sheet survey, row 2, column C (label::English (en)):"
        " the cell holds a formula; type its value instead." in err
    )
    assert len(read_manifest(tmp_path / "out", keys[1]).instruments) == 1  # the good one


def test_a_form_id_used_twice_and_a_resource_the_catalog_lacks_are_refused(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    add_form(source, "first")
    add_form(source, "second")  # the same form id, example
    third = write_form(
        source / "instruments" / "third.xlsx",
        [row(type="text", name="a", en="A")],
        settings_rows=settings(form_id="third"),
    )
    third.with_suffix(".yaml").write_text("resources: [no-such-guide]\n", encoding="utf-8")
    (source / "instruments" / "orphan.yaml").write_text("kind: observation\n", encoding="utf-8")
    report = publish(source, tmp_path / "out", keys[0], renditions=False)
    assert report.errors == [
        "instruments/second.xlsx: the form id 'example' is already used by"
        " instruments/first.xlsx; skipped.",
        "instruments/third.xlsx: its sidecar names 1 resource(s) this catalog does not carry"
        " ('no-such-guide'); skipped.",
    ]
    assert report.warnings == [
        "instruments/orphan.yaml: a sidecar with no form (orphan.xlsx); skipped."
    ]
    assert [i.id for i in read_manifest(tmp_path / "out", keys[1]).instruments] == ["example"]


@pytest.mark.slow
def test_hostile_spreadsheets_at_publish_each_get_a_sentence(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    add_form(source)
    folder = source / "instruments"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("survey")
    sheet.append(["type", "name"])
    for number in range(100_000):
        sheet.append(["text", f"q{number}"])
    book.create_sheet("settings").append(["form_id"])
    book.save(folder / "rows.xlsx")
    zip_bomb(folder / "bomb.xlsx", tmp_path)
    (folder / "not-a-workbook.xlsx").write_bytes(b"<html>not a spreadsheet</html>")
    write_form(
        folder / "markup.xlsx",
        [row(type="text", name="a", en="<script>alert(1)</script>")],
        settings_rows=settings(form_id="markup"),
    )
    report = publish(source, tmp_path / "out", keys[0], renditions=False)
    errors = sorted(report.errors)
    assert len(errors) == 3 and all("\n" not in e and "Traceback" not in e for e in errors)
    assert errors[0].startswith("instruments/bomb.xlsx unpacks to ")
    assert errors[1].startswith("instruments/not-a-workbook.xlsx is not a readable .xlsx")
    assert errors[2] == (
        f"instruments/rows.xlsx: the survey sheet has more than {MAX_ROWS:,} rows, over the"
        " limit for a form."
    )
    manifest = read_manifest(tmp_path / "out", keys[1])
    assert sorted(i.id for i in manifest.instruments) == ["example", "markup"]


def test_the_shipped_starter_carries_its_three_instruments(starter: Library) -> None:
    forms = installed.installed_instruments(starter)
    assert sorted(forms) == [
        "harm_danger_self_check",
        "safety_mapping_observation",
        "three_houses_knowledge_check",
    ]
    manifest = starter.current()
    assert manifest is not None
    linked = {r for form in forms.values() for item, _ in form.walk() for r in item.resources}
    assert linked and linked <= set(manifest.by_id)
