"""Report files as uploads left them, read for the statewide summary: anyone holding a
county's upload credential (or a drive) wrote them, so nothing about them is trusted.

Only regular files are read (never a link, a FIFO, a device or a folder), each at most
``MAX_REPORT_BYTES`` and all together within one budget (``MAX_SUMMARY_BYTES``, each file
costing at least ``MIN_FILE_COST``), with the bounded JSON reader. The county of a report is
the folder it was uploaded into, directly under the folder given (``REPORTS/COUNTY/...``,
or ``DRIVE/sop-reports/COUNTY/...`` for an export): that folder is what the county's upload
credential opens, so the county named inside the file must agree with it.
"""

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from resources_index.catalog import limits
from resources_index.catalog.vocabulary import FACETS
from resources_index.errors import CatalogError
from resources_index.reports.fidelity import ANSWERED, CHOICE, SCORE_SUM
from resources_index.reports.outbox import EXPORT_DIR
from resources_index.reports.usage import FEEDBACK, MEASURES, REPORT_FORMAT
from resources_index.util import safe_json
from resources_index.util.shown import printable

#: One report file at most (the size the upload location accepts, ``client_max_body_size``).
MAX_REPORT_BYTES = 1024 * 1024
#: Everything one summary reads; files past it are counted, not read.
MAX_SUMMARY_BYTES = 1024 * 1024 * 1024
#: What each file costs of the budget at least, so a flood of tiny files is bounded too.
MIN_FILE_COST = 4096
#: A key of a measure (a reduced search, a request, a resource id) at most, in characters.
MAX_KEY_CHARS = 1000
#: The rows of the whole state in a summary: no county may take the name.
STATEWIDE = "statewide"
#: Folders below a folder given that are entered at most (COUNTY/PERIOD/... needs three).
MAX_DEPTH = 16
#: Reasons kept by name; past this many only their number is said.
MAX_NAMED = 1000
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
_PERIOD = re.compile(r"[0-9]{4}-W[0-9]{2}")
_VERSION = re.compile(r"[0-9]{1,18}")
#: A county folder as uploads make it: the county's name with hyphens for its spaces.
_COUNTY_FOLDER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.]|-(?=[A-Za-z0-9_.])){0,99}")
_RESOURCE = limits.ID_PATTERN.pattern.strip("^$")
_REDUCED_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_OTHERS = r"\(\+[1-9][0-9]{0,3} other words?\)"
#: A form id, an item's or a choice's XLSForm name.
_FORM_NAME = r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}"
#: The measures whose keys are a search's words (docs/privacy.md).
WORD_MEASURES = ("zero_result_searches", "searches_without_open", "corrections_accepted")


def _numeral_in_words(key: str) -> bool:
    """Whether a search's words (before any "(+3 other words)") hold a numeral the pattern's
    ``\\d`` lets through: superscripts, fractions, Roman or circled numbers are numbers too,
    and a laptop never sends one (``privacy.py`` normalises them to digits and removes them)."""
    words = key.split(" (+", 1)[0] if not key.startswith("(+") else ""
    return any(character.isnumeric() for character in words)


#: What the key of each measure may be (docs/privacy.md, "What is counted"); a request's
#: text is free, and cleaned again before it is counted.
KEYS: dict[str, re.Pattern[str]] = {
    **{m: re.compile(_RESOURCE) for m in ("opened", "presented", "printed", "saved")},
    "feedback": re.compile(f"{_RESOURCE}:(?:{'|'.join(FEEDBACK)})"),
    "filters_used": re.compile(f"(?:{'|'.join(FACETS)}):[A-Za-z0-9_-]{{1,64}}"),
    **{
        m: re.compile(f"(?:{_REDUCED_WORD}(?: {_REDUCED_WORD})*(?: {_OTHERS})?|{_OTHERS})")
        for m in WORD_MEASURES
    },
    "searches": re.compile(""),
    "days_used": re.compile(""),
    "catalog_version": _VERSION,
    "program_version": re.compile(
        r"[0-9]{1,6}(?:\.[0-9]{1,6}){0,3}(?:(?:a|b|rc|\.post|\.dev)[0-9]{1,6})?"
    ),
    "resource_requests": re.compile(r"(?s).*"),
    # Instruments' weekly aggregates (reports/fidelity.py): published names only, never text.
    ANSWERED: re.compile(f"{_FORM_NAME}:{_FORM_NAME}"),
    CHOICE: re.compile(f"{_FORM_NAME}:{_FORM_NAME}:{_FORM_NAME}"),
    SCORE_SUM: re.compile(f"{_FORM_NAME}:{_FORM_NAME}"),
}
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class NotAReport(Exception):
    """A file the summary sets aside; its message says why, in a few words."""


