"""Markdown, HTML and plain-text documents read inside the program, offline: the starter's
documents shown as text (no program of the laptop asked), found in, opened at a search's words,
printed, presented; nothing they name fetched."""

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QByteArray, Qt, QUrl
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QDesktopServices,
    QImage,
    QPalette,
    QPixmap,
    QPixmapCache,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resources_index.catalog.model import KitItem
from sop_desktop.appearance import apply_appearance
from sop_desktop.viewers.text_view import (
    MAX_HTML_DEPTH,
    MAX_LINE_CHARACTERS,
    MAX_MARKED,
    TextView,
    broken_lines,
    html_depth,
    match_positions,
)
from sop_desktop.viewers.text_viewer import TextViewer
from sop_desktop.visible_style import STYLE_CACHE_KB
from sop_desktop.window.main_window import MainWindow
from tests.helpers.capture import capture_server
from tests.helpers.printed import pdf_printer, read_back
from tests.helpers.window_driving import type_query

#: The starter's text documents, each with words of its own and the mark-up it must not show.
STARTER_TEXTS = {
    "words-and-pictures-tip-sheet": ("Why children need an explanation", "##"),
    "sop-glossary": ("A zero to ten question that makes judgement", "##"),
    "teaming-toolkit-for-partners": ("Teaming aligns everyone around the same worries", "<h2>"),
    "cultural-humility-practice-brief": ("Cultural humility", "<p>"),
    "glosario-sop": ("Pregunta de escala: una pregunta del cero al diez", ""),
}


