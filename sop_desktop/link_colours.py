"""Links drawn in the colour of the appearance in use: a label lays its rich text out, link
colour included, when its text is set, so a link shown before the appearance changed stayed
blue (2.4:1 on the high-contrast palette's black). Each label showing a link is given its text
again when its palette changes."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel


class LinkColours(QObject):
    """Lays out again the links of a label whose palette changed (installed once, by
    ``follow_link_colours``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.PaletteChange
            and isinstance(watched, QLabel)
            and "<a " in watched.text()
        ):
            text = watched.text()
            watched.setText("")  # the same text again would be ignored
            watched.setText(text)
        return False


def follow_link_colours() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(LinkColours) is None:
        app.installEventFilter(LinkColours(app))
