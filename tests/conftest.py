"""Shared fixtures: signing keys, a small real source folder, a published catalog, a library."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from resources_index.catalog.signing import generate_keypair
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from tests.helpers.documents import make_docx, make_pdf, make_pptx, make_vtt

ROOT = Path(__file__).resolve().parents[1]
STARTER_VIDEO = ROOT / "assets" / "starter" / "source" / "video" / "three-houses-introduction.mp4"


@pytest.fixture(scope="session")
def rendition_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One publisher's rendition cache for the whole run: a document is rendered by
    LibreOffice once, however many tests publish it (``test_renditions`` uses fresh ones)."""
    return tmp_path_factory.mktemp("renditions")


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rendition_cache: Path
) -> None:
    """No test ever touches the real user data folder, cache or a machine's real policy."""
    monkeypatch.setenv("SOP_DESKTOP_RENDITIONS", str(rendition_cache))
    monkeypatch.setenv("SOP_DESKTOP_DATA", str(tmp_path / "default-data"))
    monkeypatch.delenv("SOP_DESKTOP_POLICY", raising=False)
    monkeypatch.setenv("SOP_DESKTOP_LOGS", str(tmp_path / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(private key, public key) files for signing test catalogs."""
    return generate_keypair(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A second key pair that no test library trusts."""
    return generate_keypair(tmp_path_factory.mktemp("other-keys"))


def build_source(folder: Path) -> Path:
    """A small but real source tree: PDFs, DOCX, PPTX, HTML, Markdown, a captioned video."""
    make_pdf(
        folder / "tip-sheets" / "three-houses.pdf",
        ["The Three Houses tool helps children talk about worries.", "House of Dreams page."],
        title="Three Houses tip sheet",
    )
    make_pdf(
        folder / "tip-sheets" / "tres-casas.pdf",
        [
            "Las Tres Casas ayuda a los niños a hablar de lo que les preocupa en la casa y de"
            " sus sueños para la familia, con sus propias palabras."
        ],
    )
    make_docx(
        folder / "worksheets" / "danger-statements.docx",
        "Danger statements worksheet",
        {"The harm": "Write what happened.", "The danger": "Write what could happen."},
    )
    make_pptx(
        folder / "modules" / "overview.pptx",
        [("SOP overview", "Engagement and teaming"), ("Tools", "Safety mapping")],
        notes="Say hello to the room.",
    )
    (folder / "toolkits").mkdir(parents=True)
    (folder / "toolkits" / "partners.html").write_text(
        "<html><head><title>Partner toolkit</title><script>var x=1;</script></head>"
        "<body><h1>Teaming</h1><p>Work with partners.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "glossary.md").write_text(
        "# Glossary\n\n## Safety goal\n\nWhat **caregivers** will do.\n", encoding="utf-8"
    )
    shutil.copyfile(STARTER_VIDEO, folder / "intro.mp4")
    make_vtt(folder / "intro.en.vtt", [("00:00:01.000", "00:00:04.500", "Welcome to the houses")])
    make_vtt(folder / "intro.es.vtt", [("00:00:01.000", "00:00:04.500", "Bienvenidos a las casas")])
    (folder / "catalog.csv").write_text(
        "file,id,type,practice_elements,audiences,publisher,language,translations\n"
        "tip-sheets/three-houses.pdf,three-houses,Tip Sheet,Three Houses; engagement,"
        "caseworkers,Northern,en,tres-casas\n"
        "tip-sheets/tres-casas.pdf,tres-casas,tip_sheet,three_houses,,northern_academy,,\n",
        encoding="utf-8",
    )
    (folder / "intro.mp4.meta.yaml").write_text(
        "id: intro-video\ntitle: Introduction video\ntype: video\npublisher: CalSWEC\n"
        "practice_elements: [Three Houses]\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return build_source(tmp_path / "source")


@pytest.fixture
def published(tmp_path: Path, source: Path, keys: tuple[Path, Path]) -> Path:
    out = tmp_path / "published"
    report = publish(source, out, keys[0], catalog_id="test-catalog")
    assert report.errors == []
    return out


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A library holding the packaged starter catalog, shared by a module's tests (read only)."""
    library = Library(tmp_path_factory.mktemp("starter"))
    library.ensure_starter()
    yield library
    library.close()


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library")
    yield lib
    lib.close()
