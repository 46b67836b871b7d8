"""Printing for a family and a session, to a real PDF printer: both languages, large print, a
kit's run sheet and handouts; only the documents on paper."""

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAccessible, QPageSize
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from resources_index.catalog.model import KitItem
from resources_index.library.library import Library
from resources_index.library.starter import STARTER_NOTICE
from sop_desktop.dialogs.print_dialog import PrintChoices, printed_sentence
from sop_desktop.paper import default_paper, paper_name, region_paper
from sop_desktop.printing import print_resources, print_run_sheet, text_document
from sop_desktop.window.main_window import MainWindow
from tests.helpers.printed import pdf_printer, read_back


def pages_of(library: Library, rid: str) -> int:
    resource = library.current().by_id[rid]  # type: ignore[union-attr]
    document = QPdfDocument()
    document.load(str(library.object_path(resource.main.sha256)))
    return int(document.pageCount())


def test_a_handout_prints_with_its_spanish_version(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    manifest = starter_library.current()
    assert manifest is not None
    pair = [
        manifest.by_id["safety-plan-family-handout"],
        manifest.by_id["plan-de-seguridad-para-familias"],
    ]
    done = print_resources(starter_library, pair, pdf_printer(tmp_path / "both.pdf"))
    pages, text = read_back(tmp_path / "both.pdf")
    expected = pages_of(starter_library, pair[0].id) + pages_of(starter_library, pair[1].id)
    assert done.sheets == pages == expected and not done.skipped  # each page, fitted
    assert "Downloaded" not in text and "Search" not in text  # the documents only, no window
    assert printed_sentence(done) == f"Printed {pages} pages."


def test_large_print_reflows_the_text_in_large_type(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    guide = starter_library.current().by_id["safety-plan-development-guide"]  # type: ignore[union-attr]
    normal, large = (text_document(starter_library, guide, size) for size in (False, True))
    assert normal is not None and large is not None
    normal.setTextWidth(500)
    large.setTextWidth(500)
    assert large.size().height() > 1.5 * normal.size().height()  # the same words, bigger
    done = print_resources(
        starter_library, [guide], pdf_printer(tmp_path / "large.pdf"), large=True
    )
    pages, text = read_back(tmp_path / "large.pdf")
    flat = " ".join(text.split())
    assert done.sheets == pages and guide.title in flat and "What a safety plan is" in flat


def test_a_kit_prints_as_a_run_sheet_and_as_handouts(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    manifest = starter_library.current()
    assert manifest is not None
    items = [
        KitItem("safety-plan-development-guide", "Monitoring over time.", 2),
        KitItem("three-houses-video", "Ask what they noticed.", 15),
        KitItem("harm-and-danger-statements-worksheet", "Pairs, ten minutes."),
    ]
    sheet = print_run_sheet(manifest, "Day 1", items, pdf_printer(tmp_path / "run.pdf"))
    pages, text = read_back(tmp_path / "run.pdf")
    flat = " ".join(text.split())
    assert sheet.sheets == pages == 1
    for needed in ("Day 1", "Monitoring over time.", "page 2", "0:15", "Pairs, ten minutes."):
        assert needed in flat
    handouts = [manifest.by_id[i.resource_id] for i in items]
    done = print_resources(starter_library, handouts, pdf_printer(tmp_path / "pack.pdf"))
    assert done.skipped == ("The Three Houses in practice (video)",)  # nothing to print
    pages, text = read_back(tmp_path / "pack.pdf")
    assert done.sheets == pages >= 3  # the guide's pages, then the Word worksheet's text
    assert "Nothing to print in: The Three Houses in practice (video)." in printed_sentence(done)


def test_print_asks_for_the_other_language_and_large_print(
    qtbot: QtBot, window: MainWindow
) -> None:
    choices = PrintChoices(window, "es")
    qtbot.addWidget(choices)
    assert choices.both.text() == "Also the version in Spanish"
    assert choices.both.isVisibleTo(choices)
    assert not choices.both.isChecked()  # not ticked until someone chose it
    assert not choices.large.isChecked() and choices.run_sheet.isHidden()
    for_kit = PrintChoices(window, kit=True)
    qtbot.addWidget(for_kit)
    assert for_kit.run_sheet.isChecked() and for_kit.both.isHidden()
    manifest = window.library.current()
    assert manifest is not None
    window.details.show_resource(manifest.by_id["safety-plan-family-handout"])
    assert window.details.print_button.isVisible()


def test_extracted_lines_are_joined_back_into_paragraphs() -> None:
    from sop_desktop.printing import paragraphs

    text = (
        "What a safety plan is\nA safety plan is a set of specific rules and arrangements that\n"
        "the family and their safety network agree to. It is built\nby the family.\n\n"
        "Steps\nStart here."
    )
    assert paragraphs(text) == [
        "What a safety plan is",
        "A safety plan is a set of specific rules and arrangements that the family and their"
        " safety network agree to. It is built by the family.",
        "Steps",
        "Start here.",
    ]


def test_a_slide_deck_prints_its_slides_from_its_pdf_copy(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    deck = starter_library.current().by_id["sop-overview-module"]  # type: ignore[union-attr]
    assert deck.main.name.endswith(".pptx") and deck.shown.role == "rendition"
    done = print_resources(starter_library, [deck], pdf_printer(tmp_path / "deck.pdf"))
    pages, _ = read_back(tmp_path / "deck.pdf")
    assert done.sheets == pages == 5 and done.skipped == ()
    printed = pdfium.PdfDocument(tmp_path / "deck.pdf")
    pictures = [page.render(scale=0.3).to_pil().convert("L") for page in printed]
    for picture in pictures:  # each sheet carries a slide (as pictures), not blank paper
        darkest, lightest = picture.getextrema()
        assert darkest < 100 and lightest > 200
    assert len({picture.tobytes() for picture in pictures}) == 5
    printed.close()


def test_print_options_remember_the_last_choice(qtbot: QtBot, window: MainWindow) -> None:
    first = PrintChoices(window, "es")
    qtbot.addWidget(first)
    first.both.setChecked(True)
    first.large.setChecked(True)
    first.accept()
    again = PrintChoices(window, "es")
    qtbot.addWidget(again)
    assert again.both.isChecked() and again.large.isChecked()
    again.both.setChecked(False)
    again.large.setChecked(False)
    again.accept()
    third = PrintChoices(window, "en")
    qtbot.addWidget(third)
    assert not third.both.isChecked() and not third.large.isChecked()


@pytest.mark.usefixtures("spanish")
def test_the_spanish_print_options_write_the_language_in_lower_case(
    qtbot: QtBot, window: MainWindow
) -> None:
    choices = PrintChoices(window, "en")
    qtbot.addWidget(choices)
    heard = QAccessible.queryAccessibleInterface(choices.both).text(QAccessible.Text.Name)
    assert choices.both.text() == heard == "También la versión en inglés"
    assert PrintChoices(window, "es").both.text() == "También la versión en español"


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US", QPageSize.PageSizeId.Letter),
        ("es_US", QPageSize.PageSizeId.Letter),
        ("es_MX", QPageSize.PageSizeId.Letter),
        ("en_CA", QPageSize.PageSizeId.Letter),
        ("es_ES", QPageSize.PageSizeId.A4),
        ("en_GB", QPageSize.PageSizeId.A4),
        ("de_DE", QPageSize.PageSizeId.A4),
    ],
)
def test_the_paper_is_the_region_s(name: str, paper: QPageSize.PageSizeId) -> None:
    assert region_paper(QLocale(name)) == paper
    chosen = default_paper("", QLocale(name))
    assert chosen.size == paper and chosen.source == "region"


def test_the_print_options_say_which_paper_and_print_on_it(
    qtbot: QtBot, window: MainWindow, starter_library: Library, tmp_path: Path
) -> None:
    choices = PrintChoices(window, "es")
    qtbot.addWidget(choices)
    expected = default_paper().size  # this computer's region (Letter here, and in the US)
    assert choices.paper_size().id() == expected
    box = QAccessible.queryAccessibleInterface(choices.paper)
    assert box.text(QAccessible.Text.Description) == "Paper size"
    assert box.text(QAccessible.Text.Value) == paper_name(expected)  # what a reader hears
    assert choices.paper_source.text() == "The paper used in this computer's region."
    choices.paper.setCurrentIndex(choices.paper.findData(QPageSize.PageSizeId.A4))
    choices.accept()
    kept = PrintChoices(window, "es")
    qtbot.addWidget(kept)
    assert kept.paper_size().id() == QPageSize.PageSizeId.A4
    assert kept.paper_source.text() == "As last time."
    kept.paper.setCurrentIndex(kept.paper.findData(QPageSize.PageSizeId.Letter))
    printer = pdf_printer(tmp_path / "letter.pdf")
    printer.setPageSize(kept.paper_size())
    guide = starter_library.current().by_id["safety-plan-development-guide"]  # type: ignore[union-attr]
    assert print_resources(starter_library, [guide], printer).sheets > 0
    width, height = pdfium.PdfDocument(tmp_path / "letter.pdf")[0].get_size()
    assert (round(width), round(height)) == (612, 792)  # 8.5 × 11 inches


def font_name(text: pdfium.PdfTextPage, index: int) -> str:
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    pdfium_raw.FPDFText_GetFontInfo(text.raw, index, buffer, 256, ctypes.byref(flags))
    return buffer.value.decode("latin-1")


def test_large_print_keeps_half_an_inch_of_margin_headings_and_the_title_once(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    guide = starter_library.current().by_id["guia-mapeo-de-seguridad"]  # type: ignore[union-attr]
    done = print_resources(starter_library, [guide], pdf_printer(tmp_path / "l.pdf"), large=True)
    printed = pdfium.PdfDocument(tmp_path / "l.pdf")
    assert done.sheets == len(printed) >= 1
    sizes: dict[str, float] = {}
    fonts: dict[str, str] = {}
    for page in printed:
        width, height = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(index)
            if right > left:  # a drawn character (not a space)
                assert left >= 36 - 0.5 and right <= width - 36 + 0.5
                assert bottom >= 36 - 0.5 and top <= height - 36 + 0.5
        whole = text.get_text_range()
        for line in ("Por qué hacemos un mapa", "El mapeo de seguridad organiza"):
            at = whole.find(line)
            if at >= 0:
                sizes[line] = pdfium_raw.FPDFText_GetFontSize(text.raw, at)
                fonts[line] = font_name(text, at)
    heading, body = sizes["Por qué hacemos un mapa"], sizes["El mapeo de seguridad organiza"]
    assert heading > body * 1.2 and "bold" in fonts["Por qué hacemos un mapa"].lower()
    assert "bold" not in fonts["El mapeo de seguridad organiza"].lower()
    flat = " ".join(" ".join(page.get_textpage().get_text_range() for page in printed).split())
    assert flat.count(guide.title) == 1  # the title once, not again as two plain lines


def dark_ink(path: Path) -> list[float]:
    """Per page, the share of pixels that are dark ink on the rendered page."""
    shares = []
    for page in pdfium.PdfDocument(path):
        pixels = page.render(scale=0.5, grayscale=True).to_numpy()
        shares.append(float((pixels < 96).mean()))
    return shares


@pytest.mark.parametrize("appearance", ["high_contrast", "dark", "light"])
def test_paper_gets_dark_ink_whatever_the_appearance(
    qtbot: QtBot, starter_library: Library, tmp_path: Path, appearance: str
) -> None:
    from sop_desktop.appearance import apply_appearance

    manifest = starter_library.current()
    assert manifest is not None
    guide = manifest.by_id["safety-plan-development-guide"]
    apply_appearance(appearance)
    try:
        print_resources(starter_library, [guide], pdf_printer(tmp_path / "l.pdf"), large=True)
        items = [KitItem(resource_id=guide.id)]
        print_run_sheet(manifest, "Visit", items, pdf_printer(tmp_path / "run.pdf"))
        handout = manifest.by_id["safety-plan-family-handout"]
        print_resources(starter_library, [handout], pdf_printer(tmp_path / "h.pdf"))
    finally:
        apply_appearance("light")
    for name in ("l.pdf", "run.pdf", "h.pdf"):
        shares = dark_ink(tmp_path / name)
        assert shares and all(share > 0.002 for share in shares), (name, shares)


@pytest.mark.parametrize("rid", ["safety-house-tip-sheet", "tres-casas-hoja-de-consejos"])
def test_large_print_puts_each_line_in_the_text_layer_once_across_page_breaks(
    qtbot: QtBot, starter_library: Library, tmp_path: Path, rid: str
) -> None:
    """What a search of the PDF or a screen reader finds: the line before a page break was
    also in the next page's text layer (drawn in its top margin, clipped from the eye)."""
    resource = starter_library.current().by_id[rid]  # type: ignore[union-attr]
    done = print_resources(
        starter_library, [resource], pdf_printer(tmp_path / "large.pdf"), large=True
    )
    printed = pdfium.PdfDocument(tmp_path / "large.pdf")
    assert done.sheets == len(printed) >= 2  # a page break to cross
    pages = [
        [line.strip() for line in page.get_textpage().get_text_range().splitlines()]
        for page in printed
    ]
    lines = [line for page in pages for line in page[: -foot_lines(printed, rid)] if line]
    assert len(lines) == len(set(lines)), [line for line in lines if lines.count(line) > 1]
    for page in printed:  # and every character on the page inside its margins
        _, height = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(index)
            if right > left:
                assert bottom >= 36 - 0.5 and top <= height - 36 + 0.5


def foot_lines(printed: pdfium.PdfDocument, rid: str) -> int:
    """How many lines the sample-content notice takes at the foot of each sheet (the last
    lines of its text layer): the same on every sheet, so left out of lines counted once."""
    last = printed[0].get_textpage().get_text_range().splitlines()
    notice = STARTER_NOTICE["es" if rid.startswith("tres") else "en"]
    for count in range(1, len(last) + 1):
        if " ".join(" ".join(last[-count:]).split()) == notice:
            return count
    raise AssertionError(f"no notice at the foot of {rid}'s first sheet")


@pytest.mark.parametrize(
    ("rid", "large", "language"),
    [
        ("safety-plan-family-handout", True, "en"),  # a PDF, reflowed only in large print
        ("plan-de-seguridad-para-familias", True, "es"),
        ("words-and-pictures-tip-sheet", False, "en"),  # Markdown: always reflowed
        ("cultural-humility-practice-brief", False, "en"),  # HTML
        ("glosario-sop", False, "es"),  # plain text
        ("glosario-sop", True, "es"),
    ],
)
def test_a_reflowed_starter_resource_says_it_is_sample_content_on_every_sheet(
    qtbot: QtBot, starter_library: Library, tmp_path: Path, rid: str, large: bool, language: str
) -> None:
    """The notice is kept out of the extracted text (it is not what a search is for), so the
    reflowed print puts it back: at the foot of every sheet, in the resource's language."""
    resource = starter_library.current().by_id[rid]  # type: ignore[union-attr]
    assert resource.language == language
    done = print_resources(starter_library, [resource], pdf_printer(tmp_path / "p.pdf"), large)
    printed = pdfium.PdfDocument(tmp_path / "p.pdf")
    assert done.sheets == len(printed) >= 1
    other = STARTER_NOTICE["es" if language == "en" else "en"]
    for page in printed:
        _, height = page.get_size()
        text = page.get_textpage()
        flat = " ".join(text.get_text_range().split())
        assert flat.endswith(STARTER_NOTICE[language]) and flat.count(STARTER_NOTICE[language]) == 1
        assert other not in flat
        at = text.get_text_range().rfind(STARTER_NOTICE[language].split()[0])
        _, bottom, _, top = text.get_charbox(at)
        assert top < height / 4  # at the foot of the sheet (PDF points count from the bottom)
        assert bottom >= 36 - 0.5  # inside the margin
    assert resource.title in " ".join(printed[0].get_textpage().get_text_range().split())


def test_a_reflowed_print_of_another_publisher_s_resource_has_no_starter_notice(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    """The notice follows the publisher, not the file: the same Markdown published by an
    agency prints without it."""
    resource = starter_library.current().by_id["words-and-pictures-tip-sheet"]  # type: ignore[union-attr]
    theirs = resource._replace(publisher="cdss")
    done = print_resources(starter_library, [resource, theirs], pdf_printer(tmp_path / "p.pdf"))
    printed = pdfium.PdfDocument(tmp_path / "p.pdf")
    assert done.sheets == len(printed) == 2
    texts = [" ".join(page.get_textpage().get_text_range().split()) for page in printed]
    assert STARTER_NOTICE["en"] in texts[0] and "Sample content" not in texts[1]
    assert resource.title in texts[1]
