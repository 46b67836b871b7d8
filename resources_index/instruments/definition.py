"""The project's own form definition: small, plain JSON, versioned, documented in
``docs/instruments.md``. It is what a catalog will carry and what the window fills in; pyxform's
much larger JSON never leaves the publisher.

``from_json`` is the checked reading of a definition that came from elsewhere (a catalog): every
field is typed and bounded and every expression parsed again, so a definition that loads can be
filled in without a surprise.
"""

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from resources_index.errors import CatalogError, ExpressionError, InstrumentError
from resources_index.instruments import expressions
from resources_index.instruments.dependencies import evaluation_order
from resources_index.instruments.limits import MAX_CELL_CHARS, MAX_DEFINITION_BYTES, MAX_ROWS
from resources_index.util import safe_json

FORMAT_VERSION = 1

#: The question types a form may use (XLSForm's names); ``group`` holds items, ``note`` shows
#: text, ``calculate`` computes a value (a score) and is never shown.
ITEM_TYPES = (
    "select_one",
    "select_multiple",
    "integer",
    "decimal",
    "text",
    "note",
    "date",
    "calculate",
    "group",
)
#: What a whole instrument is for (the sidecar's ``kind``).
KINDS = ("observation", "self_check", "knowledge_check")

Labels = Mapping[str, str]  # language code ("en", "es") -> text


@dataclass(frozen=True)
class Choice:
    name: str
    labels: Labels


@dataclass(frozen=True)
class Item:
    """One row of the form: a question, a note, a calculation or a group of items."""

    name: str
    type: str
    labels: Labels = field(default_factory=dict)
    hints: Labels = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    required: bool = False
    required_messages: Labels = field(default_factory=dict)
    relevant: str = ""
    constraint: str = ""
    constraint_messages: Labels = field(default_factory=dict)
    calculate: str = ""
    #: The correct answer of a knowledge check: a choice name (several, space-separated, for
    #: ``select_multiple``) or a number. Empty when the item is not scored.
    correct_answer: str = ""
    practice_elements: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    items: tuple["Item", ...] = ()


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: str
    title: Labels
    languages: tuple[str, ...]
    default_language: str
    items: tuple[Item, ...]
    kind: str = "observation"
    practice_elements: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    #: Who published the instrument (a publisher key of the vocabulary, from the sidecar):
    #: what tells the window and the paper that a form is the starter's sample content.
    publisher: str = ""

    def walk(self) -> Iterator[tuple[Item, tuple[Item, ...]]]:
        """Every item in form order with the groups it is inside (outermost first)."""
        stack: list[tuple[Item, tuple[Item, ...]]] = [(i, ()) for i in reversed(self.items)]
        while stack:
            item, parents = stack.pop()
            yield item, parents
            stack += [(child, (*parents, item)) for child in reversed(item.items)]

    def item(self, name: str) -> Item:
        """The item called ``name``."""
        for item, _ in self.walk():
            if item.name == name:
                return item
        raise InstrumentError("instrument.no_such_question", name=name)

    def scored_items(self) -> list[Item]:
        """The items of a knowledge check that have a correct answer."""
        return [item for item, _ in self.walk() if item.correct_answer]


def to_json(definition: FormDefinition) -> dict[str, Any]:
    """The definition as plain JSON values (empty fields left out)."""
    published = {"publisher": definition.publisher} if definition.publisher else {}
    return {
        **published,  # only when set: a form without one keeps the bytes it always had
        "format": FORMAT_VERSION,
        "id": definition.id,
        "version": definition.version,
        "kind": definition.kind,
        "title": dict(definition.title),
        "languages": list(definition.languages),
        "default_language": definition.default_language,
        "practice_elements": list(definition.practice_elements),
        "audiences": list(definition.audiences),
        "resources": list(definition.resources),
        "items": [_item_json(item) for item in definition.items],
    }


def to_bytes(definition: FormDefinition) -> bytes:
    """The JSON as UTF-8 with sorted keys: the same definition always gives the same bytes."""
    return json.dumps(to_json(definition), ensure_ascii=False, sort_keys=True).encode("utf-8")


def _item_json(item: Item) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "name": item.name,
        "type": item.type,
        "labels": dict(item.labels),
        "hints": dict(item.hints),
        "choices": [{"name": c.name, "labels": dict(c.labels)} for c in item.choices],
        "required": item.required,
        "required_messages": dict(item.required_messages),
        "relevant": item.relevant,
        "constraint": item.constraint,
        "constraint_messages": dict(item.constraint_messages),
        "calculate": item.calculate,
        "correct_answer": item.correct_answer,
        "practice_elements": list(item.practice_elements),
        "resources": list(item.resources),
        "items": [_item_json(child) for child in item.items],
    }
    return {key: value for key, value in raw.items() if value or key in ("name", "type")}


def from_bytes(data: bytes, what: str) -> FormDefinition:
    """Read a definition from JSON bytes, or ``InstrumentError`` naming ``what``."""
    try:
        raw = safe_json.loads(data, what, MAX_DEFINITION_BYTES)
    except CatalogError as error:
        raise InstrumentError("instrument.definition_invalid", form=what, reason=error) from None
    return from_json(raw, what)


