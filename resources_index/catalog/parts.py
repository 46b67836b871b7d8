"""The manifest in signed parts: ``catalog-index.json`` and ``catalog-parts/``, so that a
small change costs a laptop small bytes (docs/decisions/0001-catalog-in-signed-parts.md).

The manifest's canonical bytes are cut between the elements of its lists (resources,
renditions, kits, terms) into parts, each stored compressed and named by the SHA-256 of its
bytes. Where a cut falls depends only on the element's id, so an edit changes the one part that
holds the resource, an addition or a removal at most two. The signed index lists the pieces in
order (the short text between lists inline, parts by hash and size) with the whole manifest's
hash, size and signature: a laptop fetches the parts it lacks, checks each by its hash, joins
them, checks the whole by its hash, and rebuilds the very ``catalog.json`` it was published as
(whose signature it checks again, as for any catalog).
"""

import base64
import binascii
import hashlib
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.field_kinds import require, whole
from resources_index.catalog.model import canonical_json
from resources_index.catalog.times import format_time, parse_time
from resources_index.errors import CatalogError
from resources_index.util import safe_json

INDEX_FILE = "catalog-index.json"
PARTS_FOLDER = "catalog-parts"
INDEX_FORMAT = "sop-catalog-index"
#: A part ends after an element whose id hashes to 0 modulo this: about this many resources
#: a part (docs/decisions/0001-catalog-in-signed-parts.md weighs the index against the parts).
PART_SPREAD = 32
MAX_PIECES = 1_000_000
SIGNATURE_BYTES = 64


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
    pieces: tuple[Piece, ...]

    def parts(self) -> list[PartRef]:
        """Each part once, in the order of the manifest."""
        return list(dict.fromkeys(p for p in self.pieces if isinstance(p, PartRef)))

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
                "pieces": [
                    p if isinstance(p, str) else {"sha256": p.sha256, "size": p.size}
                    for p in self.pieces
                ],
            }
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> "CatalogIndex":
        """The index, every value checked against the format's bounds."""
        raw = safe_json.loads(data, "The catalog's index", limits.MAX_ENVELOPE_BYTES)
        return _read_index(raw)

    def assemble(self, parts: Mapping[str, bytes]) -> bytes:
        """The manifest's bytes from ``parts`` (each already checked by its hash), checked
        whole against the index."""
        joined = b"".join(
            p.encode("utf-8") if isinstance(p, str) else parts[p.sha256] for p in self.pieces
        )
        require(
            len(joined) == self.manifest_size
            and hashlib.sha256(joined).hexdigest() == self.manifest_sha256,
            "The catalog's parts do not make up the manifest its index signs.",
        )
        return joined


def _read_index(raw: object) -> CatalogIndex:
    require(isinstance(raw, dict), "The catalog's index is not a JSON object.")
    assert isinstance(raw, dict)
    require(raw.get("format") == INDEX_FORMAT, "This file is not an SOP catalog index.")
    require(
        raw.get("format_version") == limits.FORMAT_VERSION,
        "The catalog uses a format version this program cannot read; update SOP Desktop.",
    )
    catalog_id = raw.get("catalog_id")
    require(
        isinstance(catalog_id, str) and bool(limits.ID_PATTERN.fullmatch(catalog_id)),
        "The catalog's index has no valid catalog_id.",
    )
    version = raw.get("version")
    require(whole(version, 1, limits.MAX_VERSION), "The catalog's index has no valid version.")
    manifest = raw.get("manifest")
    require(isinstance(manifest, dict), "The catalog's index does not describe its manifest.")
    assert isinstance(manifest, dict)
    sha, size = manifest.get("sha256"), manifest.get("size")
    require(
        _is_sha(sha) and whole(size, 1, limits.MAX_ENVELOPE_BYTES),
        "The catalog's index gives no valid hash and size for its manifest.",
    )
    try:
        signature = base64.b64decode(str(manifest.get("signature", "")), validate=True)
    except (binascii.Error, ValueError):
        raise CatalogError("catalog.bad_base64") from None
    require(len(signature) == SIGNATURE_BYTES, "The catalog's index holds no valid signature.")
    created = parse_time(raw.get("created"), "creation time")
    expires = parse_time(raw.get("expires"), "expiry time")
    assert isinstance(catalog_id, str) and isinstance(version, int) and isinstance(size, int)
    pieces = tuple(_read_pieces(raw.get("pieces"), size))
    return CatalogIndex(catalog_id, version, created, expires, str(sha), size, signature, pieces)


