"""JSON from outside the library (catalogs, their envelopes, kit files), read within bounds.

Python's reader raises ``RecursionError`` on input nested deeper than the interpreter's
recursion limit (about 1,000 levels) and ``ValueError`` on an integer of thousands of digits;
both would escape as tracebacks. Here the size is bounded first and every malformed input
becomes a ``CatalogError`` with one sentence. (The format never nests deeper than five levels;
the reader's own depth check is the bound, as a scan of its own would cost seven times the
parse.)
"""

import json

from resources_index.errors import CatalogError, Words


def loads(data: bytes, what: str | Words, max_bytes: int) -> object:
    """Parse ``data`` (UTF-8 JSON) or raise ``CatalogError`` naming ``what`` (a file's name,
    or words such as "the catalog's manifest", said in the reader's language)."""
    if len(data) > max_bytes:
        raise CatalogError("json.too_large", what=what, size=len(data))
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CatalogError("json.not_utf8", what=what) from None
    except json.JSONDecodeError as exc:
        raise CatalogError("json.invalid", what=what, position=exc.pos) from None
    except RecursionError:
        raise CatalogError("json.too_deep", what=what) from None
    except ValueError:  # an integer of thousands of digits
        raise CatalogError(
            "catalog.invalid", detail=f"{what} holds a number larger than the format allows."
        ) from None
