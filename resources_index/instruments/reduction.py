"""pyxform's JSON of a form reduced to this program's definition (``definition.py``).

Languages become codes: XLSForm's column ``label::Español (es)`` gives ``es``; a column without
a language (``label``) is the form's default language (``default_language`` in ``settings``),
else English. Every expression is parsed by this program's own parser, every name it refers to
must exist, and a correct answer must be one of the question's choices (or a number): what
passes here can be filled in and scored on every laptop.
"""

import math
import re
from dataclasses import replace
from typing import Any

from resources_index.errors import ExpressionError, InstrumentError
from resources_index.instruments.definition import Choice, FormDefinition, Item, check_expression
from resources_index.instruments.dependencies import evaluation_order
from resources_index.instruments.evaluation import to_number
from resources_index.instruments.sidecar import Links, Sidecar
from resources_index.instruments.workbook_reading import WorkbookScan

_TYPES = {
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "integer": "integer",
    "decimal": "decimal",
    "text": "text",
    "note": "note",
    "date": "date",
    "calculate": "calculate",
    "group": "group",
}
_BIND_KEYS = {
    "required": "required",
    "relevant": "relevant",
    "constraint": "constraint",
    "calculate": "calculation",
    "jr:constraintMsg": "constraint_message",
    "jr:requiredMsg": "required_message",
}
_REFUSED_KEYS = {"media": "media", "default": "default", "choice_filter": "choice_filter"}
_CODE = re.compile(r"\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\s*\)\s*$")
_NAMED_LANGUAGES = {"english": "en", "spanish": "es", "español": "es", "espanol": "es"}
_YES = {"yes", "true", "true()"}
_NO = {"", "no", "false", "false()"}


def reduce_form(raw: dict[str, Any], scan: WorkbookScan, sidecar: Sidecar) -> FormDefinition:
    """The definition of pyxform's ``raw`` JSON; ``InstrumentError`` naming the cell if not."""
    return _Reducer(raw, scan, sidecar).definition()


def language_code(name: str, default: str) -> str | None:
    """``"Español (es)"`` → ``es``; ``"default"`` → ``default``; None when it names no code."""
    if name == "default":
        return default
    found = _CODE.search(name)
    if found:
        return found.group(1).lower()
    return _NAMED_LANGUAGES.get(name.strip().lower())


