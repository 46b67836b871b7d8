"""Hits in the query's language a little ahead of their translations."""

from resources_index.catalog.language import detect_language
from resources_index.search.query import ParsedQuery

OTHER_LANGUAGE_FACTOR = 0.9


def query_language(parsed: ParsedQuery) -> str | None:
    """English or Spanish when the query's own function words say so ("and", "de", "para")."""
    return detect_language(parsed.raw, minimum_hits=1)


def prefer(score: float, language: str | None, preferred: str | None) -> float:
    """Rank resources in the query's language a little ahead of their translations."""
    if preferred is None or language == preferred:
        return score
    return score * OTHER_LANGUAGE_FACTOR
