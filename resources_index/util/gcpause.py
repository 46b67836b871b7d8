"""Building many long-lived objects at once without the cyclic garbage collector in the way.

Nothing is frozen (``gc.freeze``): freezing moves every object the collector tracks, in every
thread, out of its sight for good. CPython documents it for a process about to fork; in this
threaded program it would also freeze what other threads hold at that moment (a search's
answer, an error's traceback, a closed dialog), and whichever of those later became a
reference cycle would never be freed.
"""

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.RLock()  # a finalizer the sweep runs may load a catalog too
_pauses = 0  # loads under way, in any thread: the collector waits for the last to end
_was_enabled = False  # whether the collector ran before the first of them began


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Build many long-lived objects (a parsed catalog) without the collector scanning them
    over and over as they are made. The collector is process-wide: loads that overlap (two
    threads, two libraries) share one pause, and it runs again when the last one ends.

    Before it runs again, the last load sweeps the young generations once (``gc.collect(1)``):
    the new objects move straight to the oldest generation, where they are scanned rarely,
    and what any thread left as garbage during the pause is freed, in the load's time rather
    than at some later keystroke."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.collect(1)
                gc.enable()
