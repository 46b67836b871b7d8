"""What the keyboard is on, where a control ends, and the style's icons, seen in every palette
(light, dark and high contrast; WCAG 2.1 AA: a visible focus, 3:1 for the edges of controls and
for icons)."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmapCache
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from sop_desktop.link_colours import follow_link_colours
from sop_desktop.tinted_icons import ONE_COLOUR, clear_icon, tinted

Primitive = QStyle.PrimitiveElement
#: The style's drawn pieces kept for the next paint, in KB (Qt's own limit is 10,240). Qt
#: keys each piece by its palette too, and every window opened (a document, a presentation)
#: draws its controls under new keys: with Qt's limit, the pieces of windows long closed grew
#: the program by about 25 KB a document opened, for the first 400; a window's own pieces take
#: a few hundred KB.
STYLE_CACHE_KB = 2048
#: Parts whose edge is drawn again in a colour that stands out.
EDGED = (
    Primitive.PE_IndicatorCheckBox,
    Primitive.PE_IndicatorItemViewItemCheck,
    Primitive.PE_IndicatorRadioButton,
    Primitive.PE_FrameLineEdit,
)


class VisibleStyle(QProxyStyle):
    """The platform's style with a focus ring anyone can see (two pixels of the highlight
    colour around the focused button, where Fusion shows almost nothing, and around any other
    focused part that asks for a focus frame), and edges of check boxes and text fields drawn
    in a colour that stands out 3:1 from what is behind them in every palette (Fusion draws
    them a shade of the window colour: faint in light, invisible in dark and high contrast)."""

    RING = 2

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returned: QStyleHintReturn | None = None,
    ) -> int:
        # Dialog buttons say what they do in words: the platform's pictures beside them (a
        # dark cross on Close) could not be seen on the dark and high-contrast palettes.
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return int(super().styleHint(hint, option, widget, returned))

    def standardIcon(
        self,
        standard: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if standard == QStyle.StandardPixmap.SP_LineEditClearButton:
            return clear_icon()
        icon = super().standardIcon(standard, option, widget)
        return tinted(icon) if standard in ONE_COLOUR and not icon.isNull() else icon

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element == QStyle.ControlElement.CE_PushButton and focused:
            self._ring(option, painter, option.rect.adjusted(1, 1, -1, -1))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            self._ring(option, painter, option.rect)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in EDGED:
            self._edge(option, painter, element)

    def _edge(
        self, option: QStyleOption, painter: QPainter, element: QStyle.PrimitiveElement
    ) -> None:
        painter.save()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.PlaceholderText), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect.adjusted(0, 0, -1, -1)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)
        painter.restore()

    def _ring(self, option: QStyleOption, painter: QPainter, rect: QRect) -> None:
        painter.save()
        pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), self.RING)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        half = self.RING // 2
        painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)
        painter.restore()


def use_visible_style() -> None:
    """Wrap the application's style (once) so focus, edges and icons are always visible, and
    links follow the palette; the pieces it draws are kept within ``STYLE_CACHE_KB``."""
    follow_link_colours()
    QPixmapCache.setCacheLimit(STYLE_CACHE_KB)
    app = QApplication.instance()
    if isinstance(app, QApplication) and not isinstance(app.style(), VisibleStyle):
        app.setStyle(VisibleStyle(app.style().name()))
