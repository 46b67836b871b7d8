"""Instruments in the catalog: listed apart, each definition an object like any file, checked by
this program, carried by the signed parts, and ignored by a laptop of the previous version."""

import dataclasses
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from resources_index.catalog import limits
from resources_index.catalog.model import InstrumentEntry, Manifest, canonical_json
from resources_index.catalog.parts import make_index
from resources_index.catalog.records import FileEntry
from resources_index.errors import CatalogError
from resources_index.instruments import conversion, definition
from tests.helpers.synthetic import Generator

ROOT = Path(__file__).resolve().parents[4]
FORMS = ROOT / "assets" / "starter" / "instruments"
#: The last commit before instruments: what laptops in the field run.
PREVIOUS_VERSION = "9297079"


def instrument_entry(form: Path) -> tuple[InstrumentEntry, bytes]:
    data = definition.to_bytes(conversion.convert_form(form))
    parsed = definition.from_bytes(data, form.name)
    sha = hashlib.sha256(data).hexdigest()
    entry = FileEntry(
        "instrument", f"{parsed.id}.json", sha, len(data), limits.INSTRUMENT_MEDIA_TYPE
    )
    return InstrumentEntry(parsed.id, parsed.version, entry), data


@pytest.fixture(scope="module")
def carrying() -> Manifest:
    base = Generator().catalog(120).manifest
    entries = tuple(instrument_entry(f)[0] for f in sorted(FORMS.glob("*.xlsx")))
    return dataclasses.replace(base, instruments=entries)


def test_instruments_round_trip_and_are_objects(carrying: Manifest) -> None:
    data = carrying.to_bytes()
    again = Manifest.from_bytes(data)
    assert again.instruments == carrying.instruments and len(again.instruments) == 3
    assert Manifest.from_bytes(data, validated=True).instruments == carrying.instruments
    assert again.to_bytes() == data
    shas = {e.sha256 for e in again.objects()}
    assert {i.file.sha256 for i in again.instruments} <= shas
    assert all(r.role != "instrument" for res in again.resources for r in res.files)


def test_the_parts_rebuild_the_catalog_with_its_instruments(carrying: Manifest) -> None:
    data = carrying.to_bytes()
    identity = (carrying.catalog_id, carrying.version, carrying.created, carrying.expires)
    index, files = make_index(data, bytes(64), identity)
    rebuilt = index.assemble(index.pieces(files), files)
    assert rebuilt == data
    assert b'"instruments":[' in rebuilt
    assert Manifest.from_bytes(rebuilt).instruments == carrying.instruments


def _raw(manifest: Manifest) -> dict[str, object]:
    raw: dict[str, object] = json.loads(manifest.to_bytes())
    return raw


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (lambda i: i.update(role="main"), "must have the role 'instrument'"),
        (lambda i: i.update(media_type="application/pdf"), "is not a form definition"),
        (lambda i: i.update(size=limits.MAX_INSTRUMENT_BYTES + 1), "larger than the format"),
        (lambda i: i.update(id="../x"), "invalid id"),
        (lambda i: i.pop("version"), "version"),
        (lambda i: i.update(sha256="0" * 63), "SHA-256"),
    ],
)
def test_a_broken_instrument_entry_is_refused_with_a_sentence(
    carrying: Manifest, change: object, sentence: str
) -> None:
    raw = _raw(carrying)
    instruments = raw["instruments"]
    assert isinstance(instruments, list)
    change(instruments[0])  # type: ignore[operator]
    with pytest.raises(CatalogError, match=sentence):
        Manifest.from_bytes(canonical_json(raw))


def test_twice_the_same_instrument_or_too_many_are_refused(carrying: Manifest) -> None:
    raw = _raw(carrying)
    instruments = raw["instruments"]
    assert isinstance(instruments, list)
    raw["instruments"] = [instruments[0], instruments[0]]
    with pytest.raises(CatalogError, match="twice"):
        Manifest.from_bytes(canonical_json(raw))
    raw["instruments"] = [instruments[0]] * (limits.MAX_INSTRUMENTS + 1)
    with pytest.raises(CatalogError, match="too many instruments"):
        Manifest.from_bytes(canonical_json(raw))
    raw["instruments"] = {"not": "a list"}
    with pytest.raises(CatalogError, match="not a list"):
        Manifest.from_bytes(canonical_json(raw))


def test_a_resource_cannot_smuggle_an_instrument_among_its_files(carrying: Manifest) -> None:
    raw = _raw(carrying)
    resources = raw["resources"]
    assert isinstance(resources, list)
    resources[0]["files"].append({**carrying.instruments[0].file.to_json()})
    with pytest.raises(CatalogError, match="instruments are listed apart"):
        Manifest.from_bytes(canonical_json(raw))


def test_a_laptop_of_the_previous_version_reads_a_catalog_carrying_instruments(
    carrying: Manifest, tmp_path: Path
) -> None:
    """The reader of the previous version, taken from git, parses this catalog and sees its
    resources; the instruments are simply not there for it."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", PREVIOUS_VERSION, "resources_index"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the previous version is not in this checkout's history")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp_path / "previous", filter="data")
    catalog = tmp_path / "catalog.json"
    catalog.write_bytes(carrying.to_bytes())
    script = (
        "import sys; from pathlib import Path\n"
        "import resources_index\n"
        "assert str(Path(resources_index.__file__).parent).startswith(sys.argv[2])\n"
        "from resources_index.catalog.model import Manifest\n"
        "m = Manifest.from_bytes(Path(sys.argv[1]).read_bytes())\n"
        "print(len(m.resources), len(list(m.objects())), hasattr(m, 'instruments'))\n"
    )
    previous = str(tmp_path / "previous")
    done = subprocess.run(
        [sys.executable, "-c", script, str(catalog), previous],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": previous, "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    resources, objects, knows = done.stdout.split()
    assert int(resources) == len(carrying.resources)
    assert int(objects) == len(list(carrying.objects())) - len(carrying.instruments)
    assert knows == "False"


def test_the_kept_parsed_copy_keeps_the_instruments(carrying: Manifest, tmp_path: Path) -> None:
    from resources_index.library import snapshot

    snapshot.save(tmp_path, "a" * 64, carrying)
    kept = snapshot.load(tmp_path, "a" * 64)
    assert kept is not None and kept.instruments == carrying.instruments
    assert kept.to_bytes() == carrying.to_bytes()
