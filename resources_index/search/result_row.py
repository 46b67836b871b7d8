"""One search result joined with its resource: what the command line prints and the GUI shows.

Kept apart from the search engine so that listing a library (the GUI's browse view) does not
load the engine.
"""

from dataclasses import dataclass
from typing import Any

from resources_index.catalog.records import Resource


@dataclass(frozen=True)
class ResultRow:
    """A hit joined with its resource, ready to display or print."""

    resource: Resource
    score: float
    snippet: str
    location: dict[str, Any] | None
    #: The resource's translations in the catalog: other doors to the same result.
    also: tuple[Resource, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.resource.id,
            "title": self.resource.title,
            "type": self.resource.type,
            "language": self.resource.language,
            "publisher": self.resource.publisher,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "location": self.location,
            "also": [{"id": r.id, "language": r.language, "title": r.title} for r in self.also],
        }
