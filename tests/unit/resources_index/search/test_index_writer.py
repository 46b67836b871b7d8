"""The index writer that decodes field lengths once writes what Whoosh's own writer writes."""

from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.writing import SegmentWriter

from resources_index.search.index_writer import FastSegmentWriter
from resources_index.search.schema import build_schema, document_for
from tests.helpers.synthetic import Generator


def _contents(folder: Path, writer_class: type[SegmentWriter], documents: list[Any]) -> list[Any]:
    """Every posting of the segment written (document, weight, value) with the length
    statistics of its block, and every document's field lengths."""
    folder.mkdir()
    ix = index.create_in(str(folder), build_schema())
    writer = writer_class(ix, limitmb=64)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    seen: list[Any] = []
    with ix.reader() as reader:
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            while matcher.is_active():
                posting = (matcher.id(), matcher.weight(), matcher.value())
                block = (matcher.block_min_length(), matcher.block_max_length())
                seen.append((fieldname, term, *posting, *block))
                matcher.next()
        for fieldname in reader.schema.scorable_names():
            seen += [reader.doc_field_length(d, fieldname) for d in range(reader.doc_count())]
            seen += [reader.min_field_length(fieldname), reader.max_field_length(fieldname)]
    ix.close()
    return seen


def test_the_segment_holds_what_whooshs_writer_writes(tmp_path: Path) -> None:
    catalog = Generator(seed=3).catalog(80)
    documents = [document_for(r, catalog.segments[r.id]) for r in catalog.manifest.resources]
    documents[5] = {"id": "bare", "rev": "1", "type": "other"}  # fields without a length
    ours = _contents(tmp_path / "fast", FastSegmentWriter, documents)
    whoosh = _contents(tmp_path / "whoosh", SegmentWriter, documents)
    assert len(ours) > 10_000 and ours == whoosh
