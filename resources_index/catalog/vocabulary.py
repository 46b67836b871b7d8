"""The controlled vocabulary of the catalog and the matching that forgives case and spacing.

Values are stored as ``snake_case`` keys; each key has an English label for display. A value
outside the vocabulary is kept as the publisher wrote it (normalised) and reported in a warning,
never dropped, so a new practice element can be published before every client knows its label.
"""

import re
import unicodedata
from dataclasses import dataclass

RESOURCE_TYPES: dict[str, str] = {
    "video": "Video",
    "tip_sheet": "Tip sheet",
    "practice_guide": "Practice guide",
    "practice_brief": "Practice brief",
    "curriculum_module": "Curriculum module",
    "toolkit": "Toolkit",
    "coaching_guide": "Coaching guide",
    "worksheet": "Worksheet",
    "handout": "Handout",
    "other": "Other",
}

PRACTICE_ELEMENTS: dict[str, str] = {
    "engagement": "Engagement",
    "assessment": "Assessment",
    "teaming": "Teaming",
    "safety_planning": "Safety planning",
    "three_houses": "Three Houses",
    "safety_mapping": "Safety mapping",
    "harm_and_danger_statements": "Harm and danger statements",
    "safety_goals": "Safety goals",
    "scaling_questions": "Scaling questions",
    "safety_networks": "Safety networks",
    "safety_plans": "Safety plans",
    "circles_of_safety_and_support": "Circles of safety and support",
    "solution_focused_questions": "Solution-focused questions",
    "appreciative_inquiry": "Appreciative inquiry",
    "cultural_humility": "Cultural humility",
    "child_and_family_teams": "Child and family teams",
    "structured_decision_making": "Structured Decision Making",
    "trauma_informed_practice": "Trauma-informed practice",
    "words_and_pictures": "Words and pictures",
    "coaching": "Coaching",
}

AUDIENCES: dict[str, str] = {
    "caseworker": "Caseworkers",
    "supervisor": "Supervisors",
    "manager": "Managers and leaders",
    "trainer": "Trainers",
    "coach": "Coaches",
    "family": "Families",
    "community_partner": "Community partners",
    "youth": "Youth",
}

PUBLISHERS: dict[str, str] = {
    "northern_academy": "Northern California Training Academy",
    "southern_academy": "Public Child Welfare Training Academy (Southern)",
    "bay_area_academy": "Bay Area Academy",
    "central_academy": "Central California Training Academy",
    "calswec": "CalSWEC",
    "cdss": "California Department of Social Services",
    # The starter catalog: sample content written for this program, published by no agency.
    "sop_desktop_sample": "SOP Desktop sample content",
}

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

#: The resource fields that search results can be filtered and counted by.
FACETS = ("type", "practice_elements", "audiences", "language", "publisher")


_ALIASES: dict[str, str] = {
    "tipsheet": "tip_sheet",
    "tip": "tip_sheet",
    "guide": "practice_guide",
    "brief": "practice_brief",
    "module": "curriculum_module",
    "curriculum": "curriculum_module",
    "coaching_guides": "coaching_guide",
    "caseworkers": "caseworker",
    "social_worker": "caseworker",
    "social_workers": "caseworker",
    "supervisors": "supervisor",
    "managers": "manager",
    "leaders": "manager",
    "trainers": "trainer",
    "coaches": "coach",
    "families": "family",
    "parents": "family",
    "community_partners": "community_partner",
    "partners": "community_partner",
    "northern": "northern_academy",
    "northern_california_training_academy": "northern_academy",
    "southern": "southern_academy",
    "pcwta": "southern_academy",
    "public_child_welfare_training_academy": "southern_academy",
    "bay_area": "bay_area_academy",
    "baa": "bay_area_academy",
    "central": "central_academy",
    "central_california_training_academy": "central_academy",
    "california_department_of_social_services": "cdss",
    "harm_statements": "harm_and_danger_statements",
    "danger_statements": "harm_and_danger_statements",
    "harm_and_danger_statement": "harm_and_danger_statements",
    "safety_network": "safety_networks",
    "safety_plan": "safety_plans",
    "safety_goal": "safety_goals",
    "scaling_question": "scaling_questions",
    "solution_focused": "solution_focused_questions",
    "cft": "child_and_family_teams",
    "child_and_family_team": "child_and_family_teams",
    "sdm": "structured_decision_making",
    "three_house": "three_houses",
    "the_three_houses": "three_houses",
    "english": "en",
    "spanish": "es",
    "espanol": "es",
}


