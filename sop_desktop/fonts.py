"""Fonts made larger than the interface's, whatever unit the system sets it in.

A font set in pixels (as on some scaled or large-text desktops) has no point size:
``pointSizeF()`` is -1, and multiplying it gave an invalid size, so result titles were not
drawn at all at 150 % scaling. Here a font grows in the unit it has.
"""

from PySide6.QtGui import QFont


def enlarged(font: QFont, factor: float, bold: bool = False) -> QFont:
    """A copy of ``font``, ``factor`` times its size (in points or in pixels), maybe bold."""
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        result.setPixelSize(max(1, round(font.pixelSize() * factor)))
    if bold:
        result.setBold(True)
    return result
