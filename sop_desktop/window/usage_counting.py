"""What the window counts for the usage reports (only when a policy turns them on; see
``resources_index.reports``): settled searches and those that found nothing, searches after
which nothing was opened, corrections taken, filters used, resources opened, presented,
printed or saved."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from resources_index.catalog.records import Resource
from resources_index.reports.usage import Usage
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.notifier import Notifier

#: How long a person stays on a settled search before it is counted (they are reading it).
STAY_MS = 2000

if TYPE_CHECKING:
    from sop_desktop.controllers.search_controller import SearchOutcome
    from sop_desktop.dialogs.feedback_dialog import FeedbackDialog, RequestDialog


class UsageCounting(QObject):
    """Counts what the person does, told by the search's answers, the filters chosen and
    the library's ``resource_used``; ``typed`` is what the search field holds now."""

    def __init__(
        self,
        usage: Usage,
        events: LibraryEvents,
        typed: Callable[[], str],
        notifier: Notifier,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.usage = usage
        self.typed = typed
        self.notifier = notifier
        self.last_outcome: SearchOutcome | None = None  # the last answer, quick or not
        self.asked = ""  # the question the person is on: its last settled search
        self.found = 0  # ... how many that search found
        self.opened_any = False  # ... and whether something was opened from it
        self.counted = False  # ... and whether it was counted as a search yet
        # A settled search is counted once the person has stayed on it a moment (they read
        # the results), so the count does not wait for the next question or the quit.
        self.staying = QTimer(self)
        self.staying.setSingleShot(True)
        self.staying.setInterval(STAY_MS)
        self.staying.timeout.connect(self._stayed)
        self.filters: set[str] = set()
        events.resource_used.connect(self.used)

    @property
    def active(self) -> bool:
        return self.usage.active

    def answered(self, outcome: "SearchOutcome") -> None:
        """A search settles when typing pauses (not each keystroke's quick answer); it counts
        once the person stays on it a moment (``STAY_MS``), opens something from it, switches
        to the kits or closes the window. Words still being typed or corrected ("saf",
        "safte", "safety") are one question: a settled search that the next one extends or
        cuts short is counted once. Whether nothing was opened from it is counted when the
        person leaves it: another question settles, or the window closes."""
        self.last_outcome = outcome
        query = outcome.query.strip()
        if outcome.quick or outcome.browsing or not query:
            return
        if query == self.asked:  # a page more, a sync or a filter answers it again
            self.found = outcome.total
            return
        if not same_question(self.asked, query):
            self._leave()
        self.asked, self.found = query, outcome.total
        self.staying.start()

    def _stayed(self) -> None:
        """The person stayed on the question: counted, unless they are typing on in it (a
        slow machine can keep the next keystroke's answer waiting)."""
        if self.typed().strip() == self.asked:
            self.count_search()

    def count_search(self) -> None:
        """Count the question the person is on as a search, once (it settled and they stayed
        on it, opened something from it, switched to the kits, or the window closes)."""
        self.staying.stop()
        if self.asked and not self.counted:
            self.usage.searched(self.asked, self.found)
            self.counted = True

    def filtered(self, filters: dict[str, list[str]]) -> None:
        chosen = {f"{facet}:{value}" for facet, values in filters.items() for value in values}
        for key in sorted(chosen - self.filters):
            self.usage.count("filters_used", key)
        self.filters = chosen

    def _leave(self) -> None:
        """The question the person was on is over: count it (and whether nothing was
        opened from it)."""
        self.count_search()
        if self.asked and not self.opened_any:
            self.usage.left_unopened(self.asked)
        self.asked, self.found, self.opened_any, self.counted = "", 0, False, False

    def used(self, measure: str, resource: Resource) -> None:
        """A resource opened, presented, printed or saved."""
        if measure == "opened":
            self.opened(resource)
        else:
            self.usage.count(measure, resource.id)

    def opened(self, resource: Resource) -> None:
        self.count_search()
        self.usage.count("opened", resource.id)
        outcome = self.last_outcome
        first = self.asked and not self.opened_any
        if first and outcome is not None and outcome.corrected and outcome.suggestion:
            self.usage.correction_accepted(outcome.suggestion)
        self.opened_any = bool(self.asked)

    def correction_taken(self, corrected: str) -> None:
        """The person chose the spelling the window offered ("Did you mean …")."""
        self.usage.correction_accepted(corrected)

    def ask_feedback(self, resource: Resource) -> "FeedbackDialog":
        from sop_desktop.dialogs.feedback_dialog import FeedbackDialog

        dialog = FeedbackDialog(resource, self.usage, self.parent_widget)
        dialog.accepted.connect(self._thanked)
        dialog.open()
        return dialog

    def ask_request(self) -> "RequestDialog":
        from sop_desktop.dialogs.feedback_dialog import RequestDialog

        dialog = RequestDialog(self.usage, self.parent_widget)
        dialog.accepted.connect(self._thanked)
        dialog.open()
        return dialog

    def _thanked(self) -> None:
        self.notifier.status(
            self.tr("Thank you: it goes to the statewide team with this week's report.")
        )

    def close(self) -> None:
        """The window closes: the question on screen is counted, and words typed that had
        no time to settle are one more search (found or not as their quick answer said)."""
        typed = self.typed().strip()
        if typed and typed != self.asked and not same_question(self.asked, typed):
            self._leave()
            outcome = self.last_outcome
            if outcome is not None and outcome.query.strip() == typed:
                self.usage.searched(typed, outcome.total)
            else:
                self.usage.count("searches")  # how many it finds is not known yet
            self.usage.left_unopened(typed)
        self._leave()
        self.usage.close()


def same_question(before: str, now: str) -> bool:
    """Whether ``now`` goes on typing (or correcting) ``before``: one is the other with
    letters added or taken from its end."""
    a, b = before.casefold(), now.casefold()
    return bool(a) and (a.startswith(b) or b.startswith(a))
