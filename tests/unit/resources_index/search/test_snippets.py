import re

from resources_index.search.snippets import WordMatcher, best_passage


def matcher(*words: str) -> WordMatcher:
    pattern = re.compile(r"\b(?:" + "|".join(words) + r")\w*")
    return WordMatcher(pattern, lambda token, language: True)


def test_best_segment_wins_and_carries_its_location() -> None:
    segments = [
        {"kind": "page", "number": 1, "text": "Nothing to see here."},
        {"kind": "page", "number": 2, "text": "The safety plan & the safety network."},
    ]
    passage = best_passage(segments, matcher("safety", "plan"))
    assert passage.location == {"page": 2}
    assert passage.html == "The <b>safety</b> <b>plan</b> &amp; the <b>safety</b> network."
    assert passage.plain("*") == "The *safety* *plan* & the *safety* network."


def test_cue_location_is_a_time() -> None:
    segments = [{"kind": "cue", "start_ms": 75500, "end_ms": 80000, "text": "Casa de sueños"}]
    passage = best_passage(segments, matcher("suen"))
    assert passage.location == {"time_ms": 75500, "time": "1:15"}
    assert "<b>sueños</b>" in passage.html  # matched in folded text, marked in the original


def test_long_text_is_cut_around_the_match() -> None:
    text = "filler " * 200 + "the danger statement " + "filler " * 200
    passage = best_passage([{"kind": "section", "number": 1, "text": text}], matcher("danger"))
    assert passage.html.startswith("…") and passage.html.endswith("…")
    assert "<b>danger</b>" in passage.html and len(passage.html) < 320


def test_no_match_falls_back_to_the_opening_words() -> None:
    passage = best_passage(
        [{"kind": "section", "number": 1, "text": "Opening words."}], matcher("zzz")
    )
    assert passage.html == "Opening words." and passage.location is None


def test_only_words_that_start_with_the_query_are_marked() -> None:
    """The window's matcher finds pieces of words too (a faster expression); a piece inside
    a word ("plan" in "replan", "safety" in "unsafe_safety") is never marked."""
    from resources_index.search.passage_matching import word_matcher
    from resources_index.search.query import parse

    text = "An explanation of the plan: unsafe_safety is not safety, nor is a replan."
    passage = best_passage([{"kind": "section", "text": text}], word_matcher(parse("safety plan")))
    assert passage.plain("*") == (
        "An explanation of the *plan*: unsafe_safety is not *safety*, nor is a replan."
    )
