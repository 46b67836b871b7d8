"""The settings dialog: server, downloads, storage, network, trusted keys, interface language
and appearance.

Settings an administrator locked are shown read-only with the reason in their tooltip. An
address that is not one is refused as it is typed, under its field; the appearance chosen is
shown at once (Cancel puts the previous one back).

Longer than 400 lines for now: one form of many sections that validate as typed; its sections
become parts of their own with the window's event wiring.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from resources_index.config.settings import (
    PROXY_SCHEMES,
    SERVER_SCHEMES,
    Settings,
    address_problem,
    completed_address,
)
from resources_index.errors import Words
from resources_index.library.library import Library
from resources_index.util.fsutil import tree_size
from sop_desktop.accessible import caption
from sop_desktop.appearance import apply_appearance
from sop_desktop.dialogs.trusted_keys import TrustedKeys
from sop_desktop.error_sentences import say
from sop_desktop.fonts import enlarged
from sop_desktop.labels import size_text
from sop_desktop.screen_fit import fit_to_screen
from sop_desktop.scrolling import scrolling
from sop_desktop.start_folder import start_folder

if TYPE_CHECKING:
    from sop_desktop.dialogs.report_view import ReportView


class SettingsDialog(QDialog):
    """Edits ``library``'s user settings; those the policy locks are shown read-only."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.library = library
        self.locked = library.policy.locked
        self.settings = library.settings()
        self.language_before = self.settings.interface_language

        self.server = QLineEdit(self.settings.server_url, self)
        self.server.setPlaceholderText("https://…/catalog/")
        self.server.setAccessibleName(self.tr("Server address"))
        self.download = QComboBox(self)
        self.download.setAccessibleName(self.tr("Download policy"))
        self.download.addItem(self.tr("Everything, whatever the size"), "everything")
        self.download.addItem(self.tr("Files up to the size limit"), "up_to_limit")
        self.download.addItem(self.tr("Only when opened"), "when_opened")
        self.download.setCurrentIndex(self.download.findData(self.settings.download_policy))
        self.limit = QSpinBox(self)
        self.limit.setAccessibleName(self.tr("Size limit in megabytes"))
        self.limit.setRange(0, 100_000)
        self.limit.setSuffix(" MB")
        self.limit.setValue(self.settings.download_limit_mb)
        self.download.currentIndexChanged.connect(self._policy_changed)
        self.proxy = QLineEdit(self.settings.proxy, self)
        self.proxy.setPlaceholderText(self.tr("As the system is set (leave empty)"))
        self.proxy.setAccessibleName(self.tr("Proxy"))
        self.ca_bundle = QLineEdit(self.settings.ca_bundle, self)
        self.ca_bundle.setPlaceholderText(self.tr("The system's certificates (leave empty)"))
        self.ca_bundle.setAccessibleName(self.tr("Certificate bundle"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose a certificate bundle"))
        self.browse_button.clicked.connect(self._choose_bundle)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.ca_bundle, 1)
        bundle_row.addWidget(self.browse_button)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("As the system (default)"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(self.language.findData(self.settings.interface_language))
        self.appearance = QComboBox(self)
        self.appearance.setAccessibleName(self.tr("Appearance"))
        self.appearance.addItem(self.tr("As the system (default)"), "")
        self.appearance.addItem(self.tr("Light"), "light")
        self.appearance.addItem(self.tr("Dark"), "dark")
        self.appearance.addItem(self.tr("High contrast"), "high_contrast")
        self.appearance.setCurrentIndex(self.appearance.findData(self.settings.appearance))

        self.storage = QLabel(self)
        caption(self.storage, self.tr("Storage location and usage"))
        self.storage.setWordWrap(True)
        self.storage.setText(
            self.tr("{0}\n{1} used").format(library.root, size_text(tree_size(library.root)))
        )
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setAccessibleName(self.tr("Open the library folder"))
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(library.root)))
        )
        storage_row = QHBoxLayout()
        storage_row.addWidget(self.storage, 1)
        storage_row.addWidget(self.open_folder)

        self.trusted = TrustedKeys(library, self)
        body = QWidget(self)
        # A grid, not a QFormLayout: that one gives a row of wrapped lines beside a button (the
        # storage folder) less height than the lines need, and cut the second line off.
        form = self.form = QGridLayout(body)
        form.setColumnStretch(1, 1)
        self.problems: dict[QLineEdit, QLabel] = {}
        self.opened_height: int | None = None  # first shown; grown only while a reason is shown
        self.grown = False
        self._row(self.tr("&Server address:"), self.server, self._checked(self.server))
        self._row(self.tr("&Download:"), self.download)
        self._row(self.tr("Size &limit:"), self.limit)
        self._row(self.tr("Storage:"), None, storage_row)
        self._row(self.tr("&Proxy:"), self.proxy, self._checked(self.proxy))
        self._row(self.tr("&Certificates:"), self.ca_bundle, bundle_row)
        self._row(self.tr("Trusted &keys:"), self.trusted.choose_button, self.trusted)
        self._row(self.tr("&Interface language:"), self.language)
        self._row(self.tr("&Appearance:"), self.appearance)
        self._row(self.tr("Usage reports:"), None, self._reporting_row(library))
        # The form scrolls on a small screen (1366×768 at 200 %) instead of leaving the dialog
        # taller than the screen; it grows to show everything where there is room.
        # The form's width, not the dialog's: a dialog with a minimum of its own lets its layout
        # be squeezed narrower than the form needs (a reason shown later was cut at its right).
        body.setMinimumWidth(self.fontMetrics().averageCharWidth() * 76)
        self.scroll_area = scrolling(body, self)
        self.body = body
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        caption(self.note, self.tr("Note"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

        self.fields: dict[str, QWidget] = {
            "server_url": self.server,
            "download_policy": self.download,
            "download_limit_mb": self.limit,
            "proxy": self.proxy,
            "ca_bundle": self.ca_bundle,
            "interface_language": self.language,
            "appearance": self.appearance,
            "reporting_enabled": self.reporting,
        }
        for name in self.locked:
            widget = self.fields.get(name)
            if widget is not None:
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Set by your administrator"))
        if "ca_bundle" in self.locked:
            self.browse_button.setEnabled(False)
        self._policy_changed()
        notes = [say(problem) for problem in self._file_problems(library)]
        if self.locked & set(self.fields):
            notes.append(self.tr("Greyed-out settings are set by your administrator."))
        self.note.setText("\n".join(notes))
        self.note.setAccessibleDescription(self.note.text())
        self.note.setVisible(bool(self.note.text()))
        # What the note says when no refusal is shown in it (a refusal goes once corrected).
        self.standing_note = (self.note.text(), self.note.font())
        # The appearance chosen is shown at once; Cancel puts back the one there was.
        self.appearance.currentIndexChanged.connect(
            lambda _: apply_appearance(str(self.appearance.currentData()))
        )
        self.rejected.connect(lambda: apply_appearance(self.settings.appearance))
        self.trusted.said.connect(self._announce)
        self.trusted.said.connect(lambda _: self._grow())

    @staticmethod
    def _file_problems(library: Library) -> list[Words]:
        """Why the user's settings file could not be used at all (damaged, unreadable): said
        at the top of what the dialog notes, since the values shown are then the defaults."""
        whole = ("setting.damaged", "setting.unreadable")
        return [p for p in library.user_settings().problems if p.kind in whole]

    def _row(
        self, text: str, buddy: QWidget | None, shown: QWidget | QLayout | None = None
    ) -> None:
        """A row of the form: its label (the buddy of ``buddy``, which its key focuses) and
        what is shown (``buddy`` itself unless given)."""
        label = QLabel(text, self)
        if buddy is not None:
            label.setBuddy(buddy)
        row = self.form.rowCount()
        self.form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        field = shown if shown is not None else buddy
        if isinstance(field, QLayout):
            self.form.addLayout(field, row, 1)
        elif field is not None:
            self.form.addWidget(field, row, 1)

    def _checked(self, field: QLineEdit) -> QVBoxLayout:
        """``field`` with the reason it is refused under it, said as it is typed."""
        problem = QLabel(self)
        caption(problem, self.tr("Address refused"))
        problem.setWordWrap(True)
        problem.setFont(enlarged(problem.font(), 1, bold=True))  # a sheet would fix its colour
        problem.hide()
        self.problems[field] = problem
        field.textChanged.connect(lambda _: self._check(field))
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(field)
        column.addWidget(problem)
        if field is self.server:
            self.completion = QLabel(self)
            caption(self.completion, self.tr("Address saved as"))
            self.completion.setWordWrap(True)
            self.completion.hide()
            column.addWidget(self.completion)
        return column

    def _check(self, field: QLineEdit) -> None:
        """Show (and tell a screen reader, once a reason changes) why an address is refused."""
        refused = self.address_refusal(only=field)
        sentence = refused[1] if refused else ""
        problem = self.problems[field]
        before = problem.text() if problem.isVisible() else ""
        problem.setText(sentence)
        problem.setVisible(bool(sentence))
        if field is self.server:
            typed = field.text().strip()
            completed = typed if sentence else completed_address(typed)
            said = (
                self.tr("No http:// or https:// was typed: it is saved as {0}.").format(completed)
                if completed != typed
                else ""
            )
            if said and self.completion.isHidden():
                self._announce(said)  # once, as it appears; not at each letter typed
            self.completion.setText(said)
            self.completion.setVisible(bool(said))
        field.setAccessibleDescription(sentence or (said if field is self.server else ""))
        if sentence and sentence.split("”", 1)[-1] != before.split("”", 1)[-1]:
            self._announce(sentence)
        if (self.note.text(), self.note.font()) != self.standing_note:
            # A refusal said on Save is stale once the address changes; under the field
            # is what is true of it now.
            text, font = self.standing_note
            self.note.setText(text)
            self.note.setFont(font)
            self.note.setVisible(bool(text))
        self._grow()

    def show_trusted_keys(self) -> None:
        """The trusted keys in view, ready to choose a key file."""
        self.scroll_area.ensureWidgetVisible(self.trusted)
        self.trusted.choose_button.setFocus()

    def _announce(self, sentence: str, urgent: bool = False) -> None:
        announcer = getattr(self.parent(), "announcer", None)
        if announcer is not None:
            announcer.announce(sentence, urgent=urgent)

    def _grow(self) -> None:
        """Taller when what is shown needs it (a reason, a key's fingerprint), as far as the
        screen allows; what does not fit scrolls. Never clipped. Once a reason goes again
        (an address corrected), back to the height it opened at: no gaps left open."""
        width = self.scroll_area.viewport().width()
        body = self.body
        # Wrapped lines (the storage folder, a reason) need the height they take at this width.
        tall = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        tall = max(tall, body.sizeHint().height())
        needed = tall + self.height() - self.scroll_area.viewport().height()
        if not self.isVisible():
            return
        if self.opened_height is None:
            self.opened_height = self.height()
        if needed > self.height():
            self.resize(self.width(), needed)
            fit_to_screen(self)
            self.grown = True
        elif self.grown and needed < self.height():
            self.resize(self.width(), max(needed, self.opened_height))  # grown by us: back
            self.grown = needed > self.opened_height

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._grow()

    def _reporting_row(self, library: Library) -> QVBoxLayout:
        """On only where the machine's policy turns reports on; the person may turn them off
        unless the policy locks them; what is shared is one click away."""
        offered = library.policy.defaults.get("reporting_enabled") is True
        self.reporting = QCheckBox(self.tr("Share weekly counts with the statewide team"), self)
        self.reporting.setChecked(offered and self.settings.reporting_enabled)
        self.reporting.setEnabled(offered)
        self.reporting_reason = QLabel(self.tr("Off on this laptop: no policy turns it on."), self)
        self.reporting_reason.setWordWrap(True)
        self.reporting_reason.setVisible(not offered)  # said in words, not only in a tool tip
        if not offered:
            self.reporting.setToolTip(self.reporting_reason.text())
            self.reporting.setAccessibleDescription(self.reporting_reason.text())
        self.show_shared = QPushButton(self.tr("Show what is shared…"), self)
        self.show_shared.clicked.connect(lambda: self.show_report().show())
        # One under the other: side by side they made the form wider than a 200 % screen.
        row = QVBoxLayout()
        row.addWidget(self.reporting)
        row.addWidget(self.reporting_reason)
        row.addWidget(self.show_shared, 0, Qt.AlignmentFlag.AlignLeft)
        return row

    def show_report(self) -> "ReportView":
        from sop_desktop.dialogs.report_view import ReportView

        self.report_view = ReportView(self.library, self)
        return self.report_view

    def _policy_changed(self) -> None:
        self.limit.setEnabled(
            self.download.currentData() == "up_to_limit" and "download_limit_mb" not in self.locked
        )

    def _choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate bundle"),
            start_folder(),
            self.tr("Certificates (*.pem *.crt)"),
        )
        if path:
            self.ca_bundle.setText(path)

    def chosen(self) -> Settings:
        """The settings as edited (locked ones unchanged)."""
        settings = self.library.user_settings()
        values = {
            "server_url": completed_address(self.server.text()),
            "download_policy": self.download.currentData(),
            "download_limit_mb": self.limit.value(),
            "proxy": self.proxy.text().strip(),
            "ca_bundle": self.ca_bundle.text().strip(),
            "interface_language": self.language.currentData(),
            "appearance": self.appearance.currentData(),
        }
        if self.reporting.isEnabled():
            values["reporting_enabled"] = self.reporting.isChecked()
        shown = self.settings  # what the dialog opened with: only real changes are saved
        for name, value in values.items():
            if name not in self.locked and value != getattr(shown, name):
                settings.set(name, value)
        return settings

    def address_refusal(self, only: QLineEdit | None = None) -> tuple[QLineEdit, str] | None:
        """The first address field (or ``only``) holding something that is not an address,
        and why."""
        checks = ((self.server, SERVER_SCHEMES), (self.proxy, PROXY_SCHEMES))
        for field, schemes in checks:
            if only is not None and field is not only:
                continue
            typed = completed_address(field.text()) if field is self.server else field.text()
            problem = address_problem(typed, schemes) if field.isEnabled() else None
            if problem is None:
                continue
            reason = {
                "spaces": self.tr("A web address has no spaces."),
                "host": self.tr("It names no server after {0}://.").format(
                    field.text().split(":", 1)[0].strip() or "https"
                ),
            }.get(
                problem,
                self.tr("It must begin with {0}, for example {1}.").format(
                    " / ".join(f"{scheme}://" for scheme in schemes),
                    "https://sop.example.org/catalog/"
                    if field is self.server
                    else "http://proxy.example.org:8080",
                ),
            )
            sentence = (
                self.tr("“{0}” is not a server address. {1}")
                if field is self.server
                else self.tr("“{0}” is not a proxy address. {1}")
            ).format(field.text().strip(), reason)
            return field, sentence
        return None

    def accept(self) -> None:
        refused = self.address_refusal()
        if refused is not None:  # said now, not blamed later on being offline
            field, sentence = refused
            self.note.setText(sentence)
            self.note.setFont(enlarged(self.note.font(), 1, bold=True))
            self.note.show()
            field.setFocus()
            field.selectAll()
            self._announce(sentence, urgent=True)
            self._grow()
            return
        settings = self.chosen()
        settings.save(self.library.root)
        self.language_changed = settings.interface_language != self.language_before
        super().accept()
