"""A form being filled in: given a definition and the answers so far, what is asked (skip logic),
what is wrong (constraints, required answers, answers of the wrong kind, in the form's chosen
language), what is computed (``calculate``: scores) and how a knowledge check scores.

Answers are strings as ODK keeps them: ``3``, ``2.5``, ``2026-12-03``, a choice's name, several
names separated by spaces for ``select_multiple``; ``""`` is no answer. An answer to a question
that is no longer relevant is kept while filling in (changing an answer back restores it) but is
empty to every expression and is left out of the completed response, as in ODK Collect.
"""

import datetime
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from resources_index.errors import InstrumentError
from resources_index.instruments import expressions
from resources_index.instruments.definition import FormDefinition, Item, Labels
from resources_index.instruments.dependencies import evaluation_order
from resources_index.instruments.evaluation import (
    Context,
    Value,
    evaluate,
    to_boolean,
    to_number,
    to_string,
)
from resources_index.instruments.limits import MAX_ANSWER_CHARS

#: The sentences a form says itself when its author wrote none, in each form language (a form
#: is filled in its own language, chosen per form, whatever the interface's language).
PHRASES: dict[str, dict[str, str]] = {
    "required": {
        "en": "This question needs an answer.",
        "es": "Esta pregunta necesita una respuesta.",
    },
    "constraint": {
        "en": "This answer is not allowed here.",
        "es": "Esta respuesta no es válida aquí.",
    },
    "integer": {"en": "Type a whole number.", "es": "Escriba un número entero."},
    "decimal": {"en": "Type a number.", "es": "Escriba un número."},
    "date": {
        "en": "Type a date as year-month-day (2026-12-03).",
        "es": "Escriba una fecha como año-mes-día (2026-12-03).",
    },
    "choice": {
        "en": "Choose among the answers shown.",
        "es": "Elija entre las respuestas que se muestran.",
    },
}
QUESTION_TYPES = ("select_one", "select_multiple", "integer", "decimal", "text", "date")

_INTEGER = re.compile(r"-?\d{1,15}")
_DECIMAL = re.compile(r"-?(?:\d{1,15}(?:\.\d{0,15})?|\.\d{1,15})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}")


@dataclass(frozen=True)
class Issue:
    """Something to fix before the form is complete: ``kind`` is required, constraint, or the
    kind of answer expected (integer, decimal, date, choice)."""

    name: str
    kind: str
    messages: Labels

    def message(self, language: str) -> str:
        """The sentence in ``language`` (else English, else any the form has)."""
        for code in (language, "en"):
            if self.messages.get(code):
                return self.messages[code]
        return next(iter(self.messages.values()), "")


@dataclass(frozen=True)
class Score:
    """A knowledge check's result: answers correct out of the scored questions asked."""

    correct: int
    total: int