def _read_pieces(raw: object, manifest_size: int) -> Iterator[Piece]:
    """The pieces, whose sizes must add up to the manifest's (checked as they are read, so a
    hostile index cannot name more bytes than the manifest may hold)."""
    require(
        isinstance(raw, list) and 0 < len(raw) <= MAX_PIECES,
        f"The catalog's index lists no pieces, or more than {MAX_PIECES:,}.",
    )
    assert isinstance(raw, list)
    total = 0
    for item in raw:
        piece = _read_piece(item)
        total += piece.size if isinstance(piece, PartRef) else len(piece.encode("utf-8"))
        require(total <= manifest_size, "The catalog's pieces are larger than its manifest.")
        yield piece
    require(total == manifest_size, "The catalog's pieces do not add up to its manifest.")


def _read_piece(item: object) -> Piece:
    if isinstance(item, str):
        return item
    require(isinstance(item, dict), "A piece of the catalog's index is not valid.")
    assert isinstance(item, dict)
    sha, size = item.get("sha256"), item.get("size")
    require(
        _is_sha(sha) and whole(size, 1, limits.MAX_ENVELOPE_BYTES),
        "A part of the catalog's index has no valid hash and size.",
    )
    assert isinstance(size, int)
    return PartRef(str(sha), size)


def _is_sha(value: object) -> bool:
    return isinstance(value, str) and bool(limits.SHA256_PATTERN.fullmatch(value))


# -- cutting a manifest into parts ---------------------------------------------------------


def _ends_part(element: Any) -> bool:
    """Whether a part ends after ``element``: decided by its id alone (a resource's or a
    kit's ``id``, a rendition's ``resource_id``, else its whole text), so editing an element
    never moves a cut."""
    key = element.get("id") or element.get("resource_id") if isinstance(element, dict) else None
    text = key.encode("utf-8") if isinstance(key, str) else canonical_json(element)
    return int.from_bytes(hashlib.sha256(text).digest()[:4], "big") % PART_SPREAD == 0


def split(manifest_bytes: bytes) -> list[tuple[bytes, bool]]:
    """The manifest's bytes in pieces, ``(bytes, is_part)``, whose concatenation is exactly
    ``manifest_bytes``; ``ValueError`` when they are not the canonical JSON publishing writes
    (another publisher's catalog is then simply not in parts)."""
    data = safe_json.loads(manifest_bytes, "The catalog's manifest", limits.MAX_ENVELOPE_BYTES)
    if not isinstance(data, dict):
        raise ValueError("not a manifest")
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
            if _ends_part(element) or position == len(value) - 1:
                pieces += [(bytes(glue), False), (b",".join(run), True)]
                glue, run = bytearray(b"," if position < len(value) - 1 else b""), []
        glue += b"]"
    pieces.append((bytes(glue + b"}"), False))
    if b"".join(p for p, _ in pieces) != manifest_bytes:
        raise ValueError("not canonical")
    return [(p, is_part) for p, is_part in pieces if p]


def make_index(
    manifest_bytes: bytes,
    signature: bytes,
    identity: tuple[str, int, datetime, datetime],
) -> tuple[CatalogIndex, dict[str, bytes]]:
    """The index of a manifest just signed (its catalog id, version, created and expires in
    ``identity``) and its parts by SHA-256."""
    parts: dict[str, bytes] = {}
    pieces: list[Piece] = []
    for data, is_part in split(manifest_bytes):
        if is_part:
            sha = hashlib.sha256(data).hexdigest()
            parts[sha] = data
            pieces.append(PartRef(sha, len(data)))
        else:
            pieces.append(data.decode("utf-8"))
    catalog_id, version, created, expires = identity
    index = CatalogIndex(
        catalog_id,
        version,
        created,
        expires,
        hashlib.sha256(manifest_bytes).hexdigest(),
        len(manifest_bytes),
        signature,
        tuple(pieces),
    )
    return index, parts


def known_parts(manifest_bytes: bytes) -> dict[str, bytes]:
    """The parts a laptop already holds: those of the manifest it has installed, by SHA-256
    (none when that manifest is not in canonical form)."""
    try:
        pieces = split(manifest_bytes)
    except (ValueError, CatalogError):
        return {}
    return {hashlib.sha256(p).hexdigest(): p for p, is_part in pieces if is_part}


def pack(part: bytes) -> bytes:
    """A part as stored on the server: gzip, without a time stamp, so the same part packs to
    the same bytes."""
    import gzip

    return gzip.compress(part, compresslevel=9, mtime=0)


def packed_limit(ref: PartRef) -> int:
    """The most bytes a packed part may take on the wire (deflate adds at most a few bytes
    per block to what it cannot compress), read before anything is unpacked."""
    return ref.size + ref.size // 1000 + 1024


def unpack(packed: bytes, ref: PartRef) -> bytes:
    """The part's bytes, never more than it declares, checked by size and SHA-256."""
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
        f"The catalog's part {ref.sha256[:12]} is damaged (its hash is not the one its index"
        " signs).",
    )
    return data
