"""A morning's use of the real window, driven as a person would, for endurance runs.

Used by ``tests/endurance`` (a few hundred actions in CI) and ``benchmarks/endurance_bench.py``
(the long run with its numbers). Every action goes through the widgets: keys typed into the
search field one by one, Down through the results, Enter to open, check boxes in the filter
tree, the kit's Present button and the presenter's keys, Sync and Cancel.
"""

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from resources_index.catalog.positions import is_paged, is_timed
from resources_index.catalog.records import Resource
from resources_index.catalog.vocabulary import FACETS
from sop_desktop.panels.filter_panel import KEY_ROLE
from sop_desktop.window.main_window import MainWindow

#: What field workers type: misspelled, Spanish, partial, long and short, about a second apart.
QUERIES = (
    "safty plan",
    "harm statment",
    "tres cassas",
    "three houses",
    "danger statements",
    "plan de seguridad",
    "mapping",
    "safety network",
    "coaching",
    "niños",
    "motivational interviewing",
    "family meeting",
    "scaling questions",
    "safety goals",
    "supervision",
    "entrevista",
    "house of dreams",
    "monitoring over time",
    "trauma",
    "words and pictures",
    "genograma",
    "teaming",
    "appreciative inquiry",
    "culture",
    "hoja de consejos",
    "safety circles",
    "engagement",
    "complicating factors",
    "worry statements",
    "solution focused",
)

Wait = Callable[[Callable[[], bool], int], None]


def pause(ms: int) -> None:
    """Let the event loop run for ``ms``, as the program's own loop runs: through
    ``QEventLoop.exec``, which releases the Python interpreter lock. (``QTest.qWait`` keeps it:
    when a video player is deleted there, Qt's FFmpeg thread waits for the lock while the lock's
    holder waits for that thread, and the run hangs where the program never would.) The timer
    names the loop as its receiver: given the bare ``loop.quit``, tracemalloc found about 50
    bytes kept per call over a long morning, which the harness, not the program, was adding."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop, loop.quit)  # tied to the loop: nothing kept once it ends
    loop.exec()


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    """Let the event loop run until ``predicate`` holds."""
    clock = QElapsedTimer()
    clock.start()
    while not predicate():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError(f"still waiting after {timeout_ms} ms")
        pause(10)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, accented letters included (QTest.keyClicks takes ASCII only)."""
    for char in text:
        key = ord(char.upper()) if char.isascii() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
        pause(15)  # a quick typist


def resident_mb() -> float:
    """This process's resident memory in MB (Linux's /proc)."""
    status = Path("/proc/self/status").read_text()
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert match is not None
    return int(match.group(1)) / 1024


@dataclasses.dataclass
class Tally:
    """What a run did, to report and to assert on."""

    queries: int = 0
    results_walked: int = 0
    opened: int = 0
    filters_toggled: int = 0
    kits_presented: int = 0
    syncs_cancelled: int = 0
    #: From the last key typed to the complete answer (the 300 ms pause included), per query.
    answer_ms: list[int] = dataclasses.field(default_factory=list)


