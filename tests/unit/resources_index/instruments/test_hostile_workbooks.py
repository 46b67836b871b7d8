"""Spreadsheets as a careless or hostile hand makes them: each gets one sentence, never a
traceback, never unbounded memory or time."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from resources_index.errors import InstrumentError
from resources_index.instruments import workbook_reading
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import from_bytes, to_bytes
from resources_index.instruments.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_FILE_BYTES,
    MAX_ROWS,
)
from tests.helpers.xlsforms import YES_NO, row, write_form, zip_bomb
from tests.helpers.xlsforms import settings as form_settings


def sentence(form: Path) -> str:
    with pytest.raises(InstrumentError) as caught:
        convert_form(form)
    text = str(caught.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_a_formula_is_refused_naming_its_cell_and_never_calculated(tmp_path: Path) -> None:
    form = write_form(
        tmp_path / "formula.xlsx",
        [row(type="text", name="a", en='=HYPERLINK("http://example.invalid","Click")')],
    )
    assert sentence(form) == (
        "formula.xlsx: sheet survey, row 2, column C (label::English (en)): the cell holds a"
        " formula; type its value instead."
    )


@pytest.mark.slow
def test_a_hundred_thousand_rows_are_refused_after_reading_only_the_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("survey")
    sheet.append(["type", "name"])  # two short cells a row: under the bound on unpacked size
    for number in range(100_000):
        sheet.append(["text", f"q{number}"])
    book.create_sheet("settings").append(["form_id"])
    book.save(tmp_path / "rows.xlsx")
    monkeypatch.setattr(workbook_reading, "load_workbook", lambda *a, **k: pytest.fail("opened"))
    assert sentence(tmp_path / "rows.xlsx") == (
        f"rows.xlsx: the survey sheet has more than {MAX_ROWS:,} rows, over the limit for a form."
    )


@pytest.mark.slow
def test_too_many_cells_or_rows_in_any_sheet_are_refused_naming_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook(write_only=True)
    book.create_sheet("survey").append(["type", "name", "label"])
    wide = book.create_sheet("Wide notes")
    for _ in range(MAX_CELLS // 1000 + 1):
        wide.append(["x"] * 1000)
    book.save(tmp_path / "wide.xlsx")

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open it")

    monkeypatch.setattr(workbook_reading, "load_workbook", never)
    assert sentence(tmp_path / "wide.xlsx") == (
        f"wide.xlsx: the Wide notes sheet has more than {MAX_CELLS:,} cells, over the limit for"
        " a form."
    )
    book = Workbook(write_only=True)
    book.create_sheet("survey").append(["type", "name", "label"])
    long = book.create_sheet("Long notes")
    for number in range(MAX_ROWS + 2):  # a header and one row more than the bound
        long.append([number])
    book.save(tmp_path / "long.xlsx")
    assert sentence(tmp_path / "long.xlsx") == (
        f"long.xlsx: the Long notes sheet has more than {MAX_ROWS:,} rows, over the limit for a"
        " form."
    )


def test_a_huge_cell_is_refused_naming_its_cell(tmp_path: Path) -> None:
    form = write_form(
        tmp_path / "huge.xlsx", [row(type="text", name="a", en="x" * (MAX_CELL_CHARS + 1))]
    )
    assert sentence(form) == (
        "huge.xlsx: sheet survey, row 2, column C (label::English (en)): the cell holds"
        f" {MAX_CELL_CHARS + 1:,} characters, over the limit of {MAX_CELL_CHARS:,}."
    )


def test_markup_in_labels_is_kept_as_plain_text(tmp_path: Path) -> None:
    markup = "<script>alert('x')</script> & <b>bold</b> <![CDATA[ ]]> &amp;"
    form = write_form(
        tmp_path / "markup.xlsx",
        [row(type="select_one yn", name="a", en=markup, es="<i>¿Sí?</i>")],
        [["yn", "yes", "<img src=x onerror=alert(1)>", "Sí"], ["yn", "no", "No", "No"]],
    )
    definition = convert_form(form)
    item = definition.item("a")
    assert item.labels == {"en": markup, "es": "<i>¿Sí?</i>"}
    assert item.choices[0].labels["en"] == "<img src=x onerror=alert(1)>"
    assert from_bytes(to_bytes(definition), "markup").item("a").labels["en"] == markup


def test_a_zip_bomb_is_refused_from_its_directory_without_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = zip_bomb(tmp_path / "bomb.xlsx", tmp_path)
    assert bomb.stat().st_size < MAX_FILE_BYTES // 10  # small on disk, huge unpacked

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bomb was handed to openpyxl")

    monkeypatch.setattr(workbook_reading, "load_workbook", never)
    text = sentence(bomb)
    assert text.startswith("bomb.xlsx unpacks to ")
    assert "(xl/worksheets/sheet1.xml), over the limit of" in text


def test_files_that_are_not_spreadsheets_are_refused_plainly(tmp_path: Path) -> None:
    (tmp_path / "junk.xlsx").write_bytes(b"this is not a spreadsheet")
    assert sentence(tmp_path / "junk.xlsx").startswith(
        "junk.xlsx is not a readable .xlsx spreadsheet (it is not a zip archive, as every .xlsx is)"
    )
    (tmp_path / "big.xlsx").write_bytes(os.urandom(MAX_FILE_BYTES + 1))
    assert sentence(tmp_path / "big.xlsx") == (
        f"big.xlsx is {MAX_FILE_BYTES + 1:,} bytes, over the limit of {MAX_FILE_BYTES:,} for a"
        " form."
    )
    real = write_form(tmp_path / "real.xlsx", [row(type="text", name="a", en="A")]).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(real[: len(real) // 2])
    assert "cut.xlsx is not a readable .xlsx spreadsheet" in sentence(tmp_path / "cut.xlsx")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.xlsx")
        assert "it is not an ordinary file" in sentence(tmp_path / "pipe.xlsx")


@pytest.fixture(scope="module")
def real_form_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("real")
    return write_form(
        folder / "form.xlsx",
        [row(type="select_one yn", name="a", en="A", es="A", required="yes")],
        YES_NO,
        form_settings(),
    ).read_bytes()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_spreadsheets_get_a_sentence_or_convert(
    tmp_path: Path, real_form_bytes: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(real_form_bytes)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1))
        damaged[at] = data.draw(st.integers(min_value=0, max_value=255))
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(damaged))
    try:
        convert_form(path)
    except InstrumentError as error:
        assert str(error).startswith("damaged.xlsx")
