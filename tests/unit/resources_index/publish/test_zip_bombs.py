"""A zip bomb whose headers declare a small size: refused after inflating at most what it
declares (plus a chunk), by the renditions' check and by the text extraction alike, with one
outcome said (skipped), never a PDF warning beside it."""

import contextlib
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.documents import zip_inflation
from resources_index.documents.extract import ExtractError, extract
from resources_index.publish import office_package
from tests.helpers.documents import make_docx

DECLARED = 2000


def _declaring_less(path: Path, member: str, declared: int) -> None:
    """Patch both headers of ``member`` to declare ``declared`` bytes (and the CRC of its
    first ``declared`` bytes), as a bomb does."""
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(member)
        first = package.read(member)[:declared]
    crc = zlib.crc32(first)
    data = bytearray(path.read_bytes())
    struct.pack_into("<L", data, info.header_offset + 14, crc)
    struct.pack_into("<L", data, info.header_offset + 22, declared)
    central = data.index(b"PK\x01\x02")
    while True:  # the central entry naming the member
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == member.encode():
            break
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<L", data, central + 16, crc)
    struct.pack_into("<L", data, central + 24, declared)
    path.write_bytes(bytes(data))


def _bomb(tmp_path: Path, inflated: int = 64 * 1024 * 1024) -> Path:
    made = make_docx(tmp_path / "source" / "bomb.docx", "Bomb", {"One": "text"})
    with zipfile.ZipFile(made) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/document.xml"] += b" " * inflated
    with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in parts.items():
            package.writestr(name, body)
    _declaring_less(made, "word/document.xml", DECLARED)
    return made


def test_a_bomb_declared_small_is_refused_after_its_declared_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = _bomb(tmp_path)
    assert bomb.stat().st_size < 1024 * 1024
    inflated: list[int] = []
    real = zip_inflation._inflated

    def counting(raw: object, member: zipfile.ZipInfo):  # type: ignore[no-untyped-def]
        for size in real(raw, member):  # type: ignore[arg-type]
            inflated.append(size)
            yield size

    monkeypatch.setattr(zip_inflation, "_inflated", counting)
    for step in (lambda: office_package.check_package(bomb), lambda: extract(bomb)):
        inflated.clear()
        with pytest.raises(ExtractError) as refused:
            step()
        assert refused.value.kind == "extract.too_large_inside"
        assert "more than the 2,000 bytes it declares" in str(refused.value)
        assert sum(inflated) <= 2 * 1024 * 1024  # what was declared, a chunk, the others


def test_publishing_a_bomb_says_one_outcome(
    tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from resources_index.cli.main import main

    bomb = _bomb(tmp_path, 8 * 1024 * 1024)
    out = tmp_path / "out"
    main(["publish", str(bomb.parent), str(out), "--key", str(keys[0]), "--no-renditions"])
    said = capsys.readouterr()
    text = said.out + said.err
    assert "skipped: bomb.docx" in text and "without a PDF copy" not in text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600), stored=st.booleans())
def test_any_bytes_inside_a_zip_inflate_within_bounds_or_are_refused(
    tmp_path: Path, data: bytes, stored: bool
) -> None:
    path = tmp_path / "any.docx"
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as package:
        package.writestr("word/document.xml", data)
    zip_inflation.check_inflation(path, 10_000)  # a true package passes
    raw = bytearray(path.read_bytes())
    for at in range(30, min(len(raw), 90), 7):
        raw[at] ^= 0x5A
    path.write_bytes(bytes(raw))
    refusals = (zip_inflation.InflationError, zipfile.BadZipFile, OSError, EOFError)
    with contextlib.suppress(*refusals):  # nothing else escapes
        zip_inflation.check_inflation(path, 10_000)