class BudgetSpent(NotAReport):
    """A file met after the summary's reading budget was spent (counted, not read)."""


@dataclass(frozen=True)
class Report:
    """A report that checked out: where it was found, its county and its contents."""

    path: Path
    county: str  # its folder's name, hyphens made spaces (the report must name the same)
    report_id: str
    laptop: str
    period: str
    measures: list[dict[str, Any]]
    digest: str  # of its content, so the same report found twice is known for the same


@dataclass
class Budget:
    """What one summary may still read."""

    total: int = MAX_SUMMARY_BYTES
    left: int = -1  # the whole total until reading starts
    not_read: int = 0  # files met after the budget was spent

    def __post_init__(self) -> None:
        if self.left < 0:
            self.left = self.total


def candidates(
    folders: Iterable[Path], unlisted: Callable[[OSError], None]
) -> Iterator[tuple[Path, str | None]]:
    """Every ``*.json`` under ``folders`` in a stable order, with its county folder (None for
    a file directly in a folder given). Links to folders are not followed; a folder that
    cannot be listed (or is not there) goes to ``unlisted``, and so does one deeper than
    ``MAX_DEPTH`` below a folder given (an upload may create any depth): it is not entered.
    The walk keeps its own stack, so no depth stops it."""
    for folder in folders:
        if not folder.is_dir():
            unlisted(NotADirectoryError(0, "not a folder", str(folder)))
            continue
        stack: list[tuple[Path, tuple[str, ...]]] = [(folder, ())]
        while stack:
            root, parts = stack.pop()
            try:
                with os.scandir(root) as entries:
                    found = [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]
            except OSError as exc:
                unlisted(exc)
                continue
            dirs = sorted(n for n, is_dir in found if is_dir and not n.endswith(".json"))
            files = [n for n, is_dir in found if not is_dir or n.endswith(".json")]
            place_parts = parts[1:] if parts and parts[0] == EXPORT_DIR else parts
            county = place_parts[0] if place_parts else None
            for name in sorted(f for f in files if f.endswith(".json")):
                yield root / name, county
            for name in reversed(dirs):  # popped in sorted order
                if len(parts) >= MAX_DEPTH:
                    unlisted(OSError(0, f"more than {MAX_DEPTH} folders deep", str(root / name)))
                    continue
                stack.append((root / name, (*parts, name)))


def read_report(path: Path, county_folder: str | None, budget: Budget) -> Report:
    """The report in ``path``, or ``NotAReport`` saying why it is set aside."""
    if county_folder is None:
        raise NotAReport("not in a county's folder (REPORTS/COUNTY/...)")
    data = _bounded_bytes(path, budget)
    try:
        parsed = safe_json.loads(data, "the file", MAX_REPORT_BYTES)
    except CatalogError as exc:
        raise NotAReport(str(exc).rstrip(".")) from None
    shown = county_of(county_folder)
    report = _checked(parsed, path)
    if report.county.replace(" ", "-") != county_folder:
        raise NotAReport(
            f"it names the county {printable(report.county)!r} but was uploaded into the"
            f" folder of {printable(county_folder)!r}"
        )
    return replace(report, county=shown)


