"""The starter catalog says what it is (issue 31): sample content written for SOP Desktop,
published by no agency, on every document, in each file's own metadata and in the README."""

import io
import re
import shutil
from pathlib import Path

import docx
import pptx
import pypdfium2 as pdfium

from resources_index.catalog import vocabulary
from resources_index.catalog.model import Manifest
from resources_index.documents import extract
from resources_index.library.library import Library
from resources_index.library.starter import STARTER_AUTHOR, STARTER_NOTICE
from resources_index.search.library_search import LibrarySearch

ROOT = Path(__file__).resolve().parents[4]
NOTICE = STARTER_NOTICE
AUTHOR = STARTER_AUTHOR
#: What an agency's name looks like, in either language, in a publisher or an author field.
AGENCY = re.compile(
    r"cdss|calswec|academ|department of social services|servicios sociales|training academy",
    re.IGNORECASE,
)
EXTRACTORS = {
    "application/pdf": extract.extract_pdf,
    "text/html": extract.extract_html,
    "text/markdown": extract.extract_markdown,
    "text/plain": extract.extract_plain,
}
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SLIDES = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces (PDF lines wrap)."""
    return " ".join(text.split())


def resources(starter: Library) -> Manifest:
    manifest = starter.current()
    assert manifest is not None and len(manifest.resources) >= 50
    return manifest


def segments(starter: Library, sha256: str, media_type: str, tmp_path: Path) -> list[str]:
    """The text of a stored file, page by page (or slide, cue, section)."""
    source = starter.object_path(sha256)
    if media_type in (WORD, SLIDES):
        named = tmp_path / (sha256 + (".docx" if media_type == WORD else ".pptx"))
        shutil.copyfile(source, named)
        found = extract.extract_docx(named) if media_type == WORD else extract.extract_pptx(named)
    elif media_type == "text/vtt":
        named = tmp_path / f"{sha256}.vtt"
        shutil.copyfile(source, named)
        found = extract.extract_captions(named)
    else:
        found = EXTRACTORS[media_type](source)
    return [flat(str(segment["text"])) for segment in found.segments]


def test_the_notice_says_what_the_issue_asks_in_both_languages() -> None:
    assert NOTICE["en"].startswith("Sample content written for SOP Desktop, not produced or")
    assert "endorsed by CDSS, CalSWEC or the Regional Training Academies" in NOTICE["en"]
    assert NOTICE["es"].startswith("Contenido de muestra escrito para SOP Desktop")
    assert "ni respaldado por el CDSS, CalSWEC ni las Academias Regionales" in NOTICE["es"]


def test_no_starter_resource_names_an_agency_as_its_publisher(starter: Library) -> None:
    manifest = resources(starter)
    assert {r.publisher for r in manifest.resources} == {"sop_desktop_sample"}
    english = vocabulary.label("sop_desktop_sample", vocabulary.PUBLISHERS)
    spanish = vocabulary.spanish_label("sop_desktop_sample", vocabulary.PUBLISHERS)
    assert english == "SOP Desktop sample content"
    assert spanish == "Contenido de muestra de SOP Desktop"
    assert not AGENCY.search(english) and not AGENCY.search(spanish)
    # The content and the documents made from it say the same.
    source = (ROOT / "assets" / "starter" / "source" / "catalog.csv").read_text("utf-8")
    assert not AGENCY.search(source)
    for sidecar in (ROOT / "assets" / "starter" / "source").rglob("*.meta.yaml"):
        assert "publisher: SOP Desktop sample" in sidecar.read_text("utf-8"), sidecar.name


def test_every_starter_document_says_it_is_sample_content_in_both_languages(
    starter: Library, tmp_path: Path
) -> None:
    for resource in resources(starter).resources:
        files = [f for f in resource.files if f.role in ("main", "rendition", "captions")]
        texts = {
            f.role + f.sha256: segments(starter, f.sha256, f.media_type, tmp_path)
            for f in files
            if f.media_type != "video/mp4"
        }
        assert texts, resource.id
        whole = " ".join(" ".join(pages) for pages in texts.values())
        assert NOTICE["en"] in whole and NOTICE["es"] in whole, resource.id
        main = resource.main
        if main.media_type in ("application/pdf", SLIDES):  # a footer on every page and slide
            pages = texts["main" + main.sha256]
            assert len(pages) >= 1
            for number, page in enumerate(pages, start=1):
                assert NOTICE["en"] in page and NOTICE["es"] in page, (resource.id, number)


def test_starter_documents_carry_the_notice_and_no_agency_in_their_metadata(
    starter: Library,
) -> None:
    seen: set[str] = set()
    for resource in resources(starter).resources:
        for file in resource.files:
            data = starter.object_path(file.sha256).read_bytes()
            if file.media_type == "application/pdf":
                metadata = pdfium.PdfDocument(data).get_metadata_dict()
                assert metadata["Author"] == AUTHOR, (resource.id, file.role)
                if file.role == "main":
                    assert NOTICE["en"] in metadata["Subject"], resource.id
                    assert NOTICE["es"] in metadata["Subject"], resource.id
                for field in ("Author", "Title", "Creator", "Producer"):
                    assert not AGENCY.search(metadata.get(field, "")), (resource.id, field)
            elif file.media_type in (WORD, SLIDES):
                opened = (docx.Document if file.media_type == WORD else pptx.Presentation)(
                    io.BytesIO(data)
                )
                properties = opened.core_properties
                assert properties.author == AUTHOR and properties.last_modified_by == AUTHOR
                assert {properties.subject, properties.comments} == set(NOTICE.values())
                assert not AGENCY.search(properties.title), resource.id
            elif file.media_type == "text/html":
                assert f'<meta name="author" content="{AUTHOR}">' in data.decode("utf-8")
            else:
                continue
            seen.add(file.media_type)
    assert {"application/pdf", WORD, SLIDES, "text/html"} <= seen


def test_the_readme_says_what_the_starter_is() -> None:
    readme = flat((ROOT / "README.md").read_text("utf-8"))
    assert "starter catalog" in readme and "sample content written for SOP Desktop" in readme
    assert "not produced or endorsed by CDSS, CalSWEC or the Regional Training Academies" in readme
    # Wherever the README names an agency, it is to say the starter is not theirs.
    for sentence in re.split(r"(?<=[.:;])\s", readme):
        if re.search(r"CDSS|CalSWEC|Academ", sentence):
            assert "not produced or endorsed" in sentence, sentence
    references = (ROOT / "docs" / "starter-references.md").read_text("utf-8")
    for originator in ("Sonja Parker", "Turnell", "Steve Edwards", "Sue Lohrbach", "Susie Essex"):
        assert originator in references


def test_the_notice_is_on_the_pages_but_never_what_search_finds_or_shows(tmp_path: Path) -> None:
    """The notice stays on the pages and in the metadata (above), but publishing leaves it out
    of the text that search indexes and quotes: a search for an agency's name, or for any
    practice words, never answers with the notice in place of the document's own text."""
    library = Library(tmp_path / "library")
    library.ensure_starter()
    search = LibrarySearch(library)
    search.refresh()
    try:
        manifest = resources(library)
        for resource in manifest.resources:
            for segment in search.segments(resource):
                text = flat(str(segment["text"]))
                assert NOTICE["en"] not in text and NOTICE["es"] not in text, resource.id
        for query in ("CDSS", "CalSWEC", "safety plan", "plan de seguridad", "Academias"):
            rows, _ = search.search(query, limit=60)
            for row in rows:
                passage = flat(re.sub(r"<[^>]+>", "", row.snippet))
                assert not any(
                    words in passage
                    for words in ("Sample content", "not produced or endorsed", "Contenido de")
                ), (query, row.resource.id, passage)
            if query == "safety plan":
                assert len(rows) >= 5 and all(row.snippet for row in rows[:5])
        cdss, _ = search.search("CDSS", limit=60)
        assert len(cdss) < 15  # only what speaks of the department, not every document
        sample, _ = search.search("sample", limit=60)
        assert len(sample) >= 20  # the publisher's label still finds the starter
    finally:
        search.close()
        library.close()


def test_the_three_houses_video_credits_its_originators(starter: Library, tmp_path: Path) -> None:
    """Like the tip sheets, the video names who created the tool: in its summary and in a
    caption of each language (the captions are what a search finds and a viewer reads)."""
    video = resources(starter).by_id["three-houses-video"]
    assert "Nicki Weld and Maggie Greening" in video.summary
    credits = {
        "en": "The Three Houses was created by Nicki Weld and Maggie Greening",
        "es": "Las Tres Casas fue creada por Nicki Weld y Maggie Greening",
    }
    captions = {f.name.split(".")[-2]: f for f in video.files if f.role == "captions"}
    assert set(captions) == set(credits)
    for language, caption in captions.items():
        cues = segments(starter, caption.sha256, caption.media_type, tmp_path)
        assert sum(credits[language] in cue for cue in cues) == 1, (language, cues)
