"""Settings › Trusted keys: which keys this laptop accepts catalogs from, and a way to trust one
more as IT would: choose the statewide team's public key file (``.pub``), compare its
fingerprint with the one they gave (or the one a refused sync showed), then trust it. The
same trust as ``sop-resources sync --trust KEY.pub``; a policy may set the keys instead."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.key_ids import fingerprint, pem_key_id
from resources_index.catalog.signing import TrustedKey, load_public_key, public_pem
from resources_index.errors import ResourcesError
from resources_index.library import trust
from resources_index.library.library import Library
from sop_desktop.accessible import caption
from sop_desktop.error_sentences import describe
from sop_desktop.start_folder import start_folder


def trust_key(library: Library, key: TrustedKey) -> None:
    """Trust ``key`` for catalogs from outside the package, as ``--trust`` does (the starter
    key is refused: it is trusted only for the catalog shipped with the program)."""
    trust.outside_keys([key])
    library.state.add_trusted_key(key.key_id, public_pem(key.public_key).decode(), key.origin)


class TrustedKeys(QWidget):
    """The keys trusted now, and the choose-compare-trust steps for one more."""

    said = Signal(str)  # a sentence for assistive technology (trusted, refused)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.chosen: TrustedKey | None = None
        self.listing = QLabel(self)
        caption(self.listing, self.tr("Trusted keys"))
        self.listing.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a key file…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose a public key file to trust"))
        self.choose_button.clicked.connect(self.ask_for_file)
        self.found = QLabel(self)
        caption(self.found, self.tr("Fingerprint of the key file chosen"))
        self.found.setWordWrap(True)
        self.found.hide()
        self.trust_button = QPushButton(self.tr("&Trust this key"), self)
        self.trust_button.setAccessibleName(self.tr("Trust this key"))
        self.trust_button.clicked.connect(self.trust_chosen)
        self.trust_button.hide()
        self.policy_note = QLabel(
            self.tr(
                "County IT can trust a key on every laptop in the policy file (trusted_keys),"
                " or from the command line: sop-resources sync --trust KEY.pub."
            ),
            self,
        )
        caption(self.policy_note, self.tr("Other ways to trust a key"))
        self.policy_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.listing, self.found):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.policy_note)
        if "trusted_keys" in library.policy.locked:
            for button in (self.choose_button, self.trust_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("Set by your administrator"))
        self.show_keys()

    def show_keys(self) -> None:
        """One line a key: its fingerprint and where its trust comes from."""
        from_policy = {pem_key_id(p) for p in self.library.policy.defaults.get("trusted_keys", [])}
        lines: dict[str, str] = {}
        for pem in self.library.settings().trusted_keys:
            key_id = pem_key_id(pem)
            if key_id is not None:
                lines[key_id] = (
                    self.tr("{0} · set by the policy")
                    if key_id in from_policy
                    else self.tr("{0} · in the settings")
                ).format(fingerprint(key_id))
        for key_id, _, _ in self.library.state.trusted_keys():
            here = self.tr("{0} · trusted on this laptop").format(fingerprint(key_id))
            lines.setdefault(key_id, here)
        self.listing.setText(
            "\n".join(lines.values())
            if lines
            else self.tr(
                "None yet: only the starter catalog's own key, for the catalog"
                " shipped with SOP Desktop."
            )
        )

    def ask_for_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Public key file"), start_folder(), self.tr("Public keys (*.pub *.pem)")
        )
        if path:
            self.choose(Path(path))

    def choose(self, path: Path) -> None:
        """Read the key file and show its fingerprint to compare before trusting it."""
        try:
            self.chosen = load_public_key(path)
        except ResourcesError as error:
            self.chosen = None
            self._say(describe(error))
            return
        self.found.setText(
            self.tr(
                "{0}: fingerprint {1}. Compare it with the fingerprint the statewide team gave"
                " you (or the one the sync message showed) before you trust it."
            ).format(path.name, fingerprint(self.chosen.key_id))
        )
        self.found.show()
        self.trust_button.setVisible(True)
        self.said.emit(self.found.text())

    def trust_chosen(self) -> None:
        if self.chosen is None:
            return
        try:
            trust_key(self.library, self.chosen)
        except ResourcesError as error:
            self._say(describe(error))
            return
        shown = fingerprint(self.chosen.key_id)
        self.chosen = None
        self.trust_button.hide()
        self.show_keys()
        self._say(
            self.tr("Key {0} is trusted: sync again to get the catalog it signed.").format(shown)
        )

    def _say(self, sentence: str) -> None:
        self.found.setText(sentence)
        self.found.show()
        if self.chosen is None:
            self.trust_button.hide()
        self.said.emit(sentence)
