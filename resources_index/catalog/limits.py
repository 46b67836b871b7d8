"""The bounds that are part of the catalog format.

A client checks these before it downloads or stores anything a catalog names, so a hostile or
broken catalog cannot make it fill the disk or write outside the library.
"""

import re

from resources_index.errors import Words

FORMAT_NAME = "sop-catalog"
FORMAT_VERSION = 1
TEXT_FORMAT = "sop-text"

MAX_ENVELOPE_BYTES = 64 * 1024 * 1024
MAX_OBJECT_BYTES = 4 * 1024 * 1024 * 1024
MAX_TEXT_OBJECT_BYTES = 32 * 1024 * 1024
MAX_RESOURCES = 100_000
MAX_FILES_PER_RESOURCE = 32
MAX_TITLE_CHARS = 300
MAX_SUMMARY_CHARS = 4000
MAX_LIST_ITEMS = 64
MAX_VALUE_CHARS = 100
MAX_NAME_CHARS = 255
MAX_KITS = 1000
MAX_KIT_ITEMS = 500
#: Instruments (fidelity and coaching forms) a catalog carries, and one definition's bytes
#: (the definition format's own bound: ``resources_index.instruments.limits``).
MAX_INSTRUMENTS = 500
MAX_INSTRUMENT_BYTES = 2 * 1024 * 1024
MAX_TERMS = 5000  # bilingual search terms a catalog adds
MAX_REPORT_TERMS = 1000  # search terms the content team asks laptops to count
MAX_KIT_START = 100_000  # a page number, or seconds into a video (about 27 hours)
#: The largest catalog version (and format version): 2^53 - 1, the largest whole number every
#: JSON reader keeps exact, and far inside what the library's state database stores.
MAX_VERSION = 2**53 - 1
MAX_SCHEMA = 1_000_000  # the search index's schema number

TEXT_MEDIA_TYPE = "application/vnd.sop.text+json"
INDEX_MEDIA_TYPE = "application/x-tar"
#: An instrument's form definition (``resources_index.instruments.definition``), JSON.
INSTRUMENT_MEDIA_TYPE = "application/vnd.sop.instrument+json"
FILE_ROLES = ("main", "captions", "thumbnail", "text", "index", "rendition", "instrument")
#: Roles a library may hold back until later (download policy) or do without.
OPTIONAL_ROLES = ("main", "index", "rendition")
#: Roles of the files people open (a document and its PDF rendition): the download policy and
#: the storage cap may leave them for later; text, captions and thumbnails always come.
OPENED_ROLES = ("main", "rendition")
#: Main files that publishing renders to a PDF rendition (laptops without Office show it).
RENDERED_SUFFIXES = (".docx", ".pptx", ".odt", ".odp")
PDF_MEDIA_TYPE = "application/pdf"

#: Media types a catalog may carry, by the file endings publishing recognises.
MEDIA_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".vtt": "text/vtt",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}

RENDERED_MEDIA_TYPES = frozenset(MEDIA_TYPES[suffix] for suffix in RENDERED_SUFFIXES)
ALLOWED_MEDIA_TYPES = frozenset(MEDIA_TYPES.values()) | {
    TEXT_MEDIA_TYPE,
    INDEX_MEDIA_TYPE,
    INSTRUMENT_MEDIA_TYPE,
}

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")  # used with fullmatch: no newline slips by
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]{0,99}$")

_WINDOWS_RESERVED = (
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_BAD_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"\\|?*]')


def unsafe_name_words(name: object) -> Words | None:
    """Why ``name`` is not a safe relative file name (words said in the reader's language),
    or None when it is safe.

    Names are POSIX-style relative paths. Each part must be an ordinary name on Windows, macOS
    and Linux alike: no ``..``, no absolute path or drive, no reserved device name.
    """
    if not isinstance(name, str) or not name:
        return Words("name.empty")
    if len(name) > MAX_NAME_CHARS:
        return Words("name.too_long", limit=MAX_NAME_CHARS)
    if name.startswith("/") or re.match(r"^[A-Za-z]:[/\\]", name):
        return Words("name.absolute")
    if re.fullmatch(r"[A-Za-z]:", name.split("/")[0]):
        return Words("name.drive")
    bad = _BAD_NAME_CHARS.search(name)
    if bad:
        # A control character as its escape, never as itself.
        return Words("name.character", character=repr(bad.group(0)))
    for part in name.split("/"):
        if part in ("", ".", ".."):
            return Words("name.outside")
        if part != part.strip() or part.endswith("."):
            return Words("name.space_or_dot")
        if part.split(".")[0].casefold() in _WINDOWS_RESERVED:
            return Words("name.reserved")
    return None


def unsafe_name_reason(name: object) -> str | None:
    """``unsafe_name_words`` in English (publishing speaks on the command line)."""
    words = unsafe_name_words(name)
    return None if words is None else str(words)


def safe_name(name: str) -> str | None:
    """``name`` itself when clients accept it, else the closest name they do (characters
    Windows forbids become ``_``, a reserved device name gets a ``_`` in front, trailing dots
    and spaces go); None when nothing usable is left."""
    if unsafe_name_reason(name) is None:
        return name
    cleaned = "/".join(
        _safe_part(part) for part in _BAD_NAME_CHARS.sub("_", name).split("/") if part
    )
    return cleaned if cleaned and unsafe_name_reason(cleaned) is None else None


def _safe_part(part: str) -> str:
    part = part.strip().rstrip(". ")
    if part.split(".")[0].casefold() in _WINDOWS_RESERVED:
        part = "_" + part
    return part
