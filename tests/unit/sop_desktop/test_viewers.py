"""Opening from a result: a PDF at the page that matched, a video with its captions."""

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from sop_desktop.mainwindow import MainWindow
from sop_desktop.pdf_viewer import PdfViewer
from sop_desktop.video_player import VideoPlayer
from tests.unit.sop_desktop.conftest import type_query


def test_a_result_opens_its_pdf_at_the_matching_page(qtbot: QtBot, window: MainWindow) -> None:
    outcome = type_query(qtbot, window, "monitoring over time")
    first = outcome.rows[0]
    assert first.resource.id == "safety-plan-development-guide" and first.location == {"page": 3}
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    viewer_window = window.viewers["safety-plan-development-guide"]
    viewer = viewer_window.viewer
    assert isinstance(viewer, PdfViewer) and viewer_window.isVisible()
    assert viewer.document.pageCount() == 3
    qtbot.waitUntil(lambda: viewer.current_page() == 3)
    assert viewer.find_field.text() == "monitoring"
    qtbot.waitUntil(lambda: viewer.search_model.count() > 0)
    viewer.previous_page()
    assert viewer.current_page() == 2
    viewer.find_next()
    assert viewer.find_status.text().startswith("1 of ")
    assert window.library.state.recently_viewed()[0] == "safety-plan-development-guide"


def test_a_video_plays_with_captions_in_the_chosen_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    outcome = type_query(qtbot, window, "house of dreams")
    video = next(row for row in outcome.rows if row.resource.type == "video")
    assert video.location is not None and video.location["time_ms"] == 15000
    window.open_resource(video.resource, video.location)
    player = window.viewers[video.resource.id].viewer
    assert isinstance(player, VideoPlayer)
    qtbot.waitUntil(
        lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        timeout=15_000,
    )
    assert player.player.position() >= 15000  # it opened where the words are spoken
    assert [player.captions_box.itemData(i) for i in range(player.captions_box.count())] == [
        "",
        "en",
        "es",
    ]
    assert player.caption_language() == "en"
    qtbot.waitUntil(lambda: "dream" in player.caption.text().lower(), timeout=5000)
    english = player.caption.text()
    player.captions_box.setCurrentIndex(player.captions_box.findData("es"))
    assert player.caption.text() and player.caption.text() != english  # the Spanish cue
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PausedState)
    before = player.player.position()
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.player.position() <= before - 4000
    qtbot.keyClick(player, Qt.Key.Key_C)  # cycles to "captions off"
    assert player.caption_language() == "" and player.caption.text() == ""
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert player.window().isFullScreen()
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert not player.window().isFullScreen()
