"""The manifest in signed parts: ``catalog-index.json`` and ``catalog-parts/``, so that a
small change costs a laptop small bytes (docs/decisions/0001-catalog-in-signed-parts.md).

The manifest's canonical bytes are cut between the elements of its lists (resources,
renditions, kits, terms) into parts, each stored compressed and named by the SHA-256 of its
bytes. Where a cut falls depends only on the element's id and the part's length so far (a part
holds at most 48 elements), so an edit changes the one part that holds the resource, an
addition or a removal the parts around it. The parts of a list are named, in
order, on pages, themselves parts cut where a part's hash falls. The signed index holds the
manifest's outline (the short text between lists, which changes with every version, and the
pages) with the whole manifest's hash, size and signature. A laptop fetches the pages and parts
it lacks, checks each by its hash, joins them, checks the whole by its hash, and rebuilds the
very ``catalog.json`` it was published as (whose signature it checks again, as for any
catalog).
"""

import base64
import binascii
import hashlib
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.field_kinds import require, whole
from resources_index.catalog.model import canonical_json
from resources_index.catalog.times import format_time, parse_time
from resources_index.errors import CatalogError, Words
from resources_index.util import safe_json

INDEX_FILE = "catalog-index.json"
PARTS_FOLDER = "catalog-parts"
INDEX_FORMAT = "sop-catalog-index"
#: Bounds so even a signed index cannot make a laptop send tens of thousands of requests:
#: 20,000 resources measured at 3,021 pieces on 49 pages, 100,000 (the most) about five times.
MAX_PIECES = 131_072
MAX_PAGES = 8_192
SIGNATURE_BYTES = 64
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Cutting:
    """Where a run of elements (a list's, or the parts a page names) is cut, by each element's
    hash and the run's length so far, as FastCDC bounds its chunks: after a hash 0 modulo
    ``spread``; from ``soft_from`` elements on also after one 0 modulo ``soft_spread``; always
    at ``most``. A long run is so cut where hashes fall, not at fixed positions, and an element
    added or removed moves only the cuts near it (docs/decisions/0001)."""

    spread: int
    soft_from: int
    soft_spread: int
    most: int

    def ends(self, hashed: int, length: int) -> bool:
        return (
            hashed % self.spread == 0
            or (length >= self.soft_from and hashed % self.soft_spread == 0)
            or length >= self.most
        )


#: About 14 resources a part, at most 48, so a removal moves little; about 30 parts a page, so
#: the index, paid on every change, stays small (docs/decisions/0001 weighs them).
PART_CUTTING = Cutting(spread=16, soft_from=24, soft_spread=4, most=48)
PAGE_CUTTING = Cutting(spread=48, soft_from=64, soft_spread=4, most=128)


@dataclass(frozen=True)
class PartRef:
    """One part of the manifest: the SHA-256 and size of its (uncompressed) bytes."""

    sha256: str
    size: int

    @property
    def path(self) -> str:
        """Where the server keeps it, relative to the catalog's address."""
        return f"{PARTS_FOLDER}/{self.sha256}.json.gz"


#: A piece of the manifest: text written in the index itself, or a part.
Piece = str | PartRef


