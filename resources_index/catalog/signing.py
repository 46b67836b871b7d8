"""Ed25519 keys and the signed envelope that carries a manifest.

The envelope (``catalog.json``) holds the manifest's exact bytes in base64 with a detached
signature over those bytes, so verifying never depends on how a JSON library re-encodes text.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from resources_index.catalog import limits
from resources_index.catalog.key_ids import fingerprint, raw_key_id
from resources_index.errors import CatalogError, KeyFileError, SignatureError, Words, reason_of
from resources_index.util import safe_json


@dataclass(frozen=True)
class TrustedKey:
    """A public key this library accepts catalogs from, and where it came from."""

    key_id: str
    public_key: Ed25519PublicKey
    origin: str


def key_id(public_key: Ed25519PublicKey) -> str:
    """First 16 hex digits of the SHA-256 of the raw 32-byte public key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw_key_id(raw)


def generate_keypair(folder: Path) -> tuple[Path, Path]:
    """Write ``catalog.key`` (private, mode 600) and ``catalog.pub`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    private_path, public_path = folder / "catalog.key", folder / "catalog.pub"
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError("key.exists", path=path)
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_path.write_bytes(public_pem(private.public_key()))
    private_path.touch(mode=0o600)
    private_path.write_bytes(private_pem)
    return private_path, public_path


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyFileError("key.private_unreadable", path=path, reason=reason_of(exc)) from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise KeyFileError("key.private_not_pem", path=path) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError("key.private_not_ed25519", path=path)
    return key


def parse_public_key(data: bytes, origin: str) -> TrustedKey:
    """Read a PEM public key (the ``catalog.pub`` that ``keygen`` writes)."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise KeyFileError("key.public_not_pem", origin=origin) from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError("key.public_not_ed25519", origin=origin)
    return TrustedKey(key_id(key), key, origin)


def load_public_key(path: Path) -> TrustedKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyFileError("key.public_unreadable", path=path, reason=reason_of(exc)) from None
    return parse_public_key(data, str(path))


def seal(manifest_bytes: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """Wrap manifest bytes in a signed envelope, ready to be written as ``catalog.json``."""
    signature = private_key.sign(manifest_bytes)
    return envelope_bytes(key_id(private_key.public_key()), signature, manifest_bytes)


def envelope_bytes(signer: str, signature: bytes, manifest_bytes: bytes) -> bytes:
    """The envelope ``seal`` writes, from its parts: a laptop that assembled a manifest from
    the parts of ``catalog-index.json`` rebuilds the very ``catalog.json`` it was published as."""
    envelope = {
        "format": limits.FORMAT_NAME,
        "format_version": limits.FORMAT_VERSION,
        "key_id": signer,
        "signature": base64.b64encode(signature).decode("ascii"),
        "manifest": base64.b64encode(manifest_bytes).decode("ascii"),
    }
    return json.dumps(envelope, indent=1).encode("utf-8") + b"\n"


def _read_envelope(envelope_bytes: bytes) -> dict[str, object]:
    head = envelope_bytes[:200].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html")):
        raise CatalogError("catalog.web_page")
    envelope = safe_json.loads(
        envelope_bytes, Words("what.catalog_file"), limits.MAX_ENVELOPE_BYTES
    )
    if not isinstance(envelope, dict) or envelope.get("format") != limits.FORMAT_NAME:
        raise CatalogError("catalog.not_catalog")
    if envelope.get("format_version") != limits.FORMAT_VERSION:
        raise CatalogError("catalog.format_version")
    return envelope


def open_envelope(envelope_bytes: bytes, trusted: dict[str, TrustedKey]) -> tuple[bytes, str]:
    """Verify an envelope against ``trusted`` keys and return (manifest bytes, key id)."""
    envelope = _read_envelope(envelope_bytes)
    claimed = envelope.get("key_id")
    try:
        signature = base64.b64decode(str(envelope.get("signature", "")), validate=True)
        manifest_bytes = base64.b64decode(str(envelope.get("manifest", "")), validate=True)
    except (binascii.Error, ValueError):
        raise CatalogError("catalog.bad_base64") from None
    key = trusted.get(claimed) if isinstance(claimed, str) else None
    if key is None:
        shown = fingerprint(claimed) if isinstance(claimed, str) else repr(claimed)[:40]
        raise SignatureError("catalog.untrusted_key", key=shown)
    try:
        key.public_key.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise SignatureError("catalog.bad_signature") from None
    return manifest_bytes, key.key_id
