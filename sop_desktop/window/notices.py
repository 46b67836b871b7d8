"""The line above the results: a correction offered or made, words nothing has, nothing found,
an empty scope."""

import html

from PySide6.QtCore import QCoreApplication, QObject

from sop_desktop.controllers.search_controller import SearchOutcome


class _Everywhere(QObject):
    """Holds the one plural sentence here (lupdate reads a plural only from ``tr``)."""

    def notice(self, found: int) -> str:
        here = self.tr("Nothing found here.")
        whole = self.tr("The whole library has %n results:", "", found)
        show = self.tr("show them")  # apart: lupdate reads no call inside an f-string
        return f'{here} {whole} <a href="everywhere">{show}</a>.'


def everywhere_notice(found: int) -> str:
    """A query that found nothing in a narrowed scope: how many the whole library has, with
    the link that shows them."""
    return _Everywhere().notice(found)


def notice_for(outcome: SearchOutcome, scope: str) -> str:
    """What to say about ``outcome`` (rich text with links), or nothing."""
    suggestion = outcome.suggestion
    if suggestion and outcome.corrected:
        return QCoreApplication.translate(
            "MainWindow", 'Showing results for <a href="q:{0}">{0}</a>.'
        ).format(suggestion)
    if suggestion:
        return QCoreApplication.translate(
            "MainWindow", 'Did you mean <a href="q:{0}">{0}</a>?'
        ).format(suggestion)
    if outcome.unmatched and outcome.rows:
        words = "</b>, <b>".join(html.escape(w) for w in outcome.unmatched)
        return QCoreApplication.translate(
            "MainWindow",
            "No resource has every word: nothing has <b>{0}</b>, so these results have the"
            " other words.",
        ).format(words)
    if not outcome.rows and outcome.query.strip() and outcome.everywhere:
        return everywhere_notice(outcome.everywhere)
    if not outcome.rows and outcome.query.strip() and outcome.everywhere == 0:
        return QCoreApplication.translate(
            "MainWindow", "Nothing found, here or in the whole library. Try fewer or other words."
        )
    if not outcome.rows and outcome.query.strip():
        return QCoreApplication.translate(
            "MainWindow", "Nothing found. Try fewer or other words, or clear the filters."
        )
    if not outcome.rows and outcome.browsing:
        if scope == "favorites":
            return QCoreApplication.translate(
                "MainWindow", "No favorites yet: use “Add to favorites” on a resource."
            )
        if scope == "recent":
            return QCoreApplication.translate(
                "MainWindow", "Resources you open will be listed here."
            )
        if scope == "new":
            return QCoreApplication.translate(
                "MainWindow", "After a sync, new and updated resources are listed here."
            )
        return QCoreApplication.translate("MainWindow", "No resources match these filters.")
    return ""
