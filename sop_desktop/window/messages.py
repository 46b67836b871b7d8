"""Telling the user something went wrong: one message box, never one kept per message."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget, sentence: str, details: str = "", title: str = "") -> QMessageBox:
    """A warning with ``sentence`` and, behind "Show Details…", ``details``; shown without
    waiting (the window stays usable) and deleted when closed."""
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
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
