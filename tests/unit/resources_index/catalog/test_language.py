"""Mixed English and Spanish text is cut into pieces by language, and nothing is lost."""

import re

from hypothesis import given
from hypothesis import strategies as st

from resources_index.catalog.language import split_by_language, word_leaning


def test_quoted_english_tool_names_in_spanish_sentences_are_english() -> None:
    pieces = split_by_language(
        'Cuando el trabajador diga "Three Houses", explique que es la herramienta de las Tres'
        " Casas. Luego hable con los padres.",
        "es",
    )
    assert ("en", '"Three Houses"') in pieces
    assert all(lang == "es" for lang, text in pieces if "Tres" in text or "padres" in text)


def test_unquoted_runs_need_two_words_or_a_certain_one() -> None:
    assert ("en", "Three Houses") in split_by_language("Use la herramienta Three Houses hoy.", "es")
    # "use" is a Spanish verb too: one glossary word alone does not switch the language.
    assert split_by_language("Use la herramienta con el niño.", "es") == [
        ("es", "Use la herramienta con el niño.")
    ]
    assert ("es", "declaración de peligro") in split_by_language(
        "The Spanish term is declaración de peligro.", "en"
    )


def test_whole_sentences_follow_their_own_words() -> None:
    pieces = split_by_language(
        "La Casa de los Sueños ayuda al niño. The worker asks what is working well.", "es"
    )
    assert pieces == [
        ("es", "La Casa de los Sueños ayuda al niño."),
        ("en", "The worker asks what is working well."),
    ]


def test_a_bracketed_translation_goes_to_its_language() -> None:
    assert split_by_language("Safety plan (plan de seguridad) for families.", "en") == [
        ("en", "Safety plan"),
        ("es", "(plan de seguridad)"),
        ("en", "for families."),
    ]


def test_words_that_either_language_writes_lean_nowhere() -> None:
    assert word_leaning("the") == "en" and word_leaning("niño") == "es"
    assert word_leaning("plan") is None and word_leaning("no") is None


@given(
    st.lists(
        st.sampled_from(
            ["a", "b", " ", "th", "ñ", "é", ".", '"', "(", ")", "\n", "¿", "the ", "la "]
        )
    )
)
def test_every_word_is_kept_in_order(parts: list[str]) -> None:
    text = "".join(parts)
    pieces = split_by_language(text, "es")
    assert re.findall(r"\w+", " ".join(piece for _, piece in pieces)) == re.findall(r"\w+", text)
    assert all(lang in ("en", "es") and piece.strip() for lang, piece in pieces)
