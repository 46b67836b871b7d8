"""Presenting a kit full screen: refused with the list of what is missing when it is not all on
this laptop; on the screen the audience sees (asked when there are several)."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QInputDialog, QWidget

from resources_index.catalog.model import KitItem
from resources_index.catalog.positions import start_of
from resources_index.catalog.records import Resource
from resources_index.library.kits import readiness
from resources_index.library.library import Library
from sop_desktop.error_sentences import say
from sop_desktop.labels import size_text
from sop_desktop.window.library_events import LibraryEvents
from sop_desktop.window.notifier import Notifier

if TYPE_CHECKING:
    from sop_desktop.viewers.presenter import Presentation


class Presenting(QObject):
    """Starts presentations from ``parent``'s window; keeps the one running."""

    def __init__(
        self, library: Library, events: LibraryEvents, notifier: Notifier, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.library = library
        self.events = events
        self.notifier = notifier
        self.presentation: Presentation | None = None

    def present(
        self, items: list[KitItem], first: int = 0, captions: str = ""
    ) -> "Presentation | None":
        """Present ``items`` full screen (on a second screen when there is one), from item
        ``first``, a video with ``captions`` first when it has them; a kit with a file
        missing is refused first, with the list of what is missing."""
        from sop_desktop.viewers.presenter import Presentation, Slide

        library = self.library
        ready = readiness(library, items)
        if not ready.ready:
            missing = [say(words) for words in ready.words()]
            self.notifier.error(
                self.tr(
                    "This kit is not fully on this laptop, so it cannot be presented offline:"
                    " {0} files are missing ({1}). Use “Make kit available offline” first.\n\n{2}"
                ).format(len(missing), size_text(ready.missing_bytes), "\n".join(missing[:5])),
                "\n".join(missing),
                self.tr("Not ready to present"),
            )
            return None
        manifest = library.current()
        assert manifest is not None
        slides = [Slide(item, manifest.by_id[item.resource_id], captions) for item in items]
        projector = self.choose_screen()
        if projector is None:
            return None
        for slide in slides:
            self.events.resource_used.emit("presented", slide.resource)
        self.presentation = Presentation(library, slides, projector)
        self.presentation.start(first)
        return self.presentation

    def choose_screen(self) -> QScreen | None:
        """The screen the audience sees: asked when there are several (the projector is
        offered first), this one otherwise."""
        screens = QGuiApplication.screens()
        own = self.parent_widget.screen()
        if len(screens) < 2:
            return own
        ordered = sorted(screens, key=lambda s: s is own)
        names = [f"{s.name()} ({s.geometry().width()}×{s.geometry().height()})" for s in ordered]
        choice, ok = QInputDialog.getItem(
            self.parent_widget,
            self.tr("Present on which screen?"),
            self.tr("Screen the audience sees:"),
            names,
            0,
            False,
        )
        return ordered[names.index(choice)] if ok else None

    def present_hit(self, resource: Resource, location: dict[str, Any] | None) -> None:
        """Present one resource from a search hit: at the hit's page or caption time, with
        the captions of the language its words were found in."""
        item = KitItem(resource.id, start=start_of(resource, location))
        self.present([item], captions=str((location or {}).get("language") or ""))
