"""A video player (QtMultimedia) with the catalog's WebVTT captions in a language of choice.

Keyboard: Space or K play/pause, Left/Right 5 s, J/L 10 s, Home to the start, F full screen,
Esc leaves full screen, C goes through the captions the video has (English, Spanish, off). Captions
are drawn by the program from the library's own caption files, so they work with every backend
and in full screen.
"""

from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QEvent,
    QGenericArgumentHolder,
    QMetaObject,
    QObject,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeyEvent, QResizeEvent, QWindow
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.errors import ResourcesError
from resources_index.library.captions import CaptionTrack
from sop_desktop.accessible import Announcer, caption
from sop_desktop.error_sentences import describe
from sop_desktop.labels import label, language_in_sentence, time_text
from sop_desktop.quiet_media import quiet_ffmpeg

NOT_LOADED = (
    QMediaPlayer.MediaStatus.NoMedia,
    QMediaPlayer.MediaStatus.LoadingMedia,
    QMediaPlayer.MediaStatus.InvalidMedia,
)
#: The events a video window draws on.
DRAWING = (QEvent.Type.UpdateRequest, QEvent.Type.Expose)
SEEK_MS = 5_000
JUMP_MS = 10_000
#: The keys a video answers: the method each calls, and its argument (the shortcuts list in
#: Help names every one of them).
VIDEO_KEYS: dict[Qt.Key, tuple[str, int | None]] = {
    Qt.Key.Key_Space: ("toggle_play", None),
    Qt.Key.Key_K: ("toggle_play", None),
    Qt.Key.Key_Left: ("seek", -SEEK_MS),
    Qt.Key.Key_Right: ("seek", SEEK_MS),
    Qt.Key.Key_J: ("seek", -JUMP_MS),
    Qt.Key.Key_L: ("seek", JUMP_MS),
    Qt.Key.Key_Home: ("rewind", None),
    Qt.Key.Key_F: ("toggle_full_screen", None),
    Qt.Key.Key_C: ("next_captions", None),
}


def video_windows_in(widget: QWidget) -> list[QWindow]:
    """The windows Qt draws videos in (a QVideoWidget's) under ``widget``'s native window."""
    top = widget.window().windowHandle()
    if top is None:
        return []
    wanted = shiboken6.getCppPointer(top)[0]  # Qt's object: each look-up wraps it anew
    found = []
    for window in QGuiApplication.allWindows():
        if window.metaObject().className() != "QVideoWindow":
            continue
        ancestor = window.parent()
        while ancestor is not None and shiboken6.getCppPointer(ancestor)[0] != wanted:
            ancestor = ancestor.parent()
        if ancestor is not None:
            found.append(window)
    return found


