"""Office documents get a PDF rendition at publish time (real LibreOffice, headless), signed in
the catalog beside the original, so a laptop without Office shows, searches by page and prints
every document; without LibreOffice the original is published alone, with a warning."""

import base64
import http.server
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import load_public_key
from resources_index.config import paths
from resources_index.errors import CatalogError, PublishError
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.publish import office_package, renditions
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


def image_sizes(path: Path) -> list[tuple[int, int]]:
    """The size in pixels of every picture the pages of a PDF show."""
    document = pdfium.PdfDocument(path)
    try:
        sizes = []
        for page in document:
            for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                bitmap = item.get_bitmap()
                sizes.append((bitmap.width, bitmap.height))
        return sizes
    finally:
        document.close()


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


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
    assert len(list(fresh_cache.rglob("*.pdf"))) == 3  # guide, other, other revised


def test_a_rendition_made_by_an_older_confinement_is_made_again_never_reused(
    tmp_path: Path,
    keys: tuple[Path, Path],
    soffice: Path,
    fresh_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rendition from before LibreOffice was confined may hold a picture it fetched or a
    file of the publisher's machine: neither the cache (keyed by the document's SHA-256 alone
    then) nor the previous catalog gives it to the next publish."""
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text of the guide."})
    sha = limits_sha(source / "guide.docx")
    stale = tmp_path / "stale.pdf"
    make_pdf(stale, ["STALESECRET picture of the publisher's machine"], title="Stale")
    older = renditions.CONFINEMENT_VERSION - 1
    (fresh_cache / f"confined-{older}").mkdir(parents=True)
    shutil.copyfile(stale, fresh_cache / f"{sha}.pdf")  # the cache as it was keyed before
    shutil.copyfile(stale, fresh_cache / f"confined-{older}" / f"{sha}.pdf")
    monkeypatch.setattr(renditions, "CONFINEMENT_VERSION", older)
    publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    before = read_manifest(tmp_path / "www", keys[1]).by_id["guide"].shown
    held = tmp_path / "www" / object_relpath(before.sha256)
    assert "STALESECRET" in pdf_text(held)  # the older publish used its own cache
    monkeypatch.undo()
    monkeypatch.setenv(paths.RENDITIONS_ENV, str(fresh_cache))
    publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    after = read_manifest(tmp_path / "www", keys[1]).by_id["guide"].shown
    assert after.sha256 != before.sha256
    text = pdf_text(tmp_path / "www" / object_relpath(after.sha256))
    assert "STALESECRET" not in text and "Text of the guide." in text
    made = renditions.cached_rendition(fresh_cache, sha)
    assert made.is_file() and made.parent.name == f"confined-{renditions.CONFINEMENT_VERSION}"


def limits_sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


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


# -- LibreOffice reads only the document --------------------------------------------------------


class _Capture(http.server.BaseHTTPRequestHandler):
    """Records every request: a linked picture fetched at publish time is a beacon."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.end_headers()
        self.wfile.write(_Capture.picture)

    do_HEAD = do_GET
    do_PROPFIND = do_GET
    picture: ClassVar[bytes] = b""

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def capture() -> Iterator[tuple[str, list[str]]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    _Capture.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Capture.seen
    finally:
        server.shutdown()
        server.server_close()


SECRET_SIZE = (96, 96)


def secret_picture(path: Path) -> bytes:
    """A JPEG of noise (a PDF keeps a JPEG's bytes as they are), and a run of its bytes that
    would be found in any file that embedded it."""
    from PIL import Image

    Image.frombytes("RGB", SECRET_SIZE, os.urandom(96 * 96 * 3)).save(path, "JPEG", quality=90)
    data = path.read_bytes()
    return data[len(data) // 2 : len(data) // 2 + 48]


def docx_linking(path: Path, address: str, picture: Path) -> Path:
    """A Word document whose picture is linked, not held: Word's own form (``r:link`` and
    an external relationship)."""
    document = docx.Document()
    document.add_paragraph("A linked picture follows.")
    document.add_picture(str(picture))
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    rel_id = re.search(r'Id="(rId\d+)"[^>]*Target="media/', rels) or re.search(
        r'Target="media/[^"]*"[^>]*Id="(rId\d+)"', rels
    )
    assert rel_id is not None
    rels = re.sub(
        r'(<Relationship[^>]*Id="' + rel_id.group(1) + r'"[^>]*?)Target="media/[^"]*"',
        rf'\1Target="{address}" TargetMode="External"',
        rels,
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        f'r:embed="{rel_id.group(1)}"'.encode(), f'r:link="{rel_id.group(1)}"'.encode()
    )
    parts = {name: data for name, data in parts.items() if not name.startswith("word/media/")}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2">
<office:body><office:text><text:p>A linked picture follows.</text:p>
<text:p><draw:frame draw:name="picture" text:anchor-type="as-char" svg:width="4cm"
 svg:height="4cm"><draw:image xlink:href="{address}" xlink:type="simple" xlink:show="embed"
 xlink:actuate="onLoad"/></draw:frame></text:p>
<text:p><text:a xlink:type="simple" xlink:href="https://www.cdss.ca.gov/">CDSS</text:a></text:p>
<text:section text:name="linked"><text:section-source xlink:href="{section}"
 xlink:type="simple" text:filter-name="Text"/><text:p>-</text:p></text:section>
</office:text></office:body></office:document-content>
"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="{media}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def odt_linking(path: Path, address: str, section: str = "") -> Path:
    """An OpenDocument text whose picture is a link (``xlink:href``), as LibreOffice saves
    one inserted with "Link" ticked."""
    media = "application/vnd.oasis.opendocument.text"
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", media, compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", ODT_CONTENT.format(address=address, section=section))
        package.writestr("META-INF/manifest.xml", ODT_MANIFEST.format(media=media))
    return path


def test_libreoffice_loads_nothing_but_the_document_neither_an_address_nor_a_file(
    tmp_path: Path,
    keys: tuple[Path, Path],
    soffice: Path,
    fresh_cache: Path,
    capture: tuple[str, list[str]],
) -> None:
    address, seen = capture
    secret = tmp_path / "private" / "secret.jpg"  # outside the team's folder
    secret.parent.mkdir()
    marker = secret_picture(secret)
    words = tmp_path / "private" / "case-notes.txt"
    words.write_text("Zorblatt family case notes, never to be published.\n")
    _Capture.picture = secret.read_bytes()
    source = tmp_path / "team"
    docx_linking(source / "beacon-word.docx", f"{address}/docx.jpg", secret)
    docx_linking(source / "local-word.docx", secret.as_uri(), secret)
    odt_linking(source / "beacon-open.odt", f"{address}/odt.jpg")
    odt_linking(source / "local-open.odt", secret.as_uri(), words.as_uri())
    odt_linking(source / "above-open.odt", "../../private/secret.jpg")
    out = tmp_path / "www"
    report = publish(source, out, keys[0], catalog_id="test-catalog")
    assert report.errors == [] and report.warnings == []
    manifest = read_manifest(out, keys[1])
    assert {r.shown.role for r in manifest.resources} == {"rendition"}  # all five rendered
    assert seen == []  # not one request left the machine
    for path in [*out.rglob("*"), *fresh_cache.rglob("*")]:
        if path.is_file():
            held = path.read_bytes()
            assert marker not in held and b"Zorblatt" not in held, path
    for resource in manifest.resources:  # LibreOffice re-encodes pictures: by their size
        rendition = out / object_relpath(resource.shown.sha256)
        assert SECRET_SIZE not in image_sizes(rendition), resource.id
        assert "Zorblatt" not in pdf_text(rendition)
    # The links a reader clicks stay: the PDF still carries the hyperlink.
    shown = manifest.by_id["beacon-open"].shown
    assert b"https://www.cdss.ca.gov/" in (out / object_relpath(shown.sha256)).read_bytes()


def test_the_copy_libreoffice_renders_keeps_hyperlinks_and_drops_every_other_link(
    tmp_path: Path,
) -> None:
    picture = tmp_path / "p.jpg"
    secret_picture(picture)
    original = docx_linking(tmp_path / "a.docx", "file:///etc/passwd", picture)
    with zipfile.ZipFile(original, "a") as package:
        package.writestr(
            "word/_rels/extra.xml.rels",
            '<Relationships><Relationship Id="h" Type="http://x/relationships/hyperlink"'
            ' Target="https://www.cdss.ca.gov/" TargetMode="External"/></Relationships>',
        )
    copy = tmp_path / "copy.docx"
    assert office_package.copy_without_links(original, copy) == 1
    with zipfile.ZipFile(copy) as package:
        every = b"".join(package.read(name) for name in package.namelist())
    assert b"/etc/passwd" not in every and b"https://www.cdss.ca.gov/" in every
    odt = odt_linking(tmp_path / "b.odt", "file:///etc/passwd")
    assert office_package.copy_without_links(odt, tmp_path / "copy.odt") == 1
    with zipfile.ZipFile(tmp_path / "copy.odt") as package:
        content = package.read("content.xml")
    assert b"/etc/passwd" not in content and b"https://www.cdss.ca.gov/" in content


@pytest.mark.parametrize(
    "href",
    [
        "http://x/a.png",
        "FILE:///etc/passwd",
        "&#x66;ile:///etc/passwd",
        "../../x.png",
        "Pictures/..%2F..%2Fx.png",
        "/etc/passwd",
        "vnd.sun.star.expand:$X",
    ],
)
def test_every_form_of_an_outward_odf_link_is_dropped(tmp_path: Path, href: str) -> None:
    odt = odt_linking(tmp_path / "b.odt", href)
    assert office_package.copy_without_links(odt, tmp_path / "copy.odt") == 1


@pytest.mark.parametrize(
    "script",
    [
        # LibreOffice's launcher starts the real program, which goes on after a time-out.
        'sh -c "sleep 3; echo late > {late}" & sleep 30',
        # ... or after the launcher has ended (a failure, no PDF).
        'sh -c "sleep 3; echo late > {late}" & exit 1',
        # ... or in a session of its own, its parent still there ...
        'setsid sh -c "sleep 3; echo late > {late}" & sleep 30',
        # ... or orphaned too, as a daemon leaves (a double fork and setsid).
        '( setsid sh -c "sleep 3; echo late > {late}" & ) ; sleep 30',
    ],
)
def test_libreoffice_s_whole_process_tree_is_ended_and_writes_nothing_after_publish(
    tmp_path: Path,
    keys: tuple[Path, Path],
    fresh_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
) -> None:
    monkeypatch.setattr(renditions, "RENDER_TIMEOUT", 1)
    late = tmp_path / "beside-out.txt"
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text."})
    program = fake_office(tmp_path / "bin", script.format(late=late))
    report = publish(source, tmp_path / "www", keys[0], catalog_id="c", libreoffice=str(program))
    assert len(report.warnings) == 1 and report.warnings[0].startswith("guide.docx: ")
    time.sleep(4)  # the child would have written by now
    assert not late.exists()
    alive = subprocess.run(["pgrep", "-f", str(late)], capture_output=True, check=False)
    assert alive.stdout == b""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_publish_ended_by_sigterm_or_sighup_ends_libreoffice_s_whole_tree(
    tmp_path: Path, keys: tuple[Path, Path], fresh_cache: Path, signum: int
) -> None:
    """``timeout``, systemd, a CI runner or a closed terminal end publishing with SIGTERM or
    SIGHUP mid-render: nothing of LibreOffice's tree (in a session of its own) goes on."""
    late, started = tmp_path / "beside-out.txt", tmp_path / "started"
    source = tmp_path / "team"
    make_docx(source / "guide.docx", "Guide", {"Part": "Text."})
    program = fake_office(
        tmp_path / "bin", f'sh -c "sleep 5; echo late > {late}" & touch {started}; sleep 60'
    )
    env = {**os.environ, paths.RENDITIONS_ENV: str(fresh_cache)}
    command = [sys.executable, "-m", "resources_index.cli.main", "publish", str(source)]
    command += [str(tmp_path / "www"), "--key", str(keys[0]), "--libreoffice", str(program)]
    publishing = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert started.exists(), "the stand-in LibreOffice never started"
        publishing.send_signal(signum)
        _, stderr = publishing.communicate(timeout=30)
    finally:
        publishing.kill()
    assert publishing.returncode == 130 and b"Traceback" not in stderr, stderr
    alive = subprocess.run(["pgrep", "-f", str(late)], capture_output=True, check=False)
    assert alive.stdout == b""
    time.sleep(6)  # the child would have written by now
    assert not late.exists()


def _publishing_in_a_process(
    tmp_path: Path, keys: tuple[Path, Path], cache: Path, program: Path
) -> subprocess.Popen[bytes]:
    env = {**os.environ, paths.RENDITIONS_ENV: str(cache)}
    command = [sys.executable, "-m", "resources_index.cli.main", "publish", str(tmp_path / "team")]
    command += [str(tmp_path / "www"), "--key", str(keys[0]), "--libreoffice", str(program)]
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, start_new_session=True)


