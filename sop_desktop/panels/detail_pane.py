"""The detail pane: everything about the selected resource, and what can be done with it."""

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.records import Resource
from resources_index.library.library import Library
from sop_desktop.accessible import caption
from sop_desktop.dates import written_day
from sop_desktop.fonts import enlarged
from sop_desktop.labels import label, language_in_sentence, size_text
from sop_desktop.panels.results_view import also_in


def _wrapping_label(parent: QWidget, what: str) -> QLabel:
    """A label showing content: read by its text, described as ``what`` ("Summary")."""
    widget = QLabel(parent)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    caption(widget, what)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return widget


class DetailPane(QScrollArea):
    """Shows one resource; emits what the user asks for."""

    open_requested = Signal(object, object)  # Resource, location or None
    favorite_toggled = Signal(object, bool)
    offline_requested = Signal(object)
    resource_linked = Signal(str)
    present_requested = Signal(object)  # Resource
    save_requested = Signal(object)  # Resource
    print_requested = Signal(object)  # Resource
    feedback_requested = Signal(object)  # Resource
    shown = Signal(object)  # the Resource now shown, or None

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.resource: Resource | None = None
        self.location: dict[str, Any] | None = None
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Details"))
        body = QWidget(self)
        self.setWidget(body)
        self.body = body  # what scrolls: the details, their buttons
        layout = QVBoxLayout(body)
        self.title = _wrapping_label(body, self.tr("Title"))
        self.title.setFont(enlarged(self.title.font(), 1.35, bold=True))
        self.facts = _wrapping_label(body, self.tr("Facts"))
        self.summary = _wrapping_label(body, self.tr("Summary"))
        self.topics = _wrapping_label(body, self.tr("Practice elements and audiences"))
        self.translations = _wrapping_label(body, self.tr("Other languages"))
        self.translations.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.translations.linkActivated.connect(lambda link: self.resource_linked.emit(link[4:]))
        self.files = _wrapping_label(body, self.tr("Files"))

        self.open_button = QPushButton(self.tr("&Open"), body)
        self.open_button.setAccessibleName(self.tr("Open"))
        self.open_button.clicked.connect(self._open)
        self.favorite_button = QPushButton(self.tr("Add to &favorites"), body)
        self.favorite_button.setAccessibleName(self.tr("Add to favorites"))
        self.favorite_button.setCheckable(True)
        self.favorite_button.clicked.connect(self._toggle_favorite)
        # Not "Save …": beside "Save a copy…" two buttons that both said "Guardar" in
        # Spanish were mistaken for each other.
        self.offline_button = QPushButton(self.tr("&Keep on laptop"), body)
        self.offline_button.setAccessibleName(self.tr("Keep on laptop"))
        self.offline_button.setToolTip(
            self.tr("Download it if needed and keep it here, to open it with no connection")
        )
        self.offline_button.clicked.connect(lambda: self.offline_requested.emit(self.resource))
        self.present_button = QPushButton(self.tr("&Present"), body)
        self.present_button.setAccessibleName(self.tr("Present full screen"))
        self.present_button.setToolTip(self.tr("Full screen on the screen the room sees"))
        self.present_button.clicked.connect(lambda: self.present_requested.emit(self.resource))
        self.save_button = QPushButton(self.tr("&Save a copy…"), body)
        self.save_button.setAccessibleName(self.tr("Save a copy"))
        self.save_button.setToolTip(self.tr("To print it, e-mail it or put it on a USB drive"))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.resource))
        self.print_button = QPushButton(self.tr("P&rint…"), body)
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setToolTip(
            self.tr("With its version in the other language, or in large print, for a family")
        )
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.resource))
        self.feedback_button = QPushButton(self.tr("Feed&back…"), body)
        self.feedback_button.setAccessibleName(self.tr("Feedback on this resource"))
        self.feedback_button.setToolTip(
            self.tr("Helpful, out of date, a broken file: tell the statewide team")
        )
        self.feedback_button.clicked.connect(lambda: self.feedback_requested.emit(self.resource))
        self.feedback_offered = False  # where usage reports are on (``offer_feedback``)
        self.action_buttons = (
            self.open_button,
            self.present_button,
            self.favorite_button,
            self.offline_button,
            self.save_button,
            self.print_button,
        )
        # Two by two, or one under the other when two do not fit (Spanish labels, large text):
        # the pane wraps, it never scrolls sideways.
        buttons = self.button_grid = QGridLayout()
        self.button_columns = 0
        self._arrange_buttons(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.placeholder = QLabel(self.tr("Choose a resource to see its details."), body)
        caption(self.placeholder, self.tr("No resource chosen"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        for widget in (self.title, self.facts, self.summary, self.topics, self.translations):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback_button, 0, Qt.AlignmentFlag.AlignLeft)
        files_heading = QLabel(self.tr("Files"), body)
        heading_font = files_heading.font()
        heading_font.setBold(True)
        files_heading.setFont(heading_font)
        self.files_heading = files_heading
        layout.addWidget(files_heading)
        layout.addWidget(self.files)
        layout.addWidget(self.placeholder)
        layout.addStretch(1)
        self.show_resource(None)

    def _arrange_buttons(self, columns: int) -> None:
        if columns == self.button_columns:
            return
        self.button_columns = columns
        for button in self.action_buttons:
            self.button_grid.removeWidget(button)
        for position, button in enumerate(self.action_buttons):
            self.button_grid.addWidget(button, position // columns, position % columns)
        self.button_grid.setColumnStretch(2, 1 if columns == 2 else 0)
        self.button_grid.setColumnStretch(1, 1 if columns == 1 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        widest = max(button.sizeHint().width() for button in self.action_buttons)
        room = self.viewport().width() - 2 * self.button_grid.spacing() - 24
        self._arrange_buttons(2 if room >= 2 * widest else 1)
        super().resizeEvent(event)

    def show_resource(
        self, resource: Resource | None, location: dict[str, Any] | None = None
    ) -> None:
        self.resource, self.location = resource, location
        shown = resource is not None
        for widget in (
            self.title,
            self.facts,
            self.summary,
            self.topics,
            self.translations,
            self.files,
            self.files_heading,
            *self.action_buttons,
        ):
            widget.setVisible(shown)
        self.placeholder.setVisible(not shown)
        self.feedback_button.setVisible(shown and self.feedback_offered)
        if resource is None:
            self.shown.emit(None)
            return
        self.title.setText(resource.title)
        facts = [label("type", resource.type)]
        if resource.publisher:
            facts.append(label("publisher", resource.publisher))
        facts.append(label("language", resource.language))
        if resource.updated:
            facts.append(self.tr("updated {0}").format(written_day(resource.updated)))
        self.facts.setText(" · ".join(facts))
        self.summary.setText(resource.summary)
        self.summary.setVisible(bool(resource.summary))
        topics = []
        if resource.practice_elements:
            names = ", ".join(label("practice_elements", v) for v in resource.practice_elements)
            topics.append(self.tr("Practice elements: {0}").format(names))
        if resource.audiences:
            names = ", ".join(label("audiences", v) for v in resource.audiences)
            topics.append(self.tr("For: {0}").format(names))
        self.topics.setText("\n".join(topics))
        self.topics.setVisible(bool(topics))
        self._show_translations(resource)
        self.refresh_state()  # the buttons and the files list
        self.shown.emit(resource)

    def _show_translations(self, resource: Resource) -> None:
        manifest = self.library.current()
        links = []
        for other_id in resource.translations:
            other = manifest.by_id.get(other_id) if manifest else None
            if other is None:
                continue
            lead = also_in(other.language)  # in the interface language, as the whole pane
            links.append(f'{lead}: <a href="res:{other.id}">{html.escape(other.title)}</a>')
        self.translations.setText("<br>".join(links))
        self.translations.setVisible(bool(links))

    def _show_files(self, resource: Resource) -> None:
        lines = []
        store = self.library.store
        role_names = {
            "main": self.tr("document"),
            "captions": self.tr("captions"),
            "text": self.tr("searchable text"),
            "thumbnail": self.tr("thumbnail"),
            "rendition": self.tr("PDF copy to read and print here"),
        }
        for entry in resource.files:
            here = store.has(entry.sha256, entry.size)
            where = self.tr("on this laptop") if here else self.tr("not downloaded yet")
            role = role_names.get(entry.role, entry.role)
            if entry.role == "main" and entry.media_type.startswith("video/"):
                role = self.tr("video")
            if entry.language:
                role += f" ({language_in_sentence(entry.language)})"
            name = html.escape(entry.name)
            for mark in "-_./":  # a long file name may wrap after these, never run off the pane
                name = name.replace(mark, mark + "\u200b")
            lines.append(f"{name} — {role}, {size_text(entry.size)}, {where}")
        self.files.setText("<br>".join(lines))

    def offer_feedback(self, offered: bool) -> None:
        """Whether "Feedback…" is offered (where usage reports are on: it travels with them)."""
        self.feedback_offered = offered

    def refresh_state(self) -> None:
        """Update the buttons after a favorite, a download or a sync."""
        resource = self.resource
        if resource is None:
            return
        favorite = resource.id in set(self.library.state.favorites())
        self.favorite_button.setChecked(favorite)
        text = self.tr("Remove from &favorites") if favorite else self.tr("Add to &favorites")
        self.favorite_button.setText(text)
        self.favorite_button.setAccessibleName(text.replace("&", ""))
        main = resource.main
        offline = self.library.store.has(main.sha256, main.size)
        kept = resource.id in self.library.state.kept_offline()
        self.offline_button.setEnabled(not (offline and kept))
        if offline and kept:
            self.offline_button.setText(self.tr("Kept on laptop"))
        elif offline:
            self.offline_button.setText(self.tr("&Keep on laptop"))
        else:
            self.offline_button.setText(
                self.tr("&Keep on laptop ({0})").format(size_text(main.size))
            )
        self.offline_button.setAccessibleName(self.offline_button.text().replace("&", ""))
        self._show_files(resource)

    def _open(self) -> None:
        if self.resource is not None:
            self.open_requested.emit(self.resource, self.location)

    def _toggle_favorite(self) -> None:
        if self.resource is not None:
            self.favorite_toggled.emit(self.resource, self.favorite_button.isChecked())