class _Reducer:
    def __init__(self, raw: dict[str, Any], scan: WorkbookScan, sidecar: Sidecar) -> None:
        self.raw = raw
        self.scan = scan
        self.sidecar = sidecar
        settings_default = str(raw.get("default_language") or "default")
        self.default = "en"
        if settings_default != "default":
            self.default = self._code(settings_default)
        self.languages: set[str] = set()
        self.names: set[str] = set()

    def definition(self) -> FormDefinition:
        settings = self.scan.sheets.get("settings")
        form_id = str(self.raw.get("id_string") or "")
        if settings is None or not any(v.get("form_id") for _, v in settings.rows):
            raise InstrumentError(
                "publish.form_problem",
                file=self.scan.file,
                reason="the settings sheet needs a form_id (and a version), which responses are"
                " filed under.",
            )
        children = [
            c
            for c in self.raw.get("children", [])
            if not (c.get("name") == "meta" and "control" in c)
        ]
        self._collect_names(children)
        items = tuple(self._item(child) for child in children)
        unknown = sorted(set(self.sidecar.items) - self.names)
        if unknown:
            raise InstrumentError(
                "publish.form_problem",
                file=self.scan.file,
                reason=f"its sidecar links {unknown[0]!r}, but the form has no question of that"
                " name.",
            )
        self._refuse_circles(items)
        title = self.sidecar.title or {
            code: str(self.raw.get("title") or form_id) for code in sorted(self.languages)
        }
        return FormDefinition(
            id=form_id,
            version=str(self.raw.get("version") or ""),
            title=title,
            languages=tuple(sorted(self.languages or {self.default})),
            default_language=self.default,
            items=items,
            kind=self.sidecar.kind,
            practice_elements=self.sidecar.form.practice_elements,
            audiences=self.sidecar.audiences,
            resources=self.sidecar.form.resources,
            publisher=self.sidecar.publisher,
        )

    def _refuse_circles(self, items: tuple[Item, ...]) -> None:
        _, circle = evaluation_order(FormDefinition("", "", {}, (), "", items))
        if circle:
            first = circle[0]
            calculated = any(i.name == first and i.calculate for i, _ in self._walk(items))
            raise self._refuse(
                first,
                "calculation" if calculated else "relevant",
                f"{', '.join(repr(n) for n in circle)} read each other in a circle; one of them"
                " must not depend on the others.",
            )

    @staticmethod
    def _walk(items: tuple[Item, ...]) -> list[tuple[Item, tuple[Item, ...]]]:
        return list(FormDefinition("", "", {}, (), "", items).walk())

    def _collect_names(self, children: list[dict[str, Any]]) -> None:
        for child in children:
            self.names.add(str(child.get("name", "")))
            self._collect_names(child.get("children", []))

    def _refuse(self, name: str, column: str, reason: str) -> InstrumentError:
        survey = self.scan.sheets["survey"]
        row = survey.row_named(name)
        if row is None:
            return InstrumentError(
                "publish.form_problem", file=self.scan.file, reason=f"{name}: {reason}"
            )
        return InstrumentError(
            "publish.form_cell",
            file=self.scan.file,
            sheet=survey.title,
            row=row,
            column=survey.column(column),
            reason=reason,
        )

    def _code(self, language: str) -> str:
        code = language_code(language, self.default)
        if code is None:
            raise InstrumentError(
                "publish.form_problem",
                file=self.scan.file,
                reason=f"the language {language!r} names no language code; write it like"
                " 'English (en)' or 'Español (es)'.",
            )
        return code

    def _labels(self, value: object) -> dict[str, str]:
        if value is None or value == "":
            return {}
        if isinstance(value, dict):
            labels = {self._code(str(k)): str(v) for k, v in value.items() if v}
        else:
            labels = {self.default: str(value)}
        self.languages.update(labels)
        return labels

    def _item(self, raw: dict[str, Any]) -> Item:
        name = str(raw.get("name", ""))
        kind = _TYPES.get(str(raw.get("type", "")))
        if kind is None:
            raise self._refuse(
                name, "type", f"the question type {raw.get('type')!r} is not supported."
            )
        for key, column in _REFUSED_KEYS.items():
            if raw.get(key):
                raise self._refuse(name, column, f"the column {column!r} is not supported.")
        bind = raw.get("bind", {})
        for key in bind:
            if key not in _BIND_KEYS:
                raise self._refuse(name, key, f"the column {key!r} is not supported.")
        if bind.get("calculate") and kind != "calculate":
            raise self._refuse(name, "calculation", "a calculation belongs on a calculate row.")
        expressions = {
            column: self._expression(name, column, str(bind.get(column, "")))
            for column in ("relevant", "constraint", "calculate")
        }
        links = self.sidecar.items.get(name, Links())
        item = Item(
            name=name,
            type=kind,
            labels=self._labels(raw.get("label")),
            hints=self._labels(raw.get("hint")),
            choices=tuple(
                Choice(str(c.get("name", "")), self._labels(c.get("label")))
                for c in raw.get("choices", [])
            ),
            required=self._required(name, bind.get("required", "")),
            required_messages=self._labels(bind.get("jr:requiredMsg")),
            relevant=expressions["relevant"],
            constraint=expressions["constraint"],
            constraint_messages=self._labels(bind.get("jr:constraintMsg")),
            calculate=expressions["calculate"],
            practice_elements=links.practice_elements,
            resources=links.resources,
            items=tuple(self._item(child) for child in raw.get("children", [])),
        )
        correct = " ".join(str(raw.get("correct_answer", "") or "").split())
        return self._with_correct_answer(item, correct) if correct else item

    def _expression(self, name: str, column: str, text: str) -> str:
        text = text.strip()
        if text:
            try:
                check_expression(text, column, self.names)
            except ExpressionError as error:
                spreadsheet_column = "calculation" if column == "calculate" else column
                raise self._refuse(name, spreadsheet_column, str(error)) from None
        return text

    def _required(self, name: str, value: object) -> bool:
        text = str(value).strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise self._refuse(
            name, "required", "required must be yes or no (expressions are not supported)."
        )

    def _with_correct_answer(self, item: Item, correct: str) -> Item:
        names = {choice.name for choice in item.choices}
        if item.type == "select_one":
            ok = correct in names
        elif item.type == "select_multiple":
            ok = set(correct.split()) <= names
        elif item.type in ("integer", "decimal"):
            ok = not math.isnan(to_number(correct))
        else:
            ok = False
        if not ok:
            raise self._refuse(
                item.name,
                "correct_answer",
                f"{correct!r} is not an answer this question can take (a choice's name, or a"
                " number for integer and decimal questions).",
            )
        return replace(item, correct_answer=correct)
