"""Opening an index on disk that may be damaged or half-written: what that raises, and a
shipped index counted once before it is adopted."""

import gc
import pickle
import struct
import tarfile
import warnings
import zlib
from pathlib import Path

from whoosh import index

from resources_index.errors import IndexArchiveError, reason_of

#: What reading a damaged or half-written Whoosh index raises (Whoosh has no error hierarchy).
INDEX_DAMAGE = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    tarfile.TarError,
    index.IndexError,
)


def count_documents(folder: Path) -> int:
    """Open a shipped index once to count its documents; one that cannot open is refused."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # Whoosh leaves a file open on failure
        try:
            shipped = index.open_dir(str(folder))
            try:
                with shipped.searcher() as probe:
                    return int(probe.doc_count())
            finally:
                shipped.close()
        except INDEX_DAMAGE as exc:
            gc.collect()  # close what the failed open left behind
            raise IndexArchiveError("index.unopenable", reason=reason_of(exc)) from exc
