"""Contrast measured on the real window as drawn: each widget grabbed, its pixels counted, the
colour behind (the most common) against each colour its text or icon is drawn in (every colour
drawn on a good share of the pixels; the soft edges of anti-aliased text do not count). Run as
``python -m tests.helpers.contrast_probe LIBRARY`` it prints the table docs/accessibility.md
gives (see ``test_contrast_measured``)."""

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from sop_desktop.appearance import APPEARANCES, contrast

TEXT, LARGE_OR_ICON = 4.5, 3.0  # WCAG 2.1 AA: 1.4.3 text, 1.4.11 icons and parts of controls
HIGH_CONTRAST_TEXT = 7.0  # what docs/accessibility.md claims for the high-contrast palette
INK_SHARE = 0.05  # a group of colours is ink when it covers this share of the pixels drawn
MINIMUM_PIXELS = 6
CORE_PIXELS = 2  # an ink's colour is drawn on this many pixels at least (not a lone edge)
DIRECTIONS = 4  # how finely the way from the background is told apart


@dataclass(frozen=True)
class Measured:
    """One thing drawn: what it is, the colour behind it, its ink colours and the lowest
    ratio among them."""

    what: str
    kind: str  # "text" or "icon"
    background: str
    inks: tuple[str, ...]
    ratio: float


def pixels(image: QImage, area: QRect | None = None) -> Counter[int]:
    area = area or image.rect()
    counts: Counter[int] = Counter()
    for y in range(max(0, area.top()), min(image.height(), area.bottom() + 1)):
        for x in range(max(0, area.left()), min(image.width(), area.right() + 1)):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    return counts


def measure(
    what: str, kind: str, widget: QWidget, area: Callable[[QWidget], QRect] | None = None
) -> Measured:
    """Grab ``widget`` (``area`` of it, in logical pixels) and measure its ink."""
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    rect = None
    if area is not None:
        logical = area(widget)
        rect = QRect(
            round(logical.x() * ratio),
            round(logical.y() * ratio),
            round(logical.width() * ratio),
            round(logical.height() * ratio),
        )
    counts = pixels(image, rect)
    background, _ = counts.most_common(1)[0]
    back = QColor(background)
    inks = ink_colours(back, counts)
    assert inks, f"{what}: nothing drawn"
    lowest = min(contrast(ink, back) for ink in inks)
    return Measured(what, kind, back.name(), tuple(i.name() for i in inks), round(lowest, 2))


def _direction(colour: QColor, back: QColor) -> tuple[int, ...]:
    """Which way ``colour`` lies from ``back`` (rounded): an ink and its anti-aliased edges,
    blends of it with the background, lie the same way."""
    step = [
        colour.redF() - back.redF(),
        colour.greenF() - back.greenF(),
        colour.blueF() - back.blueF(),
    ]
    length = max(1e-9, sum(v * v for v in step) ** 0.5)
    return tuple(round(v / length * DIRECTIONS) for v in step)


def ink_colours(back: QColor, counts: Counter[int]) -> list[QColor]:
    """The colours ink is drawn in: pixels grouped by the way they lie from the background (a
    link's colour apart from the text's), each group that covers a good share of what is drawn
    measured by its strongest colour that is drawn on a few pixels (its solid core; the soft
    edges of anti-aliased text are blends with the background)."""
    groups: dict[tuple[int, ...], list[tuple[QColor, int]]] = {}
    for rgb, n in counts.items():
        colour = QColor(rgb)
        if contrast(colour, back) >= 1.5:
            groups.setdefault(_direction(colour, back), []).append((colour, n))
    total = sum(n for members in groups.values() for _, n in members)
    inks = []
    for members in groups.values():
        if sum(n for _, n in members) < max(MINIMUM_PIXELS, total * INK_SHARE):
            continue
        solid = [c for c, n in members if n >= CORE_PIXELS] or [c for c, _ in members]
        inks.append(max(solid, key=lambda c: contrast(c, back)))
    return inks


def required(measured: Measured, appearance: str) -> float:
    if measured.kind == "icon":
        return LARGE_OR_ICON
    if measured.what.startswith("Disabled"):
        return TEXT  # told apart from the enabled text, still read in every appearance
    return HIGH_CONTRAST_TEXT if appearance == "high_contrast" else TEXT


def main() -> None:
    from tests.helpers.contrast_walk import walk

    app = QApplication([])
    for appearance in APPEARANCES[1:]:
        for measured in walk(app, Path(sys.argv[1]), appearance):
            print(
                f"| {appearance} | {measured.what} | {measured.background} |"
                f" {', '.join(measured.inks)} | {measured.ratio:.1f}:1 |"
                f" {required(measured, appearance):.1f}:1 |"
            )


if __name__ == "__main__":
    main()
