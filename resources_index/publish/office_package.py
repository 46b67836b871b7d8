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

import io
import re
import shutil
import zipfile
import zlib
from pathlib import Path
from typing import IO
from urllib.parse import unquote
from xml.sax import SAXException
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesNSImpl

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from resources_index.documents.extract import ExtractError, check_parts_inflate
from resources_index.util.fsutil import discard_file

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

#: Word fields that load another file or address when the document opens.
_FIELDS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|IMPORT|LINK|DDEAUTO|DDE)\b", re.IGNORECASE)
#: Bytes read from a member at a time (a member is never held whole).
CHUNK_BYTES = 1024 * 1024


def check_package(path: Path) -> None:
    """Refuse (``ExtractError``) a package whose declared contents are out of bounds, before
    anything is inflated. Not a zip at all is left to the extractor to say."""
    if path.suffix.lower() not in PACKAGE_SUFFIXES:
        return
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
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
    # What the sizes declare, checked against what the parts really give (a bomb declares
    # little): inflated once in chunks, never held, before anything reads a part whole.
    check_parts_inflate(path, MAX_UNPACKED_BYTES)


def _refuse(path: Path, reason: str) -> None:
    raise ExtractError("extract.too_large_inside", name=path.name, reason=reason)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def copy_without_links(path: Path, target: Path) -> int:
    """Copy the package ``path`` to ``target`` with every link to outside it removed;
    returns how many were removed. ``ExtractError`` when it cannot be read whole (it is then
    not rendered: LibreOffice might read what Python cannot, links included).

    Members are streamed in chunks, and XML parts are read by a real XML parser (expat,
    through defusedxml: no document type, no entity, nothing fetched) event by event and
    written again as they are read, so memory stays that of one chunk, whatever the
    package declares."""
    removed = 0
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
            for member in source.infolist():
                written = zipfile.ZipInfo(member.filename, member.date_time)
                written.compress_type = member.compress_type
                written.external_attr = member.external_attr
                written.file_size = member.file_size  # Zip64 when it needs it
                with source.open(member) as reading, copy.open(written, "w") as writing:
                    if _is_xml(member.filename):
                        removed += _copy_unlinked(member.filename, reading, writing)
                    else:
                        shutil.copyfileobj(reading, writing, CHUNK_BYTES)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        SAXException,
        DefusedXmlException,
    ) as exc:
        discard_file(target)
        raise ExtractError(
            "extract.damaged", name=path.name, kind=path.suffix[1:], reason=str(exc)
        ) from None
    return removed


def _copy_unlinked(name: str, reading: IO[bytes], writing: IO[bytes]) -> int:
    """Copy one XML part with its outward links pointed nowhere; how many were."""
    text = io.TextIOWrapper(writing, encoding="utf-8", newline="")
    handler = _Unlinker(text, name.lower().endswith(".rels"))
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)
    while chunk := reading.read(CHUNK_BYTES):
        parser.feed(chunk)
    parser.close()
    text.flush()
    text.detach()
    return handler.removed


_NameNS = tuple[str | None, str]


class _Unlinker(XMLGenerator):
    """Writes the XML it is told, with outward links pointed at ``NOWHERE`` (ODF) or
    ``NOWHERE_OOXML`` (an external relationship that is not a hyperlink), and Word fields
    that load a file or an address made plain quotes. Names are compared by namespace and
    local name, so no prefix, default namespace or attribute order hides a link."""

    def __init__(self, out: io.TextIOWrapper, relationships: bool) -> None:
        super().__init__(out, encoding="utf-8", short_empty_elements=True)
        self.relationships = relationships
        self.removed = 0
        self._instruction: list[str] | None = None  # text of a w:instrText being read
        self._field = ""  # the instruction of the field so far (Word splits it over runs)

    def startElementNS(self, name: _NameNS, qname: str | None, attrs: AttributesNSImpl) -> None:
        values = dict(attrs.items())
        qnames = {key: attrs.getQNameByName(key) for key in values}
        changed = False
        if self.relationships and name[1] == "Relationship":
            mode, kind = values.get((None, "TargetMode"), ""), values.get((None, "Type"), "")
            if mode.strip() == "External" and not kind.rstrip().endswith("/hyperlink"):
                del values[(None, "TargetMode")]
                values[(None, "Target")] = NOWHERE_OOXML
                qnames.setdefault((None, "Target"), "Target")
                self.removed += 1
                changed = True
        elif not self.relationships:
            for key, value in list(values.items()):
                if key[1] == "href" and name[1] != "a" and _outside(value):
                    values[key] = NOWHERE
                    self.removed += 1
                    changed = True
                elif key[1] == "instr":
                    values[key], count = _quoted(value)
                    self.removed += count
                    changed = changed or count > 0
        if changed:
            attrs = AttributesNSImpl(values, {k: qnames[k] for k in values})
        super().startElementNS(name, qname, attrs)
        if not self.relationships and name[1] == "instrText":
            self._instruction = []
        if name[1] == "fldChar" and any(v == "begin" for v in values.values()):
            self._field = ""

    def characters(self, content: str) -> None:
        if self._instruction is not None:
            self._instruction.append(content)
        else:
            super().characters(content)

    def endElementNS(self, name: _NameNS, qname: str | None) -> None:
        if self._instruction is not None:
            text, count = _quoted("".join(self._instruction))
            # A field's name split over runs ("INCLUDE" + "PICTURE"): a space at the start of
            # this part splits it again, so the field is none Word or LibreOffice knows.
            before = self._field
            joined = before + text
            if any(m.start() < len(before) < m.end() for m in _FIELDS.finditer(joined)):
                text = " " + text
                count += 1
            self._field = (before + text)[-64:]
            self.removed += count
            self._instruction = None
            super().characters(text)
        super().endElementNS(name, qname)


def _quoted(instruction: str) -> tuple[str, int]:
    """A Word field instruction with every field that loads something made a plain quote."""
    return _FIELDS.subn("QUOTE", instruction)


def _outside(address: str) -> bool:
    """Whether an ODF ``href`` leads out of the package: any scheme (``http:``,
    ``file:``, ``vnd.sun.star...``), an absolute path, or a step up from the document."""
    text = unquote(address).strip()
    if not text or text.startswith("#"):
        return False
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) or text.startswith(("/", "\\")):
        return True
    return ".." in text.replace("\\", "/").split("/")
