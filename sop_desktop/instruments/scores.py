"""The one number a coach follows for a completed response: a knowledge check's share of
correct answers, or the form's first score that may be averaged (``aggregates.numeric_items``:
a calculation that reads no text or date), as the instrument's author wrote it."""

import re

from PySide6.QtCore import QCoreApplication

from resources_index.errors import ResourcesError
from resources_index.instruments.aggregates import numeric_items
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.responses import Response
from resources_index.instruments.session import FormSession


def score_item(definition: FormDefinition) -> str:
    """The calculation followed over time ("" for a knowledge check or a form without one)."""
    numeric = numeric_items(definition)
    return next(
        (i.name for i, _ in definition.walk() if i.type == "calculate" and i.name in numeric), ""
    )


def response_score(definition: FormDefinition, response: Response) -> float | None:
    """The response's score, or None when it has none."""
    if definition.scored_items():
        score = FormSession(definition, response.answers).score()
        return 100 * score.correct / score.total if score.total else None
    name = score_item(definition)
    try:
        return float(response.answers[name]) if name else None
    except (KeyError, ValueError):
        return None


# How many times each choice is tried in turn, looking for the highest score.
ASCENT_ROUNDS = 3


def score_maximum(definition: FormDefinition) -> float | None:
    """The highest score the form can give: 100 (%) for a knowledge check; for a calculation
    over "choose one" questions only, found by trying each question's choices in turn (exact
    for a sum of points, as the starter's are); None when it cannot be known."""
    if definition.scored_items():
        return 100.0
    name = score_item(definition)
    if not name:
        return None
    read = re.findall(r"\$\{([^}]+)\}", definition.item(name).calculate)
    try:
        asked = [definition.item(n) for n in dict.fromkeys(read)]
    except ResourcesError:  # a name the form does not have
        return None
    if not asked or any(item.type != "select_one" or not item.choices for item in asked):
        return None
    answers = {item.name: item.choices[0].name for item in asked}

    def score_of(trial: dict[str, str]) -> float:
        try:
            return float(FormSession(definition, trial).calculated().get(name, "nan"))
        except (ValueError, ResourcesError):
            return float("nan")

    best = score_of(answers)
    for _ in range(ASCENT_ROUNDS):
        improved = False
        for item in asked:
            for choice in item.choices:
                trial = {**answers, item.name: choice.name}
                value = score_of(trial)
                if value > best:
                    best, answers, improved = value, trial, True
        if not improved:
            break
    return best if best == best else None  # NaN: the calculation gives no number


def score_text(definition: FormDefinition, score: float, maximum: float | None) -> str:
    """The score as a list shows it: ``80 %`` for a knowledge check, ``14 of 16`` where the
    highest score is known, else ``14 points``."""
    if definition.scored_items():
        return QCoreApplication.translate("Scores", "{0} %").format(f"{score:g}")
    if maximum is not None:
        return QCoreApplication.translate("Scores", "{0} of {1}").format(
            f"{score:g}", f"{maximum:g}"
        )
    return f"{score:g} {score_unit(definition)}"


def score_unit(definition: FormDefinition) -> str:
    """What the score counts, said beside it."""
    if definition.scored_items():
        return QCoreApplication.translate("Scores", "% correct")
    return QCoreApplication.translate("Scores", "points")
