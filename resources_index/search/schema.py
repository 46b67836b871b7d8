"""What the index holds for each resource: its fields, and the document made from a resource."""

import hashlib
from collections.abc import Callable
from typing import Any

from whoosh.fields import ID, KEYWORD, TEXT, Schema

from resources_index.catalog import vocabulary
from resources_index.catalog.language import split_by_language
from resources_index.catalog.model import canonical_json
from resources_index.catalog.records import Resource
from resources_index.search.analysis import ANALYZERS, EDGE, LANGUAGES, PLAIN, WORDS

SCHEMA_VERSION = 4  # 3: mixed-language text analysed by sentence; 4: titles in bodies, meta
FACETS = vocabulary.FACETS

Segments = list[dict[str, Any]]
TextLoader = Callable[[Resource], Segments]


def build_schema() -> Schema:
    fields: dict[str, Any] = {
        "id": ID(stored=True, unique=True),
        "rev": ID(stored=True),
        # The title and every label, as written: a word found here weighs more than in a body.
        "meta": TEXT(analyzer=PLAIN, field_boost=3.0, phrase=False),
        "complete": TEXT(analyzer=EDGE, field_boost=1.5, phrase=False),
        "words": TEXT(analyzer=WORDS, phrase=False),
        "type": ID,
        "language": ID(stored=True),
        "publisher": ID,
        "practice_elements": KEYWORD(commas=True),
        "audiences": KEYWORD(commas=True),
    }
    for lang in LANGUAGES:
        fields[f"body_{lang}"] = TEXT(analyzer=ANALYZERS[lang], phrase=True)
    return Schema(**fields)


TEXT_FIELDS = tuple(f"body_{lang}" for lang in LANGUAGES)


def resource_rev(resource: Resource) -> str:
    """Changes whenever anything indexed about the resource changes."""
    return hashlib.sha256(canonical_json(resource.to_json())).hexdigest()[:20]


def _labels(resource: Resource) -> list[str]:
    return [
        vocabulary.label(resource.type, vocabulary.RESOURCE_TYPES),
        vocabulary.label(resource.publisher, vocabulary.PUBLISHERS) if resource.publisher else "",
        *(vocabulary.label(e, vocabulary.PRACTICE_ELEMENTS) for e in resource.practice_elements),
        *(vocabulary.label(a, vocabulary.AUDIENCES) for a in resource.audiences),
        *resource.tags,
    ]


def document_for(resource: Resource, segments: Segments) -> dict[str, Any]:
    """The Whoosh document of one resource; each segment goes to its own language's field."""
    lang = resource.language if resource.language in LANGUAGES else "en"
    bodies: dict[str, list[str]] = {code: [] for code in LANGUAGES}
    _add_text(bodies, resource.summary, lang)
    for segment in segments:
        seg_lang = segment.get("language") or lang
        _add_text(bodies, str(segment.get("text", "")), seg_lang if seg_lang in LANGUAGES else lang)
    titles: dict[str, list[str]] = {code: [] for code in LANGUAGES}
    _add_text(titles, resource.title, lang)
    # The body holds the title, stemmed in its language; ``meta`` holds it as written, with the
    # labels: a word is looked for in three posting lists (the union of them is most of a
    # query's cost), and one found in a title or label weighs more.
    for code in LANGUAGES:
        bodies[code][:0] = titles[code]
    labels = " ".join(_labels(resource))
    doc: dict[str, Any] = {
        "id": resource.id,
        "rev": resource_rev(resource),
        "meta": f"{resource.title} {labels}",
        "complete": f"{resource.title} {labels}",
        "words": f"{resource.title} {labels} {resource.summary}",
        "type": resource.type,
        "language": resource.language,
        "publisher": resource.publisher or "none",
        "practice_elements": ",".join(resource.practice_elements),
        "audiences": ",".join(resource.audiences),
    }
    for code in LANGUAGES:
        if bodies[code]:  # the title, the summary, then the text
            doc[f"body_{code}"] = "\n".join(bodies[code])
    return doc


def _add_text(fields: dict[str, list[str]], text: str, language: str) -> None:
    """Each sentence (or quoted term) of ``text`` to the field of the language it is in."""
    for piece_language, piece in split_by_language(text, language):
        fields[piece_language].append(piece)