class FormSession:
    """The state of one response being filled in; cheap to ask after every answer."""

    def __init__(
        self,
        definition: FormDefinition,
        answers: Mapping[str, str] | None = None,
        today: datetime.date | None = None,
    ) -> None:
        self.definition = definition
        self.today = today
        self._walk = list(definition.walk())
        self._items = {item.name: item for item, _ in self._walk}
        self._parsed: dict[str, expressions.Node] = {}
        self._parents = {item.name: parents for item, parents in self._walk}
        self._order, _ = evaluation_order(definition, self._node)
        self.answers: dict[str, str] = {}
        for name, value in (answers or {}).items():
            if name in self._items and self._items[name].type in QUESTION_TYPES:
                self.answers[name] = str(value)[:MAX_ANSWER_CHARS]
        self._state: tuple[dict[str, bool], dict[str, str]] | None = None

    # -- answering ----------------------------------------------------------------------------
    def set_answer(self, name: str, value: str) -> None:
        """Record an answer (``""`` clears it); a text longer than the bound is cut there."""
        item = self._items.get(name)
        if item is None or item.type not in QUESTION_TYPES:
            raise InstrumentError("instrument.no_such_question", name=name)
        value = value.strip() if item.type != "text" else value
        if value:
            self.answers[name] = value[:MAX_ANSWER_CHARS]
        else:
            self.answers.pop(name, None)
        self._state = None

    # -- what the form asks -------------------------------------------------------------------
    def is_relevant(self, name: str) -> bool:
        """Whether the item is asked (its group's and its own ``relevant`` hold)."""
        return self._relevance()[0].get(name, False)

    def visible_items(self) -> list[tuple[Item, int]]:
        """The relevant items a person sees, in order, each with its group depth."""
        relevant, _ = self._relevance()
        return [
            (item, len(parents))
            for item, parents in self._walk
            if item.type != "calculate" and relevant[item.name]
        ]

    def calculated(self) -> dict[str, str]:
        """The value of every relevant ``calculate`` item (as ODK keeps it: a string)."""
        return dict(self._relevance()[1])

    def value(self, name: str) -> Value:
        """What an expression sees for ``${name}``."""
        relevant, calculated = self._relevance()
        return self._lookup(name, relevant, calculated)

    def label(self, item: Item, language: str) -> str:
        """The item's label in ``language``, ``${name}`` replaced by its current value."""
        text = _in_language(item.labels, language)
        return _REFERENCE.sub(lambda m: to_string(self.value(m.group(1))), text)

    # -- what is wrong -------------------------------------------------------------------------
    def issue(self, name: str) -> Issue | None:
        """What is wrong with the answer to ``name`` now, if anything."""
        item = self._items[name]
        if item.type not in QUESTION_TYPES or not self.is_relevant(name):
            return None
        answer = self.answers.get(name, "")
        if not answer:
            if item.required:
                return Issue(name, "required", item.required_messages or PHRASES["required"])
            return None
        kind = _wrong_kind(item, answer)
        if kind:
            return Issue(name, kind, PHRASES[kind])
        if item.constraint:
            context = Context(self.value, current=self.value(name), today=self.today)
            if not to_boolean(evaluate(self._node(item.constraint), context)):
                return Issue(name, "constraint", item.constraint_messages or PHRASES["constraint"])
        return None

    def issues(self) -> list[Issue]:
        """Everything to fix before the form can be completed, in form order."""
        found = (self.issue(item.name) for item, _ in self._walk)
        return [issue for issue in found if issue is not None]

    def is_complete(self) -> bool:
        return not self.issues()

    # -- results --------------------------------------------------------------------------------
    def final_answers(self) -> dict[str, str]:
        """The completed response's values: relevant answers and calculated values."""
        relevant, calculated = self._relevance()
        kept = {n: v for n, v in self.answers.items() if relevant.get(n)}
        return {**kept, **{n: v for n, v in calculated.items() if v != ""}}

    def score(self) -> Score:
        """Correct answers out of the scored questions that were asked."""
        asked = [i for i in self.definition.scored_items() if self.is_relevant(i.name)]
        right = sum(is_correct(i, self.answers.get(i.name, "")) for i in asked)
        return Score(right, len(asked))

    # -- evaluation -----------------------------------------------------------------------------
    def _node(self, text: str) -> expressions.Node:
        node = self._parsed.get(text)
        if node is None:
            node = self._parsed[text] = expressions.parse(text)
        return node

    def _lookup(self, name: str, relevant: dict[str, bool], calculated: dict[str, str]) -> Value:
        item = self._items.get(name)
        if item is None or not relevant.get(name, False):
            return ""
        if item.type == "calculate":
            return calculated.get(name, "")
        answer = self.answers.get(name, "")
        if item.type in ("integer", "decimal") and answer:
            number = to_number(answer)
            return answer if math.isnan(number) else number
        return answer

    def _relevance(self) -> tuple[dict[str, bool], dict[str, str]]:
        """Relevance and calculated values, in one pass in the order of what reads what."""
        if self._state is not None:
            return self._state
        relevant: dict[str, bool] = {}
        calculated: dict[str, str] = {}

        def lookup(name: str) -> Value:
            return self._lookup(name, relevant, calculated)

        context = Context(lookup, today=self.today)
        for item in self._order:
            inherited = all(relevant.get(p.name, True) for p in self._parents[item.name])
            own = not item.relevant or to_boolean(evaluate(self._node(item.relevant), context))
            relevant[item.name] = inherited and own
            if item.type == "calculate":
                calculated[item.name] = (
                    to_string(evaluate(self._node(item.calculate), context))
                    if relevant[item.name] and item.calculate
                    else ""
                )
        self._state = (relevant, calculated)
        return self._state


def is_correct(item: Item, answer: str) -> bool:
    """Whether ``answer`` is the item's correct answer (a set of choices must match exactly)."""
    if not answer or not item.correct_answer:
        return False
    if item.type == "select_multiple":
        return set(answer.split()) == set(item.correct_answer.split())
    if item.type in ("integer", "decimal"):
        return to_number(answer) == to_number(item.correct_answer)
    return answer.strip() == item.correct_answer


def _wrong_kind(item: Item, answer: str) -> str:
    """The kind of answer expected, when ``answer`` is not one ("" when it is)."""
    if item.type == "integer" and not _INTEGER.fullmatch(answer):
        return "integer"
    if item.type == "decimal" and not _DECIMAL.fullmatch(answer):
        return "decimal"
    if item.type == "date":
        try:
            if not _DATE.fullmatch(answer):
                raise ValueError(answer)
            datetime.date.fromisoformat(answer)
        except ValueError:
            return "date"
    names = {choice.name for choice in item.choices}
    if item.type == "select_one" and answer not in names:
        return "choice"
    if item.type == "select_multiple" and not set(answer.split()) <= names:
        return "choice"
    return ""


def _in_language(labels: Labels, language: str) -> str:
    for code in (language, "en"):
        if labels.get(code):
            return labels[code]
    return next(iter(labels.values()), "")
