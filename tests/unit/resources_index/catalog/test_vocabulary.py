from resources_index.catalog import vocabulary
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
