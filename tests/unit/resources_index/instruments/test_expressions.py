"""The expression subset: parsed without eval, evaluated with ODK's rules, bounded."""

import datetime
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resources_index.errors import ExpressionError
from resources_index.instruments.evaluation import Context, Value, evaluate, to_string
from resources_index.instruments.expressions import parse, references, uses_current
from resources_index.instruments.limits import MAX_EXPRESSION_CHARS, MAX_EXPRESSION_DEPTH

ANSWERS: dict[str, Value] = {
    "parents_present": "yes",
    "columns": "observed partly",
    "network_size": 4.0,
    "empty": "",
    "meeting_date": "2026-11-30",
    "name_text": "Maria",
}
TODAY = datetime.date(2026, 12, 3)


def value_of(expression: str, current: Value = "") -> Value:
    context = Context(lambda name: ANSWERS.get(name, ""), current=current, today=TODAY)
    return evaluate(parse(expression), context)


# The expressions of the forms themselves (tests/helpers/xlsforms.py, the starter instruments)
# and ODK's documented examples, with what ODK Collect gives.
@pytest.mark.parametrize(
    ("expression", "current", "expected"),
    [
        ("selected(${parents_present}, 'yes')", "", True),
        ("selected(${columns}, 'not_observed')", "", False),
        ("count-selected(${columns})", "", 2.0),
        (". >= 0 and . <= 30", 12.0, True),
        (". >= 0 and . <= 30", 31.0, False),
        (". <= today()", "2026-12-03", True),
        (". <= today()", "2027-01-01", False),
        ("if(${parents_present} = 'yes', 1, 0) + count-selected(${columns})", "", 3.0),
        ("${empty} = ''", "", True),
        ("${empty} > 0", "", False),  # an empty answer is NaN as a number
        ("${empty} < 0", "", False),
        ("${network_size} = '4'", "", True),  # a number against a string compares numbers
        ("'10' < '9'", "", False),  # < always compares numbers
        ("'abc' = 'abc'", "", True),
        ("true() = 'false'", "", True),  # a boolean against a string: the string's boolean
        ("not(${parents_present} = 'no')", "", True),
        ("coalesce(${empty}, 'none')", "", "none"),
        ("coalesce(${parents_present}, 'none')", "", "yes"),
        ("string-length(${name_text})", "", 5.0),
        ("number('3.5') * 2", "", 7.0),
        ("int(-2.7)", "", -2.0),
        ("round(2.5)", "", 3.0),
        ("round(-2.5)", "", -2.0),  # XPath rounds halves towards +Infinity
        ("round(1.2345, 2)", "", 1.23),
        ("7 mod 3", "", 1.0),
        ("-7 mod 3", "", -1.0),
        ("7 div 2", "", 3.5),
        ("today() - ${meeting_date}", "", 3.0),
        ("1 + 2 * 3 - 4 div 2", "", 5.0),
        ("(1 + 2) * 3", "", 9.0),
        ("- - 2", "", 2.0),
        ("1 = 1 or 1 div 0 = 0", "", True),
        ("\"double\" = 'double'", "", True),
        ("${unknown} = ''", "", True),
    ],
)
def test_expressions_give_what_odk_gives(expression: str, current: Value, expected: Value) -> None:
    assert value_of(expression, current) == expected


def test_division_by_zero_and_bad_numbers_are_values_not_errors() -> None:
    assert value_of("1 div 0") == math.inf
    assert value_of("-1 div 0") == -math.inf
    assert math.isnan(float(value_of("0 div 0")))
    assert math.isnan(float(value_of("number('ten')")))
    assert math.isnan(float(value_of("5 mod 0")))
    assert to_string(value_of("0 div 0")) == "NaN"
    assert to_string(value_of("1 div 0")) == "Infinity"
    assert to_string(value_of("2 * 2")) == "4"
    assert value_of("number('ten') = number('ten')") is False


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        ("", "empty"),
        ("(1 + 2", "expected ')'"),
        ("1 +", "ends too early"),
        ("sum(${a})", "sum() is not supported"),
        ("eval('1')", "eval() is not supported"),
        ("${a} $ 2", "unexpected '$'"),
        ("position(..)", "position() is not supported"),
        ("round(1, 2, 3)", "takes 1 or 2 arguments"),
        ("if(1, 2)", "takes 3 arguments"),
        ("/data/a = 1", "unexpected '/'"),
        ("a = 1", "'a' is not supported"),
        ("1 2", "unexpected '2'"),
    ],
)
def test_what_is_outside_the_subset_is_refused_with_where(expression: str, problem: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(expression)
    assert problem in str(caught.value)
    assert "at character" in str(caught.value)


def test_length_and_depth_are_bounded() -> None:
    with pytest.raises(ExpressionError, match="longer than"):
        parse("1" * (MAX_EXPRESSION_CHARS + 1))
    with pytest.raises(ExpressionError, match="levels deep"):
        parse("(" * (MAX_EXPRESSION_DEPTH + 1) + "1" + ")" * (MAX_EXPRESSION_DEPTH + 1))
    with pytest.raises(ExpressionError, match="levels deep"):
        parse("-" * (MAX_EXPRESSION_DEPTH + 1) + "1")
    with pytest.raises(ExpressionError, match="levels deep"):  # a long chain nests too
        parse(" + ".join(["1"] * (MAX_EXPRESSION_DEPTH + 1)))
    assert value_of(" + ".join(["1"] * (MAX_EXPRESSION_DEPTH - 1))) == MAX_EXPRESSION_DEPTH - 1


def test_references_and_the_current_answer_are_found() -> None:
    node = parse("selected(${a}, 'x') and ${b} > . or not(${c})")
    assert references(node) == {"a", "b", "c"}
    assert uses_current(node)
    assert not uses_current(parse("${a} = 1.5"))


ALPHABET = st.sampled_from(
    [*list("${}().,'\"=!<>+-*/ 0123456789abcdinotrsmuvxyz_"), "div", "mod", "and", "or", "${a}"]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(ALPHABET, max_size=120).map("".join)))
def test_any_text_parses_or_raises_only_the_expression_error(text: str) -> None:
    try:
        node = parse(text)
    except ExpressionError:
        return
    result = evaluate(node, Context(lambda name: "", current="", today=TODAY))
    assert isinstance(result, float | str | bool)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=5000))
def test_deep_nesting_of_any_depth_never_overflows_the_stack(depth: int) -> None:
    for text in ("(" * depth + "1" + ")" * depth, "not(" * depth + "1" + ")" * depth):
        try:
            parse(text)
        except ExpressionError as error:
            assert "levels deep" in str(error) or "longer than" in str(error)
