"""Which public keys a catalog may be signed with, depending on where it comes from.

The starter catalog's private key is kept in the source repository so the starter can be
rebuilt; it is therefore trusted only for the copy shipped inside this package, never for a
catalog that arrives from a server, a share or a USB drive.
"""

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from resources_index.catalog.signing import TrustedKey, parse_public_key
from resources_index.config import paths
from resources_index.errors import KeyFileError, SignatureError


@cache
def starter_key() -> TrustedKey:
    """The built-in key the packaged starter catalog is signed with."""
    return parse_public_key(paths.starter_public_key().read_bytes(), "the built-in starter key")


def is_packaged_starter(folder: Path) -> bool:
    """True when ``folder`` is the starter catalog shipped inside this installed package."""
    try:
        return folder.resolve() == paths.starter_catalog_dir().resolve()
    except OSError:
        return False


def keys_from_pems(pems: Iterable[str], origin: str) -> list[TrustedKey]:
    """Parse PEM texts, skipping (not failing on) any that are broken."""
    keys = []
    for pem in pems:
        try:
            keys.append(parse_public_key(pem.encode("utf-8"), origin))
        except KeyFileError:
            continue
    return keys


def outside_keys(candidates: Iterable[TrustedKey]) -> dict[str, TrustedKey]:
    """Keys for a catalog from outside the package: everything but the starter key."""
    starter_id = starter_key().key_id
    trusted: dict[str, TrustedKey] = {}
    for key in candidates:
        if key.key_id == starter_id:
            raise SignatureError("catalog.starter_key", origin=key.origin)
        trusted[key.key_id] = key
    return trusted
