"""A rebuild that fails takes its half-built folder with it; one a killed writer left goes at
the next write (on a full disk it holds the space the user is asked to free)."""

import errno
from pathlib import Path

import pytest

from resources_index.catalog.records import Resource
from resources_index.search.index import ADOPTING, BUILDING, SearchIndex
from resources_index.search.library_search import TextCache
from resources_index.search.schema import Segments
from tests.helpers.synthetic import Generator, write_texts


def test_a_rebuild_failing_on_a_full_disk_leaves_no_half_built_index(tmp_path: Path) -> None:
    catalog = Generator(seed=2).catalog(40)
    write_texts(catalog, tmp_path / "texts")
    cache = TextCache(lambda rid: tmp_path / "texts" / f"{rid}.json")
    done: list[str] = []

    def filling(resource: Resource) -> Segments:
        if len(done) == 30:
            raise OSError(errno.ENOSPC, "No space left on device")
        done.append(resource.id)
        return cache.get(resource.id)

    search = SearchIndex(tmp_path / "index")
    with pytest.raises(OSError):
        search.ensure(catalog.manifest, "v1", filling)
    assert len(done) == 30
    assert not (tmp_path / f"index{BUILDING}").exists()
    search.close()


@pytest.mark.parametrize("leftover", [BUILDING, ADOPTING])
def test_what_a_killed_writer_left_beside_the_index_goes_at_the_next_write(
    tmp_path: Path, leftover: str
) -> None:
    catalog = Generator(seed=2).catalog(20)
    write_texts(catalog, tmp_path / "texts")
    cache = TextCache(lambda rid: tmp_path / "texts" / f"{rid}.json")
    search = SearchIndex(tmp_path / "index")
    search.ensure(catalog.manifest, "v1", lambda r: cache.get(r.id))
    left = tmp_path / f"index{leftover}"
    (left / "inner").mkdir(parents=True)
    (left / "inner" / "big").write_bytes(b"\0" * 4096)
    assert search.ensure(catalog.manifest, "v1", lambda r: cache.get(r.id)).added == 0
    assert left.exists()  # nothing to write: nothing touched
    smaller = catalog.manifest.__class__(
        **{**catalog.manifest.__dict__, "resources": catalog.manifest.resources[:10]}
    )
    search.ensure(smaller, "v2", lambda r: cache.get(r.id))
    assert not left.exists()
    assert search.document_count() == 10
    search.close()
