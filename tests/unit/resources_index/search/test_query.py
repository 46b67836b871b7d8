from resources_index.search.query import fold, fold_same_length, parse


def test_words_phrases_and_prefix() -> None:
    parsed = parse('"danger statement" Niños saf', as_you_type=True)
    assert parsed.phrases == (("danger", "statement"),)
    assert parsed.words == ("ninos",)
    assert parsed.prefix == "saf"


def test_trailing_space_ends_the_prefix() -> None:
    assert parse("safety ", as_you_type=True).prefix is None
    assert parse("safety", as_you_type=False).prefix is None
    assert parse("safety", as_you_type=True).prefix == "safety"


def test_acronyms_expand() -> None:
    assert parse("SDM tools").expansions == {"sdm": "structured decision making"}


def test_folding_keeps_offsets() -> None:
    text = "Niños y SEGURIDAD — İstanbul"
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded.startswith("ninos y seguridad")
    assert fold("Círculos") == "circulos"
