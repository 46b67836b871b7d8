"""Light, dark or high contrast: the system's choice (followed as it changes) or the user's
(Settings › Appearance), and text that stays readable in each.

Every pair of colours the window draws text with is held to WCAG 2.1's contrast minimum (4.5:1;
7:1 in high contrast). Fusion's own light palette fails one: white on its selection blue is
3.7:1, so a chosen result's title was hard to read; ``readable`` darkens such a background, or
moves such a text towards black or white, until the pair passes.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

APPEARANCES = ("", "light", "dark", "high_contrast")  # "" follows the system
AA, AAA = 4.5, 7.0
Role = QPalette.ColorRole
#: (text, background) pairs the program draws text with.
TEXT_PAIRS = (
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.PlaceholderText, Role.Base),  # the muted facts line of a result
    (Role.PlaceholderText, Role.AlternateBase),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.Link, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)


def _channels(colour: QColor) -> tuple[float, float, float]:
    """Red, green and blue from 0 to 1."""
    return colour.redF(), colour.greenF(), colour.blueF()


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def towards(colour: QColor, target: QColor, step: float) -> QColor:
    mixed = QColor()
    mixed.setRgbF(
        *(a + (b - a) * step for a, b in zip(_channels(colour), _channels(target), strict=True))
    )
    return mixed


def readable(palette: QPalette, minimum: float = AA) -> QPalette:
    """``palette`` with every text pair at ``minimum`` contrast or more (a disabled one at
    4.5:1), in every colour group:
    a selection's background is darkened or lightened, any other text moved towards black or
    white (whichever its background is further from)."""
    result = QPalette(palette)
    groups = (
        (QPalette.ColorGroup.Active, minimum),
        (QPalette.ColorGroup.Inactive, minimum),
        # A disabled control's text is read too (Fusion's light one was 1.8:1): 4.5:1.
        (QPalette.ColorGroup.Disabled, min(minimum, AA)),
    )
    for group, least in groups:
        for text_role, background_role in TEXT_PAIRS:
            text = result.color(group, text_role)
            background = result.color(group, background_role)
            moving_background = background_role == Role.Highlight
            for step in range(1, 21):
                if contrast(text, background) >= least:
                    break
                if moving_background:
                    target = QColor("black") if luminance(text) > 0.5 else QColor("white")
                    background = towards(palette.color(group, background_role), target, step / 20)
                else:
                    target = QColor("black") if luminance(background) > 0.5 else QColor("white")
                    text = towards(palette.color(group, text_role), target, step / 20)
            result.setColor(group, text_role, text)
            result.setColor(group, background_role, background)
    return result


#: Each text role and the background it is drawn on, for the disabled group's colours.
BEHIND = {text: background for text, background in TEXT_PAIRS}
#: How far a disabled control's text moves towards its background: told apart from the
#: enabled one at a glance, still read (4.5:1 or more; see ``readable``).
DISABLED_FADE = 0.25


def _palette(colours: dict[Role, str]) -> QPalette:
    palette = QPalette()
    disabled = QPalette.ColorGroup.Disabled
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
        palette.setColor(disabled, role, QColor(name))
    for text, background in BEHIND.items():
        if text in colours and background in colours:
            faded = towards(QColor(colours[text]), QColor(colours[background]), DISABLED_FADE)
            palette.setColor(disabled, text, faded)
    return palette


def dark_palette() -> QPalette:
    return _palette(
        {
            Role.Window: "#202124",
            Role.WindowText: "#e8eaed",
            Role.Base: "#17181a",
            Role.AlternateBase: "#232427",
            Role.Text: "#e8eaed",
            Role.PlaceholderText: "#a8abb0",
            Role.Button: "#2b2c30",
            Role.ButtonText: "#e8eaed",
            Role.Highlight: "#8ab4f8",
            Role.HighlightedText: "#111111",
            Role.Link: "#8ab4f8",
            Role.ToolTipBase: "#2b2c30",
            Role.ToolTipText: "#e8eaed",
            Role.Mid: "#5f6368",
            Role.BrightText: "#ffffff",
        }
    )


def high_contrast_palette() -> QPalette:
    """Black and white with yellow for what is chosen, as system high-contrast themes are."""
    return _palette(
        {
            Role.Window: "#000000",
            Role.WindowText: "#ffffff",
            Role.Base: "#000000",
            Role.AlternateBase: "#0d0d0d",
            Role.Text: "#ffffff",
            Role.PlaceholderText: "#a6a6a6",  # dimmer than typed text, 8.6:1 on black
            Role.Button: "#000000",
            Role.ButtonText: "#ffffff",
            Role.Highlight: "#ffff00",
            Role.HighlightedText: "#000000",
            Role.Link: "#ffff00",
            Role.ToolTipBase: "#000000",
            Role.ToolTipText: "#ffffff",
            Role.Mid: "#ffffff",
            Role.BrightText: "#ffff00",
        }
    )


class Appearance:
    """Applies a choice to the application and re-applies it when the system's changes."""

    def __init__(self) -> None:
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        self.app = app
        hints = app.styleHints()
        # The platform's own light palette, for "light"; a style's standard one when the
        # program starts in a dark scheme.
        started_dark = hints.colorScheme() == Qt.ColorScheme.Dark
        style = getattr(app, "style", None)
        self.light = (
            QPalette(style().standardPalette())
            if started_dark and style
            else QPalette(app.palette())
        )
        self.choice = ""
        hints.colorSchemeChanged.connect(lambda _: self.apply(self.choice))
        hints.accessibility().contrastPreferenceChanged.connect(lambda _: self.apply(self.choice))

    def effective(self, choice: str) -> str:
        """What ``choice`` means now: the system's high contrast or dark scheme when it is ""."""
        if choice:
            return choice
        hints = self.app.styleHints()
        if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
            return "high_contrast"
        return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"

    def apply(self, choice: str) -> str:
        """Use ``choice`` (one of ``APPEARANCES``); return what was applied."""
        self.choice = choice if choice in APPEARANCES else ""
        shown = self.effective(self.choice)
        if shown == "high_contrast":
            palette = readable(high_contrast_palette(), AAA)
        elif shown == "dark":
            palette = readable(dark_palette())
        else:
            palette = readable(self.light)
        self.app.setPalette(palette)
        return shown


_current: Appearance | None = None


def apply_appearance(choice: str) -> str:
    """Apply ``choice`` to the running application (set up on first use)."""
    global _current
    if _current is None or _current.app is not QGuiApplication.instance():
        _current = Appearance()
    return _current.apply(choice)
