"""Where a file or folder dialog opens: the person's Documents folder (or home), never the
folder the program was started from, which is the program's own (or the system's) on a
laptop started from its menu."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def start_folder() -> str:
    """The Documents folder when it exists, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())
