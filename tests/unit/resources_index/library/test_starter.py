"""The starter catalog shipped in the package: complete, signed, and in step with its sources."""

from collections import Counter
from pathlib import Path

import pytest

from resources_index.catalog import vocabulary
from resources_index.catalog.model import KitItem, Manifest
from resources_index.catalog.signing import load_public_key
from resources_index.config import paths
from resources_index.library.kits import KitStore, readiness
from resources_index.library.library import Library, open_library
from resources_index.library.starter import STARTER_NOTICE
from resources_index.publish import renditions
from resources_index.publish.publisher import publish
from tests.helpers.manifests import read_manifest
from tests.helpers.starter import older_starter

ROOT = Path(__file__).resolve().parents[4]
STARTER_SOURCE = ROOT / "assets" / "starter" / "source"
STARTER_KEY = ROOT / "assets" / "starter" / "starter.key"


def test_starter_covers_every_type_and_language(starter: Library) -> None:
    manifest = starter.current()
    assert manifest is not None and len(manifest.resources) >= 40
    assert {r.type for r in manifest.resources} == set(vocabulary.RESOURCE_TYPES)
    # Sample content, published by no agency: its own publisher, with its own label.
    assert {r.publisher for r in manifest.resources} == {"sop_desktop_sample"}
    elements = {e for r in manifest.resources for e in r.practice_elements}
    named = {
        "engagement",
        "assessment",
        "teaming",
        "safety_planning",
        "three_houses",
        "safety_mapping",
        "harm_and_danger_statements",
        "safety_goals",
        "scaling_questions",
        "safety_networks",
        "safety_plans",
        "circles_of_safety_and_support",
        "solution_focused_questions",
    }
    assert named <= elements
    assert Counter(r.language for r in manifest.resources)["es"] >= 8
    kinds = {r.main.media_type for r in manifest.resources}
    assert {"application/pdf", "text/html", "video/mp4"} <= kinds
    assert any("wordprocessingml" in k for k in kinds) and any("presentationml" in k for k in kinds)
    video = next(r for r in manifest.resources if r.type == "video")
    assert sorted(c.language for c in video.captions()) == ["en", "es"]
    unknown = [r.id for r in manifest.resources if r.type not in vocabulary.RESOURCE_TYPES]
    assert unknown == []
    for resource in manifest.resources:
        for other in resource.translations:
            assert resource.id in manifest.by_id[other].translations


def test_starter_verifies(starter: Library) -> None:
    assert starter.verify() == []


def test_a_damaged_instrument_definition_is_found_by_verify(tmp_path: Path) -> None:
    """Instruments live in the object store too: ``verify`` (and so ``doctor``) hashes them."""
    library = open_library(tmp_path / "library")
    manifest = library.current()
    assert manifest is not None and manifest.instruments
    instrument = manifest.instruments[0]
    victim = library.store.path(instrument.file.sha256)
    victim.write_bytes(b"!" + victim.read_bytes()[1:])
    [problem] = library.verify()
    assert problem.title == instrument.id and problem.kind == "hash"


