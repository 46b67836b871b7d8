"""Telling the user: one channel any part of the window uses for a status line, a message box
(one at a time, never one kept per message) and what a screen reader says."""

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from sop_desktop.accessible import Announcer

# How long a status line stays, in milliseconds, unless said otherwise.
STATUS_MS = 10_000


class Notifier(QObject):
    """Status lines, error and message boxes, and announcements, for ``parent``'s window.

    A status line is announced too (a screen reader hears what the eye reads at the bottom);
    an error is announced urgently; ``box`` is the message box shown last."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar, announcer: Announcer) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.status_bar = status_bar
        self.announcer = announcer
        self.box: QMessageBox | None = None
        status_bar.messageChanged.connect(announcer.announce)

    def status(self, sentence: str, timeout_ms: int = STATUS_MS) -> None:
        """``sentence`` on the status bar for ``timeout_ms`` (0: until replaced)."""
        self.status_bar.showMessage(sentence, timeout_ms)

    def announce(self, sentence: str, urgent: bool = False) -> None:
        """Said to a screen reader only (the eye sees the change itself)."""
        self.announcer.announce(sentence, urgent)

    def error(self, sentence: str, details: str = "", title: str = "") -> None:
        """Something went wrong: a warning box (``box``), said at once to a screen reader."""
        self.box = show_error(self.parent_widget, sentence, details, title)
        self.announcer.announce(sentence, urgent=True)

    def message(self, sentence: str, details: str = "", title: str = "") -> None:
        """``sentence`` in a box read whole (a status line cuts a long one), and said."""
        self.box = show_message(self.parent_widget, sentence, details, title)
        self.announcer.announce(sentence)

    def confirm(self, question: str) -> bool:
        return confirm(self.parent_widget, question)


def show_error(parent: QWidget, sentence: str, details: str = "", title: str = "") -> QMessageBox:
    """A warning with ``sentence`` and, behind "Show Details…", ``details``; shown without
    waiting (the window stays usable) and deleted when closed."""
    return show_message(parent, sentence, details, title, QMessageBox.Icon.Warning)


def show_message(
    parent: QWidget,
    sentence: str,
    details: str = "",
    title: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
) -> QMessageBox:
    """``sentence`` in a message read whole (a status line cuts a long one), as
    ``show_error`` shows it."""
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(icon)
    box.setWindowTitle(title or "SOP Desktop")
    box.setText(sentence)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(title or QCoreApplication.translate("MainWindow", "Message"))
    box.open()
    return box


def confirm(parent: QWidget, question: str) -> bool:
    """Ask before something that cannot be undone; No is the default (Enter keeps things)."""
    answer = QMessageBox.question(
        parent,
        "SOP Desktop",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