class SmallWhenHidden(QObject):
    """Keeps a hidden video window's frame buffer one pixel.

    Qt (6.11) never deletes the buffer a video window is drawn into without OpenGL
    (``QVideoWindowPrivate::backingStore``, made with ``new`` and never freed; Qt draws so
    where it finds no OpenGL, and on its offscreen platform): each video window closed left
    its size in memory, about 2.5 MB for a document's window and 4 MB for a presentation's,
    shared with the X server. (Drawing every video so on Linux, to keep an OpenGL driver out
    of the program, was tried and withdrawn: Qt scales such frames without smoothing, and
    titles came out stair-stepped.) The buffer follows the
    window's size: made one pixel once the window is hidden (``shrink``), it stays so, as the
    frames still arriving are not drawn into it (a drawing sizes it to the window again);
    shown again, the window is drawn at its size."""

    def __init__(self, window: QWindow) -> None:
        super().__init__(window)  # lives and goes with the window
        window.installEventFilter(self)

    @classmethod
    def shrink(cls, window: QWindow) -> None:
        """Make ``window``'s buffer one pixel, and keep it so while the window is hidden."""
        if window.findChild(cls) is None:
            cls(window)
        QCoreApplication.sendEvent(window, QResizeEvent(QSize(1, 1), window.size()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in DRAWING or not isinstance(watched, QWindow):
            return False
        return not watched.isVisible()  # hidden: not drawn, the buffer stays small


class VideoPlayer(QWidget):
    """One video. ``open(path, captions, language, start_ms)`` plays from ``start_ms`` (a
    search hit in the captions opens at that moment); captions: language -> WebVTT path."""

    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.announcer = Announcer(self)
        self.player = QMediaPlayer(self)
        quiet_ffmpeg()  # before FFmpeg opens a file and dumps its streams on the terminal
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setAccessibleName(self.tr("Video"))
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.player.setVideoOutput(self.video)
        self.caption = QLabel(self)
        caption(self.caption, self.tr("Captions"))
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(
            "background: black; color: white; padding: 6px; font-size: 16pt; font-weight: 600"
        )
        self.caption.setMinimumHeight(self.caption.fontMetrics().height() * 3)

        self.play_button = QToolButton(self)
        self.play_button.setAccessibleName(self.tr("Play"))
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle_play)
        self.position = QSlider(Qt.Orientation.Horizontal, self)
        self.position.setAccessibleName(self.tr("Position"))
        self.position.sliderMoved.connect(self.player.setPosition)
        self.clock = QLabel("0:00 / 0:00", self)
        caption(self.clock, self.tr("Elapsed time"))
        self.captions_box = QComboBox(self)
        self.captions_box.setAccessibleName(self.tr("Captions language"))
        self.captions_box.currentIndexChanged.connect(self._captions_chosen)
        self.fullscreen_button = QToolButton(self)
        self.fullscreen_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton)
        )
        self.fullscreen_button.setToolTip(self.tr("Full screen (F)"))
        self.fullscreen_button.setAccessibleName(self.tr("Full screen"))
        self.fullscreen_button.clicked.connect(self.toggle_full_screen)

        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.position, 1)
        controls.addWidget(self.clock)
        controls.addWidget(self.captions_box)
        controls.addWidget(self.fullscreen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.caption)
        layout.addLayout(controls)

        self.tracks: dict[str, CaptionTrack] = {}
        self.track: CaptionTrack | None = None
        self.player.positionChanged.connect(self._position_changed)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.errorOccurred.connect(self._error)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self._pending_start = 0
        self._chosen_language = ""  # the captions C turns back on
        self._autoplay = False

    # -- opening ---------------------------------------------------------------------------------

    def open(
        self,
        path: Path,
        captions: dict[str, Path],
        language: str = "",
        start_ms: int = 0,
    ) -> None:
        self.tracks = {}
        for code, caption_path in captions.items():
            try:
                self.tracks[code] = CaptionTrack.load(caption_path)
            except ResourcesError as exc:
                self.failed.emit(describe(exc))
        self.captions_box.blockSignals(True)
        self.captions_box.clear()
        self.captions_box.addItem(self.tr("Captions off"), "")
        for code in sorted(self.tracks):
            self.captions_box.addItem(label("language", code), code)
        self.captions_box.blockSignals(False)
        wanted = language if language in self.tracks else next(iter(sorted(self.tracks)), "")
        self.captions_box.setCurrentIndex(max(0, self.captions_box.findData(wanted)))
        self._captions_chosen(self.captions_box.currentIndex())
        source = QUrl.fromLocalFile(str(path))
        if self.player.source() == source and self.player.mediaStatus() not in NOT_LOADED:
            # The same video again (a kit item visited twice): setting the same source does
            # nothing, so no "loaded" news would come to start it; it plays from here.
            self._autoplay = False
            self._from_event_loop("setPosition", Q_ARG("qint64", start_ms))
            self._from_event_loop("play")
        else:
            self._pending_start = start_ms  # a position is set once the media is loaded
            self._autoplay = True
            self._from_event_loop("setSource", Q_ARG(QUrl, source))
        self._show_caption(start_ms)

    def set_controls_visible(self, visible: bool) -> None:
        """Hide the controls (a projected video shows the picture and captions only)."""
        for widget in (
            self.play_button,
            self.position,
            self.clock,
            self.captions_box,
            self.fullscreen_button,
        ):
            widget.setVisible(visible)

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden (its window closed, a presentation's next item not a video): the frame
        buffer Qt would keep is made small."""
        super().hideEvent(event)
        for window in video_windows_in(self):
            SmallWhenHidden.shrink(window)

    def stop(self) -> None:
        """Stop playing (the source stays: clearing it while it opens aborts the opening)."""
        self._autoplay = False
        self._from_event_loop("stop")

    def _from_event_loop(self, slot: str, *arguments: QGenericArgumentHolder) -> None:
        """Call a player slot from the event loop, not from Python. Stopping or replacing a
        video makes the FFmpeg backend destroy objects on its own threads, and that may need
        the Python interpreter lock while holding a Qt lock the call waits for: called from
        Python, which holds the interpreter lock, the two threads wait for each other forever
        (the window freezes as the video closes); from the event loop, which has released the
        lock, they do not."""
        QMetaObject.invokeMethod(self.player, slot, Qt.ConnectionType.QueuedConnection, *arguments)

    # -- playing ---------------------------------------------------------------------------------

    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, delta_ms: int) -> None:
        target = max(0, self.player.position() + delta_ms)
        duration = self.player.duration()
        if duration > 0:
            target = min(target, duration)
        self.player.setPosition(target)
        self._show_caption(target)

    def caption_language(self) -> str:
        return str(self.captions_box.currentData() or "")

    def _captions_chosen(self, position: int) -> None:
        code = self.captions_box.itemData(position) or ""
        if code:
            self._chosen_language = code
        self.track = self.tracks.get(code)
        self._show_caption(self.player.position())

    def _show_caption(self, position_ms: int) -> None:
        text = self.track.at(position_ms) if self.track else ""
        if text != self.caption.text():
            self.caption.setText(text)

    def _position_changed(self, position_ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(position_ms)
        self.clock.setText(f"{time_text(position_ms)} / {time_text(self.player.duration())}")
        self._show_caption(position_ms)

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))

    def _duration_changed(self, duration_ms: int) -> None:
        self.position.setRange(0, duration_ms)
        self.clock.setText(f"{time_text(self.player.position())} / {time_text(duration_ms)}")

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._autoplay:
            self._autoplay = False
            if self._pending_start:
                self.player.setPosition(self._pending_start)
            self.player.play()

    def _error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self.failed.emit(self.tr("The video could not be played ({0}).").format(message))

    # -- full screen -----------------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.window().isFullScreen():
            self.window().showNormal()
            return
        known = VIDEO_KEYS.get(Qt.Key(key))
        if known is None:
            super().keyPressEvent(event)  # Esc reaches the window, which closes
            return
        name, argument = known
        action = getattr(self, name)
        action() if argument is None else action(argument)

    def rewind(self) -> None:
        self.seek(-self.player.position())

    def next_captions(self) -> None:
        """C: the next captions the video has, in the list's order (English, Spanish, then
        off, and round again); what is on now is said to a screen reader."""
        count = self.captions_box.count()
        if count > 1:
            self.captions_box.setCurrentIndex((self.captions_box.currentIndex() + 1) % count)
        self.announcer.announce(self.captions_said())

    def captions_said(self) -> str:
        """``Captions: Spanish`` or ``Captions off``, in the interface language."""
        code = self.caption_language()
        if not code:
            return self.tr("Captions off")
        return self.tr("Captions: {0}").format(language_in_sentence(code))
