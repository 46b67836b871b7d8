"""XLSForm spreadsheets, written for real with openpyxl, converted with pyxform into the form
definition; every supported feature, and broken forms told in one sentence naming the cell."""

from pathlib import Path

import pytest

from resources_index.errors import InstrumentError
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import FormDefinition, from_bytes, to_bytes
from tests.helpers.xlsforms import SEEN, YES_NO, example_form, row, settings, write_form


def test_every_supported_feature_is_carried_into_the_definition(tmp_path: Path) -> None:
    definition = convert_form(example_form(tmp_path / "example.xlsx"))
    assert (definition.id, definition.version) == ("example", "2026-12")
    assert definition.languages == ("en", "es")
    assert definition.default_language == "en"
    assert definition.title == {"en": "Test form", "es": "Test form"}
    items = {item.name: (item, parents) for item, parents in definition.walk()}
    assert [name for name in items] == [
        "meeting", "parents_present", "network_size", "columns", "scale", "comment",
        "meeting_date", "quiz", "points", "summary",
    ]  # fmt: skip
    group, _ = items["meeting"]
    assert group.type == "group"
    assert group.labels == {"en": "The meeting", "es": "La reunión"}
    present, parents = items["parents_present"]
    assert [p.name for p in parents] == ["meeting"]
    assert present.type == "select_one"
    assert present.required
    assert present.hints == {
        "en": "Count either parent.",
        "es": "Cuente a cualquiera de los padres.",
    }
    assert [(c.name, c.labels["es"]) for c in present.choices] == [("yes", "Sí"), ("no", "No")]
    size, _ = items["network_size"]
    assert size.type == "integer"
    assert size.relevant == "selected(${parents_present}, 'yes')"
    assert size.constraint == ". >= 0 and . <= 30"
    assert size.constraint_messages == {"en": "Between 0 and 30.", "es": "Entre 0 y 30."}
    assert items["columns"][0].type == "select_multiple"
    assert [c.name for c in items["columns"][0].choices] == [c[1] for c in SEEN]
    assert items["scale"][0].type == "decimal"
    assert items["comment"][0].type == "text"
    assert items["meeting_date"][0].type == "date"
    assert items["quiz"][0].correct_answer == "yes"
    assert items["points"][0].type == "calculate"
    assert "count-selected(${columns})" in items["points"][0].calculate
    assert items["summary"][0].type == "note"
    assert items["summary"][0].labels["es"] == "Puntos: ${points}"


def test_the_definition_survives_its_json_unchanged(tmp_path: Path) -> None:
    definition = convert_form(example_form(tmp_path / "example.xlsx"))
    data = to_bytes(definition)
    assert from_bytes(data, "example") == definition
    assert to_bytes(from_bytes(data, "example")) == data
    assert b"pyxform" not in data and b"instanceID" not in data  # pyxform's own JSON stays behind


def test_a_sidecar_links_items_to_practice_elements_and_resources(tmp_path: Path) -> None:
    form = example_form(tmp_path / "example.xlsx")
    form.with_suffix(".yaml").write_text(
        "kind: knowledge_check\n"
        "title: {en: Meeting check, es: Revisión de la reunión}\n"
        "audiences: [Coaches]\n"
        "practice_elements: [Safety Mapping]\n"
        "resources: [safety-mapping-practice-guide]\n"
        "items:\n"
        "  quiz: {practice_elements: [harm and danger statements],"
        " resources: [harm-and-danger-statements-tip-sheet]}\n",
        encoding="utf-8",
    )
    definition = convert_form(form)
    assert definition.kind == "knowledge_check"
    assert definition.title == {"en": "Meeting check", "es": "Revisión de la reunión"}
    assert definition.audiences == ("coach",)
    assert definition.practice_elements == ("safety_mapping",)
    assert definition.resources == ("safety-mapping-practice-guide",)
    quiz = definition.item("quiz")
    assert quiz.practice_elements == ("harm_and_danger_statements",)
    assert quiz.resources == ("harm-and-danger-statements-tip-sheet",)


