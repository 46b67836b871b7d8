"""High contrast as a person meets it, in English and Spanish: a placeholder is told apart
from typed text (dimmer, still well above 4.5:1) as drawn; Settings, grown to show why an
address is refused, goes back to its height once the address is corrected, with no gaps left
open; the reason is heard while it is shown."""

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.appearance import apply_appearance, contrast
from tests.helpers.contrast_walk import settle, walk
from tests.helpers.window_driving import open_window


@pytest.mark.parametrize("appearance", ["light", "dark", "high_contrast"])
def test_a_placeholder_is_dimmer_than_typed_text_and_still_readable(
    qapp: QApplication, tmp_path: Path, appearance: str
) -> None:
    from PySide6.QtGui import QColor

    try:
        measured = {m.what: m for m in walk(qapp, tmp_path / "library", appearance)}
    finally:
        apply_appearance("")
    typed, placeholder = measured["Search text"], measured["Search field's placeholder text"]
    assert placeholder.ratio >= 4.5, placeholder
    assert placeholder.background == typed.background
    # Told apart: the placeholder's ink is not the typed text's (1.5:1 between them at least).
    between = contrast(QColor(placeholder.inks[0]), QColor(typed.inks[0]))
    assert between >= 1.5, (placeholder, typed)


@pytest.mark.parametrize(
    ("fixture", "refused"),
    [("english", "servidor del condado"), ("spanish", "servidor del condado")],
)
def test_settings_go_back_to_their_height_once_a_refused_address_is_corrected(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    starter_library: Library,
    tmp_path: Path,
    fixture: str,
    refused: str,
) -> None:
    request.getfixturevalue(fixture)
    window = open_window(qtbot, starter_library)
    try:
        apply_appearance("high_contrast")
        dialog = window.open_settings()
        dialog.show()
        qtbot.waitExposed(dialog)
        opened = dialog.height()
        dialog.server.setText(refused)
        problem = dialog.problems[dialog.server]
        qtbot.waitUntil(problem.isVisible)
        assert dialog.height() > opened  # grown to show the reason whole
        heard = QAccessible.queryAccessibleInterface(problem).text(QAccessible.Text.Name)
        assert heard and heard == problem.text()
        dialog.grab().save(str(tmp_path / f"refused-{fixture}.png"))
        dialog.server.setText("https://catalog.example.org/sop/")
        qtbot.waitUntil(lambda: not problem.isVisible())
        settle(QApplication.instance())  # type: ignore[arg-type]
        grown = dialog.height()
        assert grown <= opened + dialog.fontMetrics().lineSpacing(), (opened, grown)
        # No gap: the rows sit as close as they did when the dialog opened.
        assert dialog.scroll_area.widget().height() <= dialog.scroll_area.viewport().height() + 2
        dialog.grab().save(str(tmp_path / f"corrected-{fixture}.png"))
        dialog.reject()
    finally:
        apply_appearance("")
        window.close()


@pytest.mark.parametrize("appearance", ["light", "dark", "high_contrast"])
def test_every_type_icon_stands_out_and_keeps_its_initials_readable(
    qapp: QApplication, appearance: str
) -> None:
    """Each of the nine types' pages as drawn, against both row colours: 3:1 at least (the
    figure docs/accessibility.md gives), and its white initials 4.5:1 on it."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    from sop_desktop.icons import STYLE, type_icon

    try:
        apply_appearance(appearance)
        palette = QGuiApplication.palette()
        rows = [
            palette.color(r) for r in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)
        ]
        lowest = 21.0
        for kind in STYLE:
            picture = type_icon(kind).pixmap(QSize(32, 32)).toImage()
            page = QColor(picture.pixel(8, 28))  # inside the page, below the initials
            lowest = min([lowest] + [contrast(page, row) for row in rows])
            assert contrast(QColor("white"), page) >= 4.5, (kind, page.name())
        assert lowest >= 3.0, lowest
    finally:
        apply_appearance("")
