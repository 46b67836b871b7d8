"""Browsing the starter library without a query: scopes, filters, counts and titles."""

import json
import unicodedata

from resources_index.library.library import Library
from resources_index.search.browsing import TitleMatcher, browse, count_facets, scope_ids


def test_the_whole_library_is_listed_by_title_with_counts_for_every_facet(
    starter: Library,
) -> None:
    manifest = starter.current()
    assert manifest is not None
    listing = browse(manifest, None, {})
    assert listing is not None
    titles = [row.resource.title.casefold() for row in listing.rows]
    assert titles == sorted(titles) and listing.total == len(manifest.resources)
    assert sum(listing.facets["type"].values()) == len(manifest.resources)
    assert set(listing.facets) >= {"type", "language", "publisher", "practice_elements"}


def test_a_chosen_value_narrows_other_facets_but_keeps_its_own_siblings(starter: Library) -> None:
    manifest = starter.current()
    assert manifest is not None
    listing = browse(manifest, None, {"language": ["es"]})
    assert listing is not None and listing.rows
    assert all(row.resource.language == "es" for row in listing.rows)
    assert listing.facets["language"]["en"] > 0  # English is still offered beside Spanish
    spanish_types = count_facets([r for r in manifest.resources if r.language == "es"], {})
    assert listing.facets["type"] == spanish_types["type"]


def test_scopes_come_from_the_state_database_in_their_own_order(starter: Library) -> None:
    manifest = starter.current()
    assert manifest is not None
    first, second = manifest.resources[3].id, manifest.resources[1].id
    starter.state.set_favorite(first, True)
    starter.state.set_favorite(second, True)
    starter.state.set_many({"last_changes": json.dumps({"added": [second], "changed": []})})
    assert set(scope_ids(starter.state, "favorites") or []) == {first, second}
    assert scope_ids(starter.state, "new") == [second]
    assert scope_ids(starter.state, "all") is None
    listing = browse(manifest, scope_ids(starter.state, "new"), {})
    assert listing is not None and [r.resource.id for r in listing.rows] == [second]


def test_an_unwanted_listing_of_the_whole_library_is_abandoned(starter: Library) -> None:
    manifest = starter.current()
    assert manifest is not None
    assert browse(manifest, None, {}, wanted=lambda: False) is None


def test_titles_match_every_word_without_accents_the_last_as_a_prefix(
    starter: Library,
) -> None:
    manifest = starter.current()
    assert manifest is not None
    spanish = next(r for r in manifest.resources if r.language == "es" and not r.title.isascii())
    word = next(w for w in spanish.title.split() if not w.isascii())
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    typed = bare[:-1]  # no accents, cut short while typing
    listing = TitleMatcher().match(manifest, typed.upper(), None, {}, 60)
    assert spanish.id in [row.resource.id for row in listing.rows]
    assert listing.total == len(listing.rows)


def test_a_scope_is_searched_inside_the_index_with_its_own_counts(starter: Library) -> None:
    """Searching within favorites finds a favorite however far down the whole library's
    ranking it stands, and counts only the scope."""
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(starter)
    everything, whole = search.search("safety", limit=200, facets=True, quick=False)
    assert len(everything) > 5
    last = everything[-1].resource  # the weakest match of the whole library
    rows, results = search.search("safety", limit=1, facets=True, quick=False, within=[last.id])
    assert [row.resource.id for row in rows] == [last.id]
    assert results.total == 1 and sum(results.facets["type"].values()) == 1
    assert sum(whole.facets["type"].values()) == len(everything) > 1  # one a row
    typed, _ = search.search("saf", as_you_type=True, within=[last.id])
    assert [row.resource.id for row in typed] in ([last.id], [])  # never outside the scope
    nothing, none = search.search("safety", within=[])
    assert nothing == [] and none.total == 0
    search.close()


def test_answers_while_typing_keep_to_the_filters_and_the_scope(starter: Library) -> None:
    """Whoosh's time limit used to bypass the filter: with "Spanish" checked, typing showed
    English resources until typing paused."""
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(starter)
    manifest = starter.current()
    assert manifest is not None
    spanish = [r.id for r in manifest.resources if r.language == "es"]
    seen_quick = False
    for typed in ("sa", "saf", "safety pl", "tres ca", "hou", "plan de seg"):
        rows, results = search.search(typed, {"language": ["es"]}, as_you_type=True)
        seen_quick |= results.quick and bool(rows)
        assert all(row.resource.language == "es" for row in rows), typed
        rows, _ = search.search(typed, as_you_type=True, within=spanish[:3])
        assert {row.resource.id for row in rows} <= set(spanish[:3]), typed
    assert seen_quick  # the quick tier answered at least once, so it was the one tested
    search.close()
