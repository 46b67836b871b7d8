"""The style's one-colour icons (play and pause, full screen, arrows; the clear button of a text
field is a cross of our own) drawn in the text colour of the palette in use when they are
painted: the platform draws them dark grey, which vanished on the dark and high-contrast
palettes' black buttons."""

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
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
        colour = icon_colour(mode)
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


def icon_colour(mode: QIcon.Mode) -> QColor:
    """The palette's button text colour in use now (the disabled one for a disabled control)."""
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    )
    return QGuiApplication.palette().color(group, QPalette.ColorRole.ButtonText)


class CrossIconEngine(QIconEngine):
    """A text field's clear button: a cross in the text colour, drawn at paint time. The
    platform's is a disc with a cross cut out of it, which any one colour turns into a plain
    disc (black on black in the dark and high-contrast palettes, a white blob once tinted)."""

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        picture = QPixmap(size)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return picture

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        inset = side * 0.25
        square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
        arms = square.adjusted(inset, inset, -inset, -inset)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(icon_colour(mode), max(1.5, side / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(arms.topLeft(), arms.bottomRight())
        painter.drawLine(arms.topRight(), arms.bottomLeft())
        painter.restore()

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> "CrossIconEngine":
        return CrossIconEngine()


def clear_icon() -> QIcon:
    return QIcon(CrossIconEngine())
