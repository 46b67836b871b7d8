"""Opening from a result: a PDF at the page that matched, a video with its captions."""

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.viewers.pdf_viewer import PdfViewer
from sop_desktop.viewers.video_player import VideoPlayer
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import type_query
from tests.helpers.xvfb import virtual_screen

ROOT = Path(__file__).resolve().parents[3]


def test_a_result_opens_its_pdf_at_the_matching_page(qtbot: QtBot, window: MainWindow) -> None:
    outcome = type_query(qtbot, window, "monitoring over time")
    first = outcome.rows[0]
    assert first.resource.id == "safety-plan-development-guide" and first.location == {"page": 2}
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    viewer_window = window.viewers["safety-plan-development-guide"]
    viewer = viewer_window.viewer
    assert isinstance(viewer, PdfViewer) and viewer_window.isVisible()
    assert viewer.document.pageCount() == 2
    qtbot.waitUntil(lambda: viewer.current_page() == 2)
    assert viewer.find_field.text() == "monitoring"
    qtbot.waitUntil(lambda: viewer.search_model.count() > 0)
    viewer.previous_page()
    assert viewer.current_page() == 1
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
    said: list[str] = []
    player.announcer.said.connect(said.append)
    qtbot.keyClick(player, Qt.Key.Key_C)  # Spanish, then off ...
    assert player.caption_language() == "" and player.caption.text() == ""
    assert said == ["Captions off"] and player.captions_box.currentText() == "Captions off"
    qtbot.keyClick(player, Qt.Key.Key_C)  # ... then English, then Spanish again
    assert player.caption_language() == "en" and said[-1] == "Captions: English"
    qtbot.keyClick(player, Qt.Key.Key_C)
    assert player.caption_language() == "es" and said[-1] == "Captions: Spanish"
    box = QAccessible.queryAccessibleInterface(player.captions_box)
    assert box.text(QAccessible.Text.Value) == "Spanish"  # the state, shown and heard
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert player.window().isFullScreen()
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert not player.window().isFullScreen()


