"""The status bar: the network, the catalog version, the last sync, and a job's progress with
Cancel while a sync or a download runs."""

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from resources_index.catalog.times import parse_time
from resources_index.errors import CatalogError, ResourcesError, Words
from resources_index.library.library import Library
from resources_index.sync.schedule import last_attempt
from sop_desktop.accessible import caption
from sop_desktop.dates import day_text, moment_text
from sop_desktop.error_sentences import describe, say
from sop_desktop.fonts import enlarged
from sop_desktop.labels import size_text

if TYPE_CHECKING:
    from resources_index.sync.report import SyncProgress


#: Why a catalog cannot be read that is about trust, not damage.
UNTRUSTED_KINDS = frozenset(
    {"library.key_withdrawn", "catalog.untrusted_key", "library.state_key_lost"}
)


class StatusArea(QObject):
    """The permanent widgets of the window's status bar."""

    damaged = Signal(str)  # the library's catalog cannot be read: the sentence to show

    def __init__(self, window: QMainWindow, library: Library) -> None:
        super().__init__(window)
        self.library = library
        bar = self.bar = window.statusBar()
        self.progress = QProgressBar(window)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress_label = QLabel(window)
        caption(self.progress_label, self.tr("Download progress details"))
        self.cancel_button = QPushButton(self.tr("Cancel"), window)
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
            bar.addPermanentWidget(widget)
        self.network_label = QLabel(window)
        caption(self.network_label, self.tr("Network"))
        self.catalog_label = QLabel(window)
        caption(self.catalog_label, self.tr("Catalog version"))
        self.last_sync_label = QLabel(window)
        caption(self.last_sync_label, self.tr("Last sync"))
        # A policy file that cannot be used: a short sentence that stays (a sync's messages
        # come and go beside it); which file, which line and what applies in its tooltip and
        # its description, the parser's own words only in the log and doctor.
        self.policy_label = QLabel(window)
        caption(self.policy_label, self.tr("Policy"))
        self.policy_label.setFont(enlarged(self.policy_label.font(), 1, bold=True))
        self.policy_label.hide()
        for widget in (
            self.policy_label,
            self.network_label,
            self.catalog_label,
            self.last_sync_label,
        ):
            bar.addPermanentWidget(widget)
        self.network = None
        if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            self.network = QNetworkInformation.instance()
            self.network.reachabilityChanged.connect(lambda _: self.show_network())
        self.show_network()

    def show_network(self) -> None:
        """What is known of the way to the sync server: none set, or no network at all as the
        system sees it. A network the system calls online says nothing about the server (a
        wrong address, a firewall), so it is not shown as "Online": the last sync says what
        is known of the server."""
        if not self.library.settings().server_url:
            self.network_label.setText(self.tr("No sync server"))
            self.network_label.setToolTip(
                self.tr("Set the address of your sync server in Settings to get updates.")
            )
            self.network_label.show()
            return
        reach = (
            self.network.reachability()
            if self.network is not None
            else QNetworkInformation.Reachability.Unknown
        )
        offline = reach == QNetworkInformation.Reachability.Disconnected
        self.network_label.setText(self.tr("○ No network") if offline else "")
        self.network_label.setToolTip(
            self.tr("This laptop is not connected to a network: the library works offline.")
            if offline
            else ""
        )
        self.network_label.setVisible(offline)

    def show_catalog_facts(self) -> None:
        try:
            manifest = self.library.current()
        except ResourcesError as exc:
            # A key withdrawn on purpose is no damage: the label says which it is.
            untrusted = getattr(exc, "kind", "") in UNTRUSTED_KINDS
            self.catalog_label.setText(
                self.tr("Catalog's key not trusted") if untrusted else self.tr("Library damaged")
            )
            self.damaged.emit(describe(exc))
            return
        if manifest is None:
            self.catalog_label.setText(self.tr("No catalog"))
            self.catalog_label.setToolTip("")
        else:
            # A person reads the day the catalog was published; its version number (what a
            # help desk asks for) is in the tooltip and the description a screen reader gives.
            self.catalog_label.setText(
                self.tr("Catalog of {0}").format(date_shown(manifest.created))
            )
            details = self.tr("Catalog version {0}, published {1}").format(
                manifest.version, moment_shown(manifest.created)
            )
            self.catalog_label.setToolTip(details)
            self.catalog_label.setAccessibleDescription(details)
        self.show_network()
        self.show_last_sync()
        self.show_policy()

    def show_policy(self) -> None:
        """Whether the machine's policy file can be used; while it cannot, a short sentence
        that stays, the whole of it a hover or a screen reader away."""
        unusable = self.library.policy.unusable
        if unusable is None:
            self.policy_label.hide()
            return
        read_at = _time(unusable.params.get("read_at"))
        if read_at is not None:  # when the kept policy was read, as the interface writes it
            unusable = Words(unusable.kind, **{**unusable.params, "read_at": moment_shown(read_at)})
        whole = say(unusable)  # which file, which line, what applies meanwhile
        if unusable.kind == "policy.faulty_kept":  # read, but with problems: each is named
            problems = self.library.policy.problems[1:]
            whole = "\n".join([whole, *(say(p) for p in problems)])
            self.policy_label.setText(self.tr("The policy file has problems."))
        else:
            self.policy_label.setText(self.tr("The policy file cannot be used."))
        self.policy_label.setToolTip(whole)
        self.policy_label.setAccessibleDescription(whole)
        self.policy_label.show()

    def show_last_sync(self) -> None:
        """What is known of syncing: never tried, the last sync that worked, and a later
        attempt that failed or was cancelled (both times shown)."""
        worked = _time(self.library.state.get("last_sync_at"))
        tried = last_attempt(self.library.root)
        if tried is not None and tried.failed and (worked is None or tried.at > worked):
            text = (
                self.tr("Sync cancelled {0}")
                if tried.outcome.startswith("cancel.")
                else self.tr("Last sync failed {0}")
            ).format(moment_shown(tried.at))
            before = (
                self.tr("last worked {0}").format(moment_shown(worked))
                if worked is not None
                else self.tr("no sync has worked yet")
            )
            self.last_sync_label.setText(self.tr("{0} · {1}").format(text, before))
        elif worked is not None:
            self.last_sync_label.setText(self.tr("Last sync {0}").format(moment_shown(worked)))
        elif self.library.settings().server_url:
            self.last_sync_label.setText(self.tr("Not synced yet"))
        else:
            self.last_sync_label.setText(self.tr("Never synced"))
        self.last_sync_label.setToolTip(self.last_sync_label.text())

    def show_indexing(self, done: int, total: int) -> None:
        """The search index is being built on this laptop (titles answer meanwhile)."""
        if done < total:
            self.bar.showMessage(
                self.tr("Preparing search: {0} of {1} resources indexed…").format(
                    f"{done:,}", f"{total:,}"
                )
            )
        else:
            self.bar.showMessage(self.tr("Search is ready."), 5000)

    def job_started(self, kind: str) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(
            self.tr("Syncing…") if kind == "sync" else self.tr("Downloading…")
        )
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()

    def job_progress(self, progress: "SyncProgress") -> None:
        if progress.bytes_total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * progress.bytes_done / progress.bytes_total))
        self.progress_label.setText(
            self.tr("{0} of {1} files · {2} of {3}").format(
                progress.files_done,
                progress.files_total,
                size_text(progress.bytes_done),
                size_text(progress.bytes_total),
            )
        )

    def job_ended(self) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()


def _time(value: str | None) -> datetime | None:
    """A time kept in the library's state (None when absent or unreadable)."""
    try:
        return parse_time(value, Words("when.last_sync"))
    except CatalogError:
        return None


def moment_shown(moment: datetime | None) -> str:
    """A date and time as the interface's language writes them, in local time."""
    return "" if moment is None else moment_text(moment)


def date_shown(moment: datetime) -> str:
    """A day as the interface's language writes it ("Dec 2, 2026", "2 dic 2026")."""
    return day_text(moment.astimezone().date())
