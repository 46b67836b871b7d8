"""The statewide view: every report found in any mix of upload and export folders, each counted
once, summed per county and period and statewide.

What people searched for is shown in a county only when at least ``MIN_LAPTOPS`` of its laptops
reported the same words in the period, each of them with a count of at least one in its own
report; fewer are summed as "(fewer than 5 laptops)". Statewide figures are the sums of the
counties' rows as shown, so the state minus the shown counties reveals no hidden count.
Laptops are counted by their weekly token, which changes every week.

Files are read one at a time (``report_files.py``) and their counts kept in a private temporary
SQLite database on disk, so memory stays the same however many reports are summarized: it is
bounded by SQLite's page cache and one report being read, the disk by the reading budget.
Two different reports claiming one id are both set aside: one of them is forged or damaged,
and nothing says which.
"""

import contextlib
import csv
import io
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from resources_index.reports.fidelity import (
    ANSWERED,
    CHOICE,
    SCORE_SUM,
    ItemFidelity,
    item_fidelity,
)
from resources_index.reports.fidelity import MEASURES as FIDELITY_MEASURES
from resources_index.reports.privacy import scrubbed
from resources_index.reports.report_files import (
    MAX_NAMED,
    STATEWIDE,
    Budget,
    BudgetSpent,
    NotAReport,
    Report,
    candidates,
    read_report,
)
from resources_index.util.fsutil import atomic_writer, mb
from resources_index.util.shown import printable

__all__ = ["HIDDEN", "MIN_LAPTOPS", "STATEWIDE", "Summary", "summarize", "write_csv"]

MIN_LAPTOPS = 5
#: Measures whose keys are words people typed: shown only when enough laptops typed them.
TYPED = ("zero_result_searches", "searches_without_open", "corrections_accepted")
#: Measures of the instruments (``fidelity.py``): each choice, count and score sum shown only
#: when enough laptops reported it, like typed words.
FEW_LAPTOPS_HIDDEN = (*TYPED, *FIDELITY_MEASURES)
HIDDEN = f"(fewer than {MIN_LAPTOPS} laptops)"
CSV_COLUMNS = ("county", "period", "measure", "key", "value")
#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Characters a spreadsheet may skip before reading a formula's start.
_SKIPPED = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
#: SQLite's page cache for the summary, in KiB: what the counts may hold in memory.
CACHE_KIB = 16 * 1024

_SCHEMA = """
CREATE TABLE files (file INTEGER PRIMARY KEY, report_id TEXT, digest TEXT, path TEXT,
    county TEXT, period TEXT, laptop TEXT);
CREATE TABLE entries (file INTEGER, measure TEXT, key TEXT, value INTEGER);
CREATE TABLE vals (county TEXT, period TEXT, measure TEXT, key TEXT, value INTEGER,
    PRIMARY KEY (county, period, measure, key)) WITHOUT ROWID;
"""
_TYPED_SQL = ", ".join(f"'{m}'" for m in FEW_LAPTOPS_HIDDEN)
#: Every counted entry for its county (of kept reports only).
_SCOPED = """
SELECT f.county AS county, f.period AS period, e.measure AS measure, e.key AS key,
    e.value AS value, f.laptop AS laptop
FROM entries e JOIN kept k ON e.file = k.file JOIN files f ON f.file = e.file
"""


