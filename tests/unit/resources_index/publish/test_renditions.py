"""Office documents get a PDF rendition at publish time (real LibreOffice, headless), signed in
the catalog beside the original, so a laptop without Office shows, searches by page and prints
every document; without LibreOffice the original is published alone, with a warning."""

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import load_public_key
from resources_index.config import paths
from resources_index.errors import CatalogError, PublishError
from resources_index.library.library import Library
from resources_index.publish import renditions
from resources_index.publish.publisher import publish
from resources_index.search.library_search import LibrarySearch
from tests.helpers.documents import make_docx, make_pdf, make_pptx
from tests.helpers.manifests import read_manifest

#: The roles a program from before renditions accepts among a resource's files.
OLDER_ROLES = {"main", "captions", "thumbnail", "text"}
LONG = "The family network meets every week to review the plan together. " * 30


@pytest.fixture
def soffice() -> Path:
    found = renditions.find_libreoffice()
    assert found is not None, (
        "LibreOffice is needed for these tests: scripts/setup.sh test installs it"
        " (libreoffice-writer-nogui, libreoffice-impress-nogui)"
    )
    return found


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty rendition cache: every document is rendered by LibreOffice in this test."""
    cache = tmp_path / "rendition-cache"
    monkeypatch.setenv(paths.RENDITIONS_ENV, str(cache))
    return cache


def office_folder(folder: Path, soffice: Path) -> Path:
    """A team folder of Word, PowerPoint and OpenDocument files (the ODT and ODP made from
    the others by LibreOffice, as a team saving from LibreOffice has them), and a PDF."""
    make_docx(
        folder / "worksheets" / "Family Meeting Guide.docx",
        "Family meeting guide",
        {
            "Before the meeting": LONG,
            "During the meeting": LONG,
            "Afterwards": "Write the zebraquartz summary and share it with everyone.",
        },
    )
    make_pptx(
        folder / "decks" / "overview.pptx",
        [("Welcome", "Why we meet"), ("Mapping", "What are we worried about"), ("Goals", "Next")],
        notes="Speaker notes: ask about the goals.",
    )
    spare = folder.parent / "spare"
    make_docx(spare / "planilla.docx", None, {"Planilla": "Hoja de trabajo de la familia."})
    make_pptx(spare / "charla.pptx", [("Charla", "Diapositiva uno"), ("Dos", "Segunda")])
    for name, kind in (("planilla.docx", "odt"), ("charla.pptx", "odp")):
        subprocess.run(
            [
                str(soffice),
                f"-env:UserInstallation={(spare / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                kind,
                "--outdir",
                str(folder / "open"),
                str(spare / name),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    make_pdf(folder / "tip.pdf", ["A PDF is shown as it is."], title="Tip")
    return folder


def manifest_json(out: Path) -> dict:
    envelope = json.loads((out / "catalog.json").read_bytes())
    return json.loads(base64.b64decode(envelope["manifest"]))


def pages_of(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def test_office_documents_get_a_signed_pdf_rendition_that_laptops_show_by_page(
    tmp_path: Path, keys: tuple[Path, Path], soffice: Path, fresh_cache: Path
) -> None:
    source = office_folder(tmp_path / "team", soffice)
    out = tmp_path / "www"
    report = publish(source, out, keys[0], catalog_id="test-catalog")
    assert report.errors == [] and report.warnings == []
    manifest = read_manifest(out, keys[1])
    shown = {r.id: r.shown for r in manifest.resources}
    assert {rid: entry.role for rid, entry in shown.items()} == {
        "worksheets-family-meeting-guide": "rendition",
        "decks-overview": "rendition",
        "open-planilla": "rendition",
        "open-charla": "rendition",
        "tip": "main",  # a PDF is its own
    }
    guide = manifest.by_id["worksheets-family-meeting-guide"]
    assert guide.main.name == "Family Meeting Guide.docx"
    assert guide.shown.name == "Family Meeting Guide.pdf"
    assert guide.shown.media_type == "application/pdf"
    assert manifest.by_id["open-planilla"].main.media_type == limits.MEDIA_TYPES[".odt"]
    # Each rendition is a real PDF, named in the signed manifest by its SHA-256.
    library = Library(tmp_path / "laptop")
    library.import_bundle(out, [load_public_key(keys[1])])
    assert library.verify() == []
    for rid, pages in (("decks-overview", 3), ("open-charla", 2), ("open-planilla", 1)):
        assert pages_of(library.object_path(manifest.by_id[rid].shown.sha256)) == pages
    guide_pages = pages_of(library.object_path(guide.shown.sha256))
    assert guide_pages >= 2  # the long sections run over more than one page

    # A Word document has no pages of its own: its text is the rendition's, page by page,
    # so a hit names the page the words are on in the PDF the laptop shows.
    search = LibrarySearch(library)
    rows, _ = search.search("zebraquartz")
    assert [r.resource.id for r in rows] == ["worksheets-family-meeting-guide"]
    assert rows[0].location == {"page": guide_pages}
    rows, _ = search.search("ask about the goals")  # a deck keeps its speaker notes
    assert rows[0].resource.id == "decks-overview" and rows[0].location == {"slide": 3}
    rows, _ = search.search("segunda diapositiva")
    assert rows and rows[0].resource.id == "open-charla"
    search.close()
    library.close()


def test_renditions_are_listed_apart_so_older_laptops_still_read_the_catalog(
    tmp_path: Path, keys: tuple[Path, Path], soffice: Path
) -> None:
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text of the guide."})
    out = tmp_path / "www"
    publish(source, out, keys[0], catalog_id="test-catalog")
    raw = manifest_json(out)
    roles = {f["role"] for r in raw["resources"] for f in r["files"]}
    assert roles <= OLDER_ROLES  # nothing a program from before renditions refuses
    assert [(r["resource_id"], r["role"], r["name"]) for r in raw["renditions"]] == [
        ("guide", "rendition", "guide.pdf")
    ]
    older_view = Manifest.from_bytes(
        json.dumps({k: v for k, v in raw.items() if k != "renditions"}).encode()
    )
    assert older_view.by_id["guide"].shown.role == "main"
    # The parsed form writes the same JSON again (what is signed is what is read).
    assert Manifest.from_bytes(json.dumps(raw).encode()).to_json() == raw
    assert Manifest.from_bytes(json.dumps(raw).encode(), validated=True).to_json() == raw


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (lambda raw: raw["renditions"].append(dict(raw["renditions"][0])), "two renditions"),
        (lambda raw: raw["renditions"][0].update(resource_id="nobody"), "lacks: 'nobody'"),
        (lambda raw: raw["renditions"][0].update(resource_id="tip"), "not an office document"),
        (lambda raw: raw["renditions"][0].update(media_type="text/html"), "is not a PDF"),
        (lambda raw: raw["renditions"][0].update(role="main"), "role 'rendition'"),
        (lambda raw: raw["renditions"][0].update(name="../../x.pdf"), "rendition"),
        (lambda raw: raw.update(renditions={"guide": 1}), "renditions are not a list"),
        (
            lambda raw: raw["resources"][0]["files"].append(dict(raw["renditions"][0])),
            "lists a rendition among its files",
        ),
    ],
)
def test_a_tampered_rendition_list_is_refused_with_a_sentence(
    tmp_path: Path, keys: tuple[Path, Path], soffice: Path, change, refusal: str
) -> None:
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text of the guide."})
    make_pdf(source / "tip.pdf", ["A tip."])
    publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    raw = manifest_json(tmp_path / "www")
    assert raw["resources"][0]["id"] == "guide"
    Manifest.from_bytes(json.dumps(raw).encode())  # as published: read
    change(raw)
    with pytest.raises(CatalogError, match=refusal):
        Manifest.from_bytes(json.dumps(raw).encode())


def test_an_unchanged_document_keeps_its_rendition_so_laptops_fetch_nothing_again(
    tmp_path: Path, keys: tuple[Path, Path], soffice: Path, fresh_cache: Path
) -> None:
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text of the guide."})
    make_docx(source / "other.docx", "Other", {"Part": "Another guide."})
    first = publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    before = read_manifest(tmp_path / "www", keys[1])
    again = publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    assert not again.changed and again.version == first.version
    # A changed document gets a new rendition; the other keeps its own.
    make_docx(source / "other.docx", "Other", {"Part": "Another guide, revised."})
    publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    after = read_manifest(tmp_path / "www", keys[1])
    assert after.by_id["guide"].shown == before.by_id["guide"].shown
    assert after.by_id["other"].shown.sha256 != before.by_id["other"].shown.sha256
    # Published afresh into a new folder (a new server), the publisher's cache gives the
    # same renditions: LibreOffice would stamp new dates into new ones.
    publish(source, tmp_path / "new-www", keys[0], catalog_id="test-catalog")
    fresh = read_manifest(tmp_path / "new-www", keys[1])
    assert [r.shown for r in fresh.resources] == [r.shown for r in after.resources]
    assert len(list(fresh_cache.glob("*.pdf"))) == 3  # guide, other, other revised


def test_without_libreoffice_the_original_is_published_alone_with_one_warning(
    tmp_path: Path,
    keys: tuple[Path, Path],
    fresh_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text of the zebraquartz guide."})
    make_pptx(source / "deck.pptx", [("One", "First slide")])
    make_pdf(source / "tip.pdf", ["A tip."])
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    monkeypatch.setattr(renditions, "USUAL_PLACES", ())
    report = publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    assert report.errors == []
    [warning] = report.warnings
    assert "LibreOffice was not found, so 2 Word, PowerPoint or OpenDocument files" in warning
    assert "libreoffice-writer-nogui" in warning and "--libreoffice" in warning
    manifest = read_manifest(tmp_path / "www", keys[1])
    assert [r.shown.role for r in manifest.resources] == ["main", "main", "main"]
    assert "renditions" not in manifest_json(tmp_path / "www")
    library = Library(tmp_path / "laptop")
    library.import_bundle(tmp_path / "www", [load_public_key(keys[1])])
    rows, _ = LibrarySearch(library).search("zebraquartz")  # searchable all the same
    assert [r.resource.id for r in rows] == ["guide"] and rows[0].location is None  # no pages
    library.close()
    # A program named that is not there is an error before anything is published.
    with pytest.raises(PublishError, match="LibreOffice was not found at '/opt/nothing/soffice'"):
        publish(
            source, tmp_path / "www2", keys[0], catalog_id="c", libreoffice="/opt/nothing/soffice"
        )
    assert not (tmp_path / "www2").exists()
    # Turned off on purpose: no warning at all.
    quiet = publish(source, tmp_path / "www3", keys[0], catalog_id="c", renditions=False)
    assert quiet.warnings == []


def fake_office(folder: Path, script: str) -> Path:
    """A stand-in for LibreOffice that fails as a broken install does (the real program
    cannot be made to fail on demand)."""
    program = folder / "soffice"
    program.parent.mkdir(parents=True, exist_ok=True)
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    return program


@pytest.mark.parametrize(
    ("script", "sentence"),
    [
        ("echo 'Error: source file could not be loaded' >&2; exit 1", "could not be loaded"),
        ("exit 0", "LibreOffice could not make a PDF copy; published without one"),
        ("sleep 30", "took longer than 1 seconds"),
    ],
)
def test_a_document_libreoffice_fails_on_is_published_without_a_copy_and_named(
    tmp_path: Path,
    keys: tuple[Path, Path],
    fresh_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
    sentence: str,
) -> None:
    monkeypatch.setattr(renditions, "RENDER_TIMEOUT", 1)
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text."})
    program = fake_office(tmp_path / "bin", script)
    report = publish(source, tmp_path / "www", keys[0], catalog_id="c", libreoffice=str(program))
    assert report.errors == [] and len(report.warnings) == 1
    assert report.warnings[0].startswith("guide.docx: ") and sentence in report.warnings[0]
    assert read_manifest(tmp_path / "www", keys[1]).by_id["guide"].shown.role == "main"
    assert not list(fresh_cache.glob("*")), "a failure is not kept as a rendition"


def test_the_command_line_names_libreoffice_or_leaves_renditions_out(
    tmp_path: Path, keys: tuple[Path, Path], soffice: Path, fresh_cache: Path
) -> None:
    from resources_index.cli.main import main

    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text of the guide."})
    out = tmp_path / "www"
    common = ["publish", str(source), str(out), "--key", str(keys[0])]
    assert main([*common, "--no-renditions"]) == 0
    assert "renditions" not in manifest_json(out)
    assert main([*common, "--libreoffice", shutil.which("soffice") or str(soffice)]) == 0
    assert [r["name"] for r in manifest_json(out)["renditions"]] == ["guide.pdf"]