class Morning:
    """Drives ``window``; ``wait`` runs the event loop until a condition holds."""

    def __init__(self, window: MainWindow, wait: Wait = wait_until) -> None:
        self.window = window
        self.wait = wait
        self.tally = Tally()

    def search(self, text: str) -> int:
        """Type ``text`` key by key and wait for its complete answer; the number of rows."""
        window = self.window
        QTest.keyClick(window.search_field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        window.search_field.clear()
        type_text(window.search_field, text)
        clock = QElapsedTimer()
        clock.start()

        def settled() -> bool:
            outcome = window.last_outcome
            return outcome is not None and outcome.query == text and not outcome.quick

        self.wait(settled, 20_000)
        self.tally.answer_ms.append(clock.elapsed())
        self.tally.queries += 1
        return window.results_model.rowCount()

    def walk_results(self, steps: int) -> None:
        """Down into the results and through ``steps`` of them (each fills the details)."""
        window = self.window
        if not window.results_model.rowCount():
            return
        QTest.keyClick(window.search_field, Qt.Key.Key_Down)
        for _ in range(steps):
            QTest.keyClick(window.results, Qt.Key.Key_Down)
            self.tally.results_walked += 1
        pause(20)  # the cards and the detail pane paint

    def open_one(self) -> bool:
        """Open the first PDF or video among the results with Enter, look, and close it."""
        window = self.window
        rows = window.results_model.rows
        found = next((i for i, r in enumerate(rows) if _inside(r.resource)), None)
        if found is None:
            return False
        window.results.setFocus()
        window.results.setCurrentIndex(window.results_model.index(found))
        QTest.keyClick(window.results, Qt.Key.Key_Return)
        resource_id = rows[found].resource.id
        self.wait(lambda: resource_id in window.viewers, 10_000)
        viewer = window.viewers[resource_id]
        pause(300)  # a page rendered, a video started
        viewer.close()
        self.wait(lambda: resource_id not in window.viewers, 10_000)
        self.tally.opened += 1
        return True

    def toggle_filter(self, facet: str) -> bool:
        """Check the first value the filter panel offers for ``facet``, see the narrower
        answer, then clear the filters."""
        window = self.window
        group = window.filters.groups[facet]
        if group.isHidden() or not group.childCount():
            return False
        before = window.search.generation
        window.filters.check(facet, str(group.child(0).data(0, KEY_ROLE)))
        self.wait(lambda: _answered_after(window, before), 20_000)
        before = window.search.generation
        QTest.mouseClick(window.filters.clear_button, Qt.MouseButton.LeftButton)
        self.wait(lambda: _answered_after(window, before), 20_000)
        self.tally.filters_toggled += 1
        return True

    def present_kit(self) -> None:
        """Present the first kit of the Kits tab from start to end with the clicker keys."""
        window = self.window
        panel = window.kits
        window.side.setCurrentWidget(panel)
        panel.kit_list.setCurrentRow(0)
        panel.buttons["present"].click()
        show = getattr(window, "presentation", None)
        box = getattr(window, "message_box", None)
        assert show is not None and show.running, box.text() if box else "no presentation"
        last = len(show.slides) - 1
        for _ in range(200):  # every page of every item, then the end
            if show.index == last:
                break
            QTest.keyClick(show.presenter, Qt.Key.Key_PageDown)
            pause(30)
        assert show.index == last, "the presenter did not reach the kit's last item"
        QTest.keyClick(show.presenter, Qt.Key.Key_Escape)
        self.wait(lambda: not show.running, 10_000)
        window.side.setCurrentWidget(window.filters)
        self.tally.kits_presented += 1

    def start_sync(self) -> None:
        """Press Sync and wait until files are coming."""
        window = self.window
        QTest.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
        self.wait(lambda: " files · " in window.status_area.progress_label.text(), 20_000)

    def cancel_sync(self) -> None:
        """Press Cancel and wait for the status line that says the sync was cancelled (a
        Cancel is no failure: no message box)."""
        window = self.window
        status = window.status_area
        assert status.cancel_button.isVisible(), "the sync ended before it could be cancelled"
        before = window.message_box
        QTest.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
        self.wait(window.sync_button.isEnabled, 20_000)
        message = window.statusBar().currentMessage()
        assert "cancelled" in message, message
        assert window.message_box is before, "a Cancel was shown as a failure"
        self.tally.syncs_cancelled += 1

    def round(self, n: int) -> None:
        """The n-th round: a query, its results walked, and now and then more."""
        rows = self.search(QUERIES[n % len(QUERIES)])
        self.walk_results(min(rows, 1 + n % 4))
        if n % 9 == 4:
            self.open_one()
        if n % 7 == 3:
            self.toggle_filter(FACETS[n % len(FACETS)])

    def run(
        self, rounds: int, cycle: int = 50, on_round: Callable[[int], None] | None = None
    ) -> None:
        """``rounds`` rounds; in every ``cycle`` of them a sync is started and cancelled three
        queries later and a kit is presented (a sync needs the library's server set).
        ``on_round(n)`` is called before round n, and with ``rounds`` at the end."""
        for n in range(rounds):
            if on_round is not None:
                on_round(n)
            step = n % cycle
            if step == cycle // 5:
                self.start_sync()
            self.round(n)
            if step == cycle // 5 + 3:
                self.cancel_sync()
            if step == cycle // 2:
                self.present_kit()
        if on_round is not None:
            on_round(rounds)


def _inside(resource: Resource) -> bool:
    return is_paged(resource) or is_timed(resource)


def _answered_after(window: MainWindow, generation: int) -> bool:
    outcome = window.last_outcome
    return outcome is not None and outcome.generation > generation and not outcome.quick
