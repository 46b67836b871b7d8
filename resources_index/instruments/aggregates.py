"""What of the responses may ever leave the laptop: per instrument, item and ISO week, the count
of each choice and the mean of numeric scores. Nothing else.

Left out by construction: text answers, dates, the response's ``subject`` label, its id and times
finer than the week, and any record of one response. A choice is counted only under a name the
published definition has (never a value typed in); a number is averaged only for ``integer`` and
``decimal`` questions and for calculations that depend on no text or date answer (so a
calculation cannot carry a typed word or a date out). A knowledge check adds the item
``_score_percent``: the mean share of scored questions answered correctly.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from resources_index.instruments import expressions
from resources_index.instruments.definition import FormDefinition, Item
from resources_index.instruments.responses import Response
from resources_index.instruments.session import FormSession

SCORE_ITEM = "_score_percent"


def iso_week(timestamp: str) -> str | None:
    """``2026-12-03T08:49:33Z`` → ``2026-W49`` (None when it is not such a time)."""
    try:
        day = datetime.date.fromisoformat(timestamp[:10])
    except ValueError:
        return None
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def numeric_items(definition: FormDefinition) -> set[str]:
    """The items whose values may be averaged: numbers asked, and calculations that depend,
    however indirectly, on no text or date answer."""
    items = {item.name: item for item, _ in definition.walk()}
    tainted = {name for name, item in items.items() if item.type in ("text", "date")}
    calculations = [item for item in items.values() if item.type == "calculate"]
    for _ in range(len(calculations) + 1):  # taint spreads along chains of calculations
        grown = tainted | {item.name for item in calculations if _depends_on(item, tainted)}
        if grown == tainted:
            break
        tainted = grown
    return {
        name
        for name, item in items.items()
        if item.type in ("integer", "decimal") or (item.type == "calculate" and name not in tainted)
    }


def _depends_on(item: Item, names: set[str]) -> bool:
    return bool(item.calculate) and bool(
        expressions.references(expressions.parse(item.calculate)) & names
    )


def weekly_aggregates(
    responses: Iterable[Response], definitions: Mapping[str, FormDefinition]
) -> list[dict[str, Any]]:
    """Rows ``{instrument, item, week, responses, choices}`` (selects) or ``{..., mean}``
    (numbers), sorted; only completed responses of a known instrument count."""
    choices: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    answered: dict[tuple[str, str, str], int] = defaultdict(int)
    numbers: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    averaged: dict[str, set[str]] = {}
    for response in responses:
        definition = definitions.get(response.form_id)
        week = iso_week(response.completed)
        if definition is None or week is None:
            continue
        if definition.id not in averaged:
            averaged[definition.id] = numeric_items(definition)
        numeric = averaged[definition.id]
        for item, _ in definition.walk():
            value = response.answers.get(item.name, "")
            key = (definition.id, item.name, week)
            if item.type in ("select_one", "select_multiple") and value:
                known = {choice.name for choice in item.choices}
                picked = [name for name in value.split() if name in known]
                if picked:
                    answered[key] += 1
                    for name in picked:
                        choices[key][name] += 1
            elif item.name in numeric and value:
                _add_number(numbers[key], value)
        if definition.scored_items():
            score = FormSession(definition, response.answers).score()
            if score.total:
                numbers[(definition.id, SCORE_ITEM, week)].append(100 * score.correct / score.total)
    rows: list[dict[str, Any]] = []
    for (form, name, week), counts in choices.items():
        rows.append(
            {
                "instrument": form,
                "item": name,
                "week": week,
                "responses": answered[(form, name, week)],
                "choices": dict(sorted(counts.items())),
            }
        )
    for (form, name, week), values in numbers.items():
        if values:
            mean = round(math.fsum(values) / len(values), 4)
            rows.append(
                {
                    "instrument": form,
                    "item": name,
                    "week": week,
                    "responses": len(values),
                    "mean": mean,
                }
            )
    rows.sort(key=lambda row: (row["instrument"], row["week"], row["item"]))
    return rows


def _add_number(values: list[float], text: str) -> None:
    try:
        number = float(text)
    except ValueError:
        return
    if math.isfinite(number):
        values.append(number)
