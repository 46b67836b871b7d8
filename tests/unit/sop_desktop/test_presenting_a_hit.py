"""Present from a search hit: a video starts where the words are spoken, with the captions of
the language they were found in, and the keys' table lists C among the presenting keys; in
English and in Spanish, as the presenter view says it to a screen reader."""

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import open_window, type_query


@pytest.mark.parametrize(
    ("fixture", "query", "language", "said", "presenting"),
    [
        ("english", "house of dreams", "en", "captions: English", "Presenting"),
        ("spanish", "casa de los suenos video", "es", "subtítulos: español", "Al presentar"),
    ],
)
def test_a_video_hit_is_presented_at_its_time_with_its_captions(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    starter_library: Library,
    fixture: str,
    query: str,
    language: str,
    said: str,
    presenting: str,
) -> None:
    request.getfixturevalue(fixture)
    window: MainWindow = open_window(qtbot, starter_library)
    outcome = type_query(qtbot, window, query)
    index, row = next((i, r) for i, r in enumerate(outcome.rows) if r.resource.type == "video")
    assert row.location is not None and row.location["language"] == language
    window.results.setCurrentIndex(window.results_model.index(index))
    assert window.details.resource is not None and window.details.resource.id == row.resource.id
    window.details.present_button.click()
    show = window.presentation
    assert show is not None and show.running
    video = show.audience.video
    playing = QMediaPlayer.PlaybackState.PlayingState
    qtbot.waitUntil(lambda: video.player.playbackState() == playing, timeout=15_000)
    assert video.player.position() >= row.location["time_ms"] - 1000  # not from 0:00
    assert video.caption_language() == language
    heard = QAccessible.queryAccessibleInterface(show.presenter.position).text(
        QAccessible.Text.Name
    )
    assert said in heard
    show.stop()
    # The same hit opened (not presented) starts there too, with the same captions.
    window.open_current()
    player = window.viewers[row.resource.id].viewer
    qtbot.waitUntil(lambda: player.player.playbackState() == playing, timeout=15_000)  # type: ignore[union-attr]
    assert player.caption_language() == language  # type: ignore[union-attr]
    assert player.player.position() >= row.location["time_ms"] - 1000  # type: ignore[union-attr]
    # Help › Keyboard shortcuts: C is among the keys that work while presenting.
    dialog = window.menus.show_keys()
    heading = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == presenting
    )
    keys = [heading.child(i).text(0) for i in range(heading.childCount())]
    assert "C" in keys
    dialog.close()
    for viewer in list(window.viewers.values()):
        viewer.close()
    window.close()
