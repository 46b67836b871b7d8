"""The words a form says around its questions (required, the warning on text answers, the
link to a tip sheet, the score) in the form's own language, which a person chooses per form
whatever the interface's language: a Spanish form reads Spanish throughout."""

from functools import cache

from PySide6.QtCore import QTranslator

from resources_index.instruments.definition import FormDefinition, Labels
from sop_desktop.i18n import TRANSLATIONS
from sop_desktop.translatable import QT_TRANSLATE_NOOP

CONTEXT = "FormWords"
REQUIRED = QT_TRANSLATE_NOOP("FormWords", "(required)")
TEXT_WARNING = QT_TRANSLATE_NOOP(
    "FormWords", "Do not write names, case numbers or any detail about a family or a case."
)
# The button to the resource that teaches an item, by the resource's type: (on an
# observation, on other instruments). A type not named here opens "the resource".
LINKS = {
    "tip_sheet": (
        QT_TRANSLATE_NOOP("FormWords", "Not observed? Open the tip sheet"),
        QT_TRANSLATE_NOOP("FormWords", "Open the tip sheet"),
    ),
    "practice_guide": (
        QT_TRANSLATE_NOOP("FormWords", "Not observed? Open the practice guide"),
        QT_TRANSLATE_NOOP("FormWords", "Open the practice guide"),
    ),
    "curriculum_module": (
        QT_TRANSLATE_NOOP("FormWords", "Not observed? Open the module"),
        QT_TRANSLATE_NOOP("FormWords", "Open the module"),
    ),
}
ANY_RESOURCE = (
    QT_TRANSLATE_NOOP("FormWords", "Not observed? Open the resource"),
    QT_TRANSLATE_NOOP("FormWords", "Open the resource"),
)
CHOOSE_ONE = QT_TRANSLATE_NOOP("FormWords", "(choose one)")
CHOOSE_ALL = QT_TRANSLATE_NOOP("FormWords", "(choose all that apply)")
COMPLETED_ON = QT_TRANSLATE_NOOP("FormWords", "Completed: {0}")
LABEL_IS = QT_TRANSLATE_NOOP("FormWords", "Label: {0}")
SCORE = QT_TRANSLATE_NOOP("FormWords", "Score: {0} of {1} correct ({2} %)")
DATE_FORMAT = QT_TRANSLATE_NOOP("FormWords", "year-month-day, for example 2026-12-03")
FORM_LANGUAGES = {"en": "English", "es": "Español"}  # each in its own language


@cache
def _translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    if not translator.load(str(TRANSLATIONS / f"sop_desktop_{language}.qm")):
        return None
    return translator


def words(language: str, text: str) -> str:
    """``text`` (one of this module's sentences) in the form language ``language``."""
    if language == "en":
        return text
    translator = _translator(language)
    return (translator.translate(CONTEXT, text) if translator else "") or text


def link_words(resource_type: str, observation: bool) -> str:
    """The (English) words of the button to a resource of ``resource_type``; pass them to
    ``words`` for the form's language."""
    on_observation, elsewhere = LINKS.get(resource_type, ANY_RESOURCE)
    return on_observation if observation else elsewhere


def in_language(labels: Labels, language: str) -> str:
    """A label in ``language``, else English, else any the form has."""
    for code in (language, "en"):
        if labels.get(code):
            return labels[code]
    return next(iter(labels.values()), "")


def form_languages(definition: FormDefinition) -> list[str]:
    """The languages a form can be filled in (those of its labels, English first)."""
    found: list[str] = [code for code in ("en", "es") if code in definition.languages]
    return found or list(definition.languages[:1]) or ["en"]


def title_of(definition: FormDefinition, language: str) -> str:
    return in_language(definition.title, language) or definition.id