def normalize_key(value: str) -> str:
    """``"Three Houses"``, ``"three-houses"`` and ``" THREE_houses "`` become ``three_houses``."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^a-z0-9]+", "_", text)
    return text.strip("_")


@dataclass(frozen=True)
class Match:
    """The stored form of a value, and whether it is part of the known vocabulary."""

    value: str
    known: bool


def match(value: str, vocabulary: dict[str, str]) -> Match:
    """Match a publisher's value to a vocabulary key, forgiving case, spacing and plurals."""
    key = normalize_key(value)
    if key in vocabulary:
        return Match(key, True)
    alias = _ALIASES.get(key)
    if alias in vocabulary:
        return Match(alias, True)
    for known_key, label in vocabulary.items():
        if normalize_key(label) == key:
            return Match(known_key, True)
    return Match(key or value.strip(), False)


def label(value: str, vocabulary: dict[str, str]) -> str:
    """A display label for a stored value (an unknown value is shown in a readable form)."""
    return vocabulary.get(value) or value.replace("_", " ").capitalize()


#: The Spanish label of every English label above: the window's Spanish interface shows these,
#: the command line prints them, and search uses them as a bilingual word list.
SPANISH_LABELS: dict[str, str] = {
    "Video": "Video",
    "Tip sheet": "Hoja de consejos",
    "Practice guide": "Guía de práctica",
    "Practice brief": "Resumen de práctica",
    "Curriculum module": "Módulo de capacitación",
    "Toolkit": "Caja de herramientas",
    "Coaching guide": "Guía de coaching",
    "Worksheet": "Hoja de trabajo",
    "Handout": "Folleto",
    "Other": "Otro",
    "Engagement": "Involucramiento",
    "Assessment": "Evaluación",
    "Teaming": "Trabajo en equipo",
    "Safety planning": "Planificación de la seguridad",
    "Three Houses": "Tres Casas",
    "Safety mapping": "Mapeo de la seguridad",
    "Harm and danger statements": "Declaraciones de daño y de peligro",
    "Safety goals": "Metas de seguridad",
    "Scaling questions": "Preguntas de escala",
    "Safety networks": "Redes de seguridad",
    "Safety plans": "Planes de seguridad",
    "Circles of safety and support": "Círculos de seguridad y apoyo",
    "Solution-focused questions": "Preguntas centradas en soluciones",
    "Appreciative inquiry": "Indagación apreciativa",
    "Cultural humility": "Humildad cultural",
    "Child and family teams": "Equipos del Niño y la Familia (CFT)",
    "Structured Decision Making": "Toma de decisiones estructurada (SDM)",
    "Trauma-informed practice": "Práctica informada sobre el trauma",
    "Words and pictures": "Palabras e imágenes",
    "Coaching": "Coaching",
    "Caseworkers": "Trabajadores sociales",
    "Supervisors": "Supervisores",
    "Managers and leaders": "Gerentes y líderes",
    "Trainers": "Capacitadores",
    "Coaches": "Coaches",
    "Families": "Familias",
    "Community partners": "Socios comunitarios",
    "Youth": "Jóvenes",
    "Northern California Training Academy": "Academia de Capacitación del Norte de California",
    "Public Child Welfare Training Academy (Southern)": (
        "Academia de Capacitación en Bienestar Infantil Público (Sur)"
    ),
    "Bay Area Academy": "Academia del Área de la Bahía",
    "Central California Training Academy": "Academia de Capacitación del Centro de California",
    "CalSWEC": "CalSWEC",
    "California Department of Social Services": "Departamento de Servicios Sociales de California",
    "SOP Desktop sample content": "Contenido de muestra de SOP Desktop",
    "English": "Inglés",
    "Spanish": "Español",
}


def spanish_label(value: str, vocabulary: dict[str, str]) -> str:
    """The Spanish display label of a stored value (its English label when none is known)."""
    english = label(value, vocabulary)
    return SPANISH_LABELS.get(english, english)
