"""The bilingual SOP vocabulary: English and Spanish names of the same practice ideas.

Search uses it to find resources in the other language ("safety plan" finds "plan de
seguridad") and to tell which language a short run of words is in. It is made of three parts:
the labels the program shows for every type, practice element and audience (in both
languages), the common terms of the practice below, and the terms a catalog carries, which a
publisher edits (``terms.csv`` in the published folder).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from resources_index.catalog import vocabulary

#: Common Safety Organized Practice terms, as California's English and Spanish materials name
#: them. Each pair is one idea; a word may appear in several pairs.
SOP_TERMS: tuple[tuple[str, str], ...] = (
    ("safety organized practice", "práctica organizada en la seguridad"),
    ("safety plan", "plan de seguridad"),
    ("safety planning", "planificación de la seguridad"),
    ("harm statement", "declaración de daño"),
    ("danger statement", "declaración de peligro"),
    ("harm and danger statements", "declaraciones de daño y peligro"),
    ("safety goal", "meta de seguridad"),
    ("safety network", "red de seguridad"),
    ("safety mapping", "mapeo de seguridad"),
    ("mapping", "mapeo"),
    ("existing safety", "seguridad existente"),
    ("complicating factors", "factores que complican"),
    ("scaling question", "pregunta de escala"),
    ("three houses", "tres casas"),
    ("house of worries", "casa de las preocupaciones"),
    ("house of good things", "casa de las cosas buenas"),
    ("house of dreams", "casa de los sueños"),
    ("words and pictures", "palabras e imágenes"),
    ("circles of safety and support", "círculos de seguridad y apoyo"),
    ("circles of safety", "círculos de seguridad"),
    ("motivational interviewing", "entrevista motivacional"),
    ("solution focused questions", "preguntas centradas en soluciones"),
    ("miracle question", "pregunta del milagro"),
    ("appreciative inquiry", "indagación apreciativa"),
    ("cultural humility", "humildad cultural"),
    ("child and family team", "equipo de niños y familias"),
    ("child and family team meeting", "reunión del equipo de niños y familias"),
    ("structured decision making", "toma de decisiones estructurada"),
    ("trauma informed", "informado sobre el trauma"),
    ("engagement", "involucramiento"),
    ("teaming", "trabajo en equipo"),
    ("worries", "preocupaciones"),
    ("strengths", "fortalezas"),
    ("what are we worried about", "qué nos preocupa"),
    ("what is working well", "qué está funcionando bien"),
    ("what needs to happen", "qué tiene que pasar"),
    ("next steps", "próximos pasos"),
    ("domestic violence", "violencia doméstica"),
    ("substance use", "uso de sustancias"),
    ("family", "familia"),
    ("families", "familias"),
    ("child", "niño"),
    ("children", "niños"),
    ("parents", "padres"),
    ("caregiver", "cuidador"),
    ("caregivers", "cuidadores"),
    ("social worker", "trabajador social"),
    ("caseworker", "trabajador social"),
    ("interpreter", "intérprete"),
    ("meeting", "reunión"),
    ("network", "red"),
    ("safety", "seguridad"),
    ("danger", "peligro"),
    ("harm", "daño"),
    ("guide", "guía"),
    ("tip sheet", "hoja de consejos"),
    ("glossary", "glosario"),
    ("introduction", "introducción"),
    ("overview", "introducción"),
    ("coaching guide", "guía de coaching"),
    ("field coaching", "coaching en el campo"),
)


@dataclass(frozen=True)
class Glossary:
    """Pairs of (English, Spanish) terms, lower case, in the order they were given."""

    pairs: tuple[tuple[str, str], ...]

    def words(self, language: str) -> frozenset[str]:
        """Every word of the terms in one language ("en" or "es")."""
        side = 0 if language == "en" else 1
        return frozenset(w for pair in self.pairs for w in pair[side].split())

    def extended(self, more: Iterable[tuple[str, str]]) -> "Glossary":
        """This glossary and ``more`` (a catalog's terms), without repeating a pair."""
        pairs = dict.fromkeys(self.pairs)
        pairs.update(dict.fromkeys(_clean(more)))
        return Glossary(tuple(pairs))


def _clean(pairs: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str]]:
    for english, spanish in pairs:
        english, spanish = " ".join(english.lower().split()), " ".join(spanish.lower().split())
        if english and spanish:
            yield english, spanish


def _label_pairs() -> Iterable[tuple[str, str]]:
    groups = (vocabulary.RESOURCE_TYPES, vocabulary.PRACTICE_ELEMENTS, vocabulary.AUDIENCES)
    for group in groups:
        for english in group.values():
            spanish = vocabulary.SPANISH_LABELS.get(english)
            if spanish and spanish != english:
                yield english.replace("-", " ").replace("(SDM)", ""), spanish.replace("(SDM)", "")


BUILT_IN = Glossary(()).extended([*SOP_TERMS, *_label_pairs()])  # terms win over labels
