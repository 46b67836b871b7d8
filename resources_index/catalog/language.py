"""Telling English from Spanish text, for files published without a ``language`` value.

The catalog's languages are English and Spanish; counting their commonest function words is
reliable on a paragraph or more and needs no model or extra package.
"""

import re

_ENGLISH = """the and of to a in is that for it with as on are be this by or from an at your you
their they we can what who how when will have has not was were which about"""
_SPANISH = """el la los las de del y que en un una es por con para se su sus al lo como más pero o
este esta son ser qué cómo cuándo familia niños puede usted ustedes también"""
_STOPWORDS = {"en": frozenset(_ENGLISH.split()), "es": frozenset(_SPANISH.split())}


def detect_language(text: str, minimum_hits: int = 5) -> str | None:
    """``"en"`` or ``"es"`` when the text clearly is one of them, else None."""
    words = re.findall(r"[a-záéíóúñü]+", text[:20000].casefold())
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    other = min(scores.values())
    if scores[best] < minimum_hits or scores[best] < 1.5 * other:
        return None
    return best