def test_what_was_found_in_one_language_opens_in_that_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A video found through its Spanish captions starts with Spanish captions."""
    outcome = type_query(qtbot, window, "casa de los suenos")  # as typed without accents
    video = next(row for row in outcome.rows if row.resource.type == "video")
    assert video.location is not None and video.location["language"] == "es"
    window.open_resource(video.resource, video.location)
    player = window.viewers[video.resource.id].viewer
    assert isinstance(player, VideoPlayer) and player.caption_language() == "es"


def test_a_document_found_through_the_other_language_finds_its_own_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.filters.check("language", "es")
    outcome = type_query(qtbot, window, "three houses")
    row = next(r for r in outcome.rows if r.resource.id == "tres-casas-hoja-de-consejos")
    assert "houses" not in row.snippet.lower()  # found through the glossary's Spanish words
    window.open_resource(row.resource, row.location)
    viewer = window.viewers[row.resource.id].viewer
    assert isinstance(viewer, PdfViewer)
    assert viewer.find_field.text().lower() in ("tres", "casas")
    qtbot.waitUntil(lambda: not viewer.find_status.text().startswith("0"), timeout=5000)


def test_a_pdf_prints_the_chosen_pages_fitted_to_the_paper(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    resource = starter_library.current().by_id["safety-plan-development-guide"]  # type: ignore[union-attr]
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    assert viewer.open(starter_library.object_path(resource.main.sha256))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert viewer.print_to(printer, 1, 2) == 2
    printed = pdfium.PdfDocument(tmp_path / "printed.pdf")
    assert len(printed) == 2
    pictures = [page.render(scale=0.5).to_pil().convert("L") for page in printed]
    for picture in pictures:  # each sheet carries a page of the document, not blank paper
        darkest, lightest = picture.getextrema()
        assert darkest < 100 and lightest > 200
    assert pictures[0].tobytes() != pictures[1].tobytes()  # pages 2 and 3, not one page twice
    printed.close()


def test_a_file_is_saved_as_a_checked_copy_from_the_details(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    outcome = type_query(qtbot, window, "monitoring over time")
    resource = outcome.rows[0].resource
    assert window.details.resource == resource and window.details.save_button.isVisible()
    target = tmp_path / "usb" / "plan.pdf"
    window.save_copy(target=target)
    # The copy is made in the background: its result can only come through the event loop.
    assert str(target) not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage())
    source = window.library.object_path(resource.main.sha256)
    assert target.read_bytes() == source.read_bytes()
    source.chmod(0o644)
    source.write_bytes(b"x" * resource.main.size)  # damaged in the library: never handed out
    window.save_copy(resource, tmp_path / "damaged.pdf")
    qtbot.waitUntil(lambda: window.message_box is not None)
    assert not (tmp_path / "damaged.pdf").exists()
    assert "damaged" in window.message_box.text()
    window.message_box.close()


def test_a_word_or_powerpoint_file_opens_inside_at_the_slide_or_page_of_its_hit(
    qtbot: QtBot, window: MainWindow
) -> None:
    """No Office on this laptop: the PDF copy made when it was published is shown, searched
    and printed inside; the window never says no program opens it."""
    outcome = type_query(qtbot, window, "rigorous balanced assessment")
    first = outcome.rows[0]
    assert first.resource.id == "sop-overview-module" and first.location == {"slide": 3}
    assert first.resource.main.name.endswith(".pptx")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    viewer_window = window.viewers["sop-overview-module"]
    viewer = viewer_window.viewer
    assert isinstance(viewer, PdfViewer) and viewer_window.isVisible()
    assert viewer.document.pageCount() == 5  # one page per slide
    qtbot.waitUntil(lambda: viewer.current_page() == 3)
    assert viewer.find_field.text() == "rigorous"
    qtbot.waitUntil(lambda: viewer.search_model.count() > 0)
    assert window.message_box is None

    outcome = type_query(qtbot, window, "what was the impact on the child")
    worksheet = next(r for r in outcome.rows if r.resource.main.name.endswith(".docx"))
    assert worksheet.location == {"page": 1}  # a Word file's pages are its PDF copy's
    window.open_resource(worksheet.resource, worksheet.location)
    word = window.viewers[worksheet.resource.id].viewer
    assert isinstance(word, PdfViewer) and word.document.pageCount() >= 1
    assert "PDF copy to read and print here" in window.details.files.text()
    assert window.message_box is None


def test_save_a_copy_offers_the_original_first_and_the_pdf_copy_second(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []
    answers = iter(
        [
            (str(tmp_path / "usb" / "worksheet.docx"), "DOCX files (*.docx)"),
            (str(tmp_path / "usb" / "worksheet.docx"), "PDF copy (*.pdf)"),
        ]
    )

    def choose(parent, caption, start, filters):  # the platform's own dialog is modal
        offered.append(filters)
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    resource = window.library.current().by_id["harm-and-danger-statements-worksheet"]
    window.details.show_resource(resource)
    window.save_copy()
    qtbot.waitUntil(lambda: (tmp_path / "usb" / "worksheet.docx").exists())
    assert offered == ["DOCX files (*.docx);;PDF copy (*.pdf)"]
    original = window.library.object_path(resource.main.sha256).read_bytes()
    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage())
    assert (tmp_path / "usb" / "worksheet.docx").read_bytes() == original
    window.save_copy()
    qtbot.waitUntil(lambda: (tmp_path / "usb" / "worksheet.pdf").exists())
    rendition = window.library.object_path(resource.shown.sha256).read_bytes()
    qtbot.waitUntil(lambda: (tmp_path / "usb" / "worksheet.pdf").stat().st_size == len(rendition))
    assert (tmp_path / "usb" / "worksheet.pdf").read_bytes() == rendition
    assert rendition.startswith(b"%PDF")


def test_a_video_opens_without_ffmpeg_printing_its_streams_on_the_terminal(
    qtbot: QtBot, window: MainWindow, capfd: pytest.CaptureFixture[str]
) -> None:
    manifest = window.library.current()
    assert manifest is not None
    capfd.readouterr()
    window.open_resource(manifest.by_id["three-houses-video"], {"time_ms": 0})
    player = window.viewers["three-houses-video"].viewer
    assert isinstance(player, VideoPlayer)
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=15_000)
    qtbot.wait(300)
    printed = capfd.readouterr()
    for dump in ("Stream #0", "Input #0", "Metadata:", "Using Qt multimedia with FFmpeg"):
        assert dump not in printed.err + printed.out, printed.err


#: Opens the starter's video in the real window on an X screen and closes it, six times, drawn
#: as Qt draws where it finds no OpenGL (a machine without a graphics driver); prints how far it
#: played and the shared memory (MB) the process holds after the first and the last closing (a
#: window's frame buffer is shared with the X server).
PLAY_A_VIDEO = """
import re, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from resources_index.library.library import open_library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.morning import pause, wait_until
def shared_mb():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"^RssShmem:\\s+(\\d+) kB", status, re.M).group(1)) / 1024
QApplication.setAttribute(Qt.ApplicationAttribute.AA_ForceRasterWidgets)
app = QApplication(sys.argv)
window = MainWindow(open_library(Path(sys.argv[1])))
window.show()
video = window.library.current().by_id["three-houses-video"]
shared = []
for _ in range(6):
    window.open_resource(video, {"time_ms": 0})
    player = window.viewers[video.id].viewer
    wait_until(lambda: player.player.position() > 500)
    played = player.player.position()
    window.viewers[video.id].close()
    wait_until(lambda: video.id not in window.viewers)
    pause(200)
    shared.append(shared_mb())
print(played, shared[0], shared[-1])
window.close()
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an X screen's shared memory")
def test_a_video_window_drawn_without_opengl_leaves_no_frame_behind(tmp_path: Path) -> None:
    """Where Qt draws a video without OpenGL, a video window closed leaves no frame buffer
    behind (2.5 MB each, which Qt never frees)."""
    with virtual_screen() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        done = subprocess.run(
            [sys.executable, "-c", PLAY_A_VIDEO, str(tmp_path / "library")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    played, first, last = done.stdout.split()
    assert int(played) > 500  # it played
    assert float(last) - float(first) < 1.0, (first, last)  # five more windows closed
