"""A small but real source folder as a publisher has it, for tests and benchmarks."""

import shutil
from pathlib import Path

from tests.helpers.documents import make_docx, make_pdf, make_pptx, make_vtt

ROOT = Path(__file__).resolve().parents[2]
STARTER_VIDEO = ROOT / "assets" / "starter" / "source" / "video" / "three-houses-introduction.mp4"


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