@pytest.fixture
def opened_outside(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What would have been handed to the laptop's programs (nothing is, in these tests)."""
    handed: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        handed.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return handed


def text_viewer(qtbot: QtBot, window: MainWindow, resource_id: str) -> TextViewer:
    """The open document's viewer, its window active (as after a person's click)."""
    viewer_window = window.viewers[resource_id]
    viewer_window.activateWindow()
    qtbot.waitUntil(viewer_window.isActiveWindow)
    viewer = viewer_window.viewer
    assert isinstance(viewer, TextViewer)
    return viewer


def test_the_starter_s_text_documents_are_read_inside_the_program(
    qtbot: QtBot, window: MainWindow, opened_outside: list[QUrl]
) -> None:
    manifest = window.library.current()
    assert manifest is not None
    kinds = set()
    for resource_id, (words, markup) in STARTER_TEXTS.items():
        resource = manifest.by_id[resource_id]
        kinds.add(resource.main.media_type)
        window.open_resource(resource)
        viewer_window = window.viewers[resource_id]
        qtbot.waitExposed(viewer_window)
        viewer = text_viewer(qtbot, window, resource_id)
        shown = viewer.view.toPlainText()
        assert words in shown
        assert resource.title.split(":")[0] in shown
        if markup:
            assert markup not in shown  # read as a document, not as its source
        assert viewer_window.windowTitle() == resource.title
        # A screen reader hears the document's title, then can read its text.
        heard = QAccessible.queryAccessibleInterface(viewer.view)
        assert heard.text(QAccessible.Text.Name) == resource.title
        assert words in heard.text(QAccessible.Text.Value)
        reading = heard.textInterface()
        assert reading is not None and reading.characterCount() == len(shown)
        assert words in reading.text(0, reading.characterCount())
    assert kinds == {"text/markdown", "text/html", "text/plain"}
    assert opened_outside == [] and window.message_box is None  # no program of the laptop


def test_markdown_shows_its_headings_as_headings(qtbot: QtBot, window: MainWindow) -> None:
    resource = window.library.current().by_id["words-and-pictures-tip-sheet"]  # type: ignore[union-attr]
    window.open_resource(resource)
    document = text_viewer(qtbot, window, resource.id).view.document()
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    assert headings[:2] == [
        (1, "Words and pictures: explaining the worries to children"),
        (2, "Why children need an explanation"),
    ]


def test_find_in_a_text_document_counts_goes_through_and_ignores_accents(
    qtbot: QtBot, window: MainWindow
) -> None:
    manifest = window.library.current()
    assert manifest is not None
    window.open_resource(manifest.by_id["words-and-pictures-tip-sheet"])
    viewer = text_viewer(qtbot, window, "words-and-pictures-tip-sheet")
    qtbot.keyClick(viewer.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.find_field.hasFocus()
    qtbot.keyClicks(viewer.find_field, "Story")
    count = viewer.view.toPlainText().lower().count("story")
    assert count >= 4 and viewer.find_status.text() == f"{count} matches"
    qtbot.keyClick(viewer.find_field, Qt.Key.Key_Return)
    assert viewer.find_status.text() == f"1 of {count}"
    assert viewer.view.textCursor().selectedText() == "story"
    first = viewer.view.textCursor().position()
    viewer.find_next()
    assert viewer.find_status.text() == f"2 of {count}"
    assert viewer.view.textCursor().position() > first
    viewer.find_previous()
    viewer.find_previous()  # round to the last
    assert viewer.find_status.text() == f"{count} of {count}"
    assert len(viewer.view.extraSelections()) == count  # every match marked
    viewer.find_field.setText("nowhere in this text")
    assert viewer.find_status.text() == "0 matches" and viewer.view.extraSelections() == []
    assert viewer.view.textCursor().selectedText() == ""  # no old match beside "0 matches"
    # Ctrl+F again selects what the box holds: typing replaces it, as in a browser.
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(viewer.find_field, "story")
    assert viewer.find_field.text() == "story"

    window.open_resource(manifest.by_id["glosario-sop"])
    spanish = text_viewer(qtbot, window, "glosario-sop")
    spanish.find_field.setText("declaracion de dano")  # typed without accents
    spanish.find_next()
    assert spanish.view.textCursor().selectedText() == "Declaración de daño"


def test_positions_found_are_positions_in_the_text() -> None:
    text = "Niños y NIÑAS: los niños."
    assert match_positions(text, "ninos") == [0, 19]
    assert match_positions(text, "  niñas ") == [8]
    assert match_positions(text, "") == []


def test_a_text_document_opens_at_the_words_a_search_found(
    qtbot: QtBot, window: MainWindow
) -> None:
    outcome = type_query(qtbot, window, "revisit")
    row = next(r for r in outcome.rows if r.resource.id == "words-and-pictures-tip-sheet")
    window.open_resource(row.resource, row.location)
    viewer_window = window.viewers[row.resource.id]
    viewer = text_viewer(qtbot, window, row.resource.id)
    assert viewer.find_field.text() == "revisit"
    assert viewer.view.textCursor().selectedText().lower() == "revisit"
    assert viewer.find_status.text() == "1 of 1"
    # On a small window the text scrolls to the words (they are near its end).
    viewer_window.resize(520, 300)
    qtbot.waitUntil(lambda: viewer.view.verticalScrollBar().maximum() > 0)
    viewer.view.verticalScrollBar().setValue(0)
    window.open_resource(row.resource, row.location)  # opened again from the result
    bar = viewer.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    place = viewer.view.cursorRect(viewer.view.textCursor())
    assert viewer.view.viewport().rect().contains(place)


def test_the_keys_scroll_the_text_and_zoom_it(qtbot: QtBot, window: MainWindow) -> None:
    resource = window.library.current().by_id["sop-glossary"]  # type: ignore[union-attr]
    window.open_resource(resource)
    viewer_window = window.viewers[resource.id]
    viewer = text_viewer(qtbot, window, resource.id)
    viewer_window.resize(520, 300)
    qtbot.waitExposed(viewer_window)
    assert viewer.view.hasFocus() or QApplication.focusWidget() is viewer.view
    bar = viewer.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(viewer.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    size = viewer.view.document().defaultFont().pointSizeF()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_box.currentText() == "125%"
    assert viewer.view.document().defaultFont().pointSizeF() == pytest.approx(size * 1.25)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_box.currentText() == "75%"
    # The system's larger text makes the document larger too, zoom kept.
    font = viewer.view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    viewer.view.setFont(font)
    assert viewer.view.document().defaultFont().pointSizeF() == pytest.approx(size * 2 * 0.75)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Escape)  # Esc closes the document, as a PDF's
    qtbot.waitUntil(lambda: not viewer_window.isVisible())


def png_data_url() -> str:
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode()


@pytest.fixture
def capture() -> Iterator[str]:
    with capture_server(200) as server:
        yield server.url
        assert server.seen == []  # nothing reached the server


def test_nothing_a_document_names_is_fetched_or_read(
    qtbot: QtBot, tmp_path: Path, capture: str, opened_outside: list[QUrl]
) -> None:
    on_disk = tmp_path / "private.png"
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(on_disk))
    inside = png_data_url()
    page = (
        f'<html><head><link rel="stylesheet" href="{capture}style.css"></head><body>'
        f'<p>Before <img src="{capture}tracker.png"> <img src="{on_disk.as_uri()}">'
        f' <img src="private.png"> <img src="{inside}"> after.</p>'
        f'<p><a href="{capture}page">a page on the internet</a></p></body></html>'
    )
    view = TextView()
    qtbot.addWidget(view)
    view.document().setBaseUrl(QUrl.fromLocalFile(f"{tmp_path}/"))  # where "private.png" is
    view.resize(600, 400)
    view.show()
    view.show_text(page, "text/html")
    view.show_text(f"Words ![a picture]({capture}markdown.png) and more.", "text/markdown")
    qtbot.waitExposed(view)
    qtbot.wait(300)  # time enough for a request to have gone out
    refused = set(view.refused)
    assert f"{capture}markdown.png" in refused
    view.show_text(page, "text/html")
    qtbot.wait(300)
    # The relative name is refused as the file it resolves to.
    assert {f"{capture}tracker.png", on_disk.as_uri()} <= set(view.refused)
    assert inside not in view.refused  # the document's own picture is drawn
    image = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(inside))
    assert isinstance(image, QImage | QPixmap) and not image.isNull()
    for name in (on_disk.as_uri(), "private.png"):
        kept = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert kept is None or kept.isNull()


