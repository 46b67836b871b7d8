"""Type icons drawn from a few lines of SVG: a page in the type's colour with its initials.

No icon theme is needed (offline laptops, offscreen tests) and they scale on high-DPI screens.
On a dark background (dark, high contrast) a type's colour is lightened until the page stands
out 3:1 from what is behind it (WCAG 1.4.11); its white initials keep 4.5:1 on it.
"""

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from sop_desktop.appearance import contrast, towards

NON_TEXT = 3.0  # WCAG 1.4.11: a part of a picture that says something, against its background

#: colour and two-letter mark per resource type (colours pass WCAG AA against white text)
STYLE: dict[str, tuple[str, str]] = {
    "video": ("#b3261e", "▶"),
    "tip_sheet": ("#1f6f43", "TS"),
    "practice_guide": ("#1a4f8b", "PG"),
    "practice_brief": ("#31577a", "PB"),
    "curriculum_module": ("#6a3d9a", "CM"),
    "toolkit": ("#8a4b08", "TK"),
    "coaching_guide": ("#00627a", "CG"),
    "worksheet": ("#5b5b00", "WS"),
    "handout": ("#7a2e5c", "HO"),
}
OTHER = ("#555555", "•")

_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<path d="M6 2h14l6 6v22H6z" fill="{colour}"/>
<path d="M20 2v6h6z" fill="#ffffff" fill-opacity="0.45"/>
<text x="16" y="23" font-family="sans-serif" font-size="{size}" font-weight="bold"
 fill="#ffffff" text-anchor="middle">{mark}</text></svg>"""


def standing_out(colour: str, backgrounds: tuple[QColor, ...]) -> str:
    """``colour``, mixed with white until it stands out ``NON_TEXT`` from each background."""
    base, mixed = QColor(colour), QColor(colour)
    for step in range(0, 21):
        mixed = towards(base, QColor("white"), step / 40)
        if all(contrast(mixed, background) >= NON_TEXT for background in backgrounds):
            break
    return mixed.name()


def type_icon(resource_type: str) -> QIcon:
    """The type's icon for the palette in use (drawn when a row is painted, so a new
    appearance shows at once)."""
    palette = QGuiApplication.palette()
    rows = (palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.AlternateBase))
    colour, mark = STYLE.get(resource_type, OTHER)
    return _drawn(standing_out(colour, rows), mark)


@cache
def _drawn(colour: str, mark: str) -> QIcon:
    size = 12 if len(mark) == 1 else 10
    renderer = QSvgRenderer(QByteArray(_SVG.format(colour=colour, mark=mark, size=size).encode()))
    icon = QIcon()
    for side in (16, 24, 32, 48, 64):
        pixmap = QPixmap(QSize(side, side))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
