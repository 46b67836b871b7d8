"""How one field of a catalog record is read (with its checks), loaded (without) and written.

The records' fields are declared once, in ``records.py``, as tables of ``Field``: parsing with
validation, loading already-validated JSON, writing JSON and the kept parsed copy all follow
those tables, so a new field is one line there.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from re import Pattern
from typing import Any

from resources_index.catalog import limits
from resources_index.errors import CatalogError, Words


class Kind(Enum):
    TEXT = auto()  # a string of at most ``limit`` characters; ``required``: not blank
    MATCH = auto()  # a string matching ``pattern`` in full
    MAYBE_MATCH = auto()  # absent (None, left out of the JSON) or as MATCH
    CHOICE = auto()  # a string among ``choices``
    WHOLE = auto()  # a whole number from 0 to ``limits.MAX_VERSION`` (sizes)
    NAME = auto()  # a file name every laptop can store (``limits.unsafe_name_reason``)
    LIST = auto()  # a list of short texts, each matching ``pattern`` when one is given
    RECORDS = auto()  # a non-empty list of at most ``limit`` records of ``nested`` fields


#: Where a refused value is: words of a ``where.`` kind, or a file's name.
Where = Words | str


def require(condition: bool, kind: str, /, **values: Any) -> None:
    """Refuse the catalog with the sentence of ``kind`` (an ``invalid.`` one) and its values
    unless ``condition`` holds."""
    if not condition:
        raise CatalogError(kind, **values)


def whole(value: object, low: int, high: int) -> bool:
    """``value`` is a whole number (not a bool) from ``low`` to ``high``."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class Field:
    """One field: its JSON name (the record's attribute too), kind and limits, and the kind
    of the sentence that refuses a bad value (``"invalid.language"``)."""

    name: str
    kind: Kind
    required: bool = False
    limit: int = 0
    pattern: Pattern[str] | None = None
    choices: frozenset[str] = frozenset()
    refusal: str = ""
    read_item: Callable[[object, Where], Any] | None = None  # RECORDS: one checked record
    load_item: Callable[[dict[str, Any]], Any] | None = None  # RECORDS: one trusted record

    def __post_init__(self) -> None:
        # The checks of this field's kind, chosen once: a catalog holds tens of thousands of
        # records, and a sentence is made only for a value that is refused.
        object.__setattr__(self, "read", _READERS[self.kind](self))

    def read(self, raw: dict[str, Any], where: Where) -> Any:  # replaced per kind, see above
        """The value in ``raw``, checked; ``CatalogError`` naming ``where`` when refused."""
        raise NotImplementedError

    def dump(self, value: Any, into: dict[str, Any]) -> None:
        """Write ``value`` into the JSON object ``into`` (an absent optional stays absent)."""
        if self.kind is Kind.LIST:
            into[self.name] = list(value)
        elif self.kind is Kind.RECORDS:
            into[self.name] = [item.to_json() for item in value]
        elif self.kind is not Kind.MAYBE_MATCH or value:
            into[self.name] = value


def dump_record(fields: Sequence[Field], record: Sequence[Any]) -> dict[str, Any]:
    """The JSON object of a record whose values are in the order of ``fields``."""
    data: dict[str, Any] = {}
    for spec, value in zip(fields, record, strict=True):
        spec.dump(value, data)
    return data


Reader = Callable[[dict[str, Any], Where], Any]


def _text(spec: Field) -> Reader:
    name, limit, required = spec.name, spec.limit, spec.required

    def read(raw: dict[str, Any], where: Where) -> Any:
        value = raw.get(name, None if required else "")
        if not isinstance(value, str):
            raise CatalogError("invalid.no_text", where=where, name=name)
        if len(value) > limit:
            raise CatalogError("invalid.too_long", where=where, name=name, limit=limit)
        if required and not value.strip():
            raise CatalogError("invalid.empty", where=where, name=name)
        return value

    return read


def _match(spec: Field) -> Reader:
    name, refusal, optional = spec.name, spec.refusal, spec.kind is Kind.MAYBE_MATCH
    assert spec.pattern is not None
    fullmatch = spec.pattern.fullmatch

    def read(raw: dict[str, Any], where: Where) -> Any:
        value = raw.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not fullmatch(value):
            raise CatalogError(refusal, where=where)
        return value

    return read