def test_a_web_link_opens_in_the_browser_only_when_confirmed(
    qtbot: QtBot, tmp_path: Path, capture: str, opened_outside: list[QUrl], monkeypatch
) -> None:
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open])

    def question(parent, title, text, buttons):  # the platform's own dialog is modal
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    viewer = TextViewer()
    qtbot.addWidget(viewer)
    failures: list[str] = []
    viewer.failed.connect(failures.append)
    link = QUrl(f"{capture}page")
    viewer.view.anchorClicked.emit(link)
    assert opened_outside == [] and len(asked) == 1 and link.toString() in asked[0]
    viewer.view.anchorClicked.emit(link)
    assert opened_outside == [link]  # confirmed: the browser, not this program, fetches it
    viewer.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert len(asked) == 2 and opened_outside == [link] and len(failures) == 1
    opened_outside.clear()  # the capture server received nothing from the program itself


def test_a_document_s_own_colours_give_way_to_the_appearance(qtbot: QtBot) -> None:
    view = TextView()
    qtbot.addWidget(view)
    view.show()

    def link_colour() -> QColor:
        return view.document().begin().next().begin().fragment().charFormat().foreground().color()

    page = (
        '<body bgcolor="#ffffff"><p style="color:#202020; background:#ffffff">Dark words'
        ' on white</p><p><a href="https://example.org/">a link</a></p></body>'
    )
    try:
        for appearance in ("dark", "light", "high_contrast"):
            apply_appearance(appearance)
            expected = QApplication.palette().color(QPalette.ColorRole.Link)
            qtbot.waitUntil(lambda c=expected: view.palette().color(QPalette.ColorRole.Link) == c)
            view.show_text(page, "text/html")
            document = view.document()
            words = document.begin().begin().fragment().charFormat()
            assert not words.hasProperty(words.Property.ForegroundBrush)
            assert not words.hasProperty(words.Property.BackgroundBrush)
            assert link_colour() == expected
        apply_appearance("dark")  # changed while the document is shown: its links follow
        dark = QApplication.palette().color(QPalette.ColorRole.Link)
        assert dark != expected
        qtbot.waitUntil(lambda: link_colour() == dark)
    finally:
        apply_appearance("light")


def test_print_prints_the_document_s_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from sop_desktop.dialogs import print_dialog

    monkeypatch.setattr(print_dialog.PrintChoices, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(print_dialog, "_printer", lambda *_: pdf_printer(tmp_path / "out.pdf"))
    resource = window.library.current().by_id["teaming-toolkit-for-partners"]  # type: ignore[union-attr]
    window.open_resource(resource)
    viewer_window = window.viewers[resource.id]
    viewer = text_viewer(qtbot, window, resource.id)
    qtbot.keyClick(viewer.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pages, text = read_back(tmp_path / "out.pdf")
    assert pages >= 1 and "Teaming aligns everyone" in " ".join(text.split())
    assert viewer_window.statusBar().currentMessage().startswith("Printed")


def test_presenting_a_text_document_shows_its_text_large_a_screen_at_a_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    show = window.present(
        [KitItem("words-and-pictures-tip-sheet", "Read it."), KitItem("sop-glossary")]
    )
    assert show is not None
    audience, text = show.audience, show.audience.text
    assert audience.stack.currentWidget() is text  # the text, not a title card
    assert "Why children need an explanation" in text.toPlainText()
    assert text.document().defaultFont().pointSizeF() >= 2 * window.font().pointSizeF()
    heard = QAccessible.queryAccessibleInterface(text)
    assert heard.text(QAccessible.Text.Name) == show.current.resource.title
    assert "Why children" in heard.text(QAccessible.Text.Value)
    bar = text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    screens = text.screens()[1]
    assert screens > 1 and show.presenter.position.text().endswith(f"screen 1 of {screens}")
    for number in range(2, screens + 1):  # PageDown goes a screen on, then to the next item
        qtbot.keyClick(audience, Qt.Key.Key_PageDown)
        assert show.index == 0 and bar.value() > 0
        assert show.presenter.position.text().endswith(f"screen {number} of {screens}")
    assert bar.value() == bar.maximum()
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert show.index == 1 and "Scaling question" in text.toPlainText()
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)  # back: at the end of the previous text
    assert show.index == 0
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0)
    show.stop()


