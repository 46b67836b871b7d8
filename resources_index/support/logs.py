"""Rotating log files for support: what happened, never who or what they looked for.

Logs go to platformdirs' user log folder (or ``$SOP_DESKTOP_LOGS``): ``sop-desktop.log``,
rotated at 1 MB, five kept. Lines name catalog versions, resource ids, counts, sizes, server
addresses and plain-sentence errors. Search queries are never logged, and the user's home
folder is written as ``~`` so file paths do not carry a name.
"""

import logging
import logging.handlers
from pathlib import Path

from resources_index.config import paths
from resources_index.util.fsutil import replace_file

LOG_FILE = "sop-desktop.log"
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


#: How long a rotation waits for another program to let go of the log file.
ROTATION_WAIT_SECONDS = 0.5


class _SharedRotatingHandler(logging.handlers.RotatingFileHandler):
    """Rotates as ``RotatingFileHandler`` does, where the window and the command line write
    one file: on Windows the program that holds it open keeps the other from renaming it, so
    the other stops rotating and goes on appending (the holder rotates it later)."""

    def rotate(self, source: str, dest: str) -> None:
        limit, self.maxBytes = self.maxBytes, 0  # what a refusal logs is appended, not rotated
        try:
            replace_file(Path(source), Path(dest), wait=ROTATION_WAIT_SECONDS)
        except FileNotFoundError:
            pass
        except OSError:
            return  # never again in this run: a rotation tried at every line would slow each
        self.maxBytes = limit


def log_folder() -> Path:
    return paths.log_dir()


class _HomeHidden(logging.Filter):
    """Writes the home folder as ``~`` in every message."""

    def __init__(self) -> None:
        super().__init__()
        self.home = str(Path.home())

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.home and self.home != "/" and self.home in message:
            record.msg, record.args = message.replace(self.home, "~"), None
        return True


def setup(program: str) -> Path | None:
    """Send the ``resources_index`` and ``sop_desktop`` loggers to the rotating file; return
    its path (None when the folder cannot be written: logging must never stop the program)."""
    folder = log_folder()
    target = folder / LOG_FILE
    for name in ("resources_index", "sop_desktop"):
        for old in list(logging.getLogger(name).handlers):
            if getattr(old, "sop_log", False):
                if Path(old.baseFilename) == target.absolute():  # type: ignore[attr-defined]
                    return target
                logging.getLogger(name).removeHandler(old)
                old.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _SharedRotatingHandler(
            target, maxBytes=1024 * 1024, backupCount=5, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.sop_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(_HomeHidden())
    for name in ("resources_index", "sop_desktop"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
    logging.getLogger("resources_index").info("%s started", program)
    return target
