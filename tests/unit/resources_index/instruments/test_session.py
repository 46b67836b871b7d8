"""The form session: skip logic, constraint messages in the form's language, required answers,
answers of the wrong kind, calculations and knowledge-check scores."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resources_index.errors import InstrumentError
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import FormDefinition, Item
from resources_index.instruments.session import FormSession
from tests.helpers.xlsforms import example_form

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> FormDefinition:
    return convert_form(example_form(tmp_path_factory.mktemp("form") / "example.xlsx"))


def shown(session: FormSession) -> list[str]:
    return [item.name for item, _ in session.visible_items()]


def test_skip_logic_shows_a_question_only_when_its_condition_holds(
    example: FormDefinition,
) -> None:
    session = FormSession(example, today=TODAY)
    assert "network_size" not in shown(session)
    assert "points" not in shown(session)  # calculations are never shown
    session.set_answer("parents_present", "yes")
    assert "network_size" in shown(session)
    session.set_answer("network_size", "6")
    session.set_answer("parents_present", "no")
    assert "network_size" not in shown(session)
    assert "network_size" not in session.final_answers()  # a hidden answer is not kept
    session.set_answer("parents_present", "yes")
    assert session.final_answers()["network_size"] == "6"  # changing back restores it


def test_a_group_hides_everything_inside_it() -> None:
    inner = Item(name="inner", type="text", labels={"en": "Inner"})
    group = Item(name="g", type="group", relevant="${gate} = 'open'", items=(inner,))
    gate = Item(name="gate", type="text", labels={"en": "Gate"})
    form = FormDefinition("f", "1", {"en": "F"}, ("en",), "en", (gate, group))
    session = FormSession(form)
    assert not session.is_relevant("inner")
    session.set_answer("gate", "open")
    assert session.is_relevant("inner")
    assert [(i.name, depth) for i, depth in session.visible_items()] == [
        ("gate", 0),
        ("g", 0),
        ("inner", 1),
    ]


def test_constraints_say_the_forms_own_message_in_the_chosen_language(
    example: FormDefinition,
) -> None:
    session = FormSession(example, today=TODAY)
    session.set_answer("parents_present", "yes")
    session.set_answer("network_size", "31")
    issue = session.issue("network_size")
    assert issue is not None and issue.kind == "constraint"
    assert issue.message("es") == "Entre 0 y 30."
    assert issue.message("en") == "Between 0 and 30."
    assert issue.message("fr") == "Between 0 and 30."  # no French: English
    session.set_answer("network_size", "30")
    assert session.issue("network_size") is None
    session.set_answer("meeting_date", "2027-01-01")  # . <= today()
    date_issue = session.issue("meeting_date")
    assert date_issue is not None
    assert date_issue.message("es") == "Esta respuesta no es válida aquí."  # no message written


def test_required_answers_and_answers_of_the_wrong_kind_are_issues(
    example: FormDefinition,
) -> None:
    session = FormSession(example, today=TODAY)
    assert [(i.name, i.kind) for i in session.issues()] == [("parents_present", "required")]
    assert not session.is_complete()
    assert session.issues()[0].message("es") == "Esta pregunta necesita una respuesta."
    session.set_answer("parents_present", "perhaps")
    assert [(i.name, i.kind) for i in session.issues()] == [("parents_present", "choice")]
    session.set_answer("parents_present", "yes")
    for name, answer, kind in [
        ("network_size", "2.5", "integer"),
        ("scale", "seven", "decimal"),
        ("meeting_date", "2026-02-30", "date"),
        ("meeting_date", "3/12/2026", "date"),
        ("columns", "observed nonsense", "choice"),
    ]:
        session.set_answer(name, answer)
        issue = session.issue(name)
        assert issue is not None and issue.kind == kind, (name, answer)
        session.set_answer(name, "")
    assert session.is_complete()


def test_calculations_follow_the_answers_and_appear_in_labels(example: FormDefinition) -> None:
    session = FormSession(example, today=TODAY)
    assert session.calculated() == {"points": "0"}
    session.set_answer("parents_present", "yes")
    session.set_answer("columns", "observed partly not_observed")
    assert session.calculated() == {"points": "4"}
    assert session.label(example.item("summary"), "es") == "Puntos: 4"
    assert session.final_answers()["points"] == "4"


def test_calculations_depending_on_each_other_settle_whatever_their_order() -> None:
    total = Item(name="total", type="calculate", calculate="${double} + 1")
    double = Item(name="double", type="calculate", calculate="${n} * 2")
    n = Item(name="n", type="integer", labels={"en": "N"})
    loop_a = Item(name="loop_a", type="calculate", calculate="${loop_b} + 1")
    loop_b = Item(name="loop_b", type="calculate", calculate="${loop_a} + 1")
    form = FormDefinition("f", "1", {}, ("en",), "en", (total, double, n, loop_a, loop_b))
    session = FormSession(form, {"n": "5"})
    assert session.calculated()["total"] == "11"
    assert session.calculated()["loop_a"] not in ("",)  # a cycle ends, with some value


def test_a_knowledge_check_is_scored_on_the_questions_asked(example: FormDefinition) -> None:
    session = FormSession(example, today=TODAY)
    assert session.score().total == 1 and session.score().correct == 0
    session.set_answer("quiz", "no")
    assert session.score().correct == 0
    session.set_answer("quiz", "yes")
    assert (session.score().correct, session.score().total) == (1, 1)
    several = Item(
        name="s",
        type="select_multiple",
        choices=(),
        correct_answer="a c",
    )
    number = Item(name="n", type="integer", correct_answer="7")
    form = FormDefinition("k", "1", {}, ("en",), "en", (several, number))
    assert FormSession(form, {"s": "c a", "n": "7"}).score().correct == 2
    assert FormSession(form, {"s": "a", "n": "7.0"}).score().correct == 1


def test_answers_only_go_to_questions(example: FormDefinition) -> None:
    session = FormSession(example, {"summary": "x", "nowhere": "y", "comment": "ok"})
    assert session.answers == {"comment": "ok"}
    for name in ("summary", "points", "meeting", "nowhere"):
        with pytest.raises(InstrumentError, match="has no question"):
            session.set_answer(name, "x")


ANSWER_NAMES = ["parents_present", "network_size", "columns", "scale", "comment", "meeting_date"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ANSWER_NAMES), st.text(max_size=40)), max_size=12))
def test_any_answers_give_issues_or_none_never_an_exception(
    example: FormDefinition, typed: list[tuple[str, str]]
) -> None:
    session = FormSession(example, today=TODAY)
    for name, value in typed:
        session.set_answer(name, value)
        for issue in session.issues():
            assert issue.message("es") and issue.message("en")
    assert set(session.final_answers()) <= {item.name for item, _ in example.walk()}