def test_a_sidecar_names_the_publisher_and_the_definition_carries_it(tmp_path: Path) -> None:
    """The publisher is matched to the vocabulary as a resource's is, and kept through the
    definition's JSON (a catalog's instrument says whose it is); a form without one keeps the
    bytes it had before the field existed."""
    form = example_form(tmp_path / "example.xlsx")
    before = to_bytes(convert_form(form))
    assert b"publisher" not in before
    form.with_suffix(".yaml").write_text("publisher: SOP Desktop sample\n", encoding="utf-8")
    definition = convert_form(form)
    assert definition.publisher == "sop_desktop_sample"
    data = to_bytes(definition)
    assert from_bytes(data, "example").publisher == "sop_desktop_sample"
    assert data != before
    form.with_suffix(".yaml").write_text("publisher: [CDSS]\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"example\.yaml: publisher holds \['CDSS'\]"):
        convert_form(form)


def test_a_sidecar_naming_no_question_of_the_form_is_refused(tmp_path: Path) -> None:
    form = example_form(tmp_path / "example.xlsx")
    form.with_suffix(".yaml").write_text("items:\n  quizz: {resources: [x]}\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"example\.xlsx: its sidecar links 'quizz'"):
        convert_form(form)
    form.with_suffix(".yaml").write_text("kind: [\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"example.yaml: the YAML is broken at line 2"):
        convert_form(form)


def test_a_form_without_languages_uses_the_default_language(tmp_path: Path) -> None:
    form = write_form(
        tmp_path / "plain.xlsx",
        [["text", "a", "Question A"]],
        settings_rows=[["form_id", "version"], ["plain", "1"]],
        survey_header=["type", "name", "label"],
    )
    definition = convert_form(form)
    assert definition.languages == ("en",)
    assert definition.item("a").labels == {"en": "Question A"}


def refusal(tmp_path: Path, survey: list[list[object]], **kwargs: object) -> str:
    form = write_form(tmp_path / "broken.xlsx", survey, kwargs.get("choices", YES_NO))  # type: ignore[arg-type]
    with pytest.raises(InstrumentError) as caught:
        convert_form(form)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("survey", "expected"),
    [
        # pyxform's messages, said with the file, sheet, row and column
        (
            [row(type="text", name="", en="No name")],
            "broken.xlsx: sheet survey, row 2: Question or group with no name.",
        ),
        (
            [row(type="text", name="a", en="A"), row(type="text", name="a", en="A again")],
            "broken.xlsx: sheet survey, row 3, column B (name): 'a' is invalid. Questions,"
            " groups, and repeats must be unique",
        ),
        (
            [row(type="text", name="a", en="A", relevant="${nowhere} = 1")],
            "broken.xlsx: sheet survey, row 2, column H (relevant): Reference variables must"
            " contain a name from the 'survey' sheet. Could not find the name 'nowhere'.",
        ),
        (
            [row(type="end group")],
            "broken.xlsx: sheet survey, row 2: Unmatched 'end_group'.",
        ),
        (
            [row(type="text", name="a")],
            "broken.xlsx: sheet survey, row 2: The survey element named 'a' has no label or hint.",
        ),
        # this program's own refusals
        (
            [row(type="geopoint", name="where", en="Where")],
            "broken.xlsx: sheet survey, row 2, column A (type): the question type 'geopoint' is"
            " not supported (supported: ",
        ),
        (
            [row(type="begin repeat", name="r", en="R"), row(type="end repeat")],
            "the question type 'begin' is not supported",
        ),
        (
            [row(type="text", name="a", en="A", constraint="sum(${a}) > 1")],
            "broken.xlsx: sheet survey, row 2, column I (constraint): the function sum() is not"
            " supported at character 1",
        ),
        (
            [row(type="text", name="a", en="A", relevant=". = 1")],
            "column H (relevant): '.' (the answer itself) can be used in a constraint only",
        ),
        (
            [row(type="text", name="a", en="A", required="${a} = ''")],
            "column G (required): required must be yes or no",
        ),
        (
            [row(type="select_one yn", name="q", en="Q", correct_answer="maybe")],
            "column M (correct_answer): 'maybe' is not an answer this question can take",
        ),
        (
            [row(type="text", name="q", en="Q", correct_answer="anything")],
            "column M (correct_answer): 'anything' is not an answer",
        ),
        (
            [
                row(type="calculate", name="a", calculation="${b} + 1"),
                row(type="calculate", name="b", calculation="${a} + 1"),
                row(type="text", name="c", en="C", relevant="${c} = ''"),
            ],
            "broken.xlsx: sheet survey, row 2, column L (calculation): 'a', 'b', 'c' read each"
            " other in a circle",
        ),
        (
            [row(type="text", name="q", en="Q", calculation="1 + 1")],
            "column L (calculation): a calculation belongs on a calculate row.",
        ),
    ],
)
def test_a_broken_form_is_one_sentence_naming_the_cell(
    tmp_path: Path, survey: list[list[object]], expected: str
) -> None:
    assert expected in refusal(tmp_path, survey)


def test_an_unsupported_column_is_refused_by_name(tmp_path: Path) -> None:
    form = write_form(
        tmp_path / "filter.xlsx",
        [["select_one yn", "a", "A", "name = 'yes'"]],
        YES_NO,
        survey_header=["type", "name", "label", "choice_filter"],
    )
    with pytest.raises(InstrumentError, match=r"row 1, column D \(choice_filter\): the column"):
        convert_form(form)


def test_a_form_without_form_id_or_survey_or_with_an_unnamed_language_is_refused(
    tmp_path: Path,
) -> None:
    no_id = write_form(
        tmp_path / "no-id.xlsx", [row(type="text", name="a", en="A", es="A")],
        settings_rows=[["form_title"], ["Untitled"]],
    )  # fmt: skip
    with pytest.raises(InstrumentError, match=r"no-id\.xlsx: the settings sheet needs a form_id"):
        convert_form(no_id)
    klingon = write_form(
        tmp_path / "klingon.xlsx",
        [["text", "a", "A"]],
        settings_rows=settings(),
        survey_header=["type", "name", "label::Klingon"],
    )
    with pytest.raises(InstrumentError, match="the language 'Klingon' names no language code"):
        convert_form(klingon)
    from openpyxl import Workbook

    book = Workbook()
    assert book.active is not None
    book.active.title = "questions"
    book.create_sheet("settings")
    book.save(tmp_path / "no-survey.xlsx")
    with pytest.raises(InstrumentError, match=r"no-survey\.xlsx: it has no 'survey' sheet"):
        convert_form(tmp_path / "no-survey.xlsx")


def guide_tables() -> list[list[list[str]]]:
    """The Markdown tables of docs/instruments.md, in order, as rows of cells."""
    guide = (Path(__file__).resolve().parents[4] / "docs" / "instruments.md").read_text("utf-8")
    tables: list[list[list[str]]] = [[]]
    for line in guide.splitlines():
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(set(cell) <= {"-"} for cell in cells):
                tables[-1].append(cells)
        elif tables[-1]:
            tables.append([])
    return [table for table in tables if table]


def test_the_guides_example_converts_and_means_what_the_tests_example_means(
    tmp_path: Path,
) -> None:
    survey, choices, form_settings = guide_tables()[:3]
    form = write_form(
        tmp_path / "guide.xlsx",
        [[cell or None for cell in line] for line in survey[1:]],
        choices[1:],
        form_settings,
        survey_header=survey[0],
    )
    from_guide = convert_form(form)
    from_tests = convert_form(example_form(tmp_path / "example.xlsx"))

    def meaning(definition: FormDefinition) -> list[tuple[object, ...]]:
        return [
            (i.name, i.type, i.required, i.relevant, i.constraint, i.calculate, i.correct_answer,
             tuple(c.name for c in i.choices), tuple(p.name for p in parents))
            for i, parents in definition.walk()
        ]  # fmt: skip

    assert meaning(from_guide) == meaning(from_tests)


def test_required_messages_named_languages_and_pyxforms_warnings(tmp_path: Path) -> None:
    form = write_form(
        tmp_path / "messages.xlsx",
        [["text", "a", "A", "A es", "yes", "Say something.", "Diga algo.", "A hint"]],
        settings_rows=settings(),
        survey_header=[
            "type", "name", "label::English", "label::Español", "required",
            "required_message::English", "required_message::Español", "hint::English",
        ],
    )  # fmt: skip
    warnings: list[str] = []
    item = convert_form(form, warnings).item("a")
    assert item.labels == {"en": "A", "es": "A es"}
    assert item.required_messages == {"en": "Say something.", "es": "Diga algo."}
    assert "messages.xlsx: Language 'Español' is missing the survey hint column." in warnings
    assert all(w.startswith("messages.xlsx: ") for w in warnings)
    example_warnings: list[str] = []
    convert_form(example_form(tmp_path / "example.xlsx"), example_warnings)
    assert example_warnings == []
