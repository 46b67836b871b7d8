"""What printing tests share: a real printer writing a PDF, and that PDF read back."""

from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def pdf_printer(path: Path) -> QPrinter:
    """A real printer that writes ``path`` (a PDF), at high resolution, its paper left as is."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def read_back(path: Path) -> tuple[int, str]:
    """The pages of the printed PDF and its text, page after page."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(document.getAllText(i).text() for i in range(document.pageCount()))
    pages = document.pageCount()
    document.close()
    return pages, text
