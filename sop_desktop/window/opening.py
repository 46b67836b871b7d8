"""Opening a resource: inside the program (PDF, video), or a named copy handed to the system's
program; saving a copy. Files not on this laptop yet are offered for download first; copies are
made in the background, with progress and Cancel when they take a while."""

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from resources_index.catalog.language import detect_language
from resources_index.catalog.records import FileEntry, Resource
from resources_index.library.library import Library
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.labels import size_text
from sop_desktop.progress_dialog import run_with_progress
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.notifier import Notifier

if TYPE_CHECKING:
    from resources_index.search.result_row import ResultRow
    from sop_desktop.viewers.viewer_window import ViewerWindow

# Download a resource's files, then do something (open it, save it).
FetchThen = Callable[[str, Callable[[], None]], None]


_MARKED = re.compile(r"<b>(.*?)</b>")


class Opener(QObject):
    """Opens and copies the window's resources; keeps one viewer window per resource.

    ``fetch_then`` downloads what is not on this laptop yet; ``shown`` gives the results on
    screen and the words typed (a document's find box starts with them); each resource used
    is said on ``events``; ``ui_state`` remembers the folder copies were saved to."""

    def __init__(
        self,
        library: Library,
        events: LibraryEvents,
        notifier: Notifier,
        fetch_then: FetchThen,
        shown: "Callable[[], tuple[list[ResultRow], str]]",
        ui_state: QSettings,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.library = library
        self.events = events
        self.notifier = notifier
        self.fetch_then = fetch_then
        self.shown = shown
        self.ui_state = ui_state
        self.viewers: dict[str, ViewerWindow] = {}

    def open_resource(
        self, resource: Resource, location: dict[str, Any] | None = None, find: str | None = None
    ) -> None:
        """Open inside (PDF, video) or with the system's program; offer to download first.
        ``find`` starts the document's find box (None: from the search shown)."""
        if not self.when_local(resource, lambda: self.open_resource(resource, location, find)):
            return
        from sop_desktop.viewers.viewer_window import (  # QtPdf, QtMultimedia
            ViewerWindow,
            viewable_inside,
        )

        self.library.state.record_viewed(resource.id)
        self.events.resource_used.emit("opened", resource)
        if not viewable_inside(resource):
            self._hand_over(resource)
            return
        viewer = self.viewers.get(resource.id)
        if viewer is None:
            viewer = ViewerWindow(self.library, resource)
            viewer.destroyed.connect(lambda _=None, rid=resource.id: self.viewers.pop(rid, None))
            self.viewers[resource.id] = viewer
        captions = (location or {}).get("language") or reader_language()
        words = self._find_words(resource) if find is None else find
        viewer.show_at(location, words, captions)
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()

    def _hand_over(self, resource: Resource) -> None:
        """A named copy (made in the background) opened by the system's program."""
        main = resource.main

        def opened(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.notifier.error(
                    self.tr("No program on this laptop opens “{0}”.").format(main.name), str(path)
                )

        run_with_progress(
            self.parent_widget,
            self.tr("Preparing “{0}”…").format(resource.title),
            self.library.named_copy,
            main,
            on_done=opened,
            on_error=lambda sentence, details: self.notifier.error(sentence, details),
        )

    def when_local(
        self, resource: Resource, then: Callable[[], None], entry: FileEntry | None = None
    ) -> bool:
        """True when the resource's file (``entry``; by default the one shown) is on this
        laptop; otherwise offer to download the resource, and do ``then`` once it has arrived."""
        main = entry or resource.shown
        if self.library.store.has(main.sha256, main.size):
            return True
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Not on this laptop yet"),
            self.tr(
                "“{0}” is not on this laptop yet ({1}). Download it now? You need to be online."
            ).format(resource.title, size_text(main.size)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.fetch_then(resource.id, then)
        return False

    def save_copy(
        self, resource: Resource, target: Path | None = None, entry: FileEntry | None = None
    ) -> None:
        """Save the resource's file where the user chooses (to print it, e-mail it, or put it
        on a USB drive for a family), checked on the way, in the background. The original is
        offered first; an office document's PDF copy is the second file type offered."""
        main = entry or resource.main
        if not self.when_local(resource, lambda: self.save_copy(resource, target, entry), main):
            return
        ui_state = self.ui_state
        if target is None:
            start = ui_state.value("save_folder") or str(Path.home())
            choices = {self._file_type(main): main}
            rendition = resource.file("rendition")
            if rendition is not None and entry is None:
                choices[self.tr("PDF copy (*.pdf)")] = rendition
            chosen, kind = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Save a copy"),
                str(Path(str(start)) / Path(main.name).name),
                ";;".join(choices),
            )
            if not chosen:
                return
            if choices.get(kind, main) is not main:
                self.save_copy(resource, Path(chosen).with_suffix(".pdf"), choices[kind])
                return
            target = Path(chosen)

        def saved(path: Path) -> None:
            self.events.resource_used.emit("saved", resource)
            ui_state.setValue("save_folder", str(path.parent))
            self.notifier.status(self.tr("Saved a copy as {0}").format(path))

        run_with_progress(
            self.parent_widget,
            self.tr("Saving a copy of “{0}”…").format(resource.title),
            self.library.save_copy,
            main,
            target,
            on_done=saved,
            on_error=lambda sentence, details: self.notifier.error(
                sentence, details, self.tr("The copy was not saved")
            ),
            on_cancelled=lambda: self.notifier.status(self.tr("The copy was not saved.")),
        )

    def print_resource(self, resource: Resource) -> None:
        """Print for a family: with its other-language version, or in large print."""
        from sop_desktop.dialogs.print_dialog import ask_and_print_resource  # QtPrintSupport

        printed = ask_and_print_resource(
            self.parent_widget, self.library, resource, self.notifier.status
        )
        for each in printed:
            self.events.resource_used.emit("printed", each)

    def _file_type(self, entry: FileEntry) -> str:
        """A file dialog's type filter for ``entry``: "DOCX files (*.docx)"."""
        suffix = Path(entry.name).suffix
        return self.tr("{0} files (*{1})").format(suffix.lstrip(".").upper(), suffix)

    def _find_words(self, resource: Resource) -> str:
        """What the document's find box starts with: the first word the search marked in this
        resource's own passage (a Spanish document found from English words holds Spanish
        ones), else the first word typed when the document is in the query's language; else
        nothing, rather than a word the document does not have."""
        rows, typed = self.shown()
        for row in rows:
            if row.resource.id == resource.id:
                marked = _MARKED.search(row.snippet)
                if marked:
                    return html.unescape(marked.group(1)).lower()
        text = typed.strip().strip('"')
        if not text:
            return ""
        if (detect_language(text, minimum_hits=1) or reader_language()) != resource.language:
            return ""
        return text.split()[0]

    def close_viewers(self) -> None:
        for viewer in list(self.viewers.values()):
            viewer.close()
