"""One exception hierarchy for the core, each carrying a sentence a person can read.

The command line prints ``str(error)`` as is and the GUI shows it in a message box, so every
message is a plain sentence that names the file or thing at fault and, where it helps, what to do.
"""


class ResourcesError(Exception):
    """Base of every error the core raises on purpose."""


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
