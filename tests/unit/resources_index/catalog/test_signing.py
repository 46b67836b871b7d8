from pathlib import Path

import pytest

from resources_index.catalog.signing import (
    generate_keypair,
    load_private_key,
    load_public_key,
    open_envelope,
    seal,
)
from resources_index.errors import CatalogError, KeyFileError, SignatureError


def test_seal_and_open_round_trip(keys: tuple[Path, Path]) -> None:
    private, public = load_private_key(keys[0]), load_public_key(keys[1])
    envelope = seal(b'{"hello": 1}', private)
    manifest, key_id = open_envelope(envelope, {public.key_id: public})
    assert manifest == b'{"hello": 1}'
    assert key_id == public.key_id


def test_untrusted_key_and_altered_bytes_are_refused(
    keys: tuple[Path, Path], other_keys: tuple[Path, Path]
) -> None:
    public = load_public_key(keys[1])
    foreign = seal(b"{}", load_private_key(other_keys[0]))
    with pytest.raises(SignatureError, match="does not trust"):
        open_envelope(foreign, {public.key_id: public})
    envelope = seal(b'{"a": 1}', load_private_key(keys[0]))
    import base64
    import json

    data = json.loads(envelope)
    data["manifest"] = base64.b64encode(b'{"a": 2}').decode()
    with pytest.raises(SignatureError, match="altered or damaged"):
        open_envelope(json.dumps(data).encode(), {public.key_id: public})


def test_html_instead_of_a_catalog_is_named_plainly(keys: tuple[Path, Path]) -> None:
    with pytest.raises(CatalogError, match="web page"):
        open_envelope(b"<!DOCTYPE html><html>Sign in to the hotel Wi-Fi</html>", {})


def test_keygen_refuses_to_overwrite_and_bad_key_files_are_named(tmp_path: Path) -> None:
    generate_keypair(tmp_path)
    with pytest.raises(KeyFileError, match="already exists"):
        generate_keypair(tmp_path)
    assert (tmp_path / "catalog.key").stat().st_mode & 0o077 == 0
    (tmp_path / "junk.pub").write_text("not a key")
    with pytest.raises(KeyFileError, match="not a PEM public key"):
        load_public_key(tmp_path / "junk.pub")
    with pytest.raises(KeyFileError, match="Cannot read"):
        load_private_key(tmp_path / "missing.key")
