"""What the window says when something fails: the one place errors become sentences."""

from PySide6.QtCore import QCoreApplication

from resources_index.errors import ResourcesError


def describe(error: BaseException) -> str:
    """A sentence for the user about ``error``, in the interface's language."""
    if isinstance(error, ResourcesError):
        return str(error)
    return QCoreApplication.translate(
        "Task", "Something went wrong: {0}. The library was not changed."
    ).format(error)
