"""Whoosh's segment writer with the field lengths it needs while writing postings in memory.

Writing a segment's postings, Whoosh looks up the length of the field of every posting it
writes by reading it back from the column just written, one value at a time through Python
(a tenth of a rebuild). Here each field's lengths are decoded once into a list (as
``scoring.LengthTable`` does for searching, through ``whoosh_internals``): the same segment,
byte for byte, sooner. If they cannot be decoded here (another Whoosh), its own lookup is used.
"""

from typing import Any

from resources_index.search.whoosh_internals import SegmentWriterSteps, written_lengths


class _DecodedLengths:
    """A per-document reader whose ``doc_field_length`` reads a list decoded once."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._tables: dict[str, list[int | None] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        if fieldname not in self._tables:
            self._tables[fieldname] = self._decode(fieldname)
        table = self._tables[fieldname]
        if table is None or not 0 <= docnum < len(table):
            return self._reader.doc_field_length(docnum, fieldname, default)  # type: ignore[no-any-return]
        return table[docnum]

    def lengths_of(self, fieldname: str) -> list[int | None] | None:
        """Every document's length of ``fieldname`` as ``doc_field_length`` gives it, or None
        when the column cannot be decoded here."""
        if fieldname not in self._tables:
            self._tables[fieldname] = self._decode(fieldname)
        return self._tables[fieldname]

    def _decode(self, fieldname: str) -> list[int | None] | None:
        """Each document's length of ``fieldname``, exactly as Whoosh's lookup gives it
        (None for a zero byte, the default when the column is missing)."""
        return written_lengths(self._reader, fieldname)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class FastSegmentWriter(SegmentWriterSteps):
    """A ``SegmentWriter`` that decodes each field's lengths once when writing postings."""

    def per_document_reader(self) -> Any:
        return _DecodedLengths(super().per_document_reader())
