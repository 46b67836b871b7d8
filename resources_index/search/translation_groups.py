"""A resource and its translations as one group: the list shows them as one row, so counts
(facets, totals) count each group once."""

from resources_index.catalog.model import Manifest


def translation_groups(manifest: Manifest) -> dict[str, int]:
    """Each resource that has a translation in ``manifest``, and the number of its group (a
    resource, its translations, theirs...)."""
    parent: dict[str, str] = {}

    def root(rid: str) -> str:
        while parent.setdefault(rid, rid) != rid:
            rid = parent[rid]
        return rid

    for resource in manifest.resources:
        for other in resource.translations:
            if other in manifest.by_id and other != resource.id:
                parent[root(resource.id)] = root(other)
    numbers: dict[str, int] = {}
    return {rid: numbers.setdefault(root(rid), len(numbers)) for rid in sorted(parent)}
