"""What the window says when something fails: the one place errors become sentences, in the
interface's language (the core's English sentences, ``resources_index/messages.py``, looked up in
the translations through ``error_texts.py``)."""

from PySide6.QtCore import QCoreApplication

from resources_index import __version__
from resources_index.errors import ResourcesError, Words
from resources_index.messages import MESSAGES
from sop_desktop.error_texts import TEXTS


def say(words: Words) -> str:
    """``words`` in the interface's language; a value that is itself words is said the same
    way. A translation whose placeholders do not fit falls back to English."""
    values = {
        name: say(value.words if isinstance(value, ResourcesError) else value)
        if isinstance(value, Words | ResourcesError)
        else value
        for name, value in words.params.items()
    }
    english = MESSAGES[words.kind]
    translated = (
        QCoreApplication.translate("Errors", TEXTS[words.kind]) if words.kind in TEXTS else english
    )
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return english.format(**values)


def describe(error: BaseException) -> str:
    """A sentence for the user about ``error``, in the interface's language."""
    if isinstance(error, ResourcesError):
        return say(error.words)
    return QCoreApplication.translate(
        "Task", "Something went wrong: {0}. The library was not changed."
    ).format(error)


def support_details(error: BaseException) -> str:
    """What "Show details" holds: plain facts for whoever helps (what failed, the values it
    names such as an address or a status, each cause), never a traceback: that goes to the
    log file, where support looks for it."""
    problem = QCoreApplication.translate("Task", "Problem")
    lines = [f"{problem}: {type(error).__name__}"]
    if isinstance(error, ResourcesError):
        kind = QCoreApplication.translate("Task", "Kind")
        lines.append(f"{kind}: {error.words.kind}")
        lines += [f"{name}: {value}" for name, value in error.words.params.items()]
    elif str(error):
        lines.append(str(error))
    cause, seen = error.__cause__ or error.__context__, 0
    while cause is not None and seen < 5:
        because = QCoreApplication.translate("Task", "Because of")
        lines.append(f"{because}: {type(cause).__name__}: {cause}")
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    lines.append(f"SOP Desktop {__version__}")
    return "\n".join(lines)
