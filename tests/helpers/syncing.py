"""Sync's test conditions: quick HTTP settings, catalogs as earlier versions published them, the
files a published catalog is in, a county's own certificate."""

import datetime
import ipaddress
import shutil
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from resources_index.catalog.parts import (
    INDEX_FILE,
    PARTS_FOLDER,
    CatalogIndex,
    PartRef,
    part_refs,
    unpack,
)
from resources_index.catalog.signing import load_public_key, open_envelope
from resources_index.sync.http import HttpSettings

FAST = HttpSettings(connect_timeout=2, read_timeout=2, retries=0)
#: The same, as keyword arguments (for ``HttpSettings.from_settings``).
QUICK = {"connect_timeout": 2, "read_timeout": 2, "retries": 0}


def whole_catalog_only(published: Path) -> None:
    """Make ``published`` a folder as earlier versions published it: catalog.json alone."""
    (published / INDEX_FILE).unlink()
    shutil.rmtree(published / PARTS_FOLDER)


def index_of(published: Path, keys: tuple[Path, Path]) -> CatalogIndex:
    trusted = load_public_key(keys[1])
    data, _ = open_envelope((published / INDEX_FILE).read_bytes(), {trusted.key_id: trusted})
    return CatalogIndex.from_bytes(data)


def files_of(published: Path, keys: tuple[Path, Path]) -> tuple[set[PartRef], set[PartRef]]:
    """(pages, parts) of the catalog published in ``published``."""
    index = index_of(published, keys)
    refs = index.page_refs()
    pages = {page.sha256: unpack((published / page.path).read_bytes(), page) for page in refs}
    return set(refs), set(part_refs(index.pieces(pages)))


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by itself, as a county's inspecting proxy would."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "County inspection CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "county-ca.pem", folder / "county-ca.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file
