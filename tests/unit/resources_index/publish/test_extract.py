from pathlib import Path

import pytest

from resources_index.catalog.language import detect_language
from resources_index.documents.extract import (
    ExtractError,
    extract,
    extract_captions,
    read_text,
    text_object,
)
from tests.helpers.documents import make_docx, make_pdf, make_pptx, make_vtt


def test_pdf_text_keeps_page_numbers_and_title(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", ["First page words", "Second page: safety mapping"], "T")
    result = extract(path)
    assert result.title == "T"
    assert [(s["kind"], s["number"]) for s in result.segments] == [("page", 1), ("page", 2)]
    assert "safety mapping" in result.segments[1]["text"]


def test_encrypted_and_corrupt_pdfs_are_refused_plainly(tmp_path: Path) -> None:
    locked = make_pdf(tmp_path / "locked.pdf", ["secret"], password="pw")
    with pytest.raises(ExtractError, match="password-protected"):
        extract(locked)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(ExtractError, match="damaged or is not a PDF"):
        extract(broken)


def test_docx_sections_follow_headings(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "w.docx", "Worksheet", {"Part one": "Alpha.", "Part two": "Beta."})
    result = extract(path)
    assert result.title == "Worksheet"
    assert result.heading == "Part one"
    assert [s["text"] for s in result.segments] == ["Part one\nAlpha.", "Part two\nBeta."]


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ExtractError, match=r"bad\.docx"):
        extract(path)


def test_pptx_is_extracted_slide_by_slide_with_notes(tmp_path: Path) -> None:
    path = make_pptx(tmp_path / "d.pptx", [("One", "alpha"), ("Two", "beta")], notes="gamma")
    result = extract(path)
    assert [s["number"] for s in result.segments] == [1, 2]
    assert "gamma" in result.segments[1]["text"] and "beta" in result.segments[1]["text"]
    assert result.heading == "One"


def test_html_skips_scripts_and_reads_title(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(
        "<html><head><title>Page</title><style>p{}</style></head><body><h1>Head</h1>"
        "<script>alert(1)</script><p>Body &amp; soul</p></body></html>"
    )
    result = extract(path)
    assert (result.title, result.heading) == ("Page", "Head")
    assert "alert" not in result.plain_text() and "Body & soul" in result.plain_text()


def test_markdown_loses_markup_but_keeps_words(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text("# Title\n\nSome **bold** and a [link](http://x).\n\n## Next\n\n- item\n")
    result = extract(path)
    assert result.heading == "Title"
    assert result.segments[0]["text"] == "Title\n\nSome bold and a link."
    assert result.segments[1]["text"] == "Next\n\nitem"


def test_captions_keep_times_in_milliseconds(tmp_path: Path) -> None:
    path = make_vtt(tmp_path / "c.vtt", [("00:01:02.500", "00:01:04.000", "Hola")])
    [cue] = extract_captions(path, "es").segments
    assert cue == {
        "kind": "cue",
        "start_ms": 62500,
        "end_ms": 64000,
        "text": "Hola",
        "language": "es",
    }
    bad = tmp_path / "bad.vtt"
    bad.write_text("not captions at all")
    with pytest.raises(ExtractError, match="WebVTT"):
        extract_captions(bad)


def test_text_object_is_canonical_json(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", ["Words"])
    data = text_object("en", extract(path))
    assert data.startswith(b'{"format":"sop-text","format_version":1,"language":"en"')


def test_language_detection_tells_english_from_spanish() -> None:
    assert detect_language("The family and the worker talk about what is working well.") == "en"
    assert (
        detect_language("La familia y el trabajador hablan de lo que funciona bien en la casa.")
        == "es"
    )
    assert detect_language("SDM CFT") is None


def test_boilerplate_is_left_out_of_the_text_however_the_page_wrapped_it(tmp_path: Path) -> None:
    footer = "Sample content written for this program, not produced by any agency."
    path = make_pdf(
        tmp_path / "a.pdf",
        [
            "Safety plans name who checks.\nSample content written for this\nprogram, not"
            " produced by any agency.",
            "Sample content written for this program, not produced by any agency.",
        ],
    )
    result = extract(path)
    assert footer.split()[0] in result.segments[1]["text"]  # on the page as extracted
    result.without([footer, "  "])
    assert [(s["number"], s["text"]) for s in result.segments] == [
        (1, "Safety plans name who checks.")
    ]  # a page that was only the footer is dropped; the other keeps its number and words


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"])
def test_a_text_saved_as_notepad_s_unicode_reads_as_its_words(
    tmp_path: Path, encoding: str
) -> None:
    """Notepad's "Unicode" is UTF-16 with its mark: read as words, not as "ÿþ#\\x00..."."""
    words = "# Plan de seguridad\n\nLa niña y su abuela."
    path = tmp_path / "nota.md"
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(mark + words.encode(encoding))
    assert read_text(path) == words
