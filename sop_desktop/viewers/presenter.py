"""Presenting a kit: the audience screen full screen (the projector), the presenter view on the
laptop with the current and next item, the item's note and the elapsed time.

Keys, on either window, as presentation clickers send them: PageDown, Right, Down or Space for
the next page or item, PageUp, Left or Up for the previous, B to blank the audience screen, N
to show or hide the notes, C to go through a video's captions (English, Spanish, off), Esc to
leave. PDFs go page by page, each page whole on the screen (back from the next item, at the
last page); a text document (Markdown, HTML, plain text) shows its text in large type, a screen
at a time (back from the next item, at its end); videos play with their captions (Space or K
pauses and plays them; at their end a card says so); other kinds show a title card. With one
screen (or a mirrored projector) the notes stay private until N shows them; with two, the
presenter view is on the screen the room does not see. A kit that is not fully on the laptop
is refused before it starts (see ``readiness``).
"""

from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QScreen,
)
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QWidget

from resources_index.catalog.model import KitItem
from resources_index.catalog.positions import is_deck, is_paged, is_text, is_timed
from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from sop_desktop.labels import label, language_in_sentence, time_text
from sop_desktop.viewers.presenter_windows import AudienceScreen, PresenterView

CAPTION_KEY = Qt.Key.Key_C  # on a video: the next captions it has (English, Spanish, off)
NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
PLAY_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_K}  # on a video: pause and play, not "next"
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up}
LAST_PAGE = 1_000_000
#: Every key a presentation answers (the shortcuts list in Help names each).
PRESENTER_KEYS = (
    NEXT_KEYS
    | PLAY_KEYS
    | PREVIOUS_KEYS
    | {CAPTION_KEY, Qt.Key.Key_N, Qt.Key.Key_B, Qt.Key.Key_Escape}
)


@dataclass(frozen=True)
class Slide:
    """One step of the presentation: an item of the kit and its resource."""

    item: KitItem
    resource: Resource
    captions: str = ""  # a video's captions at first: the language a search found words in


def presenter_screen(screens: list[QScreen], audience: QScreen) -> QScreen | None:
    """The screen for the presenter view: one the room does not see, or None when there is no
    such screen (one screen, or a projector mirroring the laptop's)."""
    others = [s for s in screens if s is not audience and s.geometry() != audience.geometry()]
    return others[0] if others else None


