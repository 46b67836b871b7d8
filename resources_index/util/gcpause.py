"""Building many long-lived objects at once without the cyclic garbage collector in the way."""

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Build many long-lived objects (a parsed catalog) without the cyclic garbage collector
    scanning them over and over; afterwards move them out of its way (``gc.freeze``). They
    hold no cycles, so they are still freed as soon as nothing refers to them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()
