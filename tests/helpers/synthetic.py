"""Synthetic catalogs with a realistic mix, for the benchmarks and the tests that check the
search engine at scale (here, not in ``benchmarks/``, so that no test depends on a benchmark),
and the queries both replay against them.

Words come from the starter catalog's own text (English and Spanish, drawn with a Zipf-like
skew) plus a long tail of made-up words, so the lexicon grows with the catalog as a real one
does. The mix: tip sheets of ~500 words, practice guides of ~3,000 (both page by page), videos
with ~800 words of captions (cue by cue); a quarter of everything in Spanish.
"""

import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resources_index.catalog import vocabulary
from resources_index.catalog.limits import TEXT_MEDIA_TYPE
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import FileEntry, Resource
from resources_index.catalog.times import utc_now

ROOT = Path(__file__).resolve().parents[2]
BLOCK = 2_000_000
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "su",
    "ta",
    "ri",
    "po",
    "de",
    "ga",
    "fe",
    "lu",
    "mo",
    "ni",
    "sa",
    "te",
    "ve",
    "ro",
    "bi",
    "cu",
]


def _starter_words() -> dict[str, list[str]]:
    import yaml

    content = yaml.safe_load((ROOT / "assets" / "starter" / "content.yaml").read_text("utf-8"))
    words: dict[str, list[str]] = {"en": [], "es": []}
    for item in content:
        text = item.get("body", "") + " " + item["title"]
        words[item["language"]] += re.findall(r"[^\W\d_]+", text.lower())
    return words


def _zipf(size: int) -> list[float]:
    """Cumulative weights 1/rank: a few words are everywhere, most are rare."""
    total, cumulative = 0.0, []
    for rank in range(1, size + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return cumulative


@dataclass
class SyntheticCatalog:
    manifest: Manifest
    segments: dict[str, list[dict[str, Any]]]

    def texts(self, resource: Resource) -> list[dict[str, Any]]:
        return self.segments[resource.id]


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.random = random.Random(seed)
        words = _starter_words()
        self.pools = {lang: self._ranked(pool) for lang, pool in words.items()}
        self.tail = [
            "".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(2, 4)))
            for _ in range(60000)
        ]

        self.blocks: dict[str, list[str]] = {}
        self.mixed: dict[str, tuple[list[str], list[float]]] = {}
        tail_weights = _zipf(len(self.tail))
        for lang, pool in self.pools.items():
            real = _zipf(len(pool))
            scale_real, scale_tail = 0.85 / real[-1], 0.15 / tail_weights[-1]
            cumulative = [w * scale_real for w in real]
            cumulative += [cumulative[-1] + w * scale_tail for w in tail_weights]
            self.mixed[lang] = (pool + self.tail, cumulative)

    def _ranked(self, pool: list[str]) -> list[str]:
        counts: dict[str, int] = {}
        for word in pool:
            counts[word] = counts.get(word, 0) + 1
        return sorted(counts, key=lambda w: -counts[w])

    def words(self, lang: str, count: int) -> list[str]:
        """``count`` words: 85% from the language's real words, 15% from the long tail.

        Drawn once into a large block per language; each document takes a random slice of
        it, which keeps the word statistics and makes a 20,000-resource catalog quick to make.
        """
        if lang not in self.blocks:
            pool, cumulative = self.mixed[lang]
            self.blocks[lang] = self.random.choices(pool, cum_weights=cumulative, k=BLOCK)
        start = self.random.randrange(0, BLOCK - count)
        return self.blocks[lang][start : start + count]

    def resource(self, number: int) -> tuple[Resource, list[dict[str, Any]]]:
        lang = "es" if number % 4 == 3 else "en"
        kind = ("tip_sheet", "tip_sheet", "practice_guide", "video")[
            number % 4 if lang == "en" else number % 3
        ]
        size = {"tip_sheet": 500, "practice_guide": 3000, "video": 800}[kind]
        body = self.words(lang, size)
        segments: list[dict[str, Any]] = []
        if kind == "video":
            for start in range(0, len(body), 10):
                ms = start * 400
                segments.append(
                    {
                        "kind": "cue",
                        "start_ms": ms,
                        "end_ms": ms + 4000,
                        "language": lang,
                        "text": " ".join(body[start : start + 10]),
                    }
                )
        else:
            for page, start in enumerate(range(0, len(body), 250), start=1):
                segments.append(
                    {"kind": "page", "number": page, "text": " ".join(body[start : start + 250])}
                )
        elements = self.random.sample(sorted(vocabulary.PRACTICE_ELEMENTS), 2)
        title_words = self.words(lang, self.random.randint(3, 6))
        label = vocabulary.PRACTICE_ELEMENTS[elements[0]]
        title = f"{label}: {' '.join(title_words)}".capitalize()
        digest = hashlib.sha256(f"{number}".encode()).hexdigest()
        text_digest = hashlib.sha256(f"text{number}".encode()).hexdigest()
        resource = Resource(
            id=f"r{number:06d}",
            title=title,
            type=kind,
            language=lang,
            summary=" ".join(body[:40]),
            practice_elements=tuple(elements),
            audiences=("caseworker",),
            publisher=self.random.choice(sorted(vocabulary.PUBLISHERS)),
            tags=tuple(self.words(lang, 2)),
            files=(
                FileEntry("main", f"r{number}.pdf", digest, 1000, "application/pdf"),
                FileEntry("text", f"r{number}.text.json", text_digest, 100, TEXT_MEDIA_TYPE),
            ),
        )
        return resource, segments

    def catalog(self, size: int) -> SyntheticCatalog:
        resources, segments = [], {}
        for number in range(size):
            resource, segs = self.resource(number)
            resources.append(resource)
            segments[resource.id] = segs
        now = utc_now()
        manifest = Manifest("bench", 1, now, now.replace(year=now.year + 1), tuple(resources))
        return SyntheticCatalog(manifest, segments)


def write_texts(catalog: SyntheticCatalog, folder: Path) -> None:
    """Write each resource's text object to disk, as a library holds them."""
    folder.mkdir(parents=True, exist_ok=True)
    for rid, segments in catalog.segments.items():
        (folder / f"{rid}.json").write_text(json.dumps({"segments": segments}))


#: Queries the search benchmarks replay (typed key by key) and the tests ask of the same
#: catalogs: a search field's usual words, whole words and phrases.
TYPED = [
    "safety plan",
    "three houses",
    "scaling questions",
    "harm and danger statements",
    "solution focused",
    "coaching supervisors",
    "mapeo de seguridad",
    "red de apoyo",
    "preguntas de escala",
]
WORDS = ["safety", "children", "network", "scaling questions", "plan de seguridad", "family"]
PHRASES = ['"safety plan"', '"three houses"', '"red de apoyo"', '"scaling questions"']