def _choice(spec: Field) -> Reader:
    name, refusal, choices = spec.name, spec.refusal, spec.choices

    def read(raw: dict[str, Any], where: Where) -> Any:
        value = raw.get(name)
        if not isinstance(value, str) or value not in choices:
            raise CatalogError(refusal, where=where)
        return value

    return read


def _name(spec: Field) -> Reader:
    def read(raw: dict[str, Any], where: Where) -> Any:
        value = raw.get(spec.name)
        reason = limits.unsafe_name_words(value)
        if reason is not None:
            raise CatalogError("invalid.unsafe_name", where=where, value=value, reason=reason)
        return value

    return read


def _whole(spec: Field) -> Reader:
    name, refusal = spec.name, spec.refusal

    def read(raw: dict[str, Any], where: Where) -> Any:
        value = raw.get(name)
        if not whole(value, 0, limits.MAX_VERSION):
            raise CatalogError(refusal, where=where)
        return value

    return read


def _list(spec: Field) -> Reader:
    name, refusal = spec.name, spec.refusal
    fullmatch = spec.pattern.fullmatch if spec.pattern is not None else None

    def read(raw: dict[str, Any], where: Where) -> Any:
        values = raw.get(name, [])
        if not isinstance(values, list):
            raise CatalogError("invalid.not_list", where=where, name=name)
        if len(values) > limits.MAX_LIST_ITEMS:
            raise CatalogError("invalid.too_many_values", where=where, name=name)
        for value in values:
            if not isinstance(value, str) or not 0 < len(value) <= limits.MAX_VALUE_CHARS:
                raise CatalogError("invalid.value_not_short_text", where=where, name=name)
            if fullmatch is not None and not fullmatch(value):
                raise CatalogError(refusal, where=where)
        return tuple(values)

    return read


def _records(spec: Field) -> Reader:
    name, refusal, limit, read_item = spec.name, spec.refusal, spec.limit, spec.read_item
    assert read_item is not None

    def read(raw: dict[str, Any], where: Where) -> Any:
        value = raw.get(name)
        if not isinstance(value, list) or not value:
            raise CatalogError(refusal, where=where)
        if len(value) > limit:
            raise CatalogError("invalid.too_many_records", where=where, name=name)
        return tuple(read_item(item, where) for item in value)

    return read


_READERS: dict[Kind, Callable[[Field], Reader]] = {
    Kind.TEXT: _text,
    Kind.MATCH: _match,
    Kind.MAYBE_MATCH: _match,
    Kind.CHOICE: _choice,
    Kind.NAME: _name,
    Kind.WHOLE: _whole,
    Kind.LIST: _list,
    Kind.RECORDS: _records,
}


def record_loader(fields: Sequence[Field], record: type) -> Callable[[dict[str, Any]], Any]:
    """A function that builds ``record`` (a named tuple) from JSON known to be valid, written
    once from the table: one expression per field and no call per field, because the library's
    own catalog is loaded this way at start-up, tens of thousands of records at a time."""
    namespace: dict[str, Any] = {"new": tuple.__new__, "record": record}
    parts = []
    for number, spec in enumerate(fields):
        key = repr(spec.name)
        if spec.kind is Kind.TEXT:
            parts.append(f"get({key}, '')")
        elif spec.kind is Kind.LIST:
            parts.append(f"tuple(get({key}, ()))")
        elif spec.kind is Kind.RECORDS:
            namespace[f"item_{number}"] = spec.load_item
            parts.append(f"tuple(map(item_{number}, raw[{key}]))")
        elif spec.kind is Kind.MAYBE_MATCH:
            parts.append(f"get({key})")
        else:
            parts.append(f"raw[{key}]")
    source = f"def load(raw):\n    get = raw.get\n    return new(record, ({', '.join(parts)},))\n"
    exec(source, namespace)  # the table's own code, nothing from outside
    loader: Callable[[dict[str, Any]], Any] = namespace["load"]
    return loader
