"""Contrast measured on the real window as it is drawn, in each appearance chosen while the
window is showing (as Settings applies it): text 4.5:1 (7:1 in high contrast, links included),
icons 3:1 (type icons, the video's buttons, the clear button of the search field); a dialog's
Close button is words. docs/accessibility.md gives the same table."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sop_desktop.appearance import apply_appearance
from tests.helpers.contrast_probe import required
from tests.helpers.contrast_walk import walk

MEASURED = {
    "Search text",
    "Search field's clear button",
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