def from_json(raw: object, what: str) -> FormDefinition:
    """Check and read a definition's JSON values (``InstrumentError`` on anything amiss)."""
    reader = _Reader(what)
    top = reader.mapping(raw, "the definition")
    if top.get("format") != FORMAT_VERSION:
        reader.refuse(f"format {top.get('format')!r} is not {FORMAT_VERSION}")
    definition = FormDefinition(
        id=reader.text(top.get("id"), "id", required=True),
        version=reader.text(top.get("version", ""), "version"),
        kind=reader.choice(top.get("kind", "observation"), KINDS, "kind"),
        title=reader.labels(top.get("title", {}), "title"),
        languages=reader.texts(top.get("languages", []), "languages"),
        default_language=reader.text(top.get("default_language", ""), "default_language"),
        practice_elements=reader.texts(top.get("practice_elements", []), "practice_elements"),
        audiences=reader.texts(top.get("audiences", []), "audiences"),
        resources=reader.texts(top.get("resources", []), "resources"),
        items=reader.items(top.get("items", []), depth=0),
        publisher=reader.text(top.get("publisher", ""), "publisher"),
    )
    names = [item.name for item, _ in definition.walk()]
    if len(names) != len(set(names)):
        reader.refuse("two items have the same name")
    if len(names) > MAX_ROWS:
        reader.refuse("it has more items than the format allows")
    for item, _ in definition.walk():
        reader.expressions(item, set(names))
    _, circle = evaluation_order(definition)
    if circle:
        reader.refuse(f"{', '.join(circle)} read each other in a circle")
    return definition


class _Reader:
    """Typed, bounded access to untrusted JSON values; every refusal names the form."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.count = 0

    def refuse(self, reason: str) -> None:
        raise InstrumentError("instrument.definition_invalid", form=self.what, reason=reason)

    def mapping(self, value: object, name: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.refuse(f"{name} is not a mapping")
        assert isinstance(value, dict)
        return value

    def text(self, value: object, name: str, required: bool = False) -> str:
        if not isinstance(value, str) or len(value) > MAX_CELL_CHARS or (required and not value):
            self.refuse(f"{name} is not a text of at most {MAX_CELL_CHARS:,} characters")
        assert isinstance(value, str)
        return value

    def choice(self, value: object, allowed: tuple[str, ...], name: str) -> str:
        if value not in allowed:
            self.refuse(f"{name} is not one of {', '.join(allowed)}")
        return str(value)

    def texts(self, value: object, name: str) -> tuple[str, ...]:
        if not isinstance(value, list) or len(value) > MAX_ROWS:
            self.refuse(f"{name} is not a list")
        assert isinstance(value, list)
        return tuple(self.text(entry, name) for entry in value)

    def labels(self, value: object, name: str) -> dict[str, str]:
        raw = self.mapping(value, name)
        return {self.text(k, name): self.text(v, name) for k, v in raw.items()}

    def items(self, value: object, depth: int) -> tuple[Item, ...]:
        if depth > 10:
            self.refuse("groups are nested more deeply than the format allows")
        if not isinstance(value, list):
            self.refuse("items is not a list")
        assert isinstance(value, list)
        self.count += len(value)
        if self.count > MAX_ROWS:
            self.refuse("it has more items than the format allows")
        return tuple(self.item(entry, depth) for entry in value)

    def item(self, value: object, depth: int) -> Item:
        raw = self.mapping(value, "an item")
        choices = raw.get("choices", [])
        if not isinstance(choices, list) or len(choices) > MAX_ROWS:
            self.refuse("choices is not a list")
        return Item(
            name=self.text(raw.get("name"), "name", required=True),
            type=self.choice(raw.get("type"), ITEM_TYPES, "type"),
            labels=self.labels(raw.get("labels", {}), "labels"),
            hints=self.labels(raw.get("hints", {}), "hints"),
            choices=tuple(
                Choice(
                    self.text(self.mapping(c, "a choice").get("name"), "choice", required=True),
                    self.labels(c.get("labels", {}), "choice labels"),
                )
                for c in choices
            ),
            required=raw.get("required", False) is True,
            required_messages=self.labels(raw.get("required_messages", {}), "required_messages"),
            relevant=self.text(raw.get("relevant", ""), "relevant"),
            constraint=self.text(raw.get("constraint", ""), "constraint"),
            constraint_messages=self.labels(
                raw.get("constraint_messages", {}), "constraint_messages"
            ),
            calculate=self.text(raw.get("calculate", ""), "calculate"),
            correct_answer=self.text(raw.get("correct_answer", ""), "correct_answer"),
            practice_elements=self.texts(raw.get("practice_elements", []), "practice_elements"),
            resources=self.texts(raw.get("resources", []), "resources"),
            items=self.items(raw.get("items", []), depth + 1),
        )

    def expressions(self, item: Item, names: set[str]) -> None:
        for column in ("relevant", "constraint", "calculate"):
            text = getattr(item, column)
            if not text:
                continue
            try:
                check_expression(text, column, names)
            except ExpressionError as error:
                self.refuse(f"{item.name}'s {column}: {error}")


def check_expression(text: str, column: str, names: set[str]) -> expressions.Node:
    """Parse an expression of ``column`` and check what it refers to: known names only, and
    ``.`` in constraints only. Raises ``ExpressionError``."""
    node = expressions.parse(text)
    unknown = sorted(expressions.references(node) - names)
    if unknown:
        raise ExpressionError(
            "publish.expression_invalid",
            problem=f"there is no question named {unknown[0]!r}",
            position=text.find("${" + unknown[0]) + 1,
            expression=text[:80],
        )
    if column != "constraint" and expressions.uses_current(node):
        raise ExpressionError(
            "publish.expression_invalid",
            problem="'.' (the answer itself) can be used in a constraint only",
            position=text.find(".") + 1,
            expression=text[:80],
        )
    return node