def _wait_for(path: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return path.exists()


@pytest.mark.parametrize(
    "child",
    [
        'sh -c "sleep 6; echo late > {late}" &',  # the real program, as soffice.bin is
        'setsid sh -c "sleep 6; echo late > {late}" &',  # in a session of its own
        '( setsid sh -c "sleep 6; echo late > {late}" & ) ;',  # orphaned, as a daemon
    ],
)
def test_publish_killed_outright_takes_libreoffice_s_whole_tree_with_it(
    tmp_path: Path, keys: tuple[Path, Path], fresh_cache: Path, child: str
) -> None:
    """``kill -9`` of publishing mid-render (no handler runs): LibreOffice's launcher, the
    program it started and anything that program left behind end with it, so nothing is
    written afterwards; the working folder left beside OUT is cleared by the next publish."""
    from resources_index.publish import soffice_sandbox

    if "--pid" not in soffice_sandbox.isolation():
        pytest.skip("this machine allows no PID namespace: only the launcher dies with publish")
    late, started = tmp_path / "beside-out.txt", tmp_path / "started"
    make_docx(tmp_path / "team" / "guide.docx", "Guide", {"Part": "Text."})
    script = f"{child.format(late=late)} touch {started}; sleep 60"
    publishing = _publishing_in_a_process(
        tmp_path, keys, fresh_cache, fake_office(tmp_path / "bin", script)
    )
    try:
        assert _wait_for(started, 60), "the stand-in LibreOffice never started"
        publishing.kill()
        publishing.wait(timeout=30)
    finally:
        publishing.kill()
    left = tmp_path / ".www.index"
    assert left.is_dir(), "a killed publish cannot clear its working folder"
    deadline = time.monotonic() + 3  # well before the child would write
    while time.monotonic() < deadline:
        alive = subprocess.run(["pgrep", "-f", str(late)], capture_output=True, check=False)
        if alive.stdout == b"":
            break
        time.sleep(0.1)
    assert alive.stdout == b"", "a part of LibreOffice outlived publishing"
    time.sleep(7)  # the child would have written by now
    assert not late.exists()
    # The next publish starts from a clean working folder and leaves none behind.
    (left / "renditions" / "stale.pdf").parent.mkdir(parents=True, exist_ok=True)
    (left / "renditions" / "stale.pdf").write_bytes(b"%PDF- left by the killed run")
    report = publish(tmp_path / "team", tmp_path / "www", keys[0], catalog_id="c", renditions=False)
    assert report.changed and report.errors == []
    assert not left.exists() and not (tmp_path / ".www.publishing").exists()
    assert read_manifest(tmp_path / "www", keys[1]).by_id["guide"].shown.role == "main"


def test_libreoffice_runs_without_a_network_where_the_machine_allows_it() -> None:
    from resources_index.publish import soffice_sandbox

    prefix = soffice_sandbox.isolation()
    if not prefix:
        pytest.skip("this machine allows no network namespace: the profile is the bound")
    listed = subprocess.run([*prefix, "cat", "/proc/net/dev"], capture_output=True, check=True)
    interfaces = [line.split(b":")[0].strip() for line in listed.stdout.splitlines()[2:]]
    assert interfaces == [b"lo"]


def test_the_private_profile_never_updates_links_and_sends_requests_nowhere(
    tmp_path: Path,
) -> None:
    from resources_index.publish import soffice_sandbox

    soffice_sandbox.write_profile(tmp_path)
    written = (tmp_path / "user" / "registrymodifications.xcu").read_text()
    assert '<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true' in written
    assert (
        'oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link"' in written
    )
    before = (tmp_path / "user" / "registrymodifications.xcu").stat().st_mtime_ns
    soffice_sandbox.write_profile(tmp_path)  # held already: left as LibreOffice keeps it
    assert (tmp_path / "user" / "registrymodifications.xcu").stat().st_mtime_ns == before


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from([".docx", ".odt"]),
    cut=st.integers(min_value=0, max_value=4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(1, 255)), max_size=4),
    noise=st.binary(max_size=64),
)
def test_a_damaged_package_is_refused_with_a_sentence_and_never_half_rendered(
    tmp_path: Path, suffix: str, cut: int, flips: list[tuple[int, int]], noise: bytes
) -> None:
    """Any damage to a real package: refused by name (``ExtractError``), or read whole."""
    from resources_index.errors import ResourcesError

    folder = tmp_path / secrets.token_hex(4)
    picture = tmp_path / "p.jpg"
    if not picture.exists():
        secret_picture(picture)
    made = (
        docx_linking(folder / "a.docx", "http://127.0.0.1:9/x.jpg", picture)
        if suffix == ".docx"
        else odt_linking(folder / "a.odt", "file:///etc/passwd")
    )
    data = bytearray(made.read_bytes()[: cut or None]) + noise
    for at, value in flips:
        if at < len(data):
            data[at] ^= value
    made.write_bytes(bytes(data))
    for step in (
        lambda: office_package.check_package(made),
        lambda: office_package.copy_without_links(made, folder / f"copy{suffix}"),
    ):
        try:
            step()
        except ResourcesError as exc:
            assert made.name in str(exc)
    copy = folder / f"copy{suffix}"
    if copy.exists():  # read whole: no outward link left in it
        with zipfile.ZipFile(copy) as package:
            every = b"".join(package.read(name) for name in package.namelist())
        assert b"127.0.0.1:9" not in every and b"/etc/passwd" not in every


