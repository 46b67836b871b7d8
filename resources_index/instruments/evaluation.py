"""Evaluating a parsed expression with ODK's (XPath 1.0's) rules, never raising.

Values are numbers (``float``), strings and booleans. An empty answer is the empty string. The
conversions are XPath's: a string that is not a number is NaN as a number; NaN compares false;
``=`` and ``!=`` compare as booleans if either side is one, else as numbers if either side is
one, else as strings; ``<`` ``<=`` ``>`` ``>=`` always compare numbers. As in ODK Collect, a date
``YYYY-MM-DD`` is, as a number, the days since 1970-01-01, so ``. <= today()`` works.
Arithmetic follows IEEE: ``1 div 0`` is Infinity, ``0 div 0`` NaN (never an exception).
"""

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from resources_index.instruments.expressions import (
    Binary,
    Call,
    Current,
    Literal,
    Negate,
    Node,
    Reference,
)

Value = float | str | bool

_NUMBER = re.compile(r"\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*")
_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")
_EPOCH = datetime.date(1970, 1, 1)
#: Digits ``round(x, digits)`` accepts; beyond them a float has nothing left to round.
_ROUND_DIGITS = 15


@dataclass(frozen=True)
class Context:
    """What an expression can see: answers by name, the answer being checked (``.``), today."""

    lookup: Callable[[str], Value]
    current: Value = ""
    today: datetime.date | None = None


def to_number(value: Value) -> float:
    """XPath's ``number()``, with ODK's dates as days since 1970-01-01."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    if _NUMBER.fullmatch(value):
        return float(value)
    found = _DATE.fullmatch(value)
    if found:
        try:
            day = datetime.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return math.nan
        return float((day - _EPOCH).days)
    return math.nan


def to_string(value: Value) -> str:
    """XPath's ``string()``: ``3`` not ``3.0``, ``NaN``, ``Infinity``, ``true``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def to_boolean(value: Value) -> bool:
    """XPath's ``boolean()``: a number is true unless 0 or NaN, a string unless empty."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    return value != ""


def evaluate(node: Node, context: Context) -> Value:
    """The value of ``node``; its depth was bounded when it was parsed."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Reference):
        return context.lookup(node.name)
    if isinstance(node, Current):
        return context.current
    if isinstance(node, Negate):
        return -to_number(evaluate(node.operand, context))
    if isinstance(node, Binary):
        return _binary(node, context)
    return _call(node, context)


def _binary(node: Binary, context: Context) -> Value:
    if node.operator == "or":
        return to_boolean(evaluate(node.left, context)) or to_boolean(evaluate(node.right, context))
    if node.operator == "and":
        return to_boolean(evaluate(node.left, context)) and to_boolean(
            evaluate(node.right, context)
        )
    left, right = evaluate(node.left, context), evaluate(node.right, context)
    if node.operator in ("=", "!="):
        return _equal(left, right) == (node.operator == "=")
    a, b = to_number(left), to_number(right)
    return _arithmetic(node.operator, a, b)


def _equal(left: Value, right: Value) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return to_boolean(left) == to_boolean(right)
    if isinstance(left, float) or isinstance(right, float):
        return to_number(left) == to_number(right)
    return left == right


def _arithmetic(operator: str, a: float, b: float) -> Value:
    if operator == "<":
        return a < b
    if operator == "<=":
        return a <= b
    if operator == ">":
        return a > b
    if operator == ">=":
        return a >= b
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if operator == "div":
        return _divide(a, b)
    return math.fmod(a, b) if b != 0 and math.isfinite(a) else math.nan  # mod


def _divide(a: float, b: float) -> float:
    if b != 0:
        return a / b
    if a == 0 or math.isnan(a):
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def _call(node: Call, context: Context) -> Value:
    name, arguments = node.function, node.arguments
    if name == "if":
        chosen = arguments[1] if to_boolean(evaluate(arguments[0], context)) else arguments[2]
        return evaluate(chosen, context)
    if name == "coalesce":
        first = evaluate(arguments[0], context)
        return first if to_string(first) != "" else evaluate(arguments[1], context)
    values = [evaluate(argument, context) for argument in arguments]
    if name == "not":
        return not to_boolean(values[0])
    if name == "selected":
        return to_string(values[1]).strip() in to_string(values[0]).split()
    if name == "count-selected":
        return float(len(to_string(values[0]).split()))
    if name == "string-length":
        return float(len(to_string(values[0])))
    if name == "number":
        return to_number(values[0])
    if name == "int":
        number = to_number(values[0])
        return float(math.trunc(number)) if math.isfinite(number) else number
    if name == "round":
        return _round(values)
    if name == "today":
        return (context.today or datetime.date.today()).isoformat()
    return name == "true"  # true() or false()


def _round(values: list[Value]) -> float:
    """XPath's round (halves up, towards +Infinity), to ``digits`` places as ODK allows."""
    number = to_number(values[0])
    digits = to_number(values[1]) if len(values) > 1 else 0.0
    if not (math.isfinite(number) and math.isfinite(digits)):
        return number if not math.isfinite(number) else math.nan
    places = max(-_ROUND_DIGITS, min(_ROUND_DIGITS, int(digits)))
    scale = 10.0**places
    scaled = number * scale
    if not math.isfinite(scaled):
        return number
    return math.floor(scaled + 0.5) / scale
