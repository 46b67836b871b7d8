"""An object damaged in OUT (same size, other bytes: a disk error, a half-finished upload tool,
a person's edit) is never linked into the next catalog: it is written again from the source,
whether the catalog changed or not, and the publisher is told."""

import hashlib
import os
from pathlib import Path

from resources_index.library.store import object_relpath
from resources_index.publish.publisher import publish
from tests.helpers.manifests import read_manifest


def damage_an_object(published: Path, keys: tuple[Path, Path]) -> Path:
    """Flip one byte of the PDF's object in OUT, keeping its size and its file times."""
    manifest = read_manifest(published, keys[1])
    entry = next(e for e in manifest.objects() if e.name.endswith(".pdf"))
    path = published / object_relpath(entry.sha256)
    times = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    return path


def intact(published: Path, keys: tuple[Path, Path]) -> bool:
    manifest = read_manifest(published, keys[1])
    return all(
        hashlib.sha256((published / object_relpath(e.sha256)).read_bytes()).hexdigest() == e.sha256
        for e in manifest.objects()
    )


def test_a_publish_after_a_change_writes_a_damaged_object_again(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    damage_an_object(published, keys)
    (source / "glossary.md").write_text("# Glossary\n\nA changed definition.\n")
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert report.changed and report.objects_repaired == 1
    assert intact(published, keys)
    assert report.summary().endswith("Written again because damaged or missing in it: 1 file.")


def test_a_publish_that_changes_nothing_repairs_a_damaged_object_and_says_so(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    version = read_manifest(published, keys[1]).version
    damage_an_object(published, keys)
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not report.changed and report.version == version
    assert report.objects_repaired == 1 and intact(published, keys)
    assert not report.summary().startswith("Nothing changed")
    assert report.summary().endswith("written again there because damaged or missing: 1 file.")
    again = publish(source, published, keys[0], catalog_id="test-catalog")
    assert again.objects_repaired == 0 and again.summary().startswith("Nothing changed")
