"""Presenting as a trainer does on one screen: notes private, pages whole, videos under control;
and on two, the notes on the laptop."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from resources_index.catalog.model import KitItem
from sop_desktop.viewers.presenter import Presentation, presenter_screen
from sop_desktop.window.main_window import MainWindow


def test_on_one_screen_the_notes_stay_private_until_asked_for(
    qtbot: QtBot, window: MainWindow
) -> None:
    screens = QGuiApplication.screens()
    assert presenter_screen(screens, screens[0]) is None  # nowhere private to put them
    show = window.present([KitItem("safety-plan-development-guide", "Say hello.")])
    assert show is not None and show.audience.isFullScreen()
    assert not show.presenter.isVisible()  # the room's picture is not covered
    qtbot.keyClick(show.audience, Qt.Key.Key_N)
    assert show.presenter.isVisible() and show.presenter.note.text() == "Say hello."
    qtbot.keyClick(show.presenter, Qt.Key.Key_N)
    assert not show.presenter.isVisible()
    # The page is shown whole: nothing of it below the screen's edge to scroll to.
    view = show.audience.pdf.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() == 0)
    assert view.horizontalScrollBar().maximum() == 0
    with qtbot.waitSignal(show.ended):
        qtbot.keyClick(show.audience, Qt.Key.Key_Escape)


def test_a_video_pauses_resumes_and_ends_on_a_clear_cue(qtbot: QtBot, window: MainWindow) -> None:
    show = window.present([KitItem("three-houses-video"), KitItem("sop-glossary")])
    assert show is not None
    player, audience = show.audience.video.player, show.audience
    qtbot.waitUntil(lambda: player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)
    qtbot.keyClick(audience, Qt.Key.Key_Space)  # pauses: it does not skip to the next item
    assert player.playbackState() == QMediaPlayer.PlaybackState.PausedState and show.index == 0
    assert show.presenter.position.text().endswith("· paused")
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    assert player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    qtbot.waitUntil(lambda: player.duration() > 0)
    player.setPosition(player.duration() - 400)
    qtbot.waitUntil(lambda: show.video_ended, timeout=10_000)
    assert audience.stack.currentWidget() is audience.card
    assert "(the video has ended)" in audience.card.text()
    assert "Space plays it again" in show.presenter.blanked.text()
    qtbot.keyClick(audience, Qt.Key.Key_Space)  # plays it again from the start
    assert audience.stack.currentWidget() is audience.video and not show.video_ended
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert show.index == 1
    with qtbot.waitSignal(show.ended):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)


TWO_SCREENS = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from resources_index.catalog.model import KitItem
from resources_index.library.library import open_library
from sop_desktop.viewers.presenter import Presentation, Slide

app = QApplication([])
library = open_library(Path(sys.argv[1]))
laptop, projector = app.screens()
resource = library.current().by_id["safety-plan-development-guide"]
show = Presentation(library, [Slide(KitItem(resource.id, "Say hello."), resource)], projector)
show.start()
for _ in range(40):  # the page is drawn in the background
    app.processEvents()
    time.sleep(0.025)
print(json.dumps({
    "screens": [s.name() for s in app.screens()],
    "audience": show.audience.screen().name(),
    "audience_full": show.audience.isFullScreen(),
    "presenter": show.presenter.screen().name(),
    "presenter_visible": show.presenter.isVisible(),
    "note": show.presenter.note.text(),
}))
show.audience.grab().save(sys.argv[2] + "-projector.png")
show.presenter.grab().save(sys.argv[2] + "-laptop.png")
show.stop()
"""


def test_with_two_screens_the_presenter_view_is_on_the_one_the_room_does_not_see(
    tmp_path: Path,
) -> None:
    """A laptop and a projector (Qt's offscreen platform given two screens)."""
    config = Path(__file__).resolve().parents[2] / "data" / "two_screens.json"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", TWO_SCREENS, str(tmp_path / "library"), str(tmp_path / "shot")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screens"] == ["LAPTOP", "PROJECTOR"]
    assert seen["audience"] == "PROJECTOR" and seen["audience_full"]
    assert seen["presenter"] == "LAPTOP" and seen["presenter_visible"]
    assert seen["note"] == "Say hello."
    assert (tmp_path / "shot-projector.png").stat().st_size > 0


def pages_shown(show: Presentation) -> int:
    return show.audience.pdf.current_page()


def test_page_up_from_the_next_item_lands_on_the_last_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    show = window.present([KitItem("safety-plan-development-guide"), KitItem("sop-glossary")])
    assert show is not None
    count = show.audience.pdf.document.pageCount()
    assert count > 1
    for _ in range(count):  # through every page, on to item 2
        qtbot.keyClick(show.audience, Qt.Key.Key_PageDown)
    assert show.index == 1
    qtbot.keyClick(show.audience, Qt.Key.Key_PageUp)
    assert show.index == 0 and show.page == count
    qtbot.waitUntil(lambda: pages_shown(show) == count)
    assert show.presenter.position.text().endswith(f"page {count} of {count}")
    show.stop()


def test_a_deck_counts_slides(qtbot: QtBot, window: MainWindow) -> None:
    show = window.present([KitItem("sop-overview-module", start=2), KitItem("sop-glossary")])
    assert show is not None
    heard = QAccessible.queryAccessibleInterface(show.presenter.position).text(
        QAccessible.Text.Name
    )
    assert heard.endswith("slide 2 of 5") and "page" not in heard
    show.stop()


