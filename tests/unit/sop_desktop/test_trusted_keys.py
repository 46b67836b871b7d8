"""A catalog signed by a key the laptop does not trust: the sync says the key's fingerprint and
the ways to trust it (never an exception's name); Settings › Trusted keys reads a ``.pub``
file, shows its fingerprint to compare, and trusts it as ``sop-resources sync --trust`` does."""

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resources_index.catalog.key_ids import fingerprint
from resources_index.catalog.signing import load_public_key
from resources_index.config import paths
from resources_index.errors import SignatureError
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from sop_desktop.dialogs.settings_dialog import SettingsDialog
from sop_desktop.dialogs.trusted_keys import TrustedKeys
from sop_desktop.error_sentences import describe
from sop_desktop.window.main_window import MainWindow
from tests.helpers.served import running
from tests.helpers.window_reading import shown_message


def heard(widget: object) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_an_untrusted_catalog_names_its_key_and_settings_trusts_it(
    qtbot: QtBot,
    window: MainWindow,
    starter_library: Library,
    source: Path,
    tmp_path: Path,
    other_keys: tuple[Path, Path],
) -> None:
    published = tmp_path / "other-team"
    publish(source, published, other_keys[0], catalog_id="test-catalog")
    expected = fingerprint(load_public_key(other_keys[1]).key_id)
    assert len(expected) == 19 and expected.count(" ") == 3  # 3F2A 9B01 C4D5 E6F7
    with running(published) as server:
        settings = starter_library.user_settings()
        settings.set("server_url", server.url)
        settings.save(starter_library.root)
        window.sync_button.click()
        box = shown_message(qtbot, window)
        assert f"fingerprint {expected}." in box.text()
        assert "Settings › Trusted keys" in box.text() and "--trust KEY.pub" in box.text()
        assert "policy" in box.text()
        for said in (box.text(), box.detailedText()):
            assert "Error" not in said and "Signature" not in said  # no class name
        assert f"Key fingerprint: {expected}" in box.detailedText()
        forward = next(b for b in box.buttons() if b.text() == "Trusted keys…")
        assert heard(forward) == "Open Settings at the trusted keys"
        forward.click()
        qtbot.waitUntil(lambda: opened_settings() is not None)
        dialog = opened_settings()
        assert dialog is not None
        keys = dialog.trusted
        assert keys.choose_button.hasFocus() or not dialog.isActiveWindow()
        assert "policy file (trusted_keys)" in keys.policy_note.text()
        keys.choose(other_keys[1])
        assert f"fingerprint {expected}." in keys.found.text()
        assert heard(keys.found) == keys.found.text()  # a screen reader hears it to compare
        assert keys.trust_button.isVisibleTo(dialog)
        keys.trust_button.click()
        assert f"{expected} · trusted on this laptop" in keys.listing.text()
        assert keys.found.text().startswith(f"Key {expected} is trusted")
        dialog.reject()
        window.sync_button.click()
        qtbot.waitUntil(lambda: "Sync finished" in window.sync_notice.text(), timeout=30_000)


def opened_settings() -> SettingsDialog | None:
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    ]
    return found[-1] if found else None


def test_the_starter_key_and_a_file_that_is_no_key_are_refused(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    keys = TrustedKeys(starter_library)
    qtbot.addWidget(keys)
    keys.show()
    not_a_key = tmp_path / "notes.pub"
    not_a_key.write_text("hello")
    keys.choose(not_a_key)
    assert keys.found.text() == f"{not_a_key} is not a PEM public key."
    assert not keys.trust_button.isVisible()
    keys.choose(paths.starter_public_key())
    keys.trust_button.click()
    assert "starter key" in keys.found.text()
    assert starter_library.state.trusted_keys() == []


@pytest.mark.usefixtures("spanish")
def test_the_untrusted_key_and_the_trusted_keys_are_said_in_spanish(
    qtbot: QtBot, starter_library: Library, other_keys: tuple[Path, Path]
) -> None:
    shown = fingerprint(load_public_key(other_keys[1]).key_id)
    sentence = describe(SignatureError("catalog.untrusted_key", key=shown))
    assert sentence.startswith("El catálogo está firmado con una clave en la que esta biblioteca")
    assert f"huella {shown}." in sentence and "Configuración › Claves de confianza" in sentence
    keys = TrustedKeys(starter_library)
    qtbot.addWidget(keys)
    assert keys.choose_button.text() == "Elegir un archivo de clave…"
    keys.choose(other_keys[1])
    assert f"huella {shown}." in keys.found.text()
    assert heard(keys.trust_button) == "Confiar en esta clave"