@dataclass(frozen=True)
class CatalogIndex:
    """What ``catalog-index.json`` signs: the catalog's identity and validity (checked before
    any part is fetched) and how to rebuild its manifest from pieces."""

    catalog_id: str
    version: int
    created: datetime
    expires: datetime
    manifest_sha256: str
    manifest_size: int
    signature: bytes
    #: The text between lists, and the pages that name the parts of each list, in order.
    outline: tuple[Piece, ...]

    def page_refs(self) -> list[PartRef]:
        return list(dict.fromkeys(p for p in self.outline if isinstance(p, PartRef)))

    def to_bytes(self) -> bytes:
        return canonical_json(
            {
                "format": INDEX_FORMAT,
                "format_version": limits.FORMAT_VERSION,
                "catalog_id": self.catalog_id,
                "version": self.version,
                "created": format_time(self.created),
                "expires": format_time(self.expires),
                "manifest": {
                    "sha256": self.manifest_sha256,
                    "size": self.manifest_size,
                    "signature": base64.b64encode(self.signature).decode("ascii"),
                },
                "outline": [_piece_json(p) for p in self.outline],
            }
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> "CatalogIndex":
        """The index, every value checked against the format's bounds."""
        raw = safe_json.loads(data, Words("what.catalog_index"), limits.MAX_ENVELOPE_BYTES)
        return _read_index(raw)

    def pieces(self, pages: Mapping[str, bytes]) -> list[Piece]:
        """The pieces the pages list (each page already checked by its hash), checked: at most
        ``MAX_PIECES``, their sizes adding up to the manifest's."""
        pieces: list[Piece] = []
        total = 0
        for entry in self.outline:
            if isinstance(entry, str):
                raw: object = [entry]
            else:
                raw = safe_json.loads(pages[entry.sha256], Words("what.catalog_page"), entry.size)
                require(
                    isinstance(raw, list) and 0 < len(raw) <= MAX_PIECES - len(pieces),
                    "parts.page_pieces",
                    most=MAX_PIECES,
                )
            assert isinstance(raw, list)
            for item in raw:
                piece = _read_piece(item)
                total += piece.size if isinstance(piece, PartRef) else len(piece.encode())
                require(total <= self.manifest_size, "parts.too_large")
                pieces.append(piece)
        require(total == self.manifest_size, "parts.do_not_add_up")
        return pieces

    def assemble(self, pieces: list[Piece], parts: Mapping[str, bytes]) -> bytes:
        """The manifest's bytes from ``pieces`` and ``parts`` (each already checked by its
        hash), checked whole against the index."""
        joined = b"".join(
            p.encode("utf-8") if isinstance(p, str) else parts[p.sha256] for p in pieces
        )
        require(
            len(joined) == self.manifest_size
            and hashlib.sha256(joined).hexdigest() == self.manifest_sha256,
            "parts.not_the_manifest",
        )
        return joined


def _read_index(raw: object) -> CatalogIndex:
    require(isinstance(raw, dict), "parts.index_not_object")
    assert isinstance(raw, dict)
    require(raw.get("format") == INDEX_FORMAT, "parts.not_an_index")
    require(
        raw.get("format_version") == limits.FORMAT_VERSION,
        "parts.format_version",
    )
    catalog_id = raw.get("catalog_id")
    require(
        isinstance(catalog_id, str) and bool(limits.ID_PATTERN.fullmatch(catalog_id)),
        "parts.no_catalog_id",
    )
    version = raw.get("version")
    require(whole(version, 1, limits.MAX_VERSION), "parts.no_version")
    manifest = raw.get("manifest")
    require(isinstance(manifest, dict), "parts.no_manifest")
    assert isinstance(manifest, dict)
    whole_manifest = _read_ref(manifest, "parts.manifest_ref")
    try:
        signature = base64.b64decode(str(manifest.get("signature", "")), validate=True)
    except (binascii.Error, ValueError):
        raise CatalogError("catalog.bad_base64") from None
    require(len(signature) == SIGNATURE_BYTES, "parts.no_signature")
    created = parse_time(raw.get("created"), Words("when.created"))
    expires = parse_time(raw.get("expires"), Words("when.expires"))
    assert isinstance(catalog_id, str) and isinstance(version, int)
    outline = raw.get("outline")
    require(
        isinstance(outline, list) and 0 < len(outline) <= MAX_PAGES,
        "parts.no_outline",
        most=MAX_PAGES,
    )
    assert isinstance(outline, list)
    entries = tuple(_read_piece(entry) for entry in outline)
    require(
        sum(p.size if isinstance(p, PartRef) else len(p) for p in entries)
        <= limits.MAX_ENVELOPE_BYTES,
        "parts.pages_too_large",
    )
    sha, size = whole_manifest.sha256, whole_manifest.size
    return CatalogIndex(catalog_id, version, created, expires, sha, size, signature, entries)


def _read_piece(item: object) -> Piece:
    if isinstance(item, str):
        return item
    require(isinstance(item, dict), "parts.piece_invalid")
    return _read_ref(item, "parts.part_ref")


def _read_ref(item: object, refusal: str) -> PartRef:
    """A SHA-256 and a size from 1 byte to the largest manifest, or the ``refusal`` kind."""
    assert isinstance(item, dict)
    sha, size = item.get("sha256"), item.get("size")
    require(_is_sha(sha) and whole(size, 1, limits.MAX_ENVELOPE_BYTES), refusal)
    assert isinstance(size, int)
    return PartRef(str(sha), size)


def part_refs(pieces: list[Piece]) -> list[PartRef]:
    """Each part the pieces name, once, in order."""
    return list(dict.fromkeys(p for p in pieces if isinstance(p, PartRef)))


def _piece_json(piece: Piece) -> str | dict[str, Any]:
    return piece if isinstance(piece, str) else {"sha256": piece.sha256, "size": piece.size}


def _is_sha(value: object) -> bool:
    return isinstance(value, str) and bool(limits.SHA256_PATTERN.fullmatch(value))


# -- cutting a manifest into parts ---------------------------------------------------------


def _element_hash(element: Any) -> int:
    """What decides whether a part ends after ``element``: its id alone (a resource's or a
    kit's ``id``, a rendition's ``resource_id``, else its whole text), so editing an element
    never moves a cut."""
    key = element.get("id") or element.get("resource_id") if isinstance(element, dict) else None
    text = key.encode("utf-8") if isinstance(key, str) else canonical_json(element)
    return int.from_bytes(hashlib.sha256(text).digest()[:4], "big")


class NotInParts(ValueError):
    """A manifest that is not the canonical JSON publishing writes (another publisher's
    catalog), which is then simply not in parts."""


def split(manifest_bytes: bytes) -> list[tuple[bytes, bool]]:
    """The manifest's bytes in pieces, ``(bytes, is_part)``, whose concatenation is exactly
    ``manifest_bytes``; ``NotInParts`` when they are not the canonical JSON publishing writes
    (another publisher's catalog is then simply not in parts)."""
    data = safe_json.loads(manifest_bytes, Words("what.manifest"), limits.MAX_ENVELOPE_BYTES)
    if not isinstance(data, dict):
        raise NotInParts
    pieces: list[tuple[bytes, bool]] = []
    glue = bytearray(b"{")
    for number, key in enumerate(sorted(data)):
        glue += (b"," if number else b"") + canonical_json(key) + b":"
        value = data[key]
        if not (isinstance(value, list) and value):
            glue += canonical_json(value)
            continue
        glue += b"["
        run: list[bytes] = []
        for position, element in enumerate(value):
            run.append(canonical_json(element))
            if PART_CUTTING.ends(_element_hash(element), len(run)) or position == len(value) - 1:
                pieces += [(bytes(glue), False), (b",".join(run), True)]
                glue, run = bytearray(b"," if position < len(value) - 1 else b""), []
        glue += b"]"
    pieces.append((bytes(glue + b"}"), False))
    if b"".join(p for p, _ in pieces) != manifest_bytes:
        raise NotInParts
    return [(p, is_part) for p, is_part in pieces if p]


def _in_parts(manifest_bytes: bytes) -> tuple[list[Piece], dict[str, bytes]]:
    """The manifest's outline (the text between lists, and pages) and every part and page,
    by SHA-256."""
    files: dict[str, bytes] = {}
    pieces: list[Piece] = []
    for data, is_part in split(manifest_bytes):
        if is_part:
            sha = hashlib.sha256(data).hexdigest()
            files[sha] = data
            pieces.append(PartRef(sha, len(data)))
        else:
            pieces.append(data.decode("utf-8"))
    outline: list[Piece] = []
    run: list[str | dict[str, Any]] = []

    def end_page() -> None:
        if run:
            page = canonical_json(run)
            sha = hashlib.sha256(page).hexdigest()
            files[sha] = page
            outline.append(PartRef(sha, len(page)))
            run.clear()

    for piece in pieces:
        if isinstance(piece, str) and piece != ",":  # between lists: in the index itself
            end_page()
            outline.append(piece)
            continue
        run.append(_piece_json(piece))
        on_page = sum(isinstance(entry, dict) for entry in run)
        if isinstance(piece, PartRef) and PAGE_CUTTING.ends(int(piece.sha256[:8], 16), on_page):
            end_page()
    end_page()
    return outline, files


def make_index(
    manifest_bytes: bytes,
    signature: bytes,
    identity: tuple[str, int, datetime, datetime],
) -> tuple[CatalogIndex, dict[str, bytes]]:
    """The index of a manifest just signed (its catalog id, version, created and expires in
    ``identity``) and its pages and parts by SHA-256."""
    outline, files = _in_parts(manifest_bytes)
    catalog_id, version, created, expires = identity
    index = CatalogIndex(
        catalog_id,
        version,
        created,
        expires,
        hashlib.sha256(manifest_bytes).hexdigest(),
        len(manifest_bytes),
        signature,
        tuple(outline),
    )
    return index, files


def known_parts(manifest_bytes: bytes) -> dict[str, bytes]:
    """The pages and parts a laptop already holds: those of the manifest it has installed,
    by SHA-256 (none when that manifest is not in canonical form)."""
    try:
        return _in_parts(manifest_bytes)[1]
    except (ValueError, CatalogError):
        return {}


def pack(part: bytes) -> bytes:
    """A part as stored on the server: gzip, without a time stamp, so the same part packs to
    the same bytes."""
    import gzip

    return gzip.compress(part, compresslevel=9, mtime=0)


def packed_limit(ref: PartRef) -> int:
    """The most bytes a packed part may take on the wire (deflate adds at most a few bytes
    per block to what it cannot compress), read before anything is unpacked."""
    return ref.size + ref.size // 1000 + 1024


def is_packed(packed: bytes, ref: PartRef) -> bool:
    """Whether ``packed`` is ``ref`` as publishing stores it: gzip, unpacking to exactly the
    part's bytes (a part left damaged or altered in a published folder is not)."""
    if packed[:2] != GZIP_MAGIC or len(packed) > packed_limit(ref):
        return False
    try:
        unpack(packed, ref)
    except CatalogError:
        return False
    return True


def unpack(packed: bytes, ref: PartRef) -> bytes:
    """The part's bytes, never more than it declares, checked by size and SHA-256. A host
    that serves the part already decompressed (as Google Cloud Storage does for a client that
    does not ask for gzip) sends the very bytes the hash is of: those are taken as they are."""
    if len(packed) == ref.size and hashlib.sha256(packed).hexdigest() == ref.sha256:
        return packed
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(packed, ref.size + 1)
    except zlib.error:
        data = b""
    require(
        len(data) == ref.size
        and inflater.eof
        and not inflater.unconsumed_tail
        and not inflater.unused_data
        and hashlib.sha256(data).hexdigest() == ref.sha256,
        "parts.damaged",
        name=ref.sha256[:12],
    )
    return data
