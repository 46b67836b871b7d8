"""What the window says when something fails: the one place errors become sentences, in the
interface's language (the core's English sentences, ``resources_index/messages.py``, looked up in
the translations through ``error_texts_generated.py``)."""

from PySide6.QtCore import QCoreApplication, QLocale

from resources_index import __version__
from resources_index.errors import ResourcesError, Size, Words, reason_of
from resources_index.messages import MESSAGES
from sop_desktop.dates import written_day
from sop_desktop.error_texts_generated import TEXTS
from sop_desktop.labels import size_text


class _LocaleNumber(int):
    """A count in a sentence, its thousands grouped as the interface's locale groups them
    ("{size:,}" is 1,234 in English, 1234 or 1.234 in Spanish)."""

    def __format__(self, spec: str) -> str:
        return QLocale().toString(int(self)) if spec == "," else format(int(self), spec)


def _value(value: object) -> object:
    """A value as the sentence names it in the interface's language and locale."""
    if isinstance(value, Words | ResourcesError):
        return say(value.words if isinstance(value, ResourcesError) else value)
    if isinstance(value, Size):
        return size_text(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return _LocaleNumber(value)
    return value


def say(words: Words) -> str:
    """``words`` in the interface's language; a value that is itself words is said the same
    way, numbers and sizes as the interface's locale writes them. A translation whose
    placeholders do not fit falls back to English."""
    values = {name: _value(value) for name, value in words.params.items()}
    if isinstance(values.get("date"), str):  # kept as ISO 8601; read as the window writes days
        values["date"] = written_day(str(values["date"]))
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
    # Not foreseen: what it was is said as a kind (the system's own text, English whatever
    # the interface's language, goes to the log), and nothing is claimed of the library.
    path = getattr(error, "filename", None)
    if path:
        return say(Words("task.failed_with", path=path, reason=reason_of(error)))
    return say(Words("task.failed", reason=reason_of(error)))


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
