"""What assistive technology receives from the real window, read through Qt's accessibility
interfaces (what the platform bridge, AT-SPI for Orca, hands on): content, not captions;
changes announced; a focus ring that can be seen; every key named; Esc closes a viewer."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QKeySequence, QShortcut
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sop_desktop.dialogs.shortcuts_dialog import ShortcutsDialog
from sop_desktop.viewers.presenter import PRESENTER_KEYS
from sop_desktop.viewers.video_player import VIDEO_KEYS, VideoPlayer
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import type_query


def heard(widget: QWidget) -> tuple[str, str]:
    """(name, description) as a screen reader receives them."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return (
        interface.text(QAccessible.Text.Name),
        interface.text(QAccessible.Text.Description),
    )


def test_a_screen_reader_hears_the_resource_and_the_status_not_their_captions(
    qtbot: QtBot, window: MainWindow
) -> None:
    outcome = type_query(qtbot, window, "monitoring over time")
    resource = outcome.rows[0].resource
    details = window.details
    assert details.resource == resource
    assert heard(details.title) == (resource.title, "Title")
    assert heard(details.summary) == (resource.summary, "Summary")
    facts, what = heard(details.facts)
    assert what == "Facts" and "Practice guide" in facts and "English" in facts
    files, _ = heard(details.files)
    assert resource.main.name in files.replace("\u200b", "") and "on this laptop" in files
    # The status bar: each value, described by what it is.
    status = window.status_area
    assert heard(status.network_label) == ("No sync server", "Network")
    catalog, what = heard(status.catalog_label)
    assert catalog.startswith("Catalog of ") and what.startswith("Catalog version 2")
    assert heard(status.last_sync_label) == ("Never synced", "Last sync")
    count, what = heard(window.count_label)
    assert what == "Number of results" and count.endswith("results") and count[0].isdigit()
    # The chosen result: its title, type, and whether it is here.
    index = window.results.currentIndex()
    row_name = window.results_model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert row_name.startswith(resource.title)


def test_changes_a_person_does_not_see_happen_are_announced(
    qtbot: QtBot, window: MainWindow
) -> None:
    said: list[str] = []
    window.announcer.said.connect(said.append)
    type_query(qtbot, window, "three houses")
    counts = [s for s in said if s.endswith("results") or s.endswith("result")]
    assert counts and counts[-1] == window.count_label.text()  # once complete, not per key
    window.statusBar().showMessage("Saved a copy as /media/usb/plan.pdf", 5000)
    assert said[-1] == "Saved a copy as /media/usb/plan.pdf"
    window.show_error("The server could not be reached.")
    assert said[-1] == "The server could not be reached."
    window.message_box.close()  # type: ignore[union-attr]


def ring_pixels(widget: QWidget) -> int:
    """How many pixels of ``widget`` are drawn in the highlight colour (the focus ring's)."""
    image = widget.grab().toImage()
    ring = widget.palette().color(widget.palette().ColorRole.Highlight)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = QColor(image.pixel(x, y))
            if (
                abs(pixel.red() - ring.red()) < 40
                and abs(pixel.green() - ring.green()) < 40
                and abs(pixel.blue() - ring.blue()) < 40
            ):
                count += 1
    return count


def test_the_focused_button_has_a_ring_anyone_can_see_and_tab_follows_the_eye(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_query(qtbot, window, "three houses")
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    button = window.details.open_button
    unfocused = ring_pixels(button)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    focused = ring_pixels(button)
    perimeter = 2 * (button.width() + button.height())
    assert focused - unfocused > perimeter  # a two-pixel ring all round, not a hint

    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.results  # not past them to Open
    qtbot.keyClick(window.results, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.details.open_button


def test_esc_closes_a_document_or_a_video_window(qtbot: QtBot, window: MainWindow) -> None:
    outcome = type_query(qtbot, window, "house of dreams")
    pdf = next(r for r in outcome.rows if r.resource.main.media_type == "application/pdf")
    video = next(r for r in outcome.rows if r.resource.type == "video")
    for row in (pdf, video):
        window.open_resource(row.resource, row.location)
        viewer = window.viewers[row.resource.id]
        qtbot.waitExposed(viewer)
        if isinstance(viewer.viewer, VideoPlayer):  # playing, as when a person presses Esc
            player = viewer.viewer.player
            qtbot.waitUntil(
                lambda p=player: p.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
                timeout=15_000,
            )
        qtbot.keyClick(viewer.viewer, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda v=viewer: not v.isVisible())


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def test_the_shortcuts_list_names_every_key_the_program_answers(
    qtbot: QtBot, window: MainWindow
) -> None:
    outcome = type_query(qtbot, window, "house of dreams")
    for row in outcome.rows:
        window.open_resource(row.resource, row.location)
    answered: set[str] = set()
    roots: list[QWidget] = [window, *window.viewers.values(), window.kits]
    for root in roots:
        for action in root.actions():
            answered |= {portable(k) for k in action.shortcuts()}
        for shortcut in root.findChildren(QShortcut):
            answered |= {portable(k) for k in shortcut.keys()}  # noqa: SIM118 (a method)
    answered |= {portable(QKeySequence(key)) for key in VIDEO_KEYS}
    answered |= {portable(QKeySequence(key)) for key in PRESENTER_KEYS}
    answered |= {"Down", "Esc", "/", "Return"}  # the search field's own keys
    answered.discard("")
    assert len(answered) > 30

    dialog = window.menus.show_keys()
    assert isinstance(dialog, ShortcutsDialog)
    listed = {portable(k) for _, keys, _ in dialog.rows for k in keys}
    assert answered - listed == set()
    # A screen reader reads the table: each row's keys and what they do.
    tree = dialog.tree
    first_place = tree.topLevelItem(0)
    assert first_place.text(0) == "The window"
    assert first_place.child(0).text(1) == "Go to the search field"
    assert "Ctrl+K" in first_place.child(0).text(0)
    dialog.close()
