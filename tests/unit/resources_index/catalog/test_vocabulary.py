from resources_index.catalog import vocabulary
from resources_index.catalog.glossary import BUILT_IN
from resources_index.catalog.vocabulary import match, normalize_key


def test_values_match_without_regard_to_case_spacing_or_plurals() -> None:
    for written in ("Three Houses", "three_houses", " THREE-houses ", "the three houses"):
        assert match(written, vocabulary.PRACTICE_ELEMENTS) == vocabulary.Match(
            "three_houses", True
        )
    assert match("Tip Sheet", vocabulary.RESOURCE_TYPES).value == "tip_sheet"
    assert match("Caseworkers", vocabulary.AUDIENCES).value == "caseworker"
    assert match("Bay Area Academy", vocabulary.PUBLISHERS).value == "bay_area_academy"
    assert match("Solution-focused questions", vocabulary.PRACTICE_ELEMENTS).known


def test_unknown_value_is_kept_and_flagged() -> None:
    result = match("Family Finding", vocabulary.PRACTICE_ELEMENTS)
    assert result == vocabulary.Match("family_finding", False)


def test_normalize_folds_accents() -> None:
    assert normalize_key("Español") == "espanol"
    assert match("Español", vocabulary.LANGUAGES).value == "es"


def test_every_label_has_its_spanish_and_the_glossary_holds_them() -> None:
    groups = (
        vocabulary.RESOURCE_TYPES,
        vocabulary.PRACTICE_ELEMENTS,
        vocabulary.AUDIENCES,
        vocabulary.PUBLISHERS,
    )
    for group in groups:
        for key, english in group.items():
            assert vocabulary.spanish_label(key, group) == vocabulary.SPANISH_LABELS[english]
    assert ("three houses", "tres casas") in BUILT_IN.pairs
    assert ("tip sheet", "hoja de consejos") in BUILT_IN.pairs
    assert ("safety plan", "plan de seguridad") in BUILT_IN.pairs
    assert "casas" in BUILT_IN.words("es") and "houses" in BUILT_IN.words("en")


def test_a_catalog_extends_the_glossary_without_repeats() -> None:
    more = BUILT_IN.extended([(" Court  Report ", "Informe para la corte"), ("", "vacío")])
    assert more.pairs[: len(BUILT_IN.pairs)] == BUILT_IN.pairs
    assert more.pairs[len(BUILT_IN.pairs) :] == (("court report", "informe para la corte"),)
    assert more.extended([("court report", "informe para la corte")]) == more