def county_of(folder: str) -> str:
    """The one name a county folder stands for: its hyphens made spaces ("Contra-Costa" ->
    "Contra Costa"). ``NotAReport`` for a folder no county's name makes (any character but
    letters, digits, ``_``, ``.`` and single hyphens) or one that reads as the whole state."""
    if not _COUNTY_FOLDER.fullmatch(folder):
        raise NotAReport(f"in the folder {printable(folder)!r}, which no county's name makes")
    shown = folder.replace("-", " ")
    if re.sub(r"[^a-z0-9]", "", shown.casefold()) == STATEWIDE:
        raise NotAReport(f"in the folder {printable(folder)!r}, which reads as the whole state")
    return shown


def _bounded_bytes(path: Path, budget: Budget) -> bytes:
    """The bytes of ``path`` if it is a regular file within the bounds (never blocks on a
    FIFO, never follows a link)."""
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise NotAReport("a link, not a regular file")
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise NotAReport(f"cannot be opened ({exc.strerror or type(exc).__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAReport("not a regular file")
        if info.st_size > MAX_REPORT_BYTES:
            raise NotAReport(f"larger than a report can be ({MAX_REPORT_BYTES:,} bytes)")
        cost = max(info.st_size, MIN_FILE_COST)
        if cost > budget.left:
            budget.not_read += 1
            raise BudgetSpent("not read: the summary's budget is spent")
        budget.left -= cost
        chunks, size = [], 0
        while size <= MAX_REPORT_BYTES:
            chunk = os.read(fd, MAX_REPORT_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise NotAReport(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    finally:
        os.close(fd)
    if size > MAX_REPORT_BYTES:
        raise NotAReport(f"larger than a report can be ({MAX_REPORT_BYTES:,} bytes)")
    return b"".join(chunks)


def _week_exists(period: str) -> bool:
    """Whether ``YYYY-Www`` is a week of the ISO calendar (2026-W99 is not; W53 only in
    years that have it)."""
    year, week = int(period[:4]), int(period[6:])
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return False
    return True


def _checked(data: object, path: Path) -> Report:
    """``data`` as a report, or ``NotAReport`` naming what is wrong with it."""
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise NotAReport("not a usage report")
    version = data.get("format_version")
    if type(version) is not int or version != 1:
        raise NotAReport("a report format version this program does not read")
    for name, pattern in (("report_id", _TOKEN), ("laptop", _TOKEN), ("period", _PERIOD)):
        value = data.get(name)
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise NotAReport(f"no valid {name}")
    if not _week_exists(data["period"]):
        raise NotAReport("no valid period (a week that does not exist)")
    county, measures = data.get("county"), data.get("measures")
    if not isinstance(county, str) or len(county) > 200 or not isinstance(measures, list):
        raise NotAReport("no valid county or measures")
    if county.strip().casefold() == STATEWIDE:
        raise NotAReport(f"it names the county {STATEWIDE!r}, which is the whole state")
    for item in measures:
        if not (
            isinstance(item, dict)
            and item.get("measure") in MEASURES
            and isinstance(item.get("key"), str)
            and len(item["key"]) <= MAX_KEY_CHARS
            and type(item.get("value")) is int
            and 0 <= item["value"] < 10**9
        ):
            raise NotAReport("a measure that is not one")
        if not KEYS[item["measure"]].fullmatch(item["key"]):
            raise NotAReport(f"a key of {item['measure']} that is not of its form")
        if item["measure"] in WORD_MEASURES and _numeral_in_words(item["key"]):
            raise NotAReport(f"a key of {item['measure']} that holds a number")
    try:
        canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    except UnicodeEncodeError:  # a lone surrogate (\\ud800) is JSON but not text
        raise NotAReport("text that is not Unicode") from None
    return Report(
        path=path,
        county=county,
        report_id=data["report_id"],
        laptop=data["laptop"],
        period=data["period"],
        measures=measures,
        digest=digest,
    )
