"""Display text for catalog values and sizes, in the interface language."""

from PySide6.QtCore import QCoreApplication, QLocale

from sop_desktop.i18n import interface_language
from sop_desktop.vocabulary_labels import LABELS


def label(group: str, key: str) -> str:
    """The translated label of a vocabulary ``key`` (``group``: type, practice_elements,
    audiences, publisher, language); a value the program does not know is shown as written."""
    text = LABELS.get(group, {}).get(key)
    if text is None:
        return key.replace("_", " ").strip().capitalize() or key
    return QCoreApplication.translate("Vocabulary", text)


def language_in_sentence(code: str) -> str:
    """A language's name inside a sentence: Spanish writes it in lower case ("(inglés)"),
    English capitalised ("(English)")."""
    name = label("language", code)
    if interface_language() == "es":
        return name[:1].lower() + name[1:]
    return name


def size_text(count: int) -> str:
    """``1.2 MB`` in the conventions of the interface's locale."""
    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def time_text(milliseconds: int) -> str:
    seconds = max(0, milliseconds // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
