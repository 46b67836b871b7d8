"""Completed responses exported to CSV on purpose, for a county's own analyst: one file per
instrument, with the column names ODK Central gives its exports, so ODK and Kobo tooling reads it.

Columns: ``SubmissionDate`` (when the response was completed), then every question and
calculation in form order named by the XLSForm's ``name``, prefixed by its groups' names with
``-`` (``observation-worries``), then ``meta-instanceID`` and ``KEY`` (``uuid:<id>``) and
``FormVersion``. A name found only in responses of an older version of the form gets a column at
the end, so nothing is lost. The ``subject`` label stays on the laptop.

A cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is prefixed with ``'`` (OWASP's advice against CSV injection), unless it is
a plain number such as ``-2``. The file is UTF-8 with a byte-order mark, which Excel needs to show
Spanish letters.
"""

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.responses import Response, safe_name
from resources_index.util.fsutil import write_atomic

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet program."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def columns(definition: FormDefinition) -> list[tuple[str, str]]:
    """(column name, item name) of every question and calculation, in form order."""
    found = []
    for item, parents in definition.walk():
        if item.type not in ("group", "note"):
            found.append(("-".join([*(p.name for p in parents), item.name]), item.name))
    return found


def export_csv(definition: FormDefinition, responses: Iterable[Response], folder: Path) -> Path:
    """Write the completed responses of ``definition``'s instrument to ``folder``; its path."""
    fields = columns(definition)
    mine = [r for r in responses if r.form_id == definition.id and r.completed]
    known = {name for _, name in fields}
    extra = sorted({name for r in mine for name in r.answers} - known)
    fields += [(name, name) for name in extra]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(
        [
            "SubmissionDate",
            *(column for column, _ in fields),
            "meta-instanceID",
            "KEY",
            "FormVersion",
        ]
    )
    for response in sorted(mine, key=lambda r: (r.completed, r.id)):
        instance = f"uuid:{response.id}"
        row = [response.completed]
        row += [response.answers.get(name, "") for _, name in fields]
        row += [instance, instance, response.form_version]
        writer.writerow([neutralise(cell) for cell in row])
    target = folder / f"{safe_name(definition.id, 'instrument')}.csv"
    write_atomic(target, text.getvalue().encode("utf-8-sig"))
    return target
