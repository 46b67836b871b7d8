"""The instruments' measures in "What is shared", for a person: what each counts, and its key
(``instrument:item:choice`` as it is sent) as the instrument's title, the question and the
choice in the interface's language."""

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from resources_index.errors import InstrumentError
from resources_index.instruments.aggregates import SCORE_ITEM
from resources_index.instruments.definition import FormDefinition
from resources_index.reports.fidelity import ANSWERED, CHOICE, SCORE_SUM
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.instruments.form_words import in_language, title_of


def fidelity_measure_names() -> dict[str, str]:
    return {
        ANSWERED: QCoreApplication.translate(
            "SharedLabels", "Completed instruments that answered the question"
        ),
        CHOICE: QCoreApplication.translate("SharedLabels", "Times an answer was chosen"),
        SCORE_SUM: QCoreApplication.translate("SharedLabels", "Sum of the scores, times 100"),
    }


def fidelity_key_text(definitions: Mapping[str, FormDefinition], key: str) -> str:
    """``safety_mapping_observation:child_voice:observed`` as "Safety mapping meeting: coach's
    observation › The child's view was brought… › Observed" (parts not known: as sent)."""
    form_id, _, rest = key.partition(":")
    item_name, _, choice_name = rest.partition(":")
    definition = definitions.get(form_id)
    if definition is None:
        return key
    language = reader_language()
    shown = [title_of(definition, language)]
    if item_name == SCORE_ITEM:
        shown.append(QCoreApplication.translate("SharedLabels", "Share of correct answers"))
    elif item_name:
        try:
            item = definition.item(item_name)
        except InstrumentError:
            return key
        score = QCoreApplication.translate("SharedLabels", "Score ({0})").format(item_name)
        shown.append(in_language(item.labels, language) or score)  # a calculation has none
        if choice_name:
            choice = next((c for c in item.choices if c.name == choice_name), None)
            shown.append(in_language(choice.labels, language) if choice else choice_name)
    return " › ".join(shown)


def fidelity_sentence() -> str:
    """What of the instruments is shared, said beside the report."""
    return QCoreApplication.translate(
        "SharedLabels",
        "From the instruments you complete, only counts: how many responses answered each"
        " question, how often each answer was chosen and the sum of the scores; never a text"
        " answer, a date or your labels.",
    )
