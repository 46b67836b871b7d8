"""Search terms a content team adds in ``SOURCE/terms.csv``: an English and a Spanish name of
the same idea per row (``en,es``), so a search in one language finds resources in the other.

The file is usually a spreadsheet export: a byte-order mark, Windows code page, ``English`` and
``Spanish`` headers, blank rows and stray spaces are all accepted.
"""

import csv

from resources_index.catalog import limits
from resources_index.publish.source_folder import REPORT_TERMS_NAME, TERMS_NAME, SourceFolder

_HEADERS = {"en": "en", "english": "en", "inglés": "en", "ingles": "en"}
_HEADERS |= {"es": "es", "spanish": "es", "español": "es", "espanol": "es"}


def _team_text(source: SourceFolder, name: str) -> str | None:
    """A text file of the team's folder as a spreadsheet or an editor saved it (UTF-8 with or
    without a byte-order mark, else the Windows code page); None when absent or unreadable."""
    path = source.source / name
    if not path.is_file():
        return None
    try:
        raw = path.read_bytes()
        return raw.decode("utf-8-sig") if _is_utf8(raw) else raw.decode("cp1252")
    except (OSError, UnicodeDecodeError) as exc:
        source.warnings.append(f"{name}: cannot be read ({exc}); no terms added.")
        return None


def read_terms(source: SourceFolder) -> tuple[tuple[str, str], ...]:
    """The pairs of ``terms.csv`` (none when there is no such file); each problem is a warning
    naming the row, and the row is left out."""
    text = _team_text(source, TERMS_NAME)
    if text is None:
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


def read_report_terms(source: SourceFolder) -> tuple[str, ...]:
    """The terms of ``report-terms.txt`` (one per line; ``#`` starts a comment): names of
    initiatives and acronyms the content team wants counted by name when people search for
    them, before any resource holds the words (see docs/privacy.md)."""
    text = _team_text(source, REPORT_TERMS_NAME)
    if text is None:
        return ()
    terms: dict[str, None] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        term = " ".join(line.split("#", 1)[0].split())
        if not term:
            continue
        if len(term) > limits.MAX_VALUE_CHARS:
            source.warnings.append(f"{REPORT_TERMS_NAME} line {number}: too long; ignored.")
        elif len(terms) >= limits.MAX_REPORT_TERMS:
            source.warnings.append(
                f"{REPORT_TERMS_NAME}: more than {limits.MAX_REPORT_TERMS} terms; the rest ignored."
            )
            break
        else:
            terms[term] = None
    return tuple(terms)
