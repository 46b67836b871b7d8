"""FFmpeg, which Qt plays video with, prints each file's stream dump ("Input #0 ...",
"Stream #0:0 ... Video: h264") on the terminal the program was started from, and Qt its
multimedia back end's notes (which FFmpeg it found, PipeWire missing). Neither is for a
person: FFmpeg is told to print only errors, Qt's notes that are not warnings of the program's
own making are dropped (``QT_LOGGING_RULES`` still turns them on for support), and what was
done is logged at debug level."""

import ctypes
import functools
import logging
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLoggingCategory

log = logging.getLogger(__name__)

AV_LOG_ERROR = 16  # libavutil/log.h: only what stops a file from playing
QUIET_RULES = (
    "qt.multimedia.ffmpeg.info=false\n"
    "qt.multimedia.symbolsresolver=false\n"
    "qt.multimedia.symbolsresolver.*=false\n"
)
NAMES = ("libavutil.so.*", "libavutil.*.dylib", "avutil-*.dll")


def quiet_qt_notes() -> None:
    """Drop Qt's multimedia notes; before QtMultimedia is imported, which makes some."""
    QLoggingCategory.setFilterRules(QUIET_RULES)


def avutil_paths() -> list[Path]:
    """The FFmpeg utility libraries Qt's multimedia back end loads (shipped with PySide6, or
    in the one-folder build)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))]
    folders.append(Path(PySide6.__file__).resolve().parent)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle))
    return [path for folder in folders for name in NAMES for path in sorted(folder.glob(name))]


@functools.cache
def quiet_ffmpeg() -> bool:
    """FFmpeg prints only errors; whether it was found. Called once a media player exists:
    Qt has loaded FFmpeg then, with the libraries FFmpeg itself needs (OpenSSL)."""
    for path in avutil_paths():
        try:
            library = ctypes.CDLL(str(path))
            library.av_log_set_level(ctypes.c_int(AV_LOG_ERROR))
        except (OSError, AttributeError):
            continue
        log.debug("FFmpeg prints only errors (%s)", path.name)
        return True
    log.debug("no FFmpeg library found to quieten")
    return False
