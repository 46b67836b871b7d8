"""The Kits tab: a trainer's session kits and the curated ones, edited and presented.

Items are reordered by drag and drop or with Ctrl+Up / Ctrl+Down, removed with Delete; each
has a note (what to say) and where it opens when presented (a page of a PDF, a time in a
video). Every kit shows whether it is ready to present with no connection, and what is missing
if not.

Longer than 400 lines for now: the kit list, its items and the fixed action bar share one
selection; splitting them waits on the window's event wiring.
"""

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.model import CuratedKit, KitItem, Manifest
from resources_index.catalog.positions import is_paged, is_timed, parse_start, start_of, start_text
from resources_index.catalog.records import Resource
from resources_index.library.kits import Kit, KitStore, readiness
from resources_index.library.library import Library
from sop_desktop.accessible import caption
from sop_desktop.controllers.search_controller import reader_language
from sop_desktop.error_sentences import say
from sop_desktop.labels import size_text
from sop_desktop.panels.button_grid import ButtonGrid
from sop_desktop.panels.kit_labels import item_label
from sop_desktop.panels.kit_transfer import KitTransfer
from sop_desktop.scrolling import scrolling
from sop_desktop.window.notifier import confirm

KIT_ROLE = Qt.ItemDataRole.UserRole + 1


def in_reading_order(manifest: Manifest) -> list[CuratedKit]:
    """The catalog's kits, those in the interface's language first (as the search ranks
    resources): the English interface opens on the English kit."""
    reader = reader_language()

    def foreign(kit: CuratedKit) -> bool:
        languages = [
            manifest.by_id[item.resource_id].language
            for item in kit.items
            if item.resource_id in manifest.by_id
        ]
        return max(set(languages), key=languages.count, default=reader) != reader

    return sorted(manifest.kits, key=foreign)


