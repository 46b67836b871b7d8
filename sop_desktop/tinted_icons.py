"""The style's one-colour icons (play and pause, full screen, the clear button of a text field,
arrows) drawn in the text colour of the palette in use when they are painted: the platform
draws them dark grey, which vanished on the dark and high-contrast palettes' black buttons."""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle

SP = QStyle.StandardPixmap
#: Icons drawn in one colour; others (a message box's warning sign) keep theirs.
ONE_COLOUR = frozenset(
    {
        SP.SP_MediaPlay,
        SP.SP_MediaPause,
        SP.SP_MediaStop,
        SP.SP_MediaSeekForward,
        SP.SP_MediaSeekBackward,
        SP.SP_MediaSkipForward,
        SP.SP_MediaSkipBackward,
        SP.SP_MediaVolume,
        SP.SP_MediaVolumeMuted,
        SP.SP_TitleBarMaxButton,
        SP.SP_TitleBarNormalButton,
        SP.SP_TitleBarMinButton,
        SP.SP_TitleBarCloseButton,
        SP.SP_DialogCloseButton,
        SP.SP_DockWidgetCloseButton,
        SP.SP_LineEditClearButton,
        SP.SP_ArrowUp,
        SP.SP_ArrowDown,
        SP.SP_ArrowLeft,
        SP.SP_ArrowRight,
        SP.SP_ArrowBack,
        SP.SP_ArrowForward,
        SP.SP_BrowserReload,
        SP.SP_BrowserStop,
    }
)


class TintedIconEngine(QIconEngine):
    """``base``'s shape, filled with the palette's button text colour at paint time (the
    disabled one for a disabled control)."""

    def __init__(self, base: QIcon) -> None:
        super().__init__()
        self.base = base

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        shape = self.base.pixmap(size, mode, state)
        tinted = QPixmap(shape.size())
        tinted.setDevicePixelRatio(shape.devicePixelRatio())
        tinted.fill(Qt.GlobalColor.transparent)
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        colour = QGuiApplication.palette().color(group, QPalette.ColorRole.ButtonText)
        painter = QPainter(tinted)
        painter.drawPixmap(0, 0, shape)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(tinted.rect(), colour)
        painter.end()
        return tinted

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        picture = self.pixmap(rect.size() * ratio, mode, state)
        painter.drawPixmap(rect, picture)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return self.base.actualSize(size, mode, state)

    def clone(self) -> "TintedIconEngine":
        return TintedIconEngine(self.base)


def tinted(icon: QIcon) -> QIcon:
    return QIcon(TintedIconEngine(icon))
