"""Qt's own sentences that Qt's Spanish translation lacks, so its dialogs are Spanish through
and through: they are translated in the program's file under Qt's own context, and the
program's translator answers where Qt's has nothing (``i18n.install``)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

#: The file dialog (the one Qt draws where the system has none) asks for these with an
#: accelerator that Qt's catalog does not carry.
FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
