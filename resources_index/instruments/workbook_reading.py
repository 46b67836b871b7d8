"""A content team's ``.xlsx`` checked before pyxform reads it: cheaply first, then cell by cell.

An ``.xlsx`` is a zip of XML parts. The sizes its directory declares are read before anything is
unpacked, so a zip bomb is refused at the cost of reading the directory (Python's zip reader
never gives more bytes than a part declares, so the declared sizes bound what openpyxl can
unpack). Then the XLSForm sheets are streamed (openpyxl's read-only mode) with bounds on rows,
columns and characters per cell; a formula is refused (only typed values are read, nothing is
ever calculated). The scan also records the header and the rows of the ``survey`` sheet, so
pyxform's messages, which often name only a row or a question, can name the cell.
"""

import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from resources_index.errors import InstrumentError, reason_of
from resources_index.instruments.limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
)
from resources_index.instruments.part_counting import check_parts
from resources_index.util.fsutil import NotRegularFileError, open_regular

_DAMAGED = "a part of it is damaged or missing"
#: The sheets of an XLSForm this program reads; others (notes, instructions) are ignored.
FORM_SHEETS = ("survey", "choices", "settings")


@dataclass
class SheetScan:
    """What a sheet holds, as far as locating a problem needs: its real name, its column
    headers, and each data row (1-based row number, values by header)."""

    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def column(self, header: str) -> str:
        """``"D (relevant)"``: the column's letter and header, as a person finds it."""
        lowered = [h.lower() for h in self.headers]
        if header.lower() in lowered:
            return f"{get_column_letter(lowered.index(header.lower()) + 1)} ({header})"
        return header

    def row_named(self, name: str) -> int | None:
        """The row of the question or group called ``name``."""
        for number, values in self.rows:
            if values.get("name", "").strip() == name:
                return number
        return None


@dataclass
class WorkbookScan:
    file: str
    data: bytes
    sheets: dict[str, SheetScan]  # lower-case XLSForm sheet name -> scan


def read_workbook(path: Path) -> WorkbookScan:
    """The file's bytes, checked and scanned; ``InstrumentError`` with one sentence if not."""
    file = path.name
    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except NotRegularFileError:
        raise InstrumentError(
            "publish.form_unreadable", file=file, reason="it is not an ordinary file"
        ) from None
    except OSError as error:
        raise InstrumentError(
            "publish.form_unreadable", file=file, reason=reason_of(error)
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise InstrumentError(
            "publish.form_too_large", file=file, size=path.stat().st_size, limit=MAX_FILE_BYTES
        )
    check_archive(data, file)
    return WorkbookScan(file, data, scan_sheets(data, file))


def check_archive(data: bytes, file: str) -> None:
    """Refuse a file that is not a zip, or that declares more than a form can need."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            _check_declared_sizes(parts, file)
            check_parts(archive, file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InstrumentError(
            "publish.form_unreadable",
            file=file,
            reason="it is not a zip archive, as every .xlsx is",
        ) from None


def _check_declared_sizes(parts: list[zipfile.ZipInfo], file: str) -> None:
    if len(parts) > MAX_PARTS:
        raise InstrumentError(
            "publish.form_unreadable", file=file, reason=f"it has {len(parts):,} parts"
        )
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise InstrumentError(
                "publish.form_unpacks_too_large",
                file=file,
                size=part.file_size,
                part=part.filename,
                limit=MAX_PART_BYTES,
            )
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise InstrumentError(
            "publish.form_unpacks_too_large",
            file=file,
            size=total,
            part="all its parts",
            limit=MAX_UNPACKED_BYTES,
        )


def scan_sheets(data: bytes, file: str) -> dict[str, SheetScan]:
    """Stream the XLSForm sheets within bounds; formulas, huge cells and too many rows refused."""
    try:
        with warnings.catch_warnings():  # openpyxl's notes on Excel features it skips
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise InstrumentError(
            "publish.form_unreadable", file=file, reason=f"{_DAMAGED} ({type(error).__name__})"
        ) from None
    try:
        scans: dict[str, SheetScan] = {}
        for title in book.sheetnames:
            if title.strip().lower() in FORM_SHEETS:
                scans[title.strip().lower()] = _scan_sheet(book[title], title, file)
        return scans
    except InstrumentError:
        raise
    except Exception as error:  # a part that is not the XML it claims to be
        raise InstrumentError(
            "publish.form_unreadable", file=file, reason=f"{_DAMAGED} ({type(error).__name__})"
        ) from None
    finally:
        book.close()


def _scan_sheet(sheet: Any, title: str, file: str) -> SheetScan:
    scan = SheetScan(title)
    for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if number > MAX_ROWS + 1:
            raise InstrumentError(
                "publish.form_too_many_rows", file=file, sheet=title, limit=MAX_ROWS
            )
        values: list[str] = []
        for column, cell in enumerate(row, start=1):
            values.append(_cell_text(cell, file, title, number, column, scan))
        if number == 1:
            scan.headers = [v.strip() for v in values]
        elif any(values):
            scan.rows.append((number, dict(zip(scan.headers, values, strict=False))))
    return scan


def _cell_text(cell: Any, file: str, sheet: str, row: int, column: int, scan: SheetScan) -> str:
    value = getattr(cell, "value", None)
    header = scan.headers[column - 1] if column <= len(scan.headers) else ""
    where = get_column_letter(column) + (f" ({header})" if header else "")
    reason = ""
    text = "" if value is None else str(value)
    if getattr(cell, "data_type", "") == "f":
        reason = "the cell holds a formula; type its value instead."
    elif len(text) > MAX_CELL_CHARS:
        reason = f"the cell holds {len(text):,} characters, over the limit of {MAX_CELL_CHARS:,}."
    if reason:
        raise InstrumentError(
            "publish.form_cell", file=file, sheet=sheet, row=row, column=where, reason=reason
        )
    return text
