"""The library to and from a USB drive or a share, from the window: what ``export-bundle`` and
``import-bundle`` do on the command line, in the background with progress and Cancel. The
folder written is a published catalog's layout, so another laptop checks the statewide
signature and every file as it would from the server."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from resources_index.library.bundle import ExportReport, export_bundle
from resources_index.library.installing import InstallReport
from resources_index.library.library import Library
from sop_desktop.labels import size_text
from sop_desktop.progress_dialog import run_with_progress
from sop_desktop.start_folder import start_folder
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.notifier import Notifier

#: The folder made on the drive chosen (a drive's top folder is rarely empty).
BUNDLE_FOLDER = "SOP Desktop library"


class LibraryTransfer(QObject):
    """File › Copy the library to a drive…, File › Import a library from a drive…"""

    def __init__(
        self, library: Library, events: LibraryEvents, notifier: Notifier, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.library = library
        self.events = events
        self.notifier = notifier

    def ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget,
            self.tr("Copy the library to which drive or folder?"),
            start_folder(),
        )
        if folder:
            self.export_to(Path(folder) / BUNDLE_FOLDER)

    def export_to(self, out: Path) -> None:
        """Copy the library's catalog and files to ``out`` (only what is new there)."""
        self._run(
            self.tr("Copying the library to {0}…").format(out),
            self.tr("Copy cancelled; the folder holds no new catalog."),
            self._exported,
            export_bundle,
            self.library,
            out,
        )

    def _exported(self, report: ExportReport) -> None:
        """Said in a message that is read whole (a status line cut it), and true: the
        catalog's own search index, which a laptop keeps unpacked, is not a file left out (the
        other laptop builds its index from the library)."""
        manifest = self.library.current()
        index = manifest.search_index if manifest else None
        left_out = [name for name in report.not_local if index is None or name != index.name]
        said = self.tr(
            "Library copied to {0}: {1} files ({2}). On another laptop, use File › Import a"
            " library from a drive."
        ).format(report.folder, report.objects_copied, size_text(report.bytes_copied))
        if left_out:
            said += " " + self.tr(
                "%n files are not on this laptop and were left out; the other laptop downloads"
                " them when they are opened.",
                "",
                len(left_out),
            )
        self.notifier.message(said, "\n".join(left_out), self.tr("Library copied"))

    def ask_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Import the library from which folder?"), start_folder()
        )
        if folder:
            self.import_from(_bundle_in(Path(folder)))

    def import_from(self, folder: Path) -> None:
        self._run(
            self.tr("Importing…"),
            self.tr("Import cancelled; the library was not changed."),
            self._imported,
            self.library.import_bundle,
            folder,
            (),
        )

    def _run(self, label: str, cancelled: str, done: Callable[[Any], None], *work: Any) -> None:
        """``work`` (a function and its arguments) in the background, with progress and Cancel;
        an error is shown, a cancel said on the status bar."""
        run_with_progress(
            self.parent_widget,
            label,
            *work,
            on_done=done,
            on_error=lambda sentence, details: self.notifier.error(sentence, details),
            on_cancelled=lambda: self.notifier.status(cancelled),
        )

    def _imported(self, report: InstallReport) -> None:
        if report.already_current:
            said = self.tr("Already up to date (catalog version {0}).").format(report.version)
        else:
            said = self.tr("Catalog version {0} imported: {1} new, {2} updated, {3} removed.")
            said = said.format(
                report.version, len(report.added), len(report.changed), len(report.removed)
            )
        self.notifier.status(said)
        self.events.catalog_changed.emit()


def _bundle_in(folder: Path) -> Path:
    """The drive chosen, or the library folder this program made on it."""
    inner = folder / BUNDLE_FOLDER
    return inner if not (folder / "catalog.json").is_file() and inner.is_dir() else folder
