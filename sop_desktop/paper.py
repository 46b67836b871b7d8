"""Which paper a print goes on: the printer's own, else the one the computer's region uses (US
Letter in California, as across the Americas), never A4 by default; and at least half an inch
of margin, which every office and home printer can print inside."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

Territory = QLocale.Country  # what PySide6 calls a territory
# Regions that print on US Letter (CLDR's paper sizes); everywhere else uses A4.
LETTER_TERRITORIES = frozenset(
    {
        Territory.UnitedStates,
        Territory.PuertoRico,
        Territory.Canada,
        Territory.Mexico,
        Territory.Belize,
        Territory.Guatemala,
        Territory.ElSalvador,
        Territory.Nicaragua,
        Territory.CostaRica,
        Territory.Panama,
        Territory.Colombia,
        Territory.Venezuela,
        Territory.Chile,
        Territory.Philippines,
    }
)
# The papers offered in the print options, in the order shown.
OFFERED = (QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.Legal, QPageSize.PageSizeId.A4)
MINIMUM_MARGIN_POINTS = 36.0  # half an inch: inside what printers can reach


@dataclass(frozen=True)
class Paper:
    """A paper size and where the choice came from (said in the print options)."""

    size: QPageSize.PageSizeId
    source: str  # "printer", "region" or "chosen"


def region_paper(locale: QLocale) -> QPageSize.PageSizeId:
    """US Letter where the region uses it (or says nothing: this program's home is
    California), A4 elsewhere; the measurement system counts too (en_US and es_US say
    ImperialUS)."""
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize.PageSizeId.Letter
    territory = locale.territory()
    if territory in LETTER_TERRITORIES or territory == Territory.AnyTerritory:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4


def default_paper(printer_name: str = "", locale: QLocale | None = None) -> Paper:
    """The named printer's default paper when the system knows it, else the region's. The
    region is the system's (``QLocale.system()``), not the interface language's: a Spanish
    interface in California still prints on Letter."""
    if printer_name:
        from PySide6.QtPrintSupport import QPrinterInfo  # loaded when first printing

        info = QPrinterInfo.printerInfo(printer_name)
        if not info.isNull() and info.defaultPageSize().isValid():
            return Paper(info.defaultPageSize().id(), "printer")
    return Paper(region_paper(locale or QLocale.system()), "region")


def paper_name(size: QPageSize.PageSizeId) -> str:
    names = {
        QPageSize.PageSizeId.Letter: QCoreApplication.translate("Paper", "US Letter (8.5 × 11 in)"),
        QPageSize.PageSizeId.Legal: QCoreApplication.translate("Paper", "US Legal (8.5 × 14 in)"),
        QPageSize.PageSizeId.A4: QCoreApplication.translate("Paper", "A4 (210 × 297 mm)"),
    }
    return names.get(size, QPageSize.name(size))


def give_room(printer: "QPrinter") -> None:
    """Margins of at least half an inch on every side of ``printer``'s pages (set before
    painting begins; a printer that needs more keeps its own)."""
    margins = printer.pageLayout().margins(QPageLayout.Unit.Point)
    printer.setPageMargins(
        QMarginsF(
            max(margins.left(), MINIMUM_MARGIN_POINTS),
            max(margins.top(), MINIMUM_MARGIN_POINTS),
            max(margins.right(), MINIMUM_MARGIN_POINTS),
            max(margins.bottom(), MINIMUM_MARGIN_POINTS),
        ),
        QPageLayout.Unit.Point,
    )
