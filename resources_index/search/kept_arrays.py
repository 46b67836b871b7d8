"""The common words' arrays a rebuild already holds while it writes its one segment.

Beside each segment, ``posting_store`` and ``posting_positions`` keep the postings and the
positions of every word found in many documents. For a segment written by another writer they
are read back from Whoosh's blocks (unpickled and decompressed word by word: a sixth of a
rebuild). ``SegmentBuilder`` has them sorted in memory already, in the segment's term order:
each common word's arrays are packed here as they go by, and the two files are written from
them, the same bytes as read back (``test_kept_arrays`` compares them). Positions are
packed from the numbers the field lister gave, never unpickled from the values.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from resources_index.search import posting_positions, posting_store
from resources_index.search.schema import TEXT_FIELDS
from resources_index.search.whoosh_internals import Floats, Ids


class KeptArrays:
    """The packed entries of one segment's common words, by field, in term order."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[str, posting_store.Packed]] = {}
        self.positions: dict[str, dict[str, posting_positions.Packed]] = {}
        #: Set once every field is written: a rebuild cut short keeps nothing.
        self.complete = False

    def keep_field(
        self,
        fieldname: str,
        terms: Sequence[bytes],
        bounds: Sequence[int],
        documents: NDArray[Any],
        weights: Floats,
    ) -> None:
        """Pack the common words' postings of a field: ``terms`` in order, the n-th's postings
        from ``bounds[n]`` to ``bounds[n + 1]`` in ``documents`` and ``weights`` (written to
        the segment in single precision, so packed so)."""
        if fieldname not in posting_store.FIELDS:
            return
        postings = self.postings.setdefault(fieldname, {})
        sizes = np.diff(np.asarray(bounds, dtype=np.int64))
        for rank in np.flatnonzero(sizes >= posting_store.MIN_DOCUMENTS).tolist():
            low, high = bounds[rank], bounds[rank + 1]
            single = weights[low:high].astype(np.float32).astype(np.float64)
            postings[terms[rank].decode("utf-8")] = posting_store.pack(
                documents[low:high].astype(np.int64), single
            )

    def keep_positions(
        self,
        fieldname: str,
        terms: Sequence[bytes],
        bounds: Sequence[int],
        documents: NDArray[Any],
        every: NDArray[Any],
        firsts: Ids,
        counts: Ids,
    ) -> None:
        """Pack the common words' positions of a field: the postings as in ``keep_field``,
        the i-th's ``counts[i]`` positions in ``every`` from ``firsts[i]`` on."""
        if fieldname not in TEXT_FIELDS:
            return
        kept = self.positions.setdefault(fieldname, {})
        sizes = np.diff(np.asarray(bounds, dtype=np.int64))
        for rank in np.flatnonzero(sizes >= posting_positions.MIN_DOCUMENTS).tolist():
            low, high = bounds[rank], bounds[rank + 1]
            held = counts[low:high]
            total = int(held.sum())
            # Each posting's run of positions, gathered by one index array.
            shift = np.repeat(firsts[low:high] - (np.cumsum(held) - held), held)
            found = every[np.arange(total) + shift].astype(np.int64)
            kept[terms[rank].decode("utf-8")] = posting_positions.pack(
                documents[low:high].astype(np.int64), held, found
            )


def store_arrays(folder: Path, kept: KeptArrays | None = None) -> None:
    """Write beside each new segment of the index in ``folder`` its common words' posting
    arrays and positions (from ``kept`` when a rebuild holds them, else read back)."""
    posting_store.store_postings(folder, kept.postings if kept else None)
    posting_positions.store_positions(folder, kept.positions if kept else None)
