"""The settings dialog: server, downloads, storage, network and interface language.

Settings an administrator locked are shown read-only with the reason in their tooltip.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
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
)
from resources_index.library.library import Library
from resources_index.util.fsutil import tree_size
from sop_desktop.accessible import caption
from sop_desktop.labels import size_text

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

        form = QFormLayout()
        form.addRow(self.tr("&Server address:"), self.server)
        form.addRow(self.tr("&Download:"), self.download)
        form.addRow(self.tr("Size &limit:"), self.limit)
        form.addRow(self.tr("Storage:"), storage_row)
        form.addRow(self.tr("&Proxy:"), self.proxy)
        certificates_label = QLabel(self.tr("&Certificates:"), self)
        certificates_label.setBuddy(self.ca_bundle)  # a row holding a layout needs its buddy set
        form.addRow(certificates_label, bundle_row)
        form.addRow(self.tr("&Interface language:"), self.language)
        form.addRow(self.tr("&Appearance:"), self.appearance)
        form.addRow(self.tr("Usage reports:"), self._reporting_row(library))
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
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        layout.addLayout(form)
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
        if self.locked & set(self.fields):
            self.note.setText(self.tr("Greyed-out settings are set by your administrator."))

    def _reporting_row(self, library: Library) -> QHBoxLayout:
        """On only where the machine's policy turns reports on; the person may turn them off
        unless the policy locks them; what is shared is one click away."""
        offered = library.policy.defaults.get("reporting_enabled") is True
        self.reporting = QCheckBox(self.tr("Share weekly counts with the statewide team"), self)
        self.reporting.setChecked(offered and self.settings.reporting_enabled)
        self.reporting.setEnabled(offered)
        if not offered:
            self.reporting.setToolTip(self.tr("Off on this laptop: no policy turns it on."))
        self.show_shared = QPushButton(self.tr("Show what is shared…"), self)
        self.show_shared.clicked.connect(lambda: self.show_report().show())
        row = QHBoxLayout()
        row.addWidget(self.reporting, 1)
        row.addWidget(self.show_shared)
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
            self, self.tr("Certificate bundle"), "", self.tr("Certificates (*.pem *.crt)")
        )
        if path:
            self.ca_bundle.setText(path)

    def chosen(self) -> Settings:
        """The settings as edited (locked ones unchanged)."""
        settings = self.library.user_settings()
        values = {
            "server_url": self.server.text().strip(),
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

    def address_refusal(self) -> tuple[QLineEdit, str] | None:
        """The first address field holding something that is not an address, and why."""
        checks = ((self.server, SERVER_SCHEMES), (self.proxy, PROXY_SCHEMES))
        for field, schemes in checks:
            problem = address_problem(field.text(), schemes) if field.isEnabled() else None
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
            self.note.setStyleSheet("QLabel { font-weight: bold; }")
            field.setFocus()
            field.selectAll()
            announcer = getattr(self.parent(), "announcer", None)
            if announcer is not None:
                announcer.announce(sentence, urgent=True)
            return
        settings = self.chosen()
        settings.save(self.library.root)
        self.language_changed = settings.interface_language != self.language_before
        super().accept()
