"""Key ids without the cryptography package: the id of an Ed25519 public key read straight
from its PEM text. Start-up uses this to see whether the key that signed the installed catalog
is still trusted before it reads the kept parsed copy, without loading cryptography."""

import base64
import binascii
import hashlib
import re

#: DER of an Ed25519 SubjectPublicKeyInfo up to the 32 raw key bytes (RFC 8410).
_ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def raw_key_id(raw: bytes) -> str:
    """First 16 hex digits of the SHA-256 of the raw 32-byte public key (the format's key id)."""
    return hashlib.sha256(raw).hexdigest()[:16]


def pem_key_id(pem: str) -> str | None:
    """The key id of an Ed25519 public key in PEM, or None when it is not one."""
    # The text between the armour lines, whitespace left out (a PEM pasted on one line, as
    # the cryptography package reads it too).
    body = re.sub(r"-----(BEGIN|END) PUBLIC KEY-----|\s", "", pem.strip())
    try:
        der = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(der) != len(_ED25519_SPKI_PREFIX) + 32 or not der.startswith(_ED25519_SPKI_PREFIX):
        return None
    return raw_key_id(der[len(_ED25519_SPKI_PREFIX) :])


def fingerprint(key_id: str) -> str:
    """A key id as people compare it: ``3F2A 9B01 C4D5 E6F7``; anything that is not a key id
    (a catalog may claim any text) is shown quoted and cut short."""
    if re.fullmatch(r"[0-9a-fA-F]{16}", key_id):
        upper = key_id.upper()
        return " ".join(upper[i : i + 4] for i in range(0, 16, 4))
    return repr(key_id[:40])
