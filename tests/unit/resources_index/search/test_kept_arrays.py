"""A rebuild writes its common words' arrays from what it holds: the files read back would be."""

import shutil
from pathlib import Path
from typing import Any

import pytest
from whoosh import index

from resources_index.search import posting_positions, posting_store, segment_building
from resources_index.search.index import SearchIndex
from resources_index.search.kept_arrays import KeptArrays
from resources_index.search.library_search import TextCache
from resources_index.search.posting_positions import store_positions
from resources_index.search.posting_store import store_postings
from resources_index.search.schema import build_schema, document_for
from resources_index.search.segment_building import SegmentBuilder
from resources_index.util import safe_json
from tests.helpers.synthetic import Generator, write_texts


def _built(folder: Path, documents: list[dict[str, Any]]) -> KeptArrays:
    folder.mkdir()
    ix = index.create_in(str(folder), build_schema())
    writer = SegmentBuilder(ix)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    ix.close()
    return writer.kept


def _directory(path: Path) -> dict[str, dict[str, Any]]:
    data = path.read_bytes()
    length = int.from_bytes(data[8:16], "little")
    found = safe_json.parse(data[16 : 16 + length], length)
    assert isinstance(found, dict)
    return found


def _refuse_reading_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: Any) -> Any:
        raise AssertionError("a rebuild's common words were read back from Whoosh's blocks")

    monkeypatch.setattr(posting_store, "decode", refused)
    monkeypatch.setattr(posting_positions, "positions_of", refused)


@pytest.mark.parametrize("window", [segment_building.WINDOW, 50])
def test_the_kept_arrays_are_the_files_read_back_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    monkeypatch.setattr(segment_building, "WINDOW", window)  # 50: a common word spans windows
    catalog = Generator(seed=5).catalog(260)
    documents = [document_for(r, catalog.segments[r.id]) for r in catalog.manifest.resources]
    kept = _built(tmp_path / "kept", documents)
    assert kept.complete and set(kept.positions) == {"body_en", "body_es"}
    shutil.copytree(tmp_path / "kept", tmp_path / "read")
    store_postings(tmp_path / "read")
    store_positions(tmp_path / "read")
    with monkeypatch.context() as patched:
        _refuse_reading_back(patched)
        store_postings(tmp_path / "kept", kept.postings)
        store_positions(tmp_path / "kept", kept.positions)
    for suffix in (posting_store.SUFFIX, posting_positions.SUFFIX):
        (kept_file,) = (tmp_path / "kept").glob(f"*{suffix}")
        read_file = tmp_path / "read" / kept_file.name
        assert kept_file.read_bytes() == read_file.read_bytes(), suffix
        directory = _directory(kept_file)
        assert sum(len(words) for field, words in directory.items() if "body" in field) > 20


def test_a_rebuild_writes_its_arrays_without_reading_its_segment_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = Generator(seed=8).catalog(150)
    write_texts(catalog, tmp_path / "texts")
    cache = TextCache(lambda rid: tmp_path / "texts" / f"{rid}.json")
    _refuse_reading_back(monkeypatch)
    search = SearchIndex(tmp_path / "index")
    search.ensure(catalog.manifest, "v1", lambda r: cache.get(r.id))
    search.close()
    (positions,) = (tmp_path / "index").glob(f"*{posting_positions.SUFFIX}")
    (postings,) = (tmp_path / "index").glob(f"*{posting_store.SUFFIX}")
    ix = index.open_dir(str(tmp_path / "index"))
    with ix.reader() as reader:
        for path, field, at in ((positions, "body_en", 2), (postings, "meta", 2)):
            words = _directory(path)[field]
            assert words, (path.name, field)
            for word, entry in words.items():  # as many documents as Whoosh counts
                assert entry[at] == reader.doc_frequency(field, word), (field, word)
    ix.close()