def _link_forms(folder: Path, address: str, picture: Path) -> list[Path]:
    """Outward links written in forms XML allows and a pattern misses: a '>' inside an
    earlier attribute value, a default namespace instead of a prefix, a relationship with an
    extra attribute holding '>'."""
    image = 'xlink:href="{a}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
    forms = {
        "gt-attr.odt": '<draw:image xmlns:foo="urn:foo" foo:x=">" ' + image,
        "default-ns.odt": '<image xmlns="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        + image,
    }
    made = []
    for name, tag in forms.items():
        path = odt_linking(folder / name, address)
        with zipfile.ZipFile(path) as package:
            parts = {info.filename: package.read(info) for info in package.infolist()}
        content = parts["content.xml"].decode()
        content = re.sub(r"<draw:image [^/]*/>", tag.format(a=address), content)
        with zipfile.ZipFile(path, "w") as package:
            for part, data in parts.items():
                package.writestr(part, content if part == "content.xml" else data)
        made.append(path)
    word = docx_linking(folder / "gt-rel.docx", address, picture)
    with zipfile.ZipFile(word) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace('TargetMode="External"', 'xmlns:q="urn:q" q:x=">" TargetMode="External"')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    with zipfile.ZipFile(word, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in parts.items():
            package.writestr(part, data)
    return [*made, word]


def test_links_in_any_xml_form_are_removed_so_even_a_plain_libreoffice_fetches_nothing(
    tmp_path: Path, soffice: Path, capture: tuple[str, list[str]]
) -> None:
    """The removal alone stops the fetch: rendered with LibreOffice's ordinary settings (no
    private profile), the copies ask the capture server for nothing, while the originals do."""
    address, seen = capture
    secret = tmp_path / "private" / "secret.jpg"
    secret.parent.mkdir()
    secret_picture(secret)
    _Capture.picture = secret.read_bytes()
    originals = _link_forms(tmp_path / "team", f"{address}/beacon.jpg", secret)
    copies = tmp_path / "copies"
    copies.mkdir()
    for original in originals:
        assert office_package.copy_without_links(original, copies / original.name) == 1

    def render(paths: list[Path], outdir: Path) -> None:
        subprocess.run(
            [
                str(soffice),
                f"-env:UserInstallation={(tmp_path / 'plain-profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, paths),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )

    render(sorted(copies.iterdir()), tmp_path / "pdf")
    assert seen == []
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) == 3
    for pdf in (tmp_path / "pdf").glob("*.pdf"):
        assert SECRET_SIZE not in image_sizes(pdf), pdf.name
    render(originals, tmp_path / "original-pdf")
    assert seen, "a plain LibreOffice fetches the originals' pictures: the test can fail"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.dictionaries(
        st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.text(max_size=20), max_size=3
    ),
    default_namespace=st.booleans(),
)
def test_an_odf_picture_link_is_removed_whatever_its_other_attributes(
    tmp_path: Path, before: dict[str, str], default_namespace: bool
) -> None:
    from xml.sax.saxutils import quoteattr

    extra = " ".join(f"foo:{k}={quoteattr(v)}" for k, v in before.items())
    element = (
        '<image xmlns="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
        if default_namespace
        else "<draw:image"
    )
    tag = f'{element} xmlns:foo="urn:foo" {extra} xlink:href="http://127.0.0.1:9/x.jpg"/>'
    path = odt_linking(tmp_path / "doc.odt", "http://127.0.0.1:9/x.jpg")
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    content = re.sub(r"<draw:image [^/]*/>", lambda _: tag, parts["content.xml"].decode())
    with zipfile.ZipFile(path, "w") as package:
        for part, data in parts.items():
            package.writestr(part, content if part == "content.xml" else data)
    assert office_package.copy_without_links(path, tmp_path / "copy.odt") == 1
    with zipfile.ZipFile(tmp_path / "copy.odt") as package:
        assert b"127.0.0.1:9" not in package.read("content.xml")


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["INCLUDEPICTURE", "INCLUDETEXT", "LINK", "IMPORT", "DDEAUTO"]),
    cuts=st.lists(st.integers(min_value=1, max_value=13), max_size=3),
    entity=st.booleans(),
)
def test_a_word_field_split_over_runs_or_written_as_entities_loads_nothing(
    tmp_path: Path, field: str, cuts: list[int], entity: bool
) -> None:
    """Word splits a field's instruction over runs; an entity or CDATA spells it otherwise:
    the copy's instruction, joined as Word joins it, names no field that loads anything."""
    text = f' {field} "http://127.0.0.1:9/x.jpg" \\d '
    points = sorted({c for c in cuts if c < len(field)})
    pieces, last = [], 0
    for point in [p + 1 for p in points]:
        pieces.append(text[last:point])
        last = point
    pieces.append(text[last:])

    def run(piece: str) -> str:
        body = piece.replace("&", "&amp;").replace("<", "&lt;")
        if entity:
            body = "".join(f"&#{ord(c)};" if c.isupper() else c for c in body)
        return f'<w:r><w:instrText xml:space="preserve">{body}</w:instrText></w:r>'

    document = docx.Document()
    document.add_paragraph("A field follows.")
    path = tmp_path / "field.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    field_xml = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + "".join(run(p) for p in pieces)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    body = parts["word/document.xml"].decode().replace("<w:sectPr", field_xml + "<w:sectPr", 1)
    parts["word/document.xml"] = body.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert office_package.copy_without_links(path, tmp_path / "copy.docx") >= 1
    with zipfile.ZipFile(tmp_path / "copy.docx") as package:
        copied = package.read("word/document.xml").decode()
    joined = "".join(re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", copied))
    assert not office_package._FIELDS.search(joined), joined
