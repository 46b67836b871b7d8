"""The starter's three instruments: they convert, every item links to practice elements and to
starter resources that exist, and the scored check scores as its own calculation says."""

import importlib.util
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from resources_index.catalog.vocabulary import AUDIENCES, PRACTICE_ELEMENTS
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.session import QUESTION_TYPES, FormSession
from resources_index.library.starter import STARTER_AUTHOR, STARTER_NOTICE, STARTER_PUBLISHER

ROOT = Path(__file__).resolve().parents[4]
FOLDER = ROOT / "assets" / "starter" / "instruments"
FORMS = sorted(FOLDER.glob("*.xlsx"))
#: Questions that describe the situation, not a practice: they link to nothing.
CONTEXT = {"role", "meeting_kind", "present"}


def starter_ids() -> set[str]:
    content = yaml.safe_load((ROOT / "assets" / "starter" / "content.yaml").read_text("utf-8"))
    return {entry["id"] for entry in content}


def test_there_are_three_starter_instruments_one_of_each_kind() -> None:
    kinds = {convert_form(form).kind for form in FORMS}
    assert len(FORMS) == 3 and kinds == {"observation", "self_check", "knowledge_check"}


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem)
def test_a_starter_instrument_converts_in_both_languages_with_its_links(form: Path) -> None:
    definition = convert_form(form)
    assert definition.publisher == STARTER_PUBLISHER  # what marks it as sample content
    assert definition.languages == ("en", "es")
    assert set(definition.title) == {"en", "es"}
    ids = starter_ids()
    assert set(definition.resources) <= ids
    assert set(definition.practice_elements) <= set(PRACTICE_ELEMENTS)
    assert definition.audiences and set(definition.audiences) <= set(AUDIENCES)
    for item, _ in definition.walk():
        if item.type in ("note", "group", "calculate"):
            continue
        assert set(item.labels) == {"en", "es"}, item.name
        for choice in item.choices:
            assert set(choice.labels) == {"en", "es"}, (item.name, choice.name)
        if item.type in QUESTION_TYPES and item.type != "text" and item.name not in CONTEXT:
            assert item.practice_elements and item.resources, f"{item.name} links to nothing"
        assert set(item.resources) <= ids, f"{item.name}: no such starter resource"
        assert set(item.practice_elements) <= set(PRACTICE_ELEMENTS), item.name


def knowledge_check() -> FormDefinition:
    return convert_form(FOLDER / "three-houses-knowledge-check.xlsx")


def test_the_knowledge_check_scores_as_its_own_calculation_says() -> None:
    definition = knowledge_check()
    right = {item.name: item.correct_answer for item in definition.scored_items()}
    assert len(right) == 5
    session = FormSession(definition, right)
    assert session.is_complete()
    assert (session.score().correct, session.score().total) == (5, 5)
    assert session.calculated()["knowledge_score"] == "5"
    assert session.label(definition.item("score_note"), "es") == "Respondió correctamente 5 de 5."
    session.set_answer("before_sharing", "explain_who ask_worries promise_secret")
    session.set_answer("start_with", "always_good_things")
    assert (session.score().correct, session.calculated()["knowledge_score"]) == (3, "3")


def test_the_knowledge_check_teaches_what_the_tip_sheets_teach() -> None:
    """The order of the houses is the worker's judgement, following the child; before sharing,
    the worker is honest about who may see them, and never promises secrecy."""
    definition = knowledge_check()
    start, sharing = definition.item("start_with"), definition.item("before_sharing")
    assert start.correct_answer == "child_lead"
    assert set(str(sharing.correct_answer).split()) == {"explain_who", "ask_worries"}
    labels = {c.name: c.labels["en"] for c in sharing.choices}
    assert "promise_secret" in labels and "permission" not in " ".join(labels.values()).lower()


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem)
def test_a_starter_instrument_says_in_its_properties_that_it_is_sample_content(
    form: Path,
) -> None:
    properties = load_workbook(form, read_only=True).properties
    assert properties.creator == STARTER_AUTHOR
    assert (properties.subject, properties.description) == (
        STARTER_NOTICE["en"],
        STARTER_NOTICE["es"],
    )


def test_the_observation_scores_practice_and_asks_scaling_only_when_seen() -> None:
    definition = convert_form(FOLDER / "safety-mapping-observation.xlsx")
    session = FormSession(definition)
    behaviours = [i.name for i, parents in definition.walk() if i.choices and parents and
                  parents[-1].name == "practice"]  # fmt: skip
    for name in behaviours:
        session.set_answer(name, "observed")
    session.set_answer("scaling_asked", "not_observed")
    assert not session.is_relevant("scaling_given")
    assert session.calculated()["fidelity_score"] == str(2 * (len(behaviours) - 1))
    session.set_answer("scaling_asked", "partly")
    assert session.is_relevant("scaling_given")
    session.set_answer("scaling_given", "11")
    issue = session.issue("scaling_given")
    assert issue is not None and issue.message("es") == "Escriba un número del 0 al 10."


def test_the_committed_spreadsheets_are_what_the_script_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_starter_instruments", ROOT / "scripts" / "make_starter_instruments.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(script, "FOLDER", tmp_path)
    script.main()
    for form in FORMS:  # reproducible: the same bytes (times fixed)
        assert (tmp_path / form.name).read_bytes() == form.read_bytes(), form.name