def spreadsheet_safe(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula: one that would start one gets a
    leading apostrophe (OWASP's advice), which spreadsheets show as text. Lookalikes count
    (``＝``, ``﹦``, ``−``: the start is read in Unicode's compatibility form, a minus sign as
    ``-``), and so does a start behind spaces or invisible characters (`` =``, NBSP, ZWSP)."""
    start = unicodedata.normalize("NFKC", text[:64]).replace("\u2212", "-")
    start = start.lstrip("".join(_SKIPPED) + " \u00a0\u3000")
    start = "".join(c for c in start if unicodedata.category(c) != "Cf")  # ZWSP, RLO...
    risky = text.startswith(FORMULA_STARTS) or start.lstrip().startswith(FORMULA_STARTS)
    return f"'{text}" if risky else text


class Summary:
    """Rows of (county, period, measure, key) -> value, and what was set aside and why.
    Close it (or use it in ``with``) to delete its temporary database."""

    def __init__(self) -> None:
        # "" is a private temporary database on disk, deleted when the connection closes.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._db.execute("PRAGMA temp_store=FILE")
        self._db.executescript(_SCHEMA)
        self.reports = 0
        self.duplicates = 0
        self.skipped: list[str] = []  # "path: reason", at most MAX_NAMED
        self.more_skipped = 0  # set aside beyond those named

    def __enter__(self) -> "Summary":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- reading ---------------------------------------------------------------------------------

    def set_aside(self, path: Path | str, reason: str) -> None:
        if len(self.skipped) < MAX_NAMED:
            self.skipped.append(f"{printable(str(path))}: {reason}")
        else:
            self.more_skipped += 1

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + self.more_skipped

    def add(self, report: Report) -> None:
        """One report read, held until every file is in (its id may be claimed again)."""
        self._db.execute("BEGIN")
        cursor = self._db.execute(
            "INSERT INTO files(report_id, digest, path, county, period, laptop)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                report.report_id,
                report.digest,
                str(report.path),
                report.county or "unknown",
                report.period,
                report.laptop,
            ),
        )
        self._db.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?)",
            _entries(cursor.lastrowid, report),
        )
        self._db.execute("COMMIT")

    def finish(self) -> None:
        """Set aside ids claimed by different reports, count each id once, apply the
        five-laptop rule and count the laptops."""
        db = self._db
        db.execute("BEGIN")
        conflicting = db.execute(
            "SELECT path, report_id FROM files WHERE report_id IN (SELECT report_id FROM files"
            " GROUP BY report_id HAVING COUNT(DISTINCT digest) > 1) ORDER BY report_id, path"
        )
        for path, report_id in conflicting:
            self.set_aside(
                path,
                f"another file claims its report id {report_id} with different contents;"
                " both are set aside",
            )
        db.execute("CREATE TEMP TABLE kept (file INTEGER PRIMARY KEY, found INTEGER)")
        db.execute(
            "INSERT INTO kept SELECT MIN(file), COUNT(*) FROM files"
            " GROUP BY report_id HAVING COUNT(DISTINCT digest) = 1"
        )
        self.reports, found = db.execute("SELECT COUNT(*), TOTAL(found) FROM kept").fetchone()
        self.duplicates = int(found) - self.reports
        # A laptop counts towards showing a search's words only with a count of its own
        # (counts of zero were never kept): fewer than MIN_LAPTOPS, and the words are summed
        # under HIDDEN.
        db.execute(
            f"INSERT INTO vals SELECT county, period, measure,"
            f" CASE WHEN measure IN ({_TYPED_SQL}) AND laptops < {MIN_LAPTOPS} THEN ? ELSE key"
            f" END, SUM(total) FROM (SELECT county, period, measure, key, SUM(value) AS total,"
            f" COUNT(DISTINCT laptop) AS laptops FROM ({_SCOPED})"
            f" GROUP BY county, period, measure, key) GROUP BY 1, 2, 3, 4",
            (HIDDEN,),
        )
        # Statewide is the sum of the counties' rows as they are shown: a word hidden in one
        # county is hidden statewide too, so no subtraction of the shown counties from the
        # state can reveal it.
        db.execute(
            f"INSERT INTO vals SELECT '{STATEWIDE}', period, measure, key, SUM(value) FROM vals"
            " GROUP BY period, measure, key"
        )
        db.execute(
            f"INSERT INTO vals SELECT county, period, 'laptops', '', COUNT(DISTINCT laptop)"
            f" FROM (SELECT f.county AS county, f.period AS period, f.laptop AS laptop"
            f" FROM files f JOIN kept k ON f.file = k.file"
            f" UNION ALL SELECT '{STATEWIDE}', f.period, f.laptop"
            f" FROM files f JOIN kept k ON f.file = k.file) GROUP BY county, period"
        )
        db.execute("DELETE FROM entries")
        db.execute("COMMIT")

    # -- answers ---------------------------------------------------------------------------------

    def rows(self) -> Iterator[tuple[str, str, str, str, int]]:
        """Every row, in order, one at a time."""
        yield from self._db.execute(
            "SELECT county, period, measure, key, value FROM vals"
            " ORDER BY county, period, measure, key"
        )

    def counties(self) -> list[str]:
        return [
            str(row[0])
            for row in self._db.execute(
                "SELECT DISTINCT county FROM vals WHERE county != ? ORDER BY county",
                (STATEWIDE,),
            )
        ]

    def periods(self) -> list[str]:
        return [str(r[0]) for r in self._db.execute("SELECT DISTINCT period FROM vals ORDER BY 1")]

    def of(self, county: str, measure: str) -> dict[str, int]:
        """Every period summed, for one county (or ``STATEWIDE``) and one measure."""
        return dict(self._sums(county, measure))

    def fidelity(self, county: str) -> list[ItemFidelity]:
        """Per instrument and item, every period summed, for one county (or ``STATEWIDE``):
        only what at least ``MIN_LAPTOPS`` laptops reported in a period."""
        return item_fidelity(
            self.of(county, ANSWERED), self.of(county, CHOICE), self.of(county, SCORE_SUM)
        )

    def value(self, county: str, measure: str, key: str) -> int:
        """One key of a measure, every period summed."""
        row = self._db.execute(
            "SELECT TOTAL(value) FROM vals WHERE county = ? AND measure = ? AND key = ?",
            (county, measure, key),
        ).fetchone()
        return int(row[0])

    def total(self, county: str, measure: str) -> int:
        row = self._db.execute(
            "SELECT TOTAL(value) FROM vals WHERE county = ? AND measure = ?", (county, measure)
        ).fetchone()
        return int(row[0])

    def top(
        self,
        county: str,
        measure: str,
        limit: int,
        keep: Callable[[str], bool] | None = None,
    ) -> list[tuple[str, int]]:
        """The ``limit`` largest keys (those ``keep`` accepts), largest first."""
        found: list[tuple[str, int]] = []
        for key, value in self._sums(county, measure, largest_first=True):
            if keep is None or keep(key):
                found.append((key, value))
                if len(found) == limit:
                    break
        return found

    def latest_version(self, county: str) -> str:
        """The newest catalog version any report of ``county`` holds ("" when none)."""
        row = self._db.execute(
            "SELECT key FROM vals WHERE county = ? AND measure = 'catalog_version'"
            " ORDER BY CAST(key AS INTEGER) DESC LIMIT 1",
            (county,),
        ).fetchone()
        return str(row[0]) if row else ""

    def _sums(
        self, county: str, measure: str, largest_first: bool = False
    ) -> Iterator[tuple[str, int]]:
        order = "2 DESC, 1" if largest_first else "1"
        yield from self._db.execute(
            "SELECT key, SUM(value) FROM vals WHERE county = ? AND measure = ?"
            f" GROUP BY key ORDER BY {order}",
            (county, measure),
        )


def _entries(file: int | None, report: Report) -> Iterator[tuple[int | None, str, str, int]]:
    """A report's counts as rows; a request's text cleaned again (the summary trusts no
    laptop to have removed numbers), a count of zero left out (it adds nothing and shows no
    laptop typed anything)."""
    for item in report.measures:
        key = item["key"]
        if item["measure"] == "resource_requests":
            key = scrubbed(key)
            if not key:
                continue
        if item["value"] > 0:
            yield file, item["measure"], key, item["value"]


def summarize(folders: Iterable[Path], budget: Budget | None = None) -> Summary:
    """The summary of every report under ``folders``; what was set aside is named in it."""
    summary = Summary()
    budget = budget or Budget()

    def unlisted(error: OSError) -> None:
        summary.set_aside(error.filename, f"cannot be listed ({error.strerror})")

    for path, county in candidates(folders, unlisted):
        try:
            summary.add(read_report(path, county, budget))
        except BudgetSpent:
            continue  # said once, below
        except NotAReport as exc:
            summary.set_aside(path, str(exc))
    if budget.not_read:
        summary.set_aside(
            "(more files)",
            f"{budget.not_read:,} not read: a summary reads at most {mb(budget.total)};"
            " summarize fewer folders at a time",
        )
    summary.finish()
    return summary


def write_csv(summary: Summary, target: Path) -> None:
    """The long table analysts load: ``county,period,measure,key,value``; no cell a
    spreadsheet would run as a formula. Written beside ``target`` and put in its place whole
    (a full disk leaves the previous file as it was)."""
    with written_whole(target) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(CSV_COLUMNS)
        for *cells, value in summary.rows():
            writer.writerow([*(spreadsheet_safe(cell) for cell in cells), value])
        text.flush()
        text.detach()


@contextlib.contextmanager
def written_whole(target: Path) -> Iterator[BinaryIO]:
    """A file that replaces ``target`` only once wholly written; an error names ``target``
    (the temporary file beside it is what the system would name)."""
    try:
        with atomic_writer(target) as handle:
            yield handle
    except OSError as exc:
        exc.filename = str(target)  # the file meant, not the temporary one beside it
        raise
