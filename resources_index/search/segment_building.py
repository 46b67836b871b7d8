"""A fresh index's one segment written from postings kept in arrays: what a rebuild runs.

Whoosh's writer passes every posting through an external sort (tuples pickled to runs on disk
once past its memory limit, then merged back one by one) and writes it through a method call
per posting. When the whole index is built at once, each field's postings are appended here to
flat arrays instead (term number, document, weight, encoded value: some 40 bytes a posting),
ordered once with one array sort, and written a term at a time (its blocks and term-table row
as bytes, ``whoosh_blocks``): the blocks, term table and per-document files are the same bytes
Whoosh's writer writes (``tests/unit/resources_index/search/test_segment_building.py`` compares
them). Terms come from ``field_terms`` where a field allows it. Only for an empty index and a
schema without spelling or vector fields (this program's); anything else is Whoosh's business.
The writer's private steps and term writer are reached through ``whoosh_internals``; with
another Whoosh, documents go through Whoosh's own writer.
"""

from array import array
from bisect import bisect_right
from itertools import accumulate, repeat
from typing import Any

import numpy as np

from resources_index.search.field_terms import Columns, Lister, lister_for
from resources_index.search.index_writer import FastSegmentWriter
from resources_index.search.kept_arrays import KeptArrays
from resources_index.search.whoosh_internals import fell_back, supported

#: Postings turned into Python lists at a time while writing (the rest stay in arrays).
WINDOW = 1 << 16


class _FieldPostings:
    """One field's postings in the order documents were added."""

    def __init__(self) -> None:
        self.term_numbers: dict[bytes, int] = {}
        self.terms = array("I")
        self.documents = array("I")
        self.weights = array("d")
        self.values = bytearray()
        self.ends = array("q")
        #: Each posting's positions as numbers too (their count is its frequency), while every
        #: document of a field with positions has given them: the common words' arrays are
        #: packed from these (``kept_arrays``), never unpickled from the values.
        self.positions: array[int] | None = array("I")
        self.frequencies = array("I")


