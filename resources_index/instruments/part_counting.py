"""The XML parts of an ``.xlsx`` counted as a stream before openpyxl opens it, stopping at the
first bound passed.

openpyxl's read-only mode reads a whole worksheet just to learn its size when the sheet does not
declare it, and loads every shared text at once; a sheet of 100,000 small rows within the bound
on unpacked size would cost it tens of seconds. Here rows and cells of every worksheet, and the
texts of the shared-strings part, are counted with a streaming parser that stops at the bound,
so such a file costs a fraction of a second.
"""

import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from resources_index.errors import InstrumentError
from resources_index.instruments.limits import MAX_CELLS, MAX_ROWS

_CHUNK = 64 * 1024
#: What reading a damaged part raises: bad XML, bad compressed data, a bad header.
_DAMAGE = (
    ParseError,
    OSError,
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
_SHARED_STRINGS = "xl/sharedStrings.xml"


def check_parts(archive: zipfile.ZipFile, file: str) -> None:
    """Refuse a worksheet of more than ``MAX_ROWS`` rows (after its header) or ``MAX_CELLS``
    cells, and more than ``MAX_CELLS`` shared texts; ``InstrumentError`` naming the sheet."""
    titles = sheet_titles(archive)
    for name in archive.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            sheet = titles.get(name, name)
            counts = _count(archive, name, {"row": MAX_ROWS + 1, "c": MAX_CELLS}, file)
            if counts["row"] > MAX_ROWS + 1:
                raise InstrumentError(
                    "publish.form_too_many_rows", file=file, sheet=sheet, limit=MAX_ROWS
                )
            if counts["c"] > MAX_CELLS:
                raise InstrumentError(
                    "publish.form_too_many_cells", file=file, sheet=sheet, limit=MAX_CELLS
                )
    shared = _SHARED_STRINGS in archive.namelist()
    if shared and _count(archive, _SHARED_STRINGS, {"si": MAX_CELLS}, file)["si"] > MAX_CELLS:
        raise InstrumentError(
            "publish.form_too_many_cells", file=file, sheet="shared texts", limit=MAX_CELLS
        )


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet's title, from the workbook and its relationships (empty when
    they cannot be read: the counting then names parts)."""
    try:
        targets = {
            element.get("Id", ""): element.get("Target", "")
            for element in _elements(archive, "xl/_rels/workbook.xml.rels", "Relationship")
        }
        titles: dict[str, str] = {}
        for element in _elements(archive, "xl/workbook.xml", "sheet"):
            relation = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
            target = targets.get(relation, "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            titles[part] = element.get("name", part)
        return titles
    except (KeyError, *_DAMAGE):
        return {}


def _elements(archive: zipfile.ZipFile, name: str, tag: str) -> list[Element]:
    parser = _parser()
    parser.feed(archive.read(name))  # small parts: their size was bounded already
    return [element for element in _started(parser) if _local(element.tag) == tag]


def _parser() -> "XMLPullParser[Element]":
    return XMLPullParser(events=("start",))


def _started(parser: "XMLPullParser[Element]") -> list[Element]:
    """The elements started since the last call (the parser reports only those)."""
    return [event[-1] for event in parser.read_events() if isinstance(event[-1], Element)]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _count(
    archive: zipfile.ZipFile, name: str, bounds: dict[str, int], file: str
) -> dict[str, int]:
    """How many elements of each tag in ``bounds`` the part holds, read until one passes its
    bound (the part is not read further)."""
    counts = dict.fromkeys(bounds, 0)
    parser = _parser()
    try:
        with archive.open(name) as stream:
            while all(counts[t] <= bounds[t] for t in bounds) and (chunk := stream.read(_CHUNK)):
                parser.feed(chunk)
                for element in _started(parser):
                    tag = _local(element.tag)
                    if tag in counts:
                        counts[tag] += 1
                    element.clear()
    except _DAMAGE:
        raise InstrumentError(
            "publish.form_unreadable",
            file=file,
            reason=f"a part of it is damaged or missing ({name})",
        ) from None
    return counts
