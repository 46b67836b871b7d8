"""Telling the user something went wrong: one message box, never one kept per message."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


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