def test_a_video_visited_again_plays_and_c_switches_its_captions(
    qtbot: QtBot, window: MainWindow
) -> None:
    show = window.present([KitItem("three-houses-video"), KitItem("sop-glossary")])
    assert show is not None
    player = show.audience.video.player
    playing = QMediaPlayer.PlaybackState.PlayingState
    qtbot.waitUntil(lambda: player.playbackState() == playing and player.position() > 300)
    assert "· captions: English ·" in show.presenter.position.text()
    video = show.audience.video
    said: list[str] = []
    video.announcer.said.connect(said.append)
    # C goes through the captions the video has: English, Spanish, off, and round again.
    for language, shown, heard in (
        ("es", "· captions: Spanish ·", "Captions: Spanish"),
        ("", "· captions off ·", "Captions off"),
        ("en", "· captions: English ·", "Captions: English"),
        ("es", "· captions: Spanish ·", "Captions: Spanish"),
    ):
        qtbot.keyClick(show.audience, Qt.Key.Key_C)
        assert video.caption_language() == language
        assert shown in show.presenter.position.text()
        assert said[-1] == heard
    face = QAccessible.queryAccessibleInterface(show.presenter.position)
    assert "captions: Spanish" in face.text(QAccessible.Text.Name)
    qtbot.keyClick(show.audience, Qt.Key.Key_PageDown)
    qtbot.keyClick(show.audience, Qt.Key.Key_PageUp)  # the video a second time
    assert show.index == 0 and show.audience.stack.currentWidget() is show.audience.video
    qtbot.waitUntil(lambda: player.playbackState() == playing and player.position() > 300)
    show.stop()


def test_the_notes_match_the_screen_after_quick_page_downs(
    qtbot: QtBot, window: MainWindow
) -> None:
    items = [
        KitItem("sop-overview-module", "Overview."),
        KitItem("safety-plan-development-guide", "The guide.", 2),
        KitItem("three-houses-video", "The video."),
        KitItem("sop-glossary", "The glossary."),
    ]
    show = window.present(items)
    assert show is not None
    library = window.library
    for presses in (5, 1, 2):
        for _ in range(presses):  # as fast as a clicker sends them
            qtbot.keyClick(show.audience, Qt.Key.Key_PageDown)
        deadline = QElapsedTimer()
        deadline.start()
        while deadline.elapsed() < 2500:  # whatever arrives late has arrived
            qtbot.wait(100)
            resource = show.current.resource
            assert show.presenter.current.text() == resource.title
            assert show.presenter.note.text() == show.current.item.note
            shown = show.audience.stack.currentWidget()
            path = str(library.object_path(resource.shown.sha256))
            if shown is show.audience.pdf:
                assert str(show.audience.pdf.path) == path
                if deadline.elapsed() > 500:
                    assert pages_shown(show) == show.page
                assert show.presenter.position.text().endswith(
                    f"{show.page} of {show.audience.pdf.document.pageCount()}"
                )
            elif shown is show.audience.video:
                assert show.audience.video.player.source().toLocalFile() == path
            elif shown is show.audience.text:
                assert show.audience.text.accessibleName() == resource.title
            else:
                assert resource.title in show.audience.card.text()
    show.stop()


def test_kit_item_labels_wrap_whole_instead_of_losing_their_middle(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.kits
    window.side.setCurrentWidget(panel)
    panel.new_kit("Long labels")
    manifest = window.library.current()
    assert manifest is not None
    window.details.show_resource(manifest.by_id["sop-overview-module"])
    panel.buttons["add"].click()
    panel.items.setCurrentRow(0)
    panel.start.setText("3")
    panel.start.editingFinished.emit()
    entry = panel.items.item(0)
    assert entry.text().endswith("· from slide 3")
    panel.items.setFixedWidth(window.fontMetrics().averageCharWidth() * 24)
    qtbot.waitUntil(
        lambda: panel.items.visualItemRect(entry).height() > 2 * window.fontMetrics().height()
    )
    assert panel.items.wordWrap()
    assert panel.items.textElideMode() != Qt.TextElideMode.ElideMiddle


def test_a_long_note_and_a_long_title_fit_their_boxes_at_1366_by_768(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The note shrinks to fit the presenter view (then scrolls, never cut off at its edge);
    a title card fits the projector; a screen reader reads the whole note."""
    note = "Ask the family who they would call first when things get hard. " * 14
    show = window.present([KitItem("sop-glossary", note=note.strip())])
    assert show is not None
    show.audience.resize(1366, 768)
    show.toggle_notes()
    view = show.presenter
    view.resize(660, 420)
    qtbot.waitUntil(lambda: view.note_box.viewport().height() > 0)
    view.note_box.fit()
    assert view.note_box.fits()  # all of it in view, smaller than 16 pt
    assert view.note.font().pointSizeF() < 16
    face = QAccessible.queryAccessibleInterface(view.note)
    assert face.text(QAccessible.Text.Name) == note.strip()
    # The title card (a video's end, a document with nothing to show) fits the screen too.
    show.audience.stack.setCurrentWidget(show.audience.card)
    show.audience.card.setText("A very long title of a resource " * 8)
    qtbot.wait(20)
    assert show.audience.card.fits()
    view.note_box.setText(note * 6)  # more than fits even small: it scrolls
    assert not view.note_box.fits()
    qtbot.waitUntil(lambda: view.note_box.verticalScrollBar().maximum() > 0)
    assert view.note.height() >= view.note.heightForWidth(view.note.width())  # nothing cut
    show.stop()