class SegmentBuilder(FastSegmentWriter):
    """A ``SegmentWriter`` for an empty index whose postings are sorted in memory, once."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        if self.segments:
            self.cancel()
            raise ValueError(f"{type(self).__name__} writes the first segment of an empty index")
        for name, field in self.schema.items():
            if field.separate_spelling() or field.vector:
                self.cancel()
                raise ValueError(f"SegmentBuilder cannot write the field {name!r}")
        self._by_field: dict[str, _FieldPostings] = {}
        self._listers: dict[str, Lister | None] = {}
        self._own_postings = supported()
        #: The common words' arrays, packed as the postings are written (``kept_arrays``).
        self.kept = KeptArrays()
        if not self._own_postings:
            fell_back("segment building")

    def writes_postings(self) -> bool:
        return self._own_postings

    def add_reader(self, reader: Any) -> None:
        raise NotImplementedError(f"{type(self).__name__} only adds documents")

    def _columns(self, fieldname: str, field: Any, value: Any) -> Columns:
        """The field's terms, frequencies, weights and values for ``value``, as four lists."""
        if fieldname not in self._listers:
            self._listers[fieldname] = lister_for(field)
        lister = self._listers[fieldname]
        if lister is None or not isinstance(value, str):
            columns = [list(column) for column in zip(*field.index(value), strict=True)]
            if not columns:
                return ([], [], [], [], None)
            return (columns[0], columns[1], columns[2], columns[3], None)
        return lister(value)

    def add_document(self, **fields: Any) -> None:
        """As ``SegmentWriter.add_document``, the postings kept in this writer's arrays."""
        if not self._own_postings:
            super().add_document(**fields)
            return
        docboost, fieldnames = self.begin_document(fields)
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self.boost_of(fields, fieldname, docboost)
                    length = self._add_postings(fieldname, field, value, docnum, fieldboost)
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self.document_added()

    def _add_postings(
        self, fieldname: str, field: Any, value: Any, docnum: int, fieldboost: float
    ) -> int:
        """Append a document's postings in one field; its length (as Whoosh counts it)."""
        postings = self._by_field.get(fieldname)
        if postings is None:
            postings = self._by_field[fieldname] = _FieldPostings()
        # Column by column: one call per array for the document's postings, not one per posting.
        tbytes, freqs, weights, vbytes, positions = self._columns(fieldname, field, value)
        if not tbytes:
            return 0
        if positions is None:  # a field without positions (or left to Whoosh's own indexing)
            postings.positions = None
        elif postings.positions is not None:
            postings.positions.frombytes(positions.astype(np.uint32).tobytes())
            postings.frequencies.extend(freqs)
        numbers = postings.term_numbers
        found = list(map(numbers.get, tbytes))
        if None in found:
            for index, number in enumerate(found):
                if number is None:
                    found[index] = numbers.setdefault(tbytes[index], len(numbers))
        postings.terms.extend(found)  # type: ignore[arg-type]  # no None left
        postings.documents.extend(repeat(docnum, len(found)))
        postings.weights.extend(weights if fieldboost == 1.0 else [w * fieldboost for w in weights])
        ends = accumulate(map(len, vbytes), initial=len(postings.values))
        next(ends)  # the running total starts at the values so far; each posting's end follows
        postings.ends.extend(ends)
        postings.values += b"".join(vbytes)
        return sum(freqs) if field.scorable else 0

    def write_postings(self, lengths: Any) -> None:
        for fieldname in sorted(self._by_field):
            if self._by_field[fieldname].terms:  # a field with no term is not named
                self._write_field(fieldname, lengths)
            del self._by_field[fieldname]  # its memory back before the next field
        self.kept.complete = True

    def _document_lengths(self, lengths: Any, fieldname: str) -> Any:
        """Each document's length of ``fieldname`` as Whoosh's writer looks it up (0 for none)."""
        count = self.docnum
        if lengths is None:
            return np.zeros(count, np.int64)
        table = lengths.lengths_of(fieldname)
        if table is None or len(table) != count:
            table = [lengths.doc_field_length(d, fieldname) for d in range(count)]
        return np.array([n or 0 for n in table], dtype=np.int64)

    def _write_field(self, fieldname: str, lengths: Any) -> None:
        """The field's postings in Whoosh's order (term bytes, then document), by blocks."""
        postings = self._by_field[fieldname]
        texts = list(postings.term_numbers)
        by_text = sorted(range(len(texts)), key=texts.__getitem__)
        rank = np.empty(len(texts), np.int64)
        rank[by_text] = np.arange(len(texts))
        terms = np.frombuffer(postings.terms, dtype=np.uint32)
        order = np.argsort(rank[terms], kind="stable")
        counts = np.bincount(terms, minlength=len(texts))[by_text]
        documents = np.frombuffer(postings.documents, dtype=np.uint32)[order]
        weights = np.frombuffer(postings.weights, dtype=np.float64)[order]
        ends = np.frombuffer(postings.ends, dtype=np.int64)
        starts = np.concatenate((np.zeros(1, np.int64), ends[:-1]))[order]
        ends = ends[order]
        doc_lengths = self._document_lengths(lengths, fieldname)[documents]
        values = bytes(postings.values)
        postings.values = bytearray()  # one copy of the values at a time
        bounds = np.concatenate((np.zeros(1, np.int64), np.cumsum(counts))).tolist()
        in_order = [texts[number] for number in by_text]
        self.kept.keep_field(fieldname, in_order, bounds, documents, weights)
        if postings.positions is not None:
            frequencies = np.frombuffer(postings.frequencies, dtype=np.uint32).astype(np.int64)
            firsts = (np.cumsum(frequencies) - frequencies)[order]
            every = np.frombuffer(postings.positions, dtype=np.uint32)
            self.kept.keep_positions(
                fieldname, in_order, bounds, documents, every, firsts, frequencies[order]
            )
        postings.positions = None
        writer = self.fieldwriter
        writer.start_field(fieldname, self.schema[fieldname])
        write_term = self.term_writer()
        term = 0
        while term < len(by_text):
            # A window of terms at a time as Python lists: memory for WINDOW postings, not all.
            last_term = bisect_right(bounds, bounds[term] + WINDOW, term + 1) - 1
            last_term = max(last_term, term + 1)
            low, high = bounds[term], bounds[last_term]
            ids = documents[low:high].tolist()
            scaled = weights[low:high].tolist()
            chosen = zip(starts[low:high].tolist(), ends[low:high].tolist(), strict=True)
            encoded = [values[s:e] for s, e in chosen]
            known = doc_lengths[low:high].tolist()
            for number in by_text[term:last_term]:
                first, last = bounds[term] - low, bounds[term + 1] - low
                write_term.write(
                    texts[number],
                    ids[first:last],
                    scaled[first:last],
                    encoded[first:last],
                    known[first:last],
                )
                term += 1
        write_term.finish()
        writer.finish_field()
