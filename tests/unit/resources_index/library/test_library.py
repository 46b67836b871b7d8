import base64
import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.catalog.times import utc_now
from resources_index.config import paths
from resources_index.errors import (
    CatalogError,
    ExpiredError,
    LibraryError,
    ObjectError,
    RollbackError,
    SignatureError,
)
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.publish.publisher import publish
from tests.helpers.kills import install_moments, kill_when
from tests.helpers.manifests import read_manifest, reseal
from tests.helpers.trees import snapshot


def trust(keys: tuple[Path, Path]) -> list:
    return [load_public_key(keys[1])]


def installed(library: Library) -> dict[str, str]:
    return snapshot(library.root)


def test_publish_import_status_round_trip(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    report = library.import_bundle(published, trust(keys))
    assert sorted(report.added) == sorted(library.current().by_id)  # type: ignore[union-attr]
    assert report.objects_copied == len(list((published / "objects").glob("*/*")))
    status = library.status()
    assert status["resources"] == 7
    assert status["version"] == read_manifest(published, keys[1]).version
    assert status["by_language"] == {"en": 6, "es": 1}
    assert status["available_offline"] == 7 and status["not_downloaded"] == 0
    assert library.verify() == []
    again = library.import_bundle(published, trust(keys))
    assert again.already_current and again.objects_copied == 0


def test_the_trusted_key_is_remembered_for_later_opens(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    library.import_bundle(published, trust(keys))
    library.close()
    reopened = Library(library.root)
    assert reopened.current() is not None
    reopened.close()


def test_a_key_no_longer_trusted_is_not_trusted_for_the_kept_copy_either(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    settings = library.user_settings()
    settings.set("trusted_keys", [keys[1].read_text()])
    settings.save(library.root)
    library.import_bundle(published)
    library.close()
    assert Library(library.root).current() is not None  # read from the kept parsed copy
    settings.set("trusted_keys", [])  # IT withdrew the key
    settings.save(library.root)
    with pytest.raises(LibraryError, match="no longer trusts"):
        Library(library.root).current()


def refused(library: Library, folder: Path, keys: tuple[Path, Path], error: type, match: str):
    before = installed(library)
    with pytest.raises(error, match=match):
        library.import_bundle(folder, trust(keys))
    assert installed(library) == before
    assert library.verify() == []


@pytest.fixture
def seeded(library: Library, published: Path, keys: tuple[Path, Path], tmp_path: Path) -> Path:
    """The library holds the published catalog; return a copy of it to tamper with."""
    library.import_bundle(published, trust(keys))
    copy = tmp_path / "copy"
    shutil.copytree(published, copy)
    return copy


def test_tampered_manifest_is_refused(library: Library, seeded: Path, keys) -> None:
    envelope = json.loads((seeded / "catalog.json").read_bytes())
    raw = json.loads(base64.b64decode(envelope["manifest"]))
    raw["version"] = 99
    envelope["manifest"] = base64.b64encode(json.dumps(raw).encode()).decode()
    (seeded / "catalog.json").write_text(json.dumps(envelope))
    refused(library, seeded, keys, SignatureError, "altered or damaged")


def test_wrong_signature_is_refused(library: Library, seeded: Path, keys, other_keys) -> None:
    reseal(seeded, other_keys, lambda raw: raw.update(version=5))
    refused(library, seeded, keys, SignatureError, "does not trust")


def test_changed_object_is_refused(library: Library, seeded: Path, keys) -> None:
    def add_resource(raw: dict) -> None:
        raw["version"] += 1
        raw["resources"][0]["title"] = "Changed"
        raw["resources"][0]["files"][0]["sha256"] = "c" * 64

    reseal(seeded, keys, add_resource)
    changed = json.loads(
        base64.b64decode(json.loads((seeded / "catalog.json").read_bytes())["manifest"])
    )["resources"][0]["files"][0]
    target = seeded / object_relpath("c" * 64)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"x" * changed["size"])
    refused(library, seeded, keys, ObjectError, "does not match its SHA-256")


@pytest.mark.parametrize("name", ["../x", "../../etc/passwd", "/tmp/evil", "C:/evil.pdf"])
def test_unsafe_names_are_refused(library: Library, seeded: Path, keys, name: str) -> None:
    def rename(raw: dict) -> None:
        raw["version"] += 1
        raw["resources"][0]["files"][0]["name"] = name

    reseal(seeded, keys, rename)
    refused(library, seeded, keys, CatalogError, "refused")


def test_older_version_is_refused_as_rollback(
    library: Library, source: Path, published: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    old = tmp_path / "old"
    shutil.copytree(published, old)
    (source / "glossary.md").write_text("# Glossary\n\nNew.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    library.import_bundle(published, trust(keys))
    refused(library, old, keys, RollbackError, "older than version")


def test_same_version_with_other_contents_is_refused(
    library: Library, seeded: Path, keys: tuple[Path, Path]
) -> None:
    reseal(seeded, keys, lambda raw: raw["resources"][0].update(title="Sneaky"))
    refused(library, seeded, keys, RollbackError, "different contents")


def test_expired_catalog_is_refused(library: Library, seeded: Path, keys) -> None:
    def expire(raw: dict) -> None:
        raw["version"] += 1
        raw["created"] = (utc_now() - timedelta(days=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
        raw["expires"] = (utc_now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

    reseal(seeded, keys, expire)
    refused(library, seeded, keys, ExpiredError, "expired on")


def test_missing_main_file_is_allowed_and_shown_as_not_downloaded(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    video = read_manifest(published, keys[1]).by_id["intro-video"]
    (published / object_relpath(video.main.sha256)).unlink()
    report = library.import_bundle(published, trust(keys))
    assert report.not_included == ["intro.mp4"]
    status = library.status()
    assert status["not_downloaded"] == 1 and status["bytes_to_download"] == video.main.size
    assert library.verify() == []


def test_missing_text_object_refuses_the_whole_import(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    text = read_manifest(published, keys[1]).by_id["glossary"].file("text")
    assert text is not None
    (published / object_relpath(text.sha256)).unlink()
    with pytest.raises(ObjectError, match=r"lacks 'glossary\.text\.json'"):
        library.import_bundle(published, trust(keys))
    assert not library.has_catalog() and list(library.store.stored()) == []


def test_verify_reports_a_corrupt_object(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    library.import_bundle(published, trust(keys))
    resource = library.current().by_id["three-houses"]  # type: ignore[union-attr]
    path = library.object_path(resource.main.sha256)
    path.write_bytes(path.read_bytes()[:-1] + b"!")
    problems = library.verify()
    assert [p.sentence() for p in problems] == [
        "'three-houses.pdf' of 'Three Houses tip sheet' is damaged (its contents do not match)."
    ]


def test_damaged_catalog_file_in_library_is_reported_plainly(
    library: Library, published: Path, keys: tuple[Path, Path]
) -> None:
    library.import_bundle(published, trust(keys))
    library.catalog_path.write_bytes(b"{ truncated")
    with pytest.raises(LibraryError, match="catalog file is damaged"):
        library.current()


def test_starter_key_is_refused_from_outside(library: Library, tmp_path: Path) -> None:
    copy = tmp_path / "usb-drive"
    shutil.copytree(paths.starter_catalog_dir(), copy)
    with pytest.raises(SignatureError, match="does not trust"):
        library.import_bundle(copy)
    with pytest.raises(SignatureError, match="only for the catalog shipped"):
        library.import_bundle(copy, [load_public_key(paths.starter_catalog_dir() / "starter.pub")])
    assert not library.has_catalog()


def test_starter_installs_into_an_empty_library(library: Library) -> None:
    assert library.ensure_starter()
    assert library.status()["resources"] >= 40
    assert not library.ensure_starter()


@pytest.mark.slow
def test_import_killed_at_many_points_never_leaves_a_broken_library(
    tmp_path: Path, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    """SIGKILL imports of version 2 over version 1 at moments seen on disk: each library must
    hold 1 (killed while copying) or 2 (killed after the switch), intact; both are seen."""
    base = tmp_path / "base"
    first = Library(base)
    first.import_bundle(published, trust(keys))
    first.close()
    with (source / "extra.mp4").open("wb") as handle:
        handle.write(os.urandom(40 * 1024 * 1024))
    versions = (
        read_manifest(published, keys[1]).version,  # what the base library holds
        publish(source, published, keys[0], catalog_id="test-catalog").version,
    )

    def start(root: Path) -> subprocess.Popen[bytes]:
        shutil.copytree(base, root)
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "resources_index.cli",
                "--data-dir",
                str(root),
                "import-bundle",
                str(published),
                "--trust",
                str(keys[1]),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    through = [8, 20, 36]  # megabytes of the 40 MB file copied
    outcomes = []
    for number in range(len(through) + 2):
        root = tmp_path / f"killed-{number}"
        process = start(root)
        kill_when(process, install_moments(root, "tmp", through)[number])
        check = Library(root)
        manifest = check.current()
        assert manifest is not None and manifest.version in versions
        assert check.verify() == []
        outcomes.append(manifest.version)
        check.close()
    # Killed as copying began: the old catalog; after the switch: the new one. The moments
    # between may come after the last byte on a fast disk; either catalog is then right.
    assert outcomes[0] == versions[0] and outcomes[-1] == versions[1], outcomes
