"""What assistive technology reads (a screen reader such as Orca, NVDA or Narrator).

A label's accessible name replaces its text: naming the details pane's title "Title" made a
screen reader say "Title" and never the resource's title. So labels that show content keep
their text as their name and say what they are in their description (``caption``). Changes a
person does not see happen (a new count of results, a sync that finished, a failure) are
announced (``Announcer``), politely, or at once for failures.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def caption(widget: QWidget, what: str) -> QWidget:
    """Say what ``widget`` is without hiding what it shows: its text stays its name."""
    widget.setAccessibleName("")
    widget.setAccessibleDescription(what)
    return widget


class Announcer(QObject):
    """Announces sentences for ``widget``'s window; ``said`` carries each (for the tests and
    for a log of what was said)."""

    said = Signal(str)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget

    def announce(self, sentence: str, urgent: bool = False) -> None:
        """Tell assistive technology ``sentence`` (nothing when it is empty)."""
        sentence = sentence.strip()
        if not sentence:
            return
        event = QAccessibleAnnouncementEvent(self.widget, sentence)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if urgent
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)
        self.said.emit(sentence)
