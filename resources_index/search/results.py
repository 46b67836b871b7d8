"""What a search answers and what an index update touched."""

from dataclasses import dataclass, field

from resources_index.search.snippets import Passage


@dataclass(frozen=True)
class Hit:
    """One result: the resource, its score, and the passage that matched."""

    id: str
    score: float
    passage: Passage


@dataclass
class SearchResults:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True
    partial: bool = False  # no resource has every word: these have some of them
    unmatched: tuple[str, ...] = ()  # the words no resource has (when partial)
    suggestion: str | None = None
    corrected: bool = False
    quick: bool = False  # a fast answer while typing; the search after a pause refines it
    as_prefix: bool = False  # the last word found nothing whole: words starting with it answered
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Hits shown on a translation's row rather than their own: a page counts them as shown.
    folded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IndexChange:
    """What an update touched, for logs and tests."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: bool = False
    adopted: bool = False
