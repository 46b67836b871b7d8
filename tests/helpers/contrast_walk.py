"""The window's text and icons as a person meets them, each measured by ``contrast_probe``: the
search field, its placeholder text and its clear button, a disabled button, an address refused
in Settings, results (titles, the chosen one, type icons), the details (title, text, the link
to the other language, a button), the sync notice's links, the video player's buttons, a
text document's words and a dialog's Close button."""

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from resources_index.library.library import Library
from sop_desktop.appearance import apply_appearance
from sop_desktop.window.main_window import MainWindow
from tests.helpers.contrast_probe import Measured, measure


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        app.thread().msleep(10)


def inside(widget: QWidget) -> QRect:
    """Within a control's frame (a button's edge, a box's border is not its text's background)."""
    return widget.rect().adjusted(3, 3, -3, -3)


def walk(app: QApplication, root: Path, appearance: str) -> Iterator[Measured]:
    """Measure the window in ``appearance`` (the library's own choice is set aside)."""
    library = Library(root)
    library.ensure_starter()
    window = MainWindow(library)
    window.resize(1280, 720)
    window.show()
    while window.last_outcome is None:
        settle(app, 5)
    manifest = library.current()
    assert manifest is not None
    window.details.show_resource(manifest.by_id["safety-plan-family-handout"])
    window.sync_notice.setText(
        'Sync finished: 1 new. <a href="new">Show what\'s new</a> · <a href="dismiss">Close</a>'
    )
    window.sync_notice.show()
    window.search_field.setText("xy")  # shows the clear button (nothing is searched yet)
    settle(app)
    settings = window.open_settings()
    settings.server.setText("servidor del condado")  # refused under the field as it is typed
    settle(app)
    # Chosen while all this is shown, as Settings applies it: what was drawn follows at once.
    apply_appearance(appearance)
    settle(app)
    yield measure("Settings: an address refused", "text", settings.problems[settings.server])
    settings.reject()
    apply_appearance(appearance)  # Cancel put the library's own back
    settle(app)
    field = window.search_field
    yield measure("Search text", "text", field, lambda w: QRect(0, 0, w.width() // 3, w.height()))
    field.clear()
    settle(app)
    yield measure(
        "Search field's placeholder text",
        "text",
        field,
        lambda w: QRect(0, 0, w.width() // 3, w.height()),
    )
    assert not window.filters.clear_button.isEnabled()  # nothing narrows the results yet
    yield measure("Disabled button label", "text", window.filters.clear_button, inside)
    field.setText("xy")
    settle(app)
    yield measure(
        "Search field's clear button",
        "icon",
        field,
        lambda w: QRect(w.width() - w.height() - 2, 2, w.height() - 4, w.height() - 4),
    )
    window.search_field.clear()
    settle(app, 40)
    view = window.results
    line = view.fontMetrics().height()
    icon = int(line * 1.25) + line

    def title(row: int) -> QRect:
        rect = view.visualRect(window.results_model.index(row))
        return QRect(rect.left() + icon + 12, rect.top() + 4, rect.width() // 2, int(line * 1.25))

    def type_mark(row: int) -> QRect:
        rect = view.visualRect(window.results_model.index(row))
        return QRect(rect.left(), rect.top(), icon, rect.height())

    viewport: QWidget = view.viewport()
    window.results.setCurrentIndex(window.results_model.index(0))
    window.details.show_resource(manifest.by_id["safety-plan-family-handout"])
    settle(app)
    yield measure("Result title", "text", viewport, lambda _: title(1))
    yield measure("Chosen result's title", "text", viewport, lambda _: title(0))
    yield measure("Type icon", "icon", viewport, lambda _: type_mark(1))
    details = window.details
    yield measure("Details title", "text", details.title)
    yield measure("Details text", "text", details.summary)
    yield measure("Link to the other language", "text", details.translations)
    yield measure("Button label", "text", details.open_button, inside)
    yield measure("Sync notice and its links", "text", window.sync_notice, inside)
    yield measure("Number of results", "text", window.count_label)
    window.open_resource(manifest.by_id["three-houses-video"])
    settle(app, 30)
    player = window.viewers["three-houses-video"].viewer
    yield measure("Video play/pause icon", "icon", player.play_button, inside)  # type: ignore[union-attr]
    yield measure("Full screen icon", "icon", player.fullscreen_button, inside)  # type: ignore[union-attr]
    window.viewers["three-houses-video"].close()
    window.open_resource(manifest.by_id["words-and-pictures-tip-sheet"])
    settle(app)
    document = window.viewers["words-and-pictures-tip-sheet"]
    yield measure("Text document's words", "text", document.viewer.view.viewport())  # type: ignore[union-attr]
    document.close()
    keys = window.menus.show_keys()
    settle(app)
    close = next(b for b in keys.findChildren(QPushButton) if b.text() == "Close")
    assert close.icon().isNull()  # words, not a picture that vanishes on black
    yield measure("Close button of a dialog", "text", close, inside)
    keys.close()
    window.close()
    settle(app)
    library.close()
