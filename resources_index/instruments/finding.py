"""Instruments found like resources: by the words typed in the search field (in either language,
accents and case forgiven, a word matched as it is being typed) against an instrument's title
and its questions, and by the practice-element and audience filters against its sidecar.

Instruments are few (a handful per catalog), so they are matched here, directly, rather than
put in the full-text index: the index and its answers stay about resources alone."""

from collections.abc import Iterable

from resources_index.catalog.glossary import BUILT_IN, Glossary
from resources_index.catalog.vocabulary import normalize_key
from resources_index.instruments.definition import FormDefinition

#: The filters an instrument answers to; any other (type, language, publisher) describes
#: resources, and an instrument is not shown while one of them is set.
INSTRUMENT_FACETS = ("practice_elements", "audiences")


#: Shorter words typed ("a", "de", the first letter of a word) are not matched: they would
#: find every instrument.
MIN_WORD = 3


def folded_words(text: str) -> list[str]:
    """The words of ``text`` lower-cased and without accents ("Declaración" -> "declaracion"),
    folded as the catalog's vocabulary folds its values."""
    return [word for word in normalize_key(text).split("_") if word]


def _replaced(words: list[str], term: list[str], other: list[str]) -> list[str] | None:
    """``words`` with the run ``term`` replaced by ``other``; None when it does not hold it."""
    for start in range(len(words) - len(term) + 1):
        if words[start : start + len(term)] == term:
            return words[:start] + other + words[start + len(term) :]
    return None


def readings(query: str, glossary: Glossary = BUILT_IN) -> list[list[str]]:
    """The query's words as typed, then with each glossary term it holds said in the other
    language ("plan de seguridad" is also read "safety plan"), short words left out."""
    words = folded_words(query)
    found = [words]
    for english, spanish in glossary.pairs:
        for term, other in ((english, spanish), (spanish, english)):
            replaced = _replaced(words, folded_words(term), folded_words(other))
            if replaced is not None and replaced not in found:
                found.append(replaced)
    return [[w for w in reading if len(w) >= MIN_WORD] for reading in found]


def _words_of(definition: FormDefinition) -> set[str]:
    texts = list(definition.title.values())
    for item, _ in definition.walk():
        texts.extend(item.labels.values())
    return {word for text in texts for word in folded_words(text)}


def _facet_values(definition: FormDefinition, facet: str) -> set[str]:
    if facet == "audiences":
        return set(definition.audiences)
    values = set(definition.practice_elements)
    for item, _ in definition.walk():
        values.update(item.practice_elements)
    return values


def matching_instruments(
    definitions: Iterable[FormDefinition],
    query: str,
    filters: dict[str, list[str]],
    glossary: Glossary = BUILT_IN,
) -> list[FormDefinition]:
    """The instruments that answer ``query`` and ``filters`` (the search field's words and the
    sidebar's filters), in the order given. Nothing asked (no word, no practice element or
    audience chosen), or a filter only resources have, finds none. ``glossary``: the terms
    that also find an instrument written in one language by their other language's words."""
    chosen = {k: set(v) for k, v in filters.items() if v}
    if any(facet not in INSTRUMENT_FACETS for facet in chosen):
        return []
    asked = readings(query, glossary)
    if not asked[0] and not chosen:
        return []
    found = []
    for definition in definitions:
        if any(not (values & _facet_values(definition, f)) for f, values in chosen.items()):
            continue
        known = _words_of(definition)
        # Every word typed is a word of the instrument, or the start of one (as it is typed).
        if any(all(any(k.startswith(w) for k in known) for w in words) for words in asked):
            found.append(definition)
    return found
