"""Contrast measured on the real window as it is drawn, in each appearance chosen while the
window is showing (as Settings applies it): text 4.5:1 (7:1 in high contrast, links included),
icons 3:1 (type icons, the video's buttons, the clear button of the search field, a cross);
placeholder text as text, a disabled button's label 4.5:1 in every appearance; a dialog's
Close button is words. docs/accessibility.md gives the same table."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.appearance import apply_appearance, contrast
from tests.helpers.contrast_probe import required
from tests.helpers.contrast_walk import walk
from tests.helpers.window_driving import open_window

MEASURED = {
    "Search text",
    "Search field's clear button",
    "Search field's placeholder text",
    "Disabled button label",
    "Settings: an address refused",
    "Result title",
    "Chosen result's title",
    "Type icon",
    "Details title",
    "Details text",
    "Link to the other language",
    "Button label",
    "Sync notice and its links",
    "Number of results",
    "Video play/pause icon",
    "Full screen icon",
    "Text document's words",
    "Close button of a dialog",
}


@pytest.mark.parametrize("appearance", ["light", "dark", "high_contrast"])
def test_every_text_and_icon_drawn_is_readable(
    qapp: QApplication, tmp_path: Path, appearance: str
) -> None:
    try:
        measured = list(walk(qapp, tmp_path / "library", appearance))
    finally:
        apply_appearance("")
    assert {m.what for m in measured} == MEASURED
    for m in measured:
        assert m.ratio >= required(m, appearance), m
    links = next(m for m in measured if m.what == "Link to the other language")
    assert len(links.inks) == 2  # the text and the link, each measured


@pytest.mark.parametrize("appearance", ["light", "dark", "high_contrast"])
def test_the_search_fields_clear_button_is_a_cross_in_the_text_colour(
    qtbot: QtBot, starter_library: Library, appearance: str
) -> None:
    """Not a disc (the platform's, a cross cut out of a disc, became a plain disc once drawn
    in one colour): a thin cross, in the colour of the text, in every appearance."""
    window = open_window(qtbot, starter_library)
    try:
        apply_appearance(appearance)
        window.search_field.setText("xy")
        button = next(b for b in window.search_field.findChildren(QToolButton) if b.isVisible())
        picture = button.icon().pixmap(QSize(32, 32)).toImage()
        inked = [
            QColor.fromRgba(picture.pixel(x, y))
            for x in range(picture.width())
            for y in range(picture.height())
        ]
        solid = [c for c in inked if c.alpha() > 200]
        assert 0.05 < len(solid) / len(inked) < 0.3  # a cross's strokes, not a filled disc
        qtbot.wait(50)  # the palette reaches the field
        text = window.search_field.palette().color(QPalette.ColorRole.Text)
        assert all(contrast(c, text) < 1.5 for c in solid), (text.name(), {c.name() for c in solid})
    finally:
        apply_appearance("")
        window.close()