class Presentation(QObject):
    """Steps through ``slides`` on an audience screen and a presenter view."""

    ended = Signal()

    def __init__(self, library: Library, slides: list[Slide], screen: QScreen | None = None):
        super().__init__()
        self.library = library
        self.slides = slides
        self.index = 0
        self.page = 1
        self.is_blank = False
        self.running = False
        self.text_shown = False  # the current item's text is on the screen (not its card)
        self.audience = AudienceScreen(self)
        self.presenter = PresenterView(self)
        self.video_ended = False
        self.audience.video.player.mediaStatusChanged.connect(self._media_status)
        self.elapsed = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.screen = screen

    # -- start and end -----------------------------------------------------------------------

    def start(self, first: int = 0) -> None:
        screens = QGuiApplication.screens()
        target = self.screen or (screens[1] if len(screens) > 1 else screens[0])
        self.audience.setScreen(target)
        self.audience.setGeometry(target.geometry())
        self.audience.showFullScreen()
        own = presenter_screen(screens, target)
        if own is None:  # one screen, or a mirrored projector: the notes stay private
            self.audience.activateWindow()
            self.audience.setFocus()
        else:
            self.presenter.setScreen(own)
            self.presenter.move(own.availableGeometry().topLeft())
            self.presenter.show()
            self.presenter.activateWindow()
            self.presenter.setFocus()
        self.running = True
        self.elapsed.start()
        self.ticker.start()
        self._enter(min(max(0, first), len(self.slides) - 1))

    def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        self.ticker.stop()
        self.audience.video.stop()
        self.audience.close()
        self.presenter.close()
        # Qt deletes the windows from its event loop. Left to Python, they would go with the
        # next presentation, whenever the garbage collector breaks their reference cycle: at
        # any moment, on any thread, even while Qt is still delivering their events (a crash).
        for window in (self.audience, self.presenter, self):
            window.deleteLater()
        self.ended.emit()

    # -- keys --------------------------------------------------------------------------------

    def handle_key(self, key: Qt.Key) -> bool:
        if key in PLAY_KEYS and is_timed(self.current.resource) and not self.is_blank:
            self.play_or_pause()
        elif key == CAPTION_KEY:
            if is_timed(self.current.resource):
                self.audience.video.next_captions()
                self._describe()
        elif key == Qt.Key.Key_N:
            self.toggle_notes()
        elif key in NEXT_KEYS:
            self.forward()
        elif key in PREVIOUS_KEYS:
            self.back()
        elif key == Qt.Key.Key_B:
            self.toggle_blank()
        elif key == Qt.Key.Key_Escape:
            self.stop()
        else:
            return False
        return True

    def forward(self) -> None:
        if self._is_pdf() and self.page < self.audience.pdf.document.pageCount():
            self.page += 1
            self.audience.pdf.go_to_page(self.page)
            self._describe()
        elif self.text_shown and self.audience.text.scroll_screen(1):
            self._describe()
        elif self.index + 1 < len(self.slides):
            self._enter(self.index + 1)

    def back(self) -> None:
        if self._is_pdf() and self.page > 1:
            self.page -= 1
            self.audience.pdf.go_to_page(self.page)
            self._describe()
        elif self.text_shown and self.audience.text.scroll_screen(-1):
            self._describe()
        elif self.index > 0:
            self._enter(self.index - 1, at_end=True)

    def toggle_notes(self) -> None:
        """Show or hide the presenter view (on one screen it covers the room's picture)."""
        if self.presenter.isVisible():
            self.presenter.hide()
            self.audience.activateWindow()
            self.audience.setFocus()
        else:
            self.presenter.show()
            self.presenter.raise_()
            self.presenter.activateWindow()
            self.presenter.setFocus()

    def play_or_pause(self) -> None:
        """A video's Space: pause, play on, or (after its end) play it again."""
        player = self.audience.video.player
        if self.video_ended:
            self.video_ended = False
            player.setPosition(0)
            player.play()
            self._show_current_widget()
        else:
            self.audience.video.toggle_play()
        self._describe()

    def _playing_current(self) -> bool:
        """Whether the player holds the current item's video (not one left behind by quick
        keys: its late news must not change what is shown now)."""
        resource = self.current.resource
        wanted = QUrl.fromLocalFile(str(self.library.object_path(resource.shown.sha256)))
        return is_timed(resource) and self.audience.video.player.source() == wanted

    def _media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        """At a video's end the room sees a card saying so, not a black screen."""
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self._playing_current():
            self.video_ended = True
            self.audience.card.setText(
                self.tr("{0}\n\n(the video has ended)").format(self.current.resource.title)
            )
            if not self.is_blank:
                self.audience.stack.setCurrentWidget(self.audience.card)
            self._describe()

    def toggle_blank(self) -> None:
        self.is_blank = not self.is_blank
        if self.is_blank:
            self.audience.video.player.pause()
            self.audience.stack.setCurrentWidget(self.audience.blank)
        else:
            self._show_current_widget()
        self._describe()

    # -- showing -----------------------------------------------------------------------------

    @property
    def current(self) -> Slide:
        return self.slides[self.index]

    def _is_pdf(self) -> bool:
        return is_paged(self.current.resource)

    def _is_text(self) -> bool:
        return is_text(self.current.resource)

    def _enter(self, index: int, at_end: bool = False) -> None:
        """Show item ``index`` where its kit says it starts (a page, or a time in a video);
        ``at_end``: at its last page (going back from the next item, as slides do)."""
        self.index = index
        self.text_shown = False
        if at_end and self._is_pdf():
            self.page = LAST_PAGE  # made the document's last page once it is open
        else:
            self.page = max(1, self.current.item.start) if self._is_pdf() else 1
        self._show(at_end)

    def _show_text(self, resource: Resource, at_end: bool = False) -> bool:
        """The text document in large type, from its start (or its end, ``at_end``); False
        when it cannot be shown (its title card is shown instead)."""
        text = self.audience.text
        if text.show_resource(self.library, resource):
            return False
        text.setAccessibleName(resource.title)
        index = self.index

        def place() -> None:  # once the text is laid out on the screen
            if self.running and self.index == index:
                bar = text.verticalScrollBar()
                bar.setValue(bar.maximum() if at_end else 0)
                self._describe()

        place()
        QTimer.singleShot(0, place)
        return True

    def _show(self, at_end: bool = False) -> None:
        self.audience.video.stop()
        self.video_ended = False
        slide = self.current
        resource = slide.resource
        path = self.library.object_path(resource.shown.sha256)
        if self._is_pdf():
            self.audience.pdf.open(path, self.page)
            self.page = min(self.page, max(1, self.audience.pdf.document.pageCount()))
        elif is_timed(resource):
            captions = {
                entry.language or resource.language: self.library.object_path(entry.sha256)
                for entry in resource.captions()
            }
            language = slide.captions or resource.language
            self.audience.video.open(path, captions, language, slide.item.start * 1000)
        else:
            self.audience.card.setText(resource.title)
            self.text_shown = self._is_text() and self._show_text(resource, at_end)
        self.is_blank = False
        self._show_current_widget()
        self._describe()

    def _show_current_widget(self) -> None:
        resource = self.current.resource
        if self._is_pdf():
            widget: QWidget = self.audience.pdf
        elif is_timed(resource) and self.video_ended:
            widget = self.audience.card
        elif is_timed(resource):
            widget = self.audience.video
        elif self.text_shown:
            widget = self.audience.text
        else:
            widget = self.audience.card
        self.audience.stack.setCurrentWidget(widget)

    def _describe(self) -> None:
        view = self.presenter
        slide = self.current
        view.current.setText(slide.resource.title)
        kind = label("type", slide.resource.type)
        where = (
            kind
            if len(self.slides) == 1
            else self.tr("Item {0} of {1} · {2}").format(self.index + 1, len(self.slides), kind)
        )
        if self._is_pdf():
            count = self.audience.pdf.document.pageCount()
            where += " · " + (
                self.tr("slide {0} of {1}")
                if is_deck(slide.resource)
                else self.tr("page {0} of {1}")
            ).format(self.page, count)
        elif self.text_shown:
            where += " · " + self.tr("screen {0} of {1}").format(*self.audience.text.screens())
        elif is_timed(slide.resource):
            where += " · " + self._captions_said()
            where += " · " + self._video_position()
        view.position.setText(where)
        view.note.setText(slide.item.note or self.tr("(no note)"))
        if len(self.slides) == 1:
            view.next.setText("")  # one resource presented: there is no kit to end
        else:
            following = (
                self.slides[self.index + 1].resource.title
                if self.index + 1 < len(self.slides)
                else self.tr("(the end of the kit)")
            )
            view.next.setText(self.tr("Next: {0}").format(following))
        view.blanked.setText(
            self.tr("The audience screen is blank (B to show it again).")
            if self.is_blank
            else self.tr("The video has ended: Space plays it again, PageDown goes on.")
            if self.video_ended
            else ""
        )

    def _captions_said(self) -> str:
        """Which captions the room sees (whole phrases: a language is lower case in Spanish)."""
        captions = self.audience.video.caption_language()
        if not captions:
            return self.tr("captions off")
        if captions == "en":
            return self.tr("captions: English")
        if captions == "es":
            return self.tr("captions: Spanish")
        return self.tr("captions: {0}").format(language_in_sentence(captions))

    def _video_position(self) -> str:
        """``0:15 / 0:25 · playing`` for the presenter (the room sees no controls)."""
        player = self.audience.video.player
        state = (
            self.tr("ended")
            if self.video_ended
            else self.tr("playing")
            if player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
            else self.tr("paused")
        )
        return f"{time_text(player.position())} / {time_text(player.duration())} · {state}"

    def _tick(self) -> None:
        if is_timed(self.current.resource):
            self._describe()  # the video's position moves on
        seconds = self.elapsed.elapsed() // 1000
        minutes, seconds = divmod(seconds, 60)
        self.presenter.clock.setText(f"{minutes}:{seconds:02d}")
