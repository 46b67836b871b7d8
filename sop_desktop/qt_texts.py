"""Qt's own sentences that Qt's Spanish translation lacks, so its dialogs are Spanish through
and through: they are translated in the program's file under Qt's own context, and the
program's translator answers where Qt's has nothing (``i18n.install``)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: The file dialog (the one Qt draws where the system has none) asks for these with an
#: accelerator that Qt's catalog does not carry.
FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

#: Qt's Spanish calls a file "fichero" (Spain's word); the program says "archivo", as Latin
#: America and the rest of the window do. The program's translator is asked before Qt's.
FILES = (
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP(
        "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
    ),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Print To File ..."),
    QT_TRANSLATE_NOOP(
        "QPrintDialog", "File %1 is not writable.\nPlease choose a different file name."
    ),
    QT_TRANSLATE_NOOP("QPrintWidget", "Output &file:"),
)


def folder_kind() -> str:
    """A folder's kind in the file dialog's list, as Qt asks for it (Qt's Spanish lacks it
    and showed "Folder")."""
    return QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")


#: Keys in menus as the keys' table writes them (``key_names``): "Ctrl+S", "Mayús", not
#: Qt's Spanish "Control+S".
MENU_KEYS = (
    QT_TRANSLATE_NOOP("QShortcut", "Ctrl"),
    QT_TRANSLATE_NOOP("QShortcut", "Shift"),
    QT_TRANSLATE_NOOP("QShortcut", "Alt"),
    QT_TRANSLATE_NOOP("QShortcut", "Return"),
    QT_TRANSLATE_NOOP("QShortcut", "Enter"),
    QT_TRANSLATE_NOOP("QShortcut", "Del"),
    QT_TRANSLATE_NOOP("QShortcut", "PgUp"),
    QT_TRANSLATE_NOOP("QShortcut", "PgDown"),
    QT_TRANSLATE_NOOP("QShortcut", "Space"),
    QT_TRANSLATE_NOOP("QShortcut", "Esc"),
)
