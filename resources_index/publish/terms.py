"""Search terms a content team adds in ``SOURCE/terms.csv``: an English and a Spanish name of
the same idea per row (``en,es``), so a search in one language finds resources in the other.

The file is usually a spreadsheet export: a byte-order mark, Windows code page, ``English`` and
``Spanish`` headers, blank rows and stray spaces are all accepted.
"""

import csv

from resources_index.catalog import limits
from resources_index.publish.source_folder import TERMS_NAME, SourceFolder

_HEADERS = {"en": "en", "english": "en", "inglés": "en", "ingles": "en"}
_HEADERS |= {"es": "es", "spanish": "es", "español": "es", "espanol": "es"}


def read_terms(source: SourceFolder) -> tuple[tuple[str, str], ...]:
    """The pairs of ``terms.csv`` (none when there is no such file); each problem is a warning
    naming the row, and the row is left out."""
    path = source.source / TERMS_NAME
    if not path.is_file():
        return ()
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig") if _is_utf8(raw) else raw.decode("cp1252")
    except (OSError, UnicodeDecodeError) as exc:
        source.warnings.append(f"{TERMS_NAME}: cannot be read ({exc}); no terms added.")
        return ()
    reader = csv.reader(text.splitlines())
    header = [_HEADERS.get(cell.strip().lower(), "") for cell in next(reader, [])]
    if "en" not in header or "es" not in header:
        source.warnings.append(
            f"{TERMS_NAME}: the first row must name an 'en' and an 'es' column; no terms added."
        )
        return ()
    en, es = header.index("en"), header.index("es")
    pairs: dict[tuple[str, str], None] = {}
    for number, row in enumerate(reader, start=2):
        cells = [" ".join(c.split()) for c in row]
        if not any(cells):
            continue
        english = cells[en] if en < len(cells) else ""
        spanish = cells[es] if es < len(cells) else ""
        if not english or not spanish:
            source.warnings.append(f"{TERMS_NAME} row {number}: needs both terms; row ignored.")
        elif max(len(english), len(spanish)) > limits.MAX_VALUE_CHARS:
            source.warnings.append(
                f"{TERMS_NAME} row {number}: a term longer than {limits.MAX_VALUE_CHARS}"
                " characters; row ignored."
            )
        else:
            pairs[(english, spanish)] = None
    if len(pairs) > limits.MAX_TERMS:
        source.warnings.append(
            f"{TERMS_NAME}: more than {limits.MAX_TERMS:,} terms; the first ones are kept."
        )
    return tuple(pairs)[: limits.MAX_TERMS]


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
