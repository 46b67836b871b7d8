"""Light, dark and high contrast: every pair of colours text is drawn with is readable (WCAG
2.1 AA, AAA in high contrast), the focus ring stands out, and a choice applies at once."""

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sop_desktop.appearance import AA, AAA, TEXT_PAIRS, apply_appearance, contrast, readable
from sop_desktop.window.main_window import MainWindow

Group = QPalette.ColorGroup


@pytest.fixture
def restored(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_appearance("light")


def failing_pairs(palette: QPalette, minimum: float) -> list[str]:
    failures = []
    for group in (Group.Active, Group.Inactive):
        for text, background in TEXT_PAIRS:
            ratio = contrast(palette.color(group, text), palette.color(group, background))
            if ratio < minimum:
                failures.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    return failures


@pytest.mark.parametrize(
    ("choice", "minimum"), [("light", AA), ("dark", AA), ("high_contrast", AAA)]
)
def test_every_text_is_readable_and_the_focus_ring_stands_out(
    restored: QApplication, choice: str, minimum: float
) -> None:
    assert apply_appearance(choice) == choice
    palette = restored.palette()
    assert failing_pairs(palette, minimum) == []
    # The focus ring (the highlight colour) against the window: non-text contrast, 3:1.
    ring = contrast(
        palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Window)
    )
    assert ring >= 3.0


def test_fusion_s_own_selection_was_too_faint_and_is_made_readable(restored: QApplication) -> None:
    fusion = restored.style().standardPalette()
    role = QPalette.ColorRole
    before = contrast(fusion.color(role.HighlightedText), fusion.color(role.Highlight))
    assert before < AA  # white on Fusion's blue: what a chosen result's title was drawn with
    after = readable(fusion)
    assert contrast(after.color(role.HighlightedText), after.color(role.Highlight)) >= AA
    assert after.color(role.HighlightedText) == fusion.color(role.HighlightedText)  # text kept


def test_a_chosen_appearance_applies_at_once_and_is_kept(
    qtbot: QtBot, window: MainWindow, restored: QApplication
) -> None:
    dialog = window.open_settings()
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("high_contrast"))
    dialog.accept()
    assert window.library.settings().appearance == "high_contrast"
    assert restored.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert restored.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Text).name() == "#ffffff")
    assert window.results.palette().color(QPalette.ColorRole.Base).name() == "#000000"


@pytest.mark.parametrize("choice", ["light", "dark", "high_contrast"])
def test_the_edge_of_a_check_box_stands_out_from_what_is_behind_it(
    qtbot: QtBot, restored: QApplication, choice: str
) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QCheckBox

    from sop_desktop.visible_style import use_visible_style

    use_visible_style()
    apply_appearance(choice)
    box = QCheckBox("Three Houses (5)")
    qtbot.addWidget(box)
    box.show()
    image = box.grab().toImage()
    behind = box.palette().color(QPalette.ColorRole.Window)
    edge = [
        QColor(image.pixel(x, y))
        for y in range(image.height())
        for x in range(min(image.width(), 24))
        if contrast(QColor(image.pixel(x, y)), behind) >= 3.0
    ]
    assert len(edge) >= 40  # an outline of the box, 3:1 against the window (WCAG 1.4.11)
