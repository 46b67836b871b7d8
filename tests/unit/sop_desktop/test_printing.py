"""Printing for a family and a session, to a real PDF printer: both languages, large print, a
kit's run sheet and handouts; only the documents on paper."""

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from resources_index.catalog.model import KitItem
from resources_index.library.library import Library
from sop_desktop.dialogs.print_dialog import PrintChoices, printed_sentence
from sop_desktop.printing import print_resources, print_run_sheet, text_document
from sop_desktop.window.main_window import MainWindow


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def read_back(path: Path) -> tuple[int, str]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(document.getAllText(i).text() for i in range(document.pageCount()))
    pages = document.pageCount()
    document.close()
    return pages, text


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
        KitItem("safety-plan-development-guide", "Monitoring over time.", 3),
        KitItem("three-houses-video", "Ask what they noticed.", 15),
        KitItem("harm-and-danger-statements-worksheet", "Pairs, ten minutes."),
    ]
    sheet = print_run_sheet(manifest, "Day 1", items, pdf_printer(tmp_path / "run.pdf"))
    pages, text = read_back(tmp_path / "run.pdf")
    flat = " ".join(text.split())
    assert sheet.sheets == pages == 1
    for needed in ("Day 1", "Monitoring over time.", "page 3", "0:15", "Pairs, ten minutes."):
        assert needed in flat
    handouts = [manifest.by_id[i.resource_id] for i in items]
    done = print_resources(starter_library, handouts, pdf_printer(tmp_path / "pack.pdf"))
    assert done.skipped == ("The Three Houses in practice (video)",)  # nothing to print
    pages, text = read_back(tmp_path / "pack.pdf")
    assert done.sheets == pages >= 4  # the guide's pages, then the Word worksheet's text
    assert "Nothing to print in: The Three Houses in practice (video)." in printed_sentence(done)


def test_print_asks_for_the_other_language_and_large_print(
    qtbot: QtBot, window: MainWindow
) -> None:
    choices = PrintChoices(window, "Spanish")
    qtbot.addWidget(choices)
    assert choices.both.isChecked() and choices.both.text() == "Also the version in Spanish"
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