MARKUP = st.sampled_from(
    ["<", ">", "&", "<img src=", "<a href=", "<style>", "](", "![", "#", "*", "`", "\n", '"']
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.one_of(st.text(max_size=40), MARKUP), max_size=40),
    media_type=st.sampled_from(["text/markdown", "text/html", "text/plain"]),
)
def test_hostile_text_is_shown_and_found_in_without_a_crash(
    qapp: QApplication, parts: list[str], media_type: str
) -> None:
    """Whatever a document holds, it is shown; what it names stays unread; find keeps to it."""
    text = "".join(parts)
    view = TextView()
    try:
        view.show_text(text, media_type)
        shown = view.document().toRawText()
        for refused in view.refused:
            assert not refused.startswith("data:")
        words = next((w for w in view.toPlainText().split() if len(w) > 2), "")
        count = view.find_words(words)
        assert (count > 0) == bool(words)
        for start in view.matches:
            assert 0 <= start < len(shown)
        view.go_to_match(0)
        assert view.textCursor().hasSelection() == bool(words)
    finally:
        view.deleteLater()


def test_a_document_too_deep_or_too_long_is_bounded_never_a_frozen_window(
    qtbot: QtBot,
) -> None:
    """A hostile or careless page: nesting past the bound is refused before Qt lays it out
    (its time grows with the square of the depth), a single enormous line is broken, and the
    tinted matches stay a bounded number around the current one."""
    deep = "<div>" * (MAX_HTML_DEPTH + 1) + "deep safety" + "</div>" * (MAX_HTML_DEPTH + 1)
    assert html_depth(deep) > MAX_HTML_DEPTH
    assert html_depth("<p>a<br>b<img src=x><hr/></p>" * 500) == 1  # wide, not deep
    long = "safety " * 5_000  # 35,000 characters on one line
    lines = broken_lines(long).split("\n")
    assert "".join(lines) == long and max(map(len, lines)) == MAX_LINE_CHARACTERS
    view = TextView()
    qtbot.addWidget(view)
    view.show_text(broken_lines(long), "text/plain")
    found = view.find_words("safety")  # a few cut where the line was broken
    assert found == broken_lines(long).count("safety") > 4_990
    assert len(view.extraSelections()) == MAX_MARKED
    view.go_to_match(found - 1)  # the last: the marks move with it
    assert view.extraSelections()[-1].cursor.position() == view.textCursor().position()


def test_html_inside_markdown_is_shown_as_written_never_dropped(qtbot: QtBot) -> None:
    view = TextView()
    qtbot.addWidget(view)
    view.show_text('<img src="x.png"> raw html in md. more words\n\nnext para\n', "text/markdown")
    shown = view.toPlainText()
    assert "more words" in shown and "next para" in shown, shown
    assert view.find_words("next para") == 1


def test_a_link_s_address_is_shown_encoded_with_its_host(
    qtbot: QtBot, opened_outside: list[QUrl], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A right-to-left mark cannot turn '…gpj.exe' into '…exe.jpg' in the question, a name
    before '@' cannot pass for the host, and a refused link is named, not Python's repr."""
    asked: list[str] = []

    def question(parent, title, text, buttons):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    viewer = TextViewer()
    qtbot.addWidget(viewer)
    failures: list[str] = []
    viewer.failed.connect(failures.append)
    viewer.view.anchorClicked.emit(QUrl("https://example.org/\u202egpj.exe"))
    viewer.view.anchorClicked.emit(QUrl("https://www.cdss.ca.gov@127.0.0.1:18474/phish"))
    assert "\u202e" not in asked[0] and "%E2%80%AEgpj.exe" in asked[0]
    assert "at 127.0.0.1:" in asked[1]
    viewer.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert failures == ["This link does not lead to a web page: file:///etc/passwd"]
    assert opened_outside == []


def test_a_closed_document_leaves_nothing_behind_but_bounded_style_pieces(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its window, viewer and text are destroyed once closed; what the style keeps of the
    controls it drew (under keys of that window's own) stays within the program's limit."""
    manifest = window.library.current()
    assert manifest is not None
    resource = manifest.by_id["sop-glossary"]
    window.open_resource(resource)
    viewer_window = window.viewers[resource.id]
    qtbot.waitExposed(viewer_window)
    viewer = viewer_window.viewer
    assert isinstance(viewer, TextViewer)
    document = viewer.view.document()
    viewer_window.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(document))
    assert not shiboken6.isValid(viewer) and resource.id not in window.viewers
    assert QPixmapCache.cacheLimit() == STYLE_CACHE_KB < 10_240  # Qt's own: 10 MB
