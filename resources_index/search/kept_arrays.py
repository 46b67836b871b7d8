"""The common words' arrays a rebuild already holds while it writes its one segment.

Beside each segment, ``posting_store`` and ``posting_positions`` keep the postings and the
positions of every word found in many documents. For a segment written by another writer they
are read back from Whoosh's blocks (unpickled and decompressed word by word: a sixth of a
rebuild). ``SegmentBuilder`` has them sorted in memory already, in the segment's term order:
each common word's arrays are packed here as they go by, and the two files are written from
them, the same bytes as read back (``test_segment_building`` compares them).
"""

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from resources_index.search import posting_positions, posting_store
from resources_index.search.schema import TEXT_FIELDS
from resources_index.search.whoosh_internals import Floats, Ids, decode_positions


class KeptArrays:
    """The packed entries of one segment's common words, by field, in term order."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[str, posting_store.Packed]] = {}
        self.positions: dict[str, dict[str, posting_positions.Packed]] | None = {}
        #: Set once every field is written: a rebuild cut short keeps nothing.
        self.complete = False

    def keep_field(
        self,
        fieldname: str,
        terms: Sequence[bytes],
        bounds: Sequence[int],
        documents: NDArray[Any],
        weights: Floats,
        values: bytes | None,
        spans: tuple[Ids, Ids],
    ) -> None:
        """Pack the common words of a field: ``terms`` in order, the postings of the n-th
        from ``bounds[n]`` to ``bounds[n + 1]`` in ``documents`` and ``weights`` (as written
        to the segment, in single precision); ``values`` holds each posting's encoded positions
        from ``spans[0]`` to ``spans[1]`` (None for a field without positions)."""
        store = fieldname in posting_store.FIELDS
        place = fieldname in TEXT_FIELDS and values is not None and self.positions is not None
        if not (store or place):
            return
        if place:
            assert self.positions is not None
            self.positions.setdefault(fieldname, {})
        sizes = np.diff(np.asarray(bounds, dtype=np.int64))
        least = min(posting_store.MIN_DOCUMENTS, posting_positions.MIN_DOCUMENTS)
        postings = self.postings.setdefault(fieldname, {}) if store else {}
        for rank in np.flatnonzero(sizes >= least).tolist():
            low, high = bounds[rank], bounds[rank + 1]
            text = terms[rank].decode("utf-8")
            ids = documents[low:high].astype(np.int64)
            if store and high - low >= posting_store.MIN_DOCUMENTS:
                single = weights[low:high].astype(np.float32).astype(np.float64)
                postings[text] = posting_store.pack(ids, single)
            if place and high - low >= posting_positions.MIN_DOCUMENTS:
                assert values is not None and self.positions is not None
                begins, ends = (span[low:high].tolist() for span in spans)
                decoded = decode_positions([values[b:e] for b, e in zip(begins, ends, strict=True)])
                if decoded is None:  # read back from Whoosh's blocks instead
                    self.positions = None
                    place = False
                    continue
                self.positions.setdefault(fieldname, {})[text] = posting_positions.pack(
                    ids, *decoded
                )
