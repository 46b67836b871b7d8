"""The instruments' part of a week's usage report: per instrument and item, how many completed
responses answered it, how often each choice was picked, and the sum of its scores, all whole
numbers like every other count of the report (docs/privacy.md).

The week's numbers come from ``instruments.aggregates.weekly_aggregates`` (which leaves out text
answers, dates, labels and any record of one response) over the completed responses of every
person of the library, read when the report is made: nothing about responses is counted
anywhere else. A mean travels as a sum and a count (``instrument_score_sum`` is the sum of the
scores times 100, rounded; the summary divides by ``instrument_answered``), so the statewide
mean weighs each laptop by its responses. A sum below zero or beyond what a report carries is
left out.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resources_index.errors import ResourcesError
from resources_index.instruments.aggregates import weekly_aggregates
from resources_index.instruments.responses import RESPONSES_FOLDER, Response, ResponseStore
from resources_index.library.instruments import installed_instruments
from resources_index.library.library import Library

log = logging.getLogger(__name__)

ANSWERED = "instrument_answered"  # key INSTRUMENT:ITEM
CHOICE = "instrument_choice"  # key INSTRUMENT:ITEM:CHOICE
SCORE_SUM = "instrument_score_sum"  # key INSTRUMENT:ITEM, the sum of scores x 100
MEASURES = (ANSWERED, CHOICE, SCORE_SUM)
#: The largest value a report carries (``report_files``): a sum beyond it is left out.
MAX_VALUE = 10**9 - 1


def fidelity_measures(library: Library, period: str) -> list[dict[str, Any]]:
    """The instruments' measures of ``period`` ("2026-W49"); none when the catalog has no
    instruments or the responses cannot be read (the report goes on without them)."""
    try:
        definitions = installed_instruments(library)
        if not definitions:
            return []
        rows = weekly_aggregates(completed_responses(library.root), definitions)
    except (ResourcesError, OSError) as error:
        log.warning("instrument aggregates left out of the report: %s", error)
        return []
    return [m for row in rows if row["week"] == period for m in _measures(row)]


def completed_responses(library_root: Path) -> Iterator[Response]:
    """Every person's completed responses in the library (unreadable files skipped)."""
    base = library_root / RESPONSES_FOLDER
    for folder in sorted(base.iterdir()) if base.is_dir() else []:
        if folder.is_dir() and not folder.is_symlink():
            yield from ResponseStore(folder).completed()[0]


def _measures(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    key = f"{row['instrument']}:{row['item']}"
    if "choices" in row:
        yield {"measure": ANSWERED, "key": key, "value": int(row["responses"])}
        for choice, count in row["choices"].items():
            yield {"measure": CHOICE, "key": f"{key}:{choice}", "value": int(count)}
    elif "mean" in row:
        total = round(float(row["mean"]) * int(row["responses"]) * 100)
        if 0 <= total <= MAX_VALUE:
            yield {"measure": ANSWERED, "key": key, "value": int(row["responses"])}
            yield {"measure": SCORE_SUM, "key": key, "value": total}


@dataclass(frozen=True)
class ItemFidelity:
    """One item of one instrument in the summary: responses that answered it, each choice's
    count and share of them, and the mean score (None for a select)."""

    instrument: str
    item: str
    answered: int
    choices: dict[str, tuple[int, float]]
    mean: float | None


def item_fidelity(
    answered: dict[str, int], choices: dict[str, int], sums: dict[str, int]
) -> list[ItemFidelity]:
    """The summary's rows from its sums per key (a key hidden by the five-laptop rule, which
    names no item, is left out), in instrument and item order."""
    rows = []
    for key, count in sorted(answered.items()):
        instrument, _, item = key.partition(":")
        if not item or count <= 0:
            continue
        picked = {
            choice_key[len(key) + 1 :]: value
            for choice_key, value in choices.items()
            if choice_key.startswith(key + ":")
        }
        mean = sums[key] / 100 / count if key in sums else None
        rows.append(
            ItemFidelity(
                instrument,
                item,
                count,
                {c: (v, v / count) for c, v in sorted(picked.items())},
                mean,
            )
        )
    return rows
