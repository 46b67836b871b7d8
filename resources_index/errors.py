"""One exception hierarchy for the core; each error carries a kind and the values it names.

The sentence of each kind is defined once, in ``messages.py``: ``str(error)`` says it in English
(the command line), and the window says it in the interface's language. Every sentence names the
file or thing at fault and, where it helps, what to do.
"""

import errno
import sqlite3
from typing import Any

from resources_index.messages import MESSAGES

#: What the system said (an OSError's errno, or Windows' own number) as a kind of reason.
_ERRNO_KINDS = {
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.disk_full",
    errno.EACCES: "os.permission_denied",
    errno.EPERM: "os.permission_denied",
    errno.EROFS: "os.read_only",
    errno.ENOENT: "os.not_found",
    errno.EEXIST: "os.exists",
    errno.ENOTEMPTY: "os.exists",
    errno.EISDIR: "os.is_a_folder",
    errno.ENOTDIR: "os.not_a_folder",
    errno.EBUSY: "os.in_use",
    errno.ETXTBSY: "os.in_use",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.device_error",
}
_WINERROR_KINDS = {32: "os.in_use", 33: "os.in_use", 112: "os.disk_full", 5: "os.permission_denied"}


class Words:
    """A sentence (or a phrase inside one) not yet said: its kind and the values it names.
    A value may itself be ``Words`` (a reason, another error's sentence)."""

    def __init__(self, kind: str, /, **params: Any) -> None:
        if kind not in MESSAGES:
            raise KeyError(f"no sentence for the kind {kind!r} in messages.py")
        self.kind = kind
        self.params = params

    def __str__(self) -> str:
        return say_in_english(self)

    def __repr__(self) -> str:
        return f"Words({self.kind!r}, {self.params!r})"


def say_in_english(words: Words) -> str:
    """The sentence in English, as the command line prints it."""
    values = {
        name: str(value) if isinstance(value, Words | ResourcesError) else value
        for name, value in words.params.items()
    }
    return MESSAGES[words.kind].format(**values)


class Size(int):
    """A number of bytes named in a sentence: said as people read it (``12.5 MB``); the window
    writes it in the interface's locale."""

    def __format__(self, spec: str) -> str:
        return format(int(self), spec) if spec else f"{self / (1024 * 1024):,.1f} MB"

    def __str__(self) -> str:
        return format(self, "")


def reason_of(error: BaseException) -> "Words":
    """Why an operation failed, as words said in the reader's language: an OSError by what
    it means (the disk is full, permission was denied…), never the system's own text, which
    is English or the system's language whatever the interface's; a file that could not be
    parsed is damaged; anything else is unexpected (its text goes to the log)."""
    if isinstance(error, ResourcesError):
        return error.words
    if isinstance(error, OSError):
        kind = _WINERROR_KINDS.get(getattr(error, "winerror", None) or -1) or _ERRNO_KINDS.get(
            error.errno or -1
        )
        return Words(kind) if kind else Words("os.other", number=error.errno or 0)
    if isinstance(error, sqlite3.Error):
        return _sqlite_reason(str(error).lower())
    if isinstance(error, ValueError | KeyError | TypeError | EOFError | LookupError):
        return Words("reason.damaged")
    return Words("reason.unexpected")


#: What SQLite's (English) text means, by the words it uses.
_SQLITE_KINDS = (
    (("locked", "busy"), "os.in_use"),
    (("readonly", "read-only"), "os.read_only"),
    (("is full",), "os.disk_full"),
    (("disk i/o",), "os.device_error"),
    (("malformed", "not a database"), "reason.damaged"),
)


def _sqlite_reason(said: str) -> Words:
    for words, kind in _SQLITE_KINDS:
        if any(word in said for word in words):
            return Words(kind)
    return Words("reason.unexpected")


class ResourcesError(Exception):
    """Base of every error the core raises on purpose: ``ResourcesError(kind, **values)``."""

    def __init__(self, kind: str, /, **params: Any) -> None:
        self.words = Words(kind, **params)
        super().__init__(kind)

    @property
    def kind(self) -> str:
        return self.words.kind

    def __str__(self) -> str:
        return str(self.words)


class CatalogError(ResourcesError):
    """A catalog (manifest or its envelope) is malformed, out of bounds or inconsistent."""


class SignatureError(CatalogError):
    """A catalog's signature is missing, wrong, or made by a key this library does not trust."""


class RollbackError(CatalogError):
    """A catalog is older than one this library already accepted."""


class ExpiredError(CatalogError):
    """A catalog's expiry time has passed (a frozen or stale copy)."""


class ObjectError(ResourcesError):
    """A content object is missing, the wrong size, or does not match its SHA-256."""


class LibraryError(ResourcesError):
    """The local library folder cannot be read or written."""


class PublishError(ResourcesError):
    """Publishing cannot go ahead at all (as opposed to one file being skipped with a warning)."""


class KeyFileError(ResourcesError):
    """A key file is missing, unreadable or not an Ed25519 key."""


class CancelledError(ResourcesError):
    """The user cancelled a long operation; nothing was changed."""


class IndexArchiveError(ResourcesError):
    """A search index shipped with a catalog cannot be used (the library builds its own)."""


class InstrumentError(ResourcesError):
    """An instrument (a form) cannot be converted or used, or its saved answers cannot be read."""


class ExpressionError(InstrumentError):
    """An expression of a form is outside the supported XLSForm subset, too long or too deep."""
