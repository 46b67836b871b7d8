"""What may leave (weekly aggregates: counts of choices, means of scores, nothing typed) and what a
county's analyst exports on purpose (CSV with ODK's columns, formulas neutralised)."""

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resources_index.instruments.aggregates import (
    SCORE_ITEM,
    iso_week,
    numeric_items,
    weekly_aggregates,
)
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import FormDefinition, Item
from resources_index.instruments.export import columns, export_csv, neutralise
from resources_index.instruments.responses import Response, ResponseStore
from resources_index.instruments.session import FormSession
from tests.helpers.xlsforms import example_form

NAME = "Maria Guadalupe Hernandez"
CASE = "CASE-2026-0412"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> FormDefinition:
    return convert_form(example_form(tmp_path_factory.mktemp("form") / "example.xlsx"))


def completed(
    store: ResponseStore, definition: FormDefinition, answers: dict[str, str], when: str
) -> Response:
    draft = store.new_draft(definition, "en", subject=f"{NAME} (coachee)")
    session = FormSession(definition, answers)
    assert session.is_complete(), session.issues()
    return replace(store.complete(draft, session), completed=when)


@pytest.fixture
def responses(tmp_path: Path, example: FormDefinition) -> list[Response]:
    store = ResponseStore(tmp_path / "me")
    first = {
        "parents_present": "yes",
        "network_size": "4",
        "columns": "observed partly",
        "scale": "6.5",
        "comment": f"{NAME} said {CASE} should close",
        "meeting_date": "2026-11-30",
        "quiz": "yes",
    }
    second = {"parents_present": "no", "columns": "observed", "scale": "8", "quiz": "no"}
    third = {"parents_present": "yes", "network_size": "2", "comment": "=cmd|' /C calc'!A0"}
    return [
        completed(store, example, first, "2026-12-01T10:00:00Z"),
        completed(store, example, second, "2026-12-03T16:30:00Z"),
        completed(store, example, third, "2026-12-08T09:00:00Z"),
    ]


def test_counts_per_choice_and_means_of_scores_per_item_and_week(
    example: FormDefinition, responses: list[Response]
) -> None:
    rows = weekly_aggregates(responses, {example.id: example})
    by_key = {(r["week"], r["item"]): r for r in rows}
    assert by_key[("2026-W49", "parents_present")] == {
        "instrument": "example",
        "item": "parents_present",
        "week": "2026-W49",
        "responses": 2,
        "choices": {"no": 1, "yes": 1},
    }
    assert by_key[("2026-W49", "columns")]["choices"] == {"observed": 2, "partly": 1}
    assert by_key[("2026-W49", "scale")]["mean"] == 7.25
    assert by_key[("2026-W49", "network_size")] == {
        "instrument": "example",
        "item": "network_size",
        "week": "2026-W49",
        "responses": 1,
        "mean": 4.0,
    }
    assert by_key[("2026-W49", "points")]["mean"] == 2.0  # (1 + 2 columns) and (0 + 1 column)
    assert by_key[("2026-W49", SCORE_ITEM)]["mean"] == 50.0
    assert by_key[("2026-W50", "network_size")]["mean"] == 2.0
    assert {r["item"] for r in rows} <= {
        "parents_present", "network_size", "columns", "scale", "quiz", "points", SCORE_ITEM,
    }  # fmt: skip
    assert {r["week"] for r in rows} == {"2026-W49", "2026-W50"}


def test_a_name_typed_in_a_text_answer_appears_in_no_byte_of_the_aggregate(
    example: FormDefinition, responses: list[Response]
) -> None:
    data = json.dumps(weekly_aggregates(responses, {example.id: example})).encode("utf-8")
    for secret in (NAME, "Maria", "Hernandez", CASE, "0412", "coachee", "2026-11-30", "cmd"):
        assert secret.encode() not in data
    for response in responses:  # nor the response's id or its times finer than the week
        assert response.id.encode() not in data
        assert response.completed[:10].encode() not in data


