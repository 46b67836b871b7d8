"""The statewide view: every report found in any mix of upload and export folders, each counted
once, summed per county and period and statewide.

What people searched for is shown only when at least ``MIN_LAPTOPS`` laptops reported the same
words in the period (per county, and statewide); fewer are summed as "(fewer than 5 laptops)".
Laptops are counted by their weekly token, which changes every week.
"""

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resources_index.reports.usage import MEASURES, REPORT_FORMAT

MIN_LAPTOPS = 5
#: Measures whose keys are words people typed: shown only when enough laptops typed them.
TYPED = ("zero_result_searches", "searches_without_open", "corrections_accepted")
HIDDEN = f"(fewer than {MIN_LAPTOPS} laptops)"
STATEWIDE = "statewide"
MAX_REPORT_BYTES = 1024 * 1024
CSV_COLUMNS = ("county", "period", "measure", "key", "value")


@dataclass
class Summary:
    """Rows of (county, period, measure, key) -> value, and what was skipped and why."""

    values: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    reports: int = 0
    duplicates: int = 0
    skipped: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str, str, str, int]]:
        return [(*key, value) for key, value in sorted(self.values.items())]

    def counties(self) -> list[str]:
        return sorted({k[0] for k in self.values if k[0] != STATEWIDE})

    def periods(self) -> list[str]:
        return sorted({k[1] for k in self.values})

    def of(self, county: str, measure: str) -> dict[str, int]:
        """Every period summed, for one county (or ``STATEWIDE``) and one measure."""
        found: dict[str, int] = defaultdict(int)
        for (where, _, what, key), value in self.values.items():
            if where == county and what == measure:
                found[key] += value
        return dict(found)


def read_reports(folders: Iterable[Path]) -> tuple[list[dict[str, Any]], list[str], int]:
    """Every valid report under ``folders`` (once per id), what was skipped, duplicates."""
    seen: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    duplicates = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            report = _read(path, skipped)
            if report is None:
                continue
            if report["report_id"] in seen:
                duplicates += 1
                continue
            seen[report["report_id"]] = report
    return list(seen.values()), skipped, duplicates


def _read(path: Path, skipped: list[str]) -> dict[str, Any] | None:
    """The report in ``path``, or None with the reason added to ``skipped``."""
    try:
        too_large = path.stat().st_size > MAX_REPORT_BYTES
        data = None if too_large else json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        skipped.append(f"{path}: cannot be read ({type(exc).__name__})")
        return None
    problem = "too large" if too_large else _problem(data)
    if problem:
        skipped.append(f"{path}: {problem}")
        return None
    assert isinstance(data, dict)
    return data


def _problem(data: object) -> str:
    """Why ``data`` is not a usage report ("" when it is one)."""
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        return "not a usage report"
    for name in ("report_id", "laptop", "period"):
        if not isinstance(data.get(name), str) or not data[name]:
            return f"no {name}"
    if not isinstance(data.get("county"), str) or not isinstance(data.get("measures"), list):
        return "no county or measures"
    for item in data["measures"]:
        if not (
            isinstance(item, dict)
            and item.get("measure") in MEASURES
            and isinstance(item.get("key"), str)
            and type(item.get("value")) is int
            and 0 <= item["value"] < 10**9
        ):
            return "a measure that is not one"
    return ""


def summarize(folders: Iterable[Path]) -> Summary:
    reports, skipped, duplicates = read_reports(folders)
    summary = Summary(reports=len(reports), duplicates=duplicates, skipped=skipped)
    values: dict[tuple[str, str, str, str], int] = defaultdict(int)
    typed_by: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    laptops: dict[tuple[str, str], set[str]] = defaultdict(set)
    for report in reports:
        county = report["county"] or "unknown"
        for where in (county, STATEWIDE):
            laptops[(where, report["period"])].add(report["laptop"])
            for item in report["measures"]:
                key = (where, report["period"], item["measure"], item["key"])
                values[key] += item["value"]
                if item["measure"] in TYPED:
                    typed_by[key].add(report["laptop"])
    for key, reporters in typed_by.items():
        if len(reporters) < MIN_LAPTOPS:  # too few laptops: the words stay unseen
            hidden = (*key[:3], HIDDEN)
            values[hidden] += values.pop(key)
    for (where, period), tokens in laptops.items():
        values[(where, period, "laptops", "")] = len(tokens)
    summary.values = dict(values)
    return summary


def write_csv(summary: Summary, target: Path) -> None:
    """The long table analysts load: ``county,period,measure,key,value``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(summary.rows())
