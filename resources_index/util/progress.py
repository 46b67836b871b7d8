"""The callables long operations take, so only the GUI adds threads (and tests pass plain ones).

``progress(done, total)`` reports amounts (bytes, files); ``cancel()`` is polled between steps and
the operation stops with ``CancelledError`` when it answers True.
"""

from collections.abc import Callable

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def no_progress(done: int, total: int) -> None:
    """Report nowhere."""
    return None


def never() -> bool:
    """Never cancel."""
    return False
