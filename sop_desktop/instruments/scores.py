"""The one number a coach follows for a completed response: a knowledge check's share of
correct answers, or the form's first score that may be averaged (``aggregates.numeric_items``:
a calculation that reads no text or date), as the instrument's author wrote it."""

from PySide6.QtCore import QCoreApplication

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


def score_unit(definition: FormDefinition) -> str:
    """What the score counts, said beside it."""
    if definition.scored_items():
        return QCoreApplication.translate("Scores", "% correct")
    return QCoreApplication.translate("Scores", "points")
