"""A first start that explains itself: a short welcome (shown once, and again from Help) and a
guide inside the program. Both are text of the program, translated like every other sentence,
so they need no browser and no network."""

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

WELCOMED_KEY = "welcomed"


def welcome_text() -> str:
    """The welcome, in Markdown."""
    return "\n\n".join(
        (
            QCoreApplication.translate("Welcome", "# Welcome to SOP Desktop"),
            QCoreApplication.translate(
                "Welcome",
                "The tip sheets, guides, videos, worksheets and curriculum of Safety Organized"
                " Practice, in English and Spanish. **Everything here works without a"
                " connection**: in the car, in a family's home, in court or in a training room.",
            ),
            starter_notice(),
            QCoreApplication.translate(
                "Welcome",
                "- **Search** at the top (Ctrl+K): words inside documents and video captions"
                " count, misspellings are forgiven, and a word in English also finds the Spanish"
                " version.\n"
                "- **Filter** on the left by type, practice element, audience or language.\n"
                "- **Open** a result with Enter or a double click; Save a copy (Ctrl+S) to"
                " print or share it.\n"
                "- **Build a kit** for a session on the Kits tab: add resources, put them in"
                " order, write a note for each.\n"
                "- **Present** a kit or a single resource full screen; Page Down moves on, B"
                " blanks the screen, Esc ends.\n"
                "- **Sync** (F5) brings new and updated resources when you are online.",
            ),
            QCoreApplication.translate(
                "Welcome", "This welcome and a short guide are always in the Help menu."
            ),
        )
    )


def starter_notice() -> str:
    """What the catalog a new library starts with is, said before anyone relies on it."""
    return QCoreApplication.translate(
        "Welcome",
        "**What you see first is a starter catalog of sample content** written for SOP Desktop"
        " to show how the program works. It is not produced or endorsed by CDSS, CalSWEC or the"
        " Regional Training Academies, and it does not replace your county's policy. When your"
        " county points the program at the statewide catalog, a sync brings the materials"
        " those agencies publish.",
    )


def guide_text() -> str:
    """The guide, in Markdown: one section per task."""
    return "\n\n".join(
        (
            QCoreApplication.translate("Guide", "# SOP Desktop guide"),
            QCoreApplication.translate("Guide", "## Finding a resource"),
            QCoreApplication.translate(
                "Guide",
                "Type in the search field (Ctrl+K). Results appear while you type, from titles"
                " and practice elements; a moment later the search looks inside every document"
                " and video caption. The page, slide or minute where the words were found is"
                " shown on each result, and the document opens there. A misspelled word is"
                " corrected (“Showing results for …”), and words no resource has are named.",
            ),
            QCoreApplication.translate(
                "Guide",
                "A resource and its translation are one result: “Also in Spanish” on the card,"
                " and a link to the other version in the details on the right.",
            ),
            QCoreApplication.translate("Guide", "## Narrowing the list"),
            QCoreApplication.translate(
                "Guide",
                "Tick types, practice elements, audiences, languages or publishers on the left;"
                " the numbers say how many results each choice keeps. Favorites, Recently viewed"
                " and What's new (after a sync) are at the top of the list. Clear filters"
                " (Ctrl+Shift+L) starts again.",
            ),
            QCoreApplication.translate("Guide", "## Reading, watching, printing"),
            QCoreApplication.translate(
                "Guide",
                "PDFs and text documents (web pages, Markdown, plain text) open inside the"
                " program, at the words found, with find (Ctrl+F), zoom and Print (Ctrl+P)."
                " Videos play with captions in English or Spanish: C goes from English to Spanish"
                " to off, F is full screen. Other files open in the program your laptop has for"
                " them.",
            ),
            QCoreApplication.translate("Guide", "## Session kits and presenting"),
            QCoreApplication.translate(
                "Guide",
                "On the Kits tab, New makes a kit; choose a resource in the results and “Add the"
                " chosen resource”. Drag items (or Ctrl+Up/Down) to order them, write a note for"
                " each, and set where a document or video opens; a resource added from a search"
                " result opens where the words were found. “Make kit available offline” brings"
                " every file to the laptop before the session. Present starts at the selected"
                " item: Page Down or Space moves on, Page Up goes back, B blanks the screen, Esc"
                " ends. Export saves a kit to a file for a co-trainer; Import takes one.",
            ),
            QCoreApplication.translate("Guide", "## Keeping the library up to date"),
            QCoreApplication.translate(
                "Guide",
                "Sync (F5) fetches what is new from your county's or the state's server, set in"
                " Settings. The status bar says when the last sync worked or failed. Without a"
                " connection, File › Import a library from a drive takes a copy made on another"
                " laptop with File › Copy the library to a drive.",
            ),
        )
    )


class TextDialog(QDialog):
    """A page of the program's own text (Markdown), readable and scrollable, never online."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(title)
        self.text.setOpenLinks(False)  # no link leaves the program
        self.text.setMarkdown(text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(640, 560)


class WelcomeDialog(TextDialog):
    """The welcome, with a way into the guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Welcome to SOP Desktop"), welcome_text(), parent)
        self.guide_button = QPushButton(self.tr("Read the guide"), self)
        self.buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.guide_button.clicked.connect(self.open_guide)
        self.guide: TextDialog | None = None

    def open_guide(self) -> TextDialog:
        self.guide = open_guide(self.parentWidget())
        self.close()
        return self.guide


def open_guide(parent: QWidget | None) -> TextDialog:
    guide = TextDialog(
        QCoreApplication.translate("Guide", "SOP Desktop guide"), guide_text(), parent
    )
    guide.show()
    return guide


def welcome_due(ui_state: QSettings) -> bool:
    """Whether this library's window has not welcomed anyone yet (then it is marked done)."""
    if ui_state.value(WELCOMED_KEY, False, type=bool):
        return False
    ui_state.setValue(WELCOMED_KEY, True)
    ui_state.sync()
    return True