class KitsPanel(QWidget):
    """Emits ``present_requested`` (items) and ``offline_requested`` (resource ids)."""

    present_requested = Signal(list, int)  # the items, and the one to start at
    offline_requested = Signal(list)
    message = Signal(str)

    def __init__(
        self,
        library: Library,
        chosen_resource: Callable[[], Resource | None],
        parent: QWidget | None = None,
        chosen_location: Callable[[], dict[str, Any] | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.transfer = KitTransfer(self)
        self.store = KitStore(library)
        self.chosen_resource = chosen_resource
        self.chosen_location = chosen_location
        self.kit: Kit | CuratedKit | None = None

        self.kit_list = QListWidget(self)
        self.kit_list.setAccessibleName(self.tr("Session kits"))
        self.kit_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.kit_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kit_list.currentItemChanged.connect(lambda *_: self._kit_chosen())
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("Items of the kit"))
        self.items.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        # Long labels wrap at a word, so the title and where it opens are both read whole.
        self.items.setWordWrap(True)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.model().rowsMoved.connect(lambda *_: self._order_changed())
        self.items.currentRowChanged.connect(lambda _: self._item_chosen())
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Note for this item"))
        self.note.setPlaceholderText(self.tr("What to say at this point…"))
        self.note.setMaximumHeight(self.fontMetrics().height() * 5)
        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(400)
        self.note_timer.timeout.connect(self._save_note)
        self.note.textChanged.connect(self.note_timer.start)
        self.start_label = QLabel(self.tr("Opens at:"), self)
        self.start = QLineEdit(self)
        self.start.setAccessibleName(self.tr("Where the item opens when presented"))
        self.start_label.setBuddy(self.start)
        self.start.setMaxLength(12)
        self.start.editingFinished.connect(self._save_start)
        self.state = QLabel(self)
        caption(self.state, self.tr("Ready to present"))
        self.state.setWordWrap(True)

        buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", self.tr("New"), self.ask_new),
            ("rename", self.tr("Rename"), self.ask_rename),
            ("duplicate", self.tr("Duplicate"), self.duplicate),
            ("delete", self.tr("Delete"), self.delete),
            ("import", self.tr("Import…"), self.ask_import),
            ("add", self.tr("Add the chosen resource"), self.add_chosen),
            ("remove", self.tr("Remove item"), self.remove_item),
            ("offline", self.tr("Make kit available offline"), self.make_offline),
            ("export", self.tr("Export…"), self.ask_export),
            ("present", self.tr("Present"), self.present),
            ("print", self.tr("Print…"), self.transfer.ask_print),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(slot)
            buttons[key] = button
        self.buttons = buttons

        body = QWidget(self)  # scrolls: the window fits a small screen at 200 %
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        lines = self.fontMetrics().lineSpacing()
        # Neither list ever shrinks to a strip while the panel scrolls: a few kits, and two
        # or three items whole (their labels wrap).
        self.kit_list.setMinimumHeight(lines * 3 + 8)
        self.kit_list.setMaximumHeight(lines * 6 + 8)  # the room goes to the items
        self.items.setMinimumHeight(lines * 6 + 8)
        layout.addWidget(self.kit_list, 1)
        kit_keys = ("new", "rename", "duplicate", "delete", "import")
        layout.addWidget(ButtonGrid([buttons[key] for key in kit_keys], 3, body))
        layout.addWidget(self.items, 3)
        layout.addWidget(self.note)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_label)
        start_row.addWidget(self.start, 1)
        layout.addLayout(start_row)
        layout.addWidget(self.state)
        item_keys = ("add", "remove", "offline")
        layout.addWidget(ButtonGrid([buttons[key] for key in item_keys], 2, body))
        outer.addWidget(scrolling(body, self), 1)
        # What a trainer came for stays in sight below the scrolling part, at any scale.
        kit_actions = ("present", "export", "print")
        self.actions_bar = ButtonGrid([buttons[key] for key in kit_actions], 3, self)
        outer.addWidget(self.actions_bar)

        for keys, action in (
            ("Ctrl+Up", lambda: self.move_item(-1)),
            ("Ctrl+Down", lambda: self.move_item(1)),
            (QKeySequence.StandardKey.Delete, self.remove_item),
        ):
            QShortcut(keys, self.items, action, context=Qt.ShortcutContext.WidgetShortcut)
        self._kit_chosen()  # empty until ``reload``: the window fills it once the catalog is read

    # -- the list of kits --------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        current = select or (self.kit.id if self.kit else None)
        self.kit_list.blockSignals(True)
        self.kit_list.clear()
        for kit in self.store.all():
            entry = QListWidgetItem(kit.name, self.kit_list)
            entry.setToolTip(kit.name)
            entry.setData(KIT_ROLE, kit)
        manifest = self.library.current()
        for curated in in_reading_order(manifest) if manifest else ():
            entry = QListWidgetItem(self.tr("{0} (from the catalog)").format(curated.name))
            entry.setToolTip("\n\n".join(filter(None, (curated.name, curated.description))))
            font = entry.font()
            font.setItalic(True)  # read-only, from the catalog: told apart even when elided
            entry.setFont(font)
            entry.setData(KIT_ROLE, curated)
            self.kit_list.addItem(entry)
        self.kit_list.blockSignals(False)
        rows = [self.kit_list.item(i).data(KIT_ROLE).id for i in range(self.kit_list.count())]
        self.kit_list.setCurrentRow(rows.index(current) if current in rows else 0)
        self._kit_chosen()

    def _kit_chosen(self) -> None:
        entry = self.kit_list.currentItem()
        self.kit = entry.data(KIT_ROLE) if entry else None
        editable = isinstance(self.kit, Kit)
        for key in ("rename", "delete", "add", "remove"):
            self.buttons[key].setEnabled(editable)
        copy = self.tr("Duplicate") if editable or self.kit is None else self.tr("Copy to my kits")
        self.buttons["duplicate"].setText(copy)
        self.buttons["duplicate"].setAccessibleName(copy)  # heard as it reads
        self.buttons["duplicate"].setEnabled(self.kit is not None)
        self.items.setDragDropMode(
            QListWidget.DragDropMode.InternalMove
            if editable
            else QListWidget.DragDropMode.NoDragDrop
        )
        self.note.setReadOnly(not editable)
        self._fill_items()

    def _fill_items(self, row: int = 0) -> None:
        # No kit, no catalog read: at start-up this runs before the catalog is loaded.
        manifest = self.library.current() if self.kit and self.kit.items else None
        self.items.blockSignals(True)
        self.items.clear()
        for position, item in enumerate(self.kit.items if self.kit else ()):
            resource = manifest.by_id.get(item.resource_id) if manifest else None
            entry = QListWidgetItem(self.items)
            self._label(entry, position, item, resource)
        self.items.blockSignals(False)
        if self.items.count():
            self.items.setCurrentRow(min(row, self.items.count() - 1))
        self._item_chosen()
        self.refresh_state()

    def refresh_state(self) -> None:
        for key in ("offline", "export", "present", "print"):  # nothing to do with an empty kit
            self.buttons[key].setEnabled(self.kit is not None and bool(self.kit.items))
        if self.kit is None:
            self.state.setText(self.tr("Make a kit with New, then add resources to it."))
            return
        if not self.kit.items:
            self.state.setText(
                self.tr(
                    "This kit is empty: choose a resource in the results, then “Add the chosen"
                    " resource”."
                )
            )
            self.state.setToolTip("")
            return
        ready = readiness(self.library, self.kit.items)
        if ready.ready:
            self.state.setText(self.tr("✓ Ready to present offline"))
        else:
            self.state.setText(
                self.tr(
                    "Not ready: %n files missing ({0})", "", len(ready.missing) + len(ready.unknown)
                ).format(size_text(ready.missing_bytes))
            )
        self.state.setToolTip("\n".join(say(words) for words in ready.words()))

    # -- editing -----------------------------------------------------------------------------

    def ask_new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New kit"), self.tr("Name of the kit:"))
        if ok and name.strip():
            self.new_kit(name)

    def new_kit(self, name: str) -> Kit:
        kit = self.store.create(name)
        self.reload(kit.id)
        return kit

    def ask_rename(self) -> None:
        if isinstance(self.kit, Kit):
            name, ok = QInputDialog.getText(
                self, self.tr("Rename kit"), self.tr("Name of the kit:"), text=self.kit.name
            )
            if ok and name.strip():
                self.rename(name)

    def rename(self, name: str) -> None:
        if isinstance(self.kit, Kit):
            self.store.rename(self.kit, name)
            self.reload(self.kit.id)

    def duplicate(self) -> None:
        if isinstance(self.kit, Kit):
            copy = self.store.duplicate(self.kit, self.tr("{0} (copy)").format(self.kit.name))
        elif isinstance(self.kit, CuratedKit):
            copy = self.store.copy_curated(self.kit)
        else:
            return
        self.reload(copy.id)

    def delete(self) -> None:
        sentence = self.tr("Delete the kit “{0}”? This cannot be undone.")
        if isinstance(self.kit, Kit) and confirm(self, sentence.format(self.kit.name)):
            self.store.delete(self.kit)
            self.kit = None
            self.reload()

    def add_chosen(self) -> None:
        resource = self.chosen_resource()
        if isinstance(self.kit, Kit) and resource is not None:
            start = start_of(resource, self.chosen_location())
            self.kit.items.append(KitItem(resource.id, "", start))
            self.store.save(self.kit)
            self._fill_items(len(self.kit.items) - 1)

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if isinstance(self.kit, Kit) and 0 <= row < len(self.kit.items):
            del self.kit.items[row]
            self.store.save(self.kit)
            self._fill_items(row)

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        if isinstance(self.kit, Kit) and 0 <= row + step < len(self.kit.items):
            self.store.move(self.kit, row, row + step)
            self._fill_items(row + step)

    def _order_changed(self) -> None:
        """After a drag and drop: take the order the list now shows."""
        if isinstance(self.kit, Kit):
            self.kit.items = [self.items.item(i).data(KIT_ROLE) for i in range(self.items.count())]
            self.store.save(self.kit)
            self._fill_items(self.items.currentRow())

    def _item_chosen(self) -> None:
        entry = self.items.currentItem()
        item: KitItem | None = entry.data(KIT_ROLE) if entry else None
        self.note.blockSignals(True)
        self.note.setPlainText(item.note if item else "")
        self.note.blockSignals(False)
        resource = self._resource(item)
        pages = resource is not None and is_paged(resource)
        timed = resource is not None and is_timed(resource)
        self.start.setText(start_text(item.start, timed) if item and (pages or timed) else "")
        self.start.setPlaceholderText(
            self.tr("a time, such as 3:20")
            if timed
            else self.tr("a page, such as 5")
            if pages
            else self.tr("the beginning")
        )
        self.start.setEnabled(isinstance(self.kit, Kit) and (pages or timed))

    def _resource(self, item: KitItem | None) -> Resource | None:
        manifest = self.library.current() if item else None
        return manifest.by_id.get(item.resource_id) if manifest and item else None

    def _label(
        self, entry: QListWidgetItem, row: int, item: KitItem, resource: Resource | None
    ) -> None:
        text = item_label(row, item, resource)
        entry.setText(text)
        entry.setToolTip(text.split(". ", 1)[-1])
        entry.setData(KIT_ROLE, item)

    def _replace_item(self, row: int, item: KitItem) -> None:
        assert isinstance(self.kit, Kit)
        self.kit.items[row] = item
        self.store.save(self.kit)
        self._label(self.items.item(row), row, item, self._resource(item))

    def _save_note(self) -> None:
        row = self.items.currentRow()
        if isinstance(self.kit, Kit) and 0 <= row < len(self.kit.items):
            note = self.note.toPlainText().strip()
            self._replace_item(row, dataclasses.replace(self.kit.items[row], note=note))

    def _save_start(self) -> None:
        row = self.items.currentRow()
        if not isinstance(self.kit, Kit) or not 0 <= row < len(self.kit.items):
            return
        item = self.kit.items[row]
        resource = self._resource(item)
        timed = resource is not None and is_timed(resource)
        try:
            start = parse_start(self.start.text(), timed)
        except ValueError:
            self.message.emit(
                self.tr("“{0}” is not a time such as 3:20.").format(self.start.text())
                if timed
                else self.tr("“{0}” is not a page number.").format(self.start.text())
            )
            self.start.setText(start_text(item.start, timed))
            return
        self.start.setText(start_text(start, timed))
        if start != item.start:
            self._replace_item(row, dataclasses.replace(item, start=start))

    # -- offline, export, import, present ---------------------------------------------------

    def make_offline(self) -> None:
        if self.kit is not None:
            self.offline_requested.emit([i.resource_id for i in self.kit.items])

    def ask_export(self) -> None:
        self.transfer.ask_export()

    def export(self, path: Path) -> None:
        self.transfer.export(path)

    def ask_import(self) -> None:
        self.transfer.ask_import()

    def import_from(self, path: Path) -> None:
        self.transfer.import_from(path)

    def present(self) -> None:
        if self.kit is not None and self.kit.items:
            self.present_requested.emit(list(self.kit.items), max(0, self.items.currentRow()))
