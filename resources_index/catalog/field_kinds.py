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
from resources_index.errors import CatalogError


class Kind(Enum):
    TEXT = auto()  # a string of at most ``limit`` characters; ``required``: not blank
    MATCH = auto()  # a string matching ``pattern`` in full
    MAYBE_MATCH = auto()  # absent (None, left out of the JSON) or as MATCH
    CHOICE = auto()  # a string among ``choices``
    WHOLE = auto()  # a whole number from 0 to ``limits.MAX_VERSION`` (sizes)
    NAME = auto()  # a file name every laptop can store (``limits.unsafe_name_reason``)
    LIST = auto()  # a list of short texts, each matching ``pattern`` when one is given
    RECORDS = auto()  # a non-empty list of at most ``limit`` records of ``nested`` fields


def require(condition: bool, message: str) -> None:
    """Refuse the catalog with ``message`` unless ``condition`` holds."""
    if not condition:
        raise CatalogError("catalog.invalid", detail=message)


def whole(value: object, low: int, high: int) -> bool:
    """``value`` is a whole number (not a bool) from ``low`` to ``high``."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class Field:
    """One field: its JSON name (the record's attribute too), kind and limits, and the end of
    the sentence that refuses a bad value (``"has an invalid language"``)."""

    name: str
    kind: Kind
    required: bool = False
    limit: int = 0
    pattern: Pattern[str] | None = None
    choices: frozenset[str] = frozenset()
    refusal: str = ""
    nested: Sequence["Field"] = ()
    read_item: Callable[[object, str], Any] | None = None  # RECORDS: one checked record
    load_item: Callable[[dict[str, Any]], Any] | None = None  # RECORDS: one trusted record

    def read(self, raw: dict[str, Any], where: str) -> Any:
        """The value in ``raw``, checked; ``CatalogError`` naming ``where`` when refused."""
        kind, name = self.kind, self.name
        if kind is Kind.TEXT:
            value = raw.get(name, None if self.required else "")
            if not isinstance(value, str):
                raise CatalogError("catalog.invalid", detail=f"{where} has no {name!r} text.")
            require(
                len(value) <= self.limit,
                f"{where}: {name!r} is longer than {self.limit} characters.",
            )
            require(not self.required or bool(value.strip()), f"{where}: {name!r} is empty.")
            return value
        value = raw.get(name)
        if kind is Kind.MATCH or (kind is Kind.MAYBE_MATCH and value is not None):
            assert self.pattern is not None
            require(
                isinstance(value, str) and bool(self.pattern.fullmatch(value)),
                f"{where} {self.refusal}.",
            )
            return value
        if kind is Kind.MAYBE_MATCH:
            return None
        if kind is Kind.CHOICE:
            require(isinstance(value, str) and value in self.choices, f"{where} {self.refusal}.")
            return value
        if kind is Kind.NAME:
            reason = limits.unsafe_name_reason(value)
            require(reason is None, f"{where} names a file {value!r} that is refused: {reason}.")
            return value
        if kind is Kind.WHOLE:
            require(whole(value, 0, limits.MAX_VERSION), f"{where} {self.refusal}.")
            return value
        if kind is Kind.LIST:
            return self._read_list(raw.get(name, []), where)
        assert kind is Kind.RECORDS and self.read_item is not None
        require(isinstance(value, list) and bool(value), f"{where} {self.refusal}.")
        assert isinstance(value, list)
        require(len(value) <= self.limit, f"{where} lists too many {name}.")
        return tuple(self.read_item(item, where) for item in value)

    def _read_list(self, values: object, where: str) -> tuple[str, ...]:
        name = self.name
        require(isinstance(values, list), f"{where}: {name!r} is not a list.")
        assert isinstance(values, list)
        require(len(values) <= limits.MAX_LIST_ITEMS, f"{where}: {name!r} has too many values.")
        for value in values:
            require(
                isinstance(value, str) and 0 < len(value) <= limits.MAX_VALUE_CHARS,
                f"{where}: {name!r} holds a value that is not short text.",
            )
            if self.pattern is not None:
                require(bool(self.pattern.fullmatch(value)), f"{where} {self.refusal}.")
        return tuple(values)

    def load(self, raw: dict[str, Any]) -> Any:
        """The value in JSON already known to be valid (no checks: the library's own catalog)."""
        kind = self.kind
        if kind is Kind.TEXT:
            return raw.get(self.name, "")
        if kind is Kind.LIST:
            return tuple(raw.get(self.name, ()))
        if kind is Kind.RECORDS:
            assert self.load_item is not None
            return tuple(self.load_item(item) for item in raw[self.name])
        if kind is Kind.MAYBE_MATCH:
            return raw.get(self.name)
        return raw[self.name]

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