def test_a_calculation_that_reads_a_text_or_date_answer_is_never_averaged() -> None:
    text = Item(name="who", type="text")
    when = Item(name="when", type="date")
    length = Item(name="length", type="calculate", calculate="string-length(${who})")
    as_number = Item(name="as_number", type="calculate", calculate="number(${who})")
    days = Item(name="days", type="calculate", calculate="today() - ${when}")
    chained = Item(name="chained", type="calculate", calculate="${as_number} + 1")
    rating = Item(name="rating", type="integer")
    clean = Item(name="clean", type="calculate", calculate="${rating} * 2")
    form = FormDefinition(
        "f", "1", {}, ("en",), "en", (text, when, length, as_number, days, chained, rating, clean)
    )
    assert numeric_items(form) == {"rating", "clean"}
    response = Response(
        "r", "f", "1", "en", "", "", "2026-12-01T00:00:00Z", "",
        {"who": "412", "as_number": "412", "chained": "413", "rating": "3", "clean": "6"},
    )  # fmt: skip
    data = json.dumps(weekly_aggregates([response], {"f": form}))
    assert "412" not in data and "413" not in data
    assert '"mean": 6.0' in data


def test_only_completed_responses_of_known_instruments_and_known_choices_count(
    example: FormDefinition,
) -> None:
    draft = Response("d", "example", "1", "en", "", "", "", "", {"parents_present": "yes"})
    stranger = Response("s", "other", "1", "en", "", "", "2026-12-01T00:00:00Z", "", {"a": "1"})
    forged = Response(
        "f", "example", "1", "en", "", "", "2026-12-01T00:00:00Z", "",
        {"parents_present": NAME, "scale": "nan", "network_size": "1e400"},
    )  # fmt: skip
    assert weekly_aggregates([draft, stranger, forged], {example.id: example}) == [
        {"instrument": "example", "item": SCORE_ITEM, "week": "2026-W49", "responses": 1,
         "mean": 0.0},
    ]  # fmt: skip
    assert iso_week("2026-01-01T00:00:00Z") == "2026-W01"
    assert iso_week("2027-01-01T00:00:00Z") == "2026-W53"
    assert iso_week("") is None


def test_export_uses_odk_column_names_and_neutralises_formulas(
    tmp_path: Path, example: FormDefinition, responses: list[Response]
) -> None:
    path = export_csv(example, responses, tmp_path / "export")
    assert path == tmp_path / "export" / "example.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert list(table[0]) == [
        "SubmissionDate", "meeting-parents_present", "meeting-network_size", "columns", "scale",
        "comment", "meeting_date", "quiz", "points", "meta-instanceID", "KEY", "FormVersion",
    ]  # fmt: skip
    assert next(c for c, _ in columns(example)) == "meeting-parents_present"
    assert len(table) == 3
    assert table[0]["meeting-parents_present"] == "yes"
    assert table[0]["columns"] == "observed partly"
    assert table[0]["meta-instanceID"] == f"uuid:{responses[0].id}"
    assert table[0]["FormVersion"] == "2026-12"
    assert table[2]["comment"] == "'=cmd|' /C calc'!A0"
    assert NAME.encode() not in raw.split(b"\n")[0]
    assert b"coachee" not in raw  # the local label stays on the laptop


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-2", "-2"),
        ("-2.5", "-2.5"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_are_prefixed(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_answers_of_an_older_version_keep_a_column(tmp_path: Path, example: FormDefinition) -> None:
    old = Response(
        "o", "example", "2025-01", "en", "", "", "2026-01-05T00:00:00Z", "", {"retired": "x"}
    )
    with export_csv(example, [old], tmp_path).open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["retired"] == "x" and row["FormVersion"] == "2025-01"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_any_typed_text_is_exported_whole_and_never_as_a_formula(
    tmp_path_factory: pytest.TempPathFactory, example: FormDefinition, comments: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("export")
    typed = [
        Response(f"r{n}", "example", "1", "en", "", "", "2026-12-01T00:00:00Z", "", {"comment": c})
        for n, c in enumerate(comments)
    ]
    with export_csv(example, typed, folder).open(encoding="utf-8-sig", newline="") as handle:
        cells = [row["comment"] for row in csv.DictReader(handle)]
    assert len(cells) == len(comments)
    for cell, comment in zip(cells, comments, strict=True):
        assert cell in (comment, "'" + comment)
        assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell == comment == ""
