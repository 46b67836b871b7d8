"""Captions that cannot be shown are said in the reader's language by the video player, and
the video still plays without them (the file's name named, never the parser's English)."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from sop_desktop.viewers.video_player import VideoPlayer
from tests.helpers.source_tree import STARTER_VIDEO


def test_broken_or_missing_captions_are_said_in_spanish(
    qtbot: QtBot, spanish: None, tmp_path: Path
) -> None:
    broken = tmp_path / "intro.es.vtt"
    broken.write_text("this is not WebVTT\n")
    missing = tmp_path / "intro.en.vtt"
    player = VideoPlayer()
    qtbot.addWidget(player)
    said: list[str] = []
    player.failed.connect(said.append)
    player.open(STARTER_VIDEO, {"es": broken, "en": missing})
    assert said[:2] == [
        "No se puede mostrar el archivo de subtítulos intro.es.vtt: no es WebVTT válido.",
        "No se puede leer el archivo de subtítulos intro.en.vtt (no existe).",
    ], said
    assert player.tracks == {}  # neither is offered, and the video opens without them
    assert player.captions_box.count() == 1
    player.player.stop()


def test_broken_captions_are_said_in_english_in_an_english_window(
    qtbot: QtBot, english: None, tmp_path: Path
) -> None:
    broken = tmp_path / "intro.es.vtt"
    broken.write_text("this is not WebVTT\n")
    player = VideoPlayer()
    qtbot.addWidget(player)
    said: list[str] = []
    player.failed.connect(said.append)
    player.open(STARTER_VIDEO, {"es": broken})
    assert said[0] == "The captions file intro.es.vtt cannot be shown: it is not valid WebVTT."
    player.player.stop()
