"""An XLSForm spreadsheet made into a form definition: checked (``workbook_reading``), converted
by pyxform, ODK's own converter, then reduced to the supported subset (``reduction``).

Every failure is ``InstrumentError`` with one sentence naming the file, the sheet, the row and,
where known, the column: pyxform's messages (``[row : 4] On the 'survey' sheet, the 'relevant'
value is invalid...``) are taken apart and said the same way as this program's own checks.
"""

import re
import warnings as warnings_module
from pathlib import Path

from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert

from resources_index.errors import InstrumentError
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.reduction import reduce_form
from resources_index.instruments.sidecar import read_sidecar, sidecar_path
from resources_index.instruments.workbook_reading import SheetScan, WorkbookScan, read_workbook

#: The first word of a ``type`` cell this program supports (XLSForm's spellings and aliases).
SUPPORTED_TYPES = {
    "select_one": "select_one",
    "select one": "select_one",
    "select_multiple": "select_multiple",
    "select all that apply": "select_multiple",
    "integer": "integer",
    "int": "integer",
    "decimal": "decimal",
    "text": "text",
    "string": "text",
    "note": "note",
    "date": "date",
    "calculate": "calculate",
    "begin group": "begin group",
    "begin_group": "begin group",
    "end group": "end group",
    "end_group": "end group",
}
#: The survey columns this program reads, in the order the starter's forms and the guide's
#: example write them (``docs/instruments.md``); ``required_message::…`` is read too.
SURVEY_COLUMNS = (
    "type",
    "name",
    "label::English (en)",
    "label::Español (es)",
    "hint::English (en)",
    "hint::Español (es)",
    "required",
    "relevant",
    "constraint",
    "constraint_message::English (en)",
    "constraint_message::Español (es)",
    "calculation",
    "correct_answer",
)
#: Columns that change how a form behaves beyond the supported subset: refused, not ignored.
REFUSED_COLUMNS = ("choice_filter", "repeat_count", "trigger", "default", "readonly")

_ROW = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_SHEET_COLUMN = re.compile(
    r"On the '(\w+)' sheet, the '([^']+)' value(?: ('[^']*'))? is invalid\.\s*"
)
_NAMED = re.compile(r"named '([^']+)'")


def convert_form(path: Path, warnings: list[str] | None = None) -> FormDefinition:
    """The definition of the form at ``path`` (with the sidecar beside it, if any). pyxform's
    warnings (a language missing a hint column, say) are added to ``warnings``, each naming
    the file, for the publisher to show."""
    scan = read_workbook(path)
    survey = scan.sheets.get("survey")
    if survey is None:
        raise InstrumentError(
            "publish.form_problem", file=scan.file, reason="it has no 'survey' sheet."
        )
    check_types_and_columns(scan.file, survey)
    try:
        found: list[str] = []
        with warnings_module.catch_warnings():  # openpyxl's notes, as above; pyxform's are kept
            warnings_module.simplefilter("ignore")
            result = convert(xlsform=scan.data, file_type=".xlsx", warnings=found, validate=False)
    except PyXFormError as error:
        raise located_error(scan, str(error)) from None
    except Exception as error:  # pyxform's own faults on odd input: still one sentence
        raise InstrumentError(
            "publish.form_problem",
            file=scan.file,
            reason=f"pyxform could not convert it ({type(error).__name__}).",
        ) from None
    definition = reduce_form(result._pyxform, scan, read_sidecar(sidecar_path(path)))
    if warnings is not None:
        warnings += [f"{scan.file}: {' '.join(str(w).split())}" for w in found]
    return definition


def check_types_and_columns(file: str, survey: SheetScan) -> None:
    """Refuse, by name and cell, a question type or a column outside the supported subset."""
    for header in survey.headers:
        if header.lower() in REFUSED_COLUMNS:
            raise InstrumentError(
                "publish.form_cell",
                file=file,
                sheet=survey.title,
                row=1,
                column=survey.column(header),
                reason=f"the column {header!r} is not supported; remove it.",
            )
    for row, values in survey.rows:
        written = " ".join(values.get("type", "").split())
        if not written:
            continue
        first = written.lower()
        known = next((t for t in SUPPORTED_TYPES if first == t or first.startswith(t + " ")), None)
        if known is None:
            raise InstrumentError(
                "publish.form_cell",
                file=file,
                sheet=survey.title,
                row=row,
                column=survey.column("type"),
                reason=f"the question type {written.split()[0]!r} is not supported (supported:"
                f" {', '.join(sorted(set(SUPPORTED_TYPES.values())))}).",
            )


def located_error(scan: WorkbookScan, message: str) -> InstrumentError:
    """pyxform's message said as this program's sentence: file, sheet, row, column, reason."""
    text = " ".join(message.split())
    row_match = _ROW.search(text)
    row = int(row_match.group(1)) if row_match else None
    text = _ROW.sub("", text)
    sheet_name, column = "survey", None
    place = _SHEET_COLUMN.search(text)
    if place:
        sheet_name, column = place.group(1), place.group(2)
        text = _SHEET_COLUMN.sub(f"{place.group(3)} is invalid. " if place.group(3) else "", text)
    sheet = scan.sheets.get(sheet_name)
    if row is None and sheet is not None and (named := _NAMED.search(text)):
        row = sheet.row_named(named.group(1))
    reason = text.strip() or "pyxform refused it."
    title = sheet.title if sheet is not None else sheet_name
    if row is not None and column is not None:
        where = sheet.column(column) if sheet is not None else column
        return InstrumentError(
            "publish.form_cell", file=scan.file, sheet=title, row=row, column=where, reason=reason
        )
    if row is not None:
        return InstrumentError(
            "publish.form_row", file=scan.file, sheet=title, row=row, reason=reason
        )
    return InstrumentError("publish.form_problem", file=scan.file, reason=reason)
