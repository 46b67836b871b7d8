"""Office documents (DOCX, PPTX, ODT, ODP: zip packages) checked before anything inflates
them, and copied without their links to the outside before LibreOffice renders them.

A package declares each member's size in its central directory; Python's reader never
inflates past it, so checking the declared sizes refuses a zip bomb (1.6 MB holding 1.5 GiB)
cheaply, before the extractor or LibreOffice sees it.

A document may link an image, an object or a template by address instead of holding it:
``http://...`` (a beacon to whoever wrote the document, at publish time) or ``file:///...``
(a file of the publisher's machine, which would end up inside the signed PDF every laptop
gets). The copy LibreOffice renders has every such link pointed at a name inside the
package that does not exist, so it renders an empty frame; links a reader clicks
(hyperlinks) stay as they are, since LibreOffice never follows them.
"""

import html
import re
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from resources_index.publish.extract import ExtractError

#: Members of one package at most.
MAX_MEMBERS = 10_000
#: What a package may hold once inflated, all members together.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
#: One XML part inflated (parsed whole by the extractors and by LibreOffice).
MAX_XML_PART_BYTES = 64 * 1024 * 1024
PACKAGE_SUFFIXES = (".docx", ".pptx", ".odt", ".odp")
#: Where a removed link points: inside the package (in the folder pictures are kept in, as
#: LibreOffice refuses a document whose picture names no folder), where nothing has the name.
NOWHERE = "Pictures/removed-external-link.png"  # ODF
NOWHERE_OOXML = "media/removed-external-link.png"  # relative to the part linking

_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_EXTERNAL = re.compile(rb"""\bTargetMode\s*=\s*["']External["']""")
_HYPERLINK_TYPE = re.compile(rb"""\bType\s*=\s*["'][^"']*/hyperlink["']""")
_TARGET = re.compile(rb"""\bTarget\s*=\s*("[^"]*"|'[^']*')""")
#: An ODF start tag that is a hyperlink (its address is followed only when clicked).
_ODF_LINK_TAGS = re.compile(rb"<(?:text|draw|presentation|office|svg):a\b")
_ODF_TAG = re.compile(rb"<[\w.-]+:[\w.-]+\b[^>]*\b[\w.-]+:href\s*=[^>]*>")
_HREF = re.compile(rb"""(\b[\w.-]+:href\s*=\s*)("[^"]*"|'[^']*')""")
#: Word fields that load another file or address when the document opens.
_FIELDS = re.compile(rb"\b(INCLUDEPICTURE|INCLUDETEXT|IMPORT|LINK|DDEAUTO|DDE)\b", re.IGNORECASE)
#: Where Word keeps a field's instruction: ``<w:instrText>`` text, or ``w:instr="..."``.
_INSTRUCTION = re.compile(
    rb"""(<(?:\w+:)?instrText\b[^>]*>)([^<]*)|(\b(?:\w+:)?instr\s*=\s*)("[^"]*"|'[^']*')"""
)


def check_package(path: Path) -> None:
    """Refuse (``ExtractError``) a package whose declared contents are out of bounds, before
    anything is inflated. Not a zip at all is left to the extractor to say."""
    if path.suffix.lower() not in PACKAGE_SUFFIXES:
        return
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        # Not a zip: never handed to LibreOffice, which would read it as whatever it looks
        # like (a web page, say, with pictures to fetch).
        raise ExtractError(
            "extract.damaged", name=path.name, kind=path.suffix[1:], reason=str(exc)
        ) from None
    if len(members) > MAX_MEMBERS:
        _refuse(path, f"it holds {len(members):,} parts; at most {MAX_MEMBERS:,} are read")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        _refuse(path, f"it unpacks to {total:,} bytes; at most {MAX_UNPACKED_BYTES:,} are read")
    for member in members:
        if _is_xml(member.filename) and member.file_size > MAX_XML_PART_BYTES:
            _refuse(
                path,
                f"a part of it unpacks to {member.file_size:,} bytes; at most"
                f" {MAX_XML_PART_BYTES:,} are read",
            )


def _refuse(path: Path, reason: str) -> None:
    raise ExtractError("extract.too_large_inside", name=path.name, reason=reason)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def copy_without_links(path: Path, target: Path) -> int:
    """Copy the package ``path`` to ``target`` with every link to outside it removed;
    returns how many were removed. ``ExtractError`` when it cannot be read whole (it is then
    not rendered: LibreOffice might read what Python cannot, links included)."""
    removed = 0
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
            for member in source.infolist():
                data = source.read(member)
                if _is_xml(member.filename):
                    data, count = _unlinked(member.filename, data)
                    removed += count
                copy.writestr(member, data)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as exc:
        target.unlink(missing_ok=True)
        raise ExtractError(
            "extract.damaged", name=path.name, kind=path.suffix[1:], reason=str(exc)
        ) from None
    return removed


def _unlinked(name: str, data: bytes) -> tuple[bytes, int]:
    """One XML part with its outward links pointed nowhere."""
    count = 0

    def relationship(match: re.Match[bytes]) -> bytes:
        nonlocal count
        tag = match.group(0)
        if not _EXTERNAL.search(tag) or _HYPERLINK_TYPE.search(tag):
            return tag
        count += 1
        tag = _EXTERNAL.sub(b"", tag)
        return _TARGET.sub(b'Target="' + NOWHERE_OOXML.encode() + b'"', tag)

    def odf_tag(match: re.Match[bytes]) -> bytes:
        nonlocal count
        tag = match.group(0)
        if _ODF_LINK_TAGS.match(tag):
            return tag

        def href(found: re.Match[bytes]) -> bytes:
            nonlocal count
            if not _outside(found.group(2)[1:-1]):
                return found.group(0)
            count += 1
            return found.group(1) + b'"' + NOWHERE.encode() + b'"'

        return _HREF.sub(href, tag)

    if name.lower().endswith(".rels"):
        data = _RELATIONSHIP.sub(relationship, data)
    else:
        data = _ODF_TAG.sub(odf_tag, data)

        def field(match: re.Match[bytes]) -> bytes:
            nonlocal count
            start, body = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
            fields = len(_FIELDS.findall(body))
            count += fields
            return start + _FIELDS.sub(b"QUOTE", body)

        # A field that would load a file or an address becomes a plain quote.
        data = _INSTRUCTION.sub(field, data)
    return data, count


def _outside(address: bytes) -> bool:
    """Whether an ODF ``href`` leads out of the package: any scheme (``http:``,
    ``file:``, ``vnd.sun.star...``), an absolute path, or a step up from the document."""
    text = unquote(html.unescape(address.decode("utf-8", "replace"))).strip()
    if not text or text.startswith("#"):
        return False
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) or text.startswith(("/", "\\")):
        return True
    return ".." in text.replace("\\", "/").split("/")