def test_shipped_starter_matches_its_sources(
    tmp_path: Path, starter: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rebuild from assets/starter/source: the same resources and files as the packaged copy.

    LibreOffice writes a new PDF each time, so the rebuild is given the packaged renditions as
    its rendition cache (by their document's SHA-256 and the confinement that made them), as a
    publisher's own cache gives them:
    a document that changed misses the cache, gets a new rendition, and the starter is stale."""
    current = starter.current()
    assert current is not None
    cache = tmp_path / "renditions"
    cache.mkdir()
    for resource in current.resources:
        rendition = resource.file("rendition")
        if rendition is not None:
            source = starter.object_path(rendition.sha256)
            kept = renditions.cached_rendition(cache, resource.main.sha256)
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(source.read_bytes())
    assert len(list(cache.rglob("*.pdf"))) == 9  # every Word and PowerPoint file of the starter
    monkeypatch.setenv(paths.RENDITIONS_ENV, str(cache))
    report = publish(
        STARTER_SOURCE,
        tmp_path / "rebuilt",
        STARTER_KEY,
        catalog_id="sop-starter",
        boilerplate=tuple(STARTER_NOTICE.values()),
    )
    assert report.errors == [] and report.warnings == []
    rebuilt = read_manifest(tmp_path / "rebuilt", paths.starter_catalog_dir() / "starter.pub")

    def undated(manifest: Manifest) -> list[dict[str, object]]:
        return [{**r.to_json(), "created": "", "updated": ""} for r in manifest.resources]

    assert undated(rebuilt) == undated(current) and rebuilt.kits == current.kits, (
        "the packaged starter is stale: run scripts/build_starter.py"
    )
    # The instruments' definitions too, byte for byte (their hashes), with their versions.
    assert [i.to_json() for i in rebuilt.instruments] == [i.to_json() for i in current.instruments]
    assert len(current.instruments) == 3
    # What was published is what the starter's own folders hold (make_starter_sources.py).
    for folder, pattern in (
        ("kits", "*.yaml"),
        ("instruments", "*.xlsx"),
        ("instruments", "*.yaml"),
    ):
        written = {p.name: p.read_bytes() for p in (STARTER_SOURCE.parent / folder).glob(pattern)}
        copied = {p.name: p.read_bytes() for p in (STARTER_SOURCE / folder).glob(pattern)}
        assert written and copied == written, f"run scripts/make_starter_sources.py ({folder})"


def test_starter_kits_are_ready_to_present_on_a_fresh_install(starter: Library) -> None:
    """Trainers find a session ready in the Kits tab, in English and in Spanish."""
    manifest = starter.current()
    assert manifest is not None
    kits = {kit.id: kit for kit in manifest.kits}
    assert set(kits) == {"introducing-sop", "introduccion-sop"}
    for kit in kits.values():
        assert kit.description and all(item.note for item in kit.items)
        assert readiness(starter, kit.items).ready
    languages = {manifest.by_id[i.resource_id].language for i in kits["introduccion-sop"].items}
    assert languages == {"es"}
    last = kits["introducing-sop"].items[-1]
    assert (last.resource_id, last.start) == ("safety-plan-development-guide", 2)  # of 2 pages


def test_an_updated_program_brings_its_newer_starter_and_keeps_the_users_things(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = paths.starter_catalog_dir()
    older = older_starter(tmp_path / "older-program" / "starter")
    monkeypatch.setattr(paths, "starter_catalog_dir", lambda: older)
    library = open_library(tmp_path / "library")
    before = library.current()
    assert before is not None and before.version == 1 and before.kits == ()
    assert not library.starter_outdated()
    library.state.set_favorite("three-houses-tip-sheet", True)
    mine = KitStore(library).create("Mine", [KitItem("three-houses-video", "", 10)])

    monkeypatch.setattr(paths, "starter_catalog_dir", lambda: packaged)  # the program updated
    assert library.starter_outdated()
    report = library.refresh_starter()
    after = library.current()
    assert report is not None and after is not None and after.version > 1 and after.kits
    assert library.state.favorites() == ["three-houses-tip-sheet"]
    assert KitStore(library).get(mine.id).items == [KitItem("three-houses-video", "", 10)]
    assert library.verify() == [] and not library.starter_outdated()
    assert library.refresh_starter() is None

    monkeypatch.setattr(paths, "starter_catalog_dir", lambda: older)  # the program put back
    assert library.starter_outdated()
    assert library.refresh_starter() is None  # refused as older, and passed over for good
    assert library.current().version == after.version  # type: ignore[union-attr]
    assert not library.starter_outdated()
    library.close()


def test_a_library_synced_from_a_server_never_takes_the_starter_again(
    tmp_path: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    library = open_library(tmp_path / "library")
    library.import_bundle(published, [load_public_key(keys[1])])
    assert library.current().catalog_id == "test-catalog"  # type: ignore[union-attr]
    assert not library.starter_outdated() and library.refresh_starter() is None
    library.close()
