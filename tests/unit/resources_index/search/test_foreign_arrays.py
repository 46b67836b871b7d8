"""Arrays files copied beside another segment (a restore, a copying tool) are not taken for its
own: every answer stays what Whoosh's blocks give."""

from pathlib import Path

import pytest

from resources_index.search import posting_positions, posting_store
from resources_index.search.index import SearchIndex
from resources_index.search.library_search import TextCache
from tests.helpers.synthetic import PHRASES, Generator, write_texts

QUERIES = [*PHRASES, '"harm and danger"', "sop", "safety plan", '"plan de seguridad"']


def _answers(search: SearchIndex, cache: TextCache) -> list[tuple[int, list[str]]]:
    search.forget_answers()
    found = []
    for text in QUERIES:
        results = search.search(text, cache.get, limit=50)
        found.append((results.total, [hit.id for hit in results.hits]))
    return found


@pytest.mark.parametrize("suffix", [posting_positions.SUFFIX, posting_store.SUFFIX])
def test_arrays_swapped_between_segments_change_no_answer(tmp_path: Path, suffix: str) -> None:
    catalog = Generator(seed=4).catalog(360)
    write_texts(catalog, tmp_path / "texts")
    cache = TextCache(lambda rid: tmp_path / "texts" / f"{rid}.json")
    first = catalog.manifest.__class__(
        **{**catalog.manifest.__dict__, "resources": catalog.manifest.resources[:200]}
    )
    folder = tmp_path / "index"
    search = SearchIndex(folder)
    search.ensure(first, "v1", lambda r: cache.get(r.id))  # a rebuild: one segment
    search.ensure(catalog.manifest, "v2", lambda r: cache.get(r.id))  # an update: another
    search.close()
    files = sorted(folder.glob(f"*{suffix}"))
    assert len(files) == 2
    search = SearchIndex(folder)
    assert search.ensure(catalog.manifest, "v2", lambda r: cache.get(r.id)).added == 0
    clean = _answers(search, cache)
    search.close()
    assert sum(total for total, _ in clean) > 0
    swap = files[0].with_name("swap")
    files[0].replace(swap)
    files[1].replace(files[0])
    swap.replace(files[1])
    reopened = SearchIndex(folder)
    assert reopened.ensure(catalog.manifest, "v2", lambda r: cache.get(r.id)).added == 0
    assert _answers(reopened, cache) == clean
    reopened.close()
