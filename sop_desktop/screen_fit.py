"""Every window inside the screen it opens on: the main window, the document and video viewers,
the presenter view and every dialog are made to fit the screen's available area (what the task
bar leaves) when they are shown, frame and title bar included. A size remembered on a larger
screen, or asked for in logical pixels that a 150 % or 200 % scale makes larger than the
screen, is shrunk; a window partly off the screen is moved back onto it."""

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: Window types that are fitted (menus, tooltips and lists that pop up place themselves).
FITTED = (Qt.WindowType.Window, Qt.WindowType.Dialog)


def frame_allowance(window: QWidget) -> QMargins:
    """The frame the window manager adds around ``window`` (known once it has been shown;
    before that, room for a title bar and borders)."""
    handle = window.windowHandle()
    known = handle.frameMargins() if handle is not None else QMargins()
    title = max(28, round(window.fontMetrics().height() * 1.8))
    return QMargins(
        max(known.left(), 4), max(known.top(), title), max(known.right(), 4), max(known.bottom(), 4)
    )


def available_area(window: QWidget) -> QRect:
    """The available area of the screen ``window`` is on (or its parent's, when it has one)."""
    parent = window.parentWidget()
    screen = (parent.window() if parent is not None else window).screen()
    return screen.availableGeometry()


def fitted_geometry(area: QRect, frame: QMargins, geometry: QRect, minimum: QSize) -> QRect:
    """``geometry`` (the window's inside) made to fit, with its ``frame``, inside ``area``: no
    larger than the room there is (never below ``minimum``), and moved onto it."""
    room = QSize(
        area.width() - frame.left() - frame.right(), area.height() - frame.top() - frame.bottom()
    )
    size = geometry.size().boundedTo(room).expandedTo(minimum)
    # A window made smaller stays centred where it was.
    left = geometry.x() + (geometry.width() - size.width()) // 2
    top = geometry.y() + (geometry.height() - size.height()) // 2
    left = min(left, area.right() + 1 - frame.right() - size.width())
    top = min(top, area.bottom() + 1 - frame.bottom() - size.height())
    left = max(left, area.left() + frame.left())
    top = max(top, area.top() + frame.top())
    return QRect(QPoint(left, top), size)


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move ``window`` so that it, its frame included, lies inside its screen's
    available area (a full-screen or maximised window is the system's to place)."""
    if window.windowType() not in FITTED:
        return
    if window.windowState() & (Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized):
        return
    geometry = window.geometry()
    area, frame = available_area(window), frame_allowance(window)
    # Only the size the program asked for is lowered; a layout's own minimum, which Qt keeps
    # anyway, is not (a message box's hint is its text on one line, wider than any screen).
    fitted = fitted_geometry(area, frame, geometry, window.minimumSize())
    parent = window.parentWidget()
    if fitted != geometry and parent is not None:  # moved anyway: over its window
        fitted.moveCenter(parent.window().geometry().center())
        fitted = fitted_geometry(area, frame, fitted, window.minimumSize())
    if fitted != geometry:
        window.setGeometry(fitted)


class ScreenFit(QObject):
    """Fits every window of the application as it is shown (installed once, by
    ``keep_windows_on_screen``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            fit_to_screen(watched)  # before it is drawn: no window flashes larger than the screen
            # and again once it has settled its own size (a message box does as it shows)
            QTimer.singleShot(0, watched, lambda: fit_to_screen(watched))
        return False


def keep_windows_on_screen() -> None:
    """Install the fitting for the running application (once)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(ScreenFit) is None:
        app.installEventFilter(ScreenFit(app))
