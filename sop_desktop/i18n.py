"""The interface language: the settings' choice, else the system's; Spanish ships with it.

Qt's own strings (standard buttons, file dialogs) come from Qt's translations when present.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
SHIPPED = ("es",)
PLURALS_ONLY = "en"  # English ships only its plural forms ("1 result", "2 results")


def choose_language(setting: str) -> str:
    """``en`` or a shipped language: the setting when given, else the system locale's."""
    if setting:
        return setting if setting in SHIPPED else "en"
    system = QLocale.system().name().split("_")[0]
    return system if system in SHIPPED else "en"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the program's and Qt's translators for ``language``; return them (keep them
    alive as long as the application)."""
    installed: list[QTranslator] = []
    if language == PLURALS_ONLY:
        # Numbers and dates as English writes them: the system's English conventions, or the
        # United States' under a C or POSIX locale (which writes a day as "3 12 2026").
        system = QLocale.system()
        english = system.language() == QLocale.Language.English
        QLocale.setDefault(system if english else QLocale("en_US"))
        plurals = QTranslator(app)
        if plurals.load(str(TRANSLATIONS / f"sop_desktop_{language}.qm")):
            app.installTranslator(plurals)
            installed.append(plurals)
        return installed
    QLocale.setDefault(QLocale(language))
    # Qt's first, the program's after: the last installed is asked first, so the program's
    # words for Qt's own texts ("archivo", "Ctrl+S") are the ones shown.
    qt_base = QTranslator(app)
    if qt_base.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"sop_desktop_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def interface_language() -> str:
    """``en`` or a shipped language: the one the interface speaks now (a C or POSIX locale,
    or any language the program does not ship, is English)."""
    spoken = QLocale().name().split("_")[0]
    return spoken if spoken in SHIPPED else "en"


def translated_in(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` (a setting: "" is the system's) whatever the interface's
    language now: what is said about a change of language is said in the language chosen."""
    chosen = choose_language(language)
    if chosen == "en":
        return text
    translator = QTranslator()
    if not translator.load(str(TRANSLATIONS / f"sop_desktop_{chosen}.qm")):
        return text
    return translator.translate(context, text) or text
