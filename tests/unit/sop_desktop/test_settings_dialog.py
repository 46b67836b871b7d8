"""The settings dialog: what the user may change is saved; what IT locked is read-only."""

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from resources_index.config.policy import POLICY_ENV
from resources_index.library.library import Library
from sop_desktop.appearance import apply_appearance
from sop_desktop.dialogs.settings_dialog import SettingsDialog
from sop_desktop.window.main_window import MainWindow


def test_locked_settings_are_read_only_and_only_changes_are_saved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(
        json.dumps(
            {
                "settings": {"server_url": "https://sop.example.gov/", "proxy": "http://p:8080"},
                "locked": ["server_url", "ca_bundle"],
            }
        )
    )
    monkeypatch.setenv(POLICY_ENV, str(policy))
    library = Library(tmp_path / "library")
    dialog = SettingsDialog(library)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.server.text() == "https://sop.example.gov/"
    assert not dialog.server.isEnabled() and dialog.server.toolTip() == "Set by your administrator"
    assert not dialog.ca_bundle.isEnabled() and not dialog.browse_button.isEnabled()
    assert dialog.proxy.isEnabled() and dialog.proxy.text() == "http://p:8080"
    assert "administrator" in dialog.note.text()
    dialog.limit.setValue(120)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    saved = json.loads((library.root / "settings.json").read_text())
    assert saved == {"download_limit_mb": 120, "interface_language": "es"}
    assert dialog.language_changed
    assert library.settings().proxy == "http://p:8080"  # still the policy's default


def test_the_size_limit_only_applies_to_the_size_limited_policy(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = SettingsDialog(Library(tmp_path / "library"))
    qtbot.addWidget(dialog)
    assert dialog.limit.isEnabled()
    dialog.download.setCurrentIndex(dialog.download.findData("everything"))
    assert not dialog.limit.isEnabled()
    assert "used" in dialog.storage.text() and str(tmp_path / "library") in dialog.storage.text()


def settings_heard(qtbot: QtBot, window: MainWindow) -> tuple[SettingsDialog, list[str]]:
    """Settings opened from ``window``, and the list of what a screen reader is told."""
    said: list[str] = []
    window.announcer.said.connect(said.append)
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    return dialog, said


def test_an_address_that_is_not_one_is_refused_at_once_with_a_reason(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog, said = settings_heard(qtbot, window)
    for typed, reason in (
        ("servidor del condado", "A web address has no spaces."),
        ("ftp://sop.county.example/catalog", "It must begin with http:// / https://"),
        ("https://", "It names no server after https://."),
    ):
        dialog.server.setText(typed)
        dialog.accept()
        assert dialog.isVisible(), typed  # not saved, not closed
        assert dialog.note.text().startswith(f"“{typed}” is not a server address.")
        assert reason in dialog.note.text()
        assert said[-1] == dialog.note.text()  # announced to a screen reader at once
        assert dialog.server.hasFocus() or not dialog.isActiveWindow()
    assert not (window.library.root / "settings.json").exists()
    dialog.proxy.setText("proxy del condado:8080")
    dialog.server.setText("https://sop.county.example/catalog/")
    dialog.accept()
    assert "is not a proxy address" in dialog.note.text() and dialog.isVisible()
    dialog.proxy.setText("http://proxy.county.example:8080")
    dialog.accept()
    assert not dialog.isVisible()
    saved = json.loads((window.library.root / "settings.json").read_text())
    assert saved["server_url"] == "https://sop.county.example/catalog/"


@pytest.mark.parametrize(
    ("language", "completion", "gone"),
    [
        ("en", "No http:// or https:// was typed: it is saved as {0}.", "is not a server address"),
        (
            "es",
            "No se escribió http:// ni https://: se guarda como {0}.",
            "no es una dirección de servidor",
        ),
    ],
)
def test_an_address_without_its_scheme_is_taken_as_https_and_a_refusal_goes_once_corrected(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str, completion: str, gone: str
) -> None:
    request.getfixturevalue("spanish" if language == "es" else "english")
    window = request.getfixturevalue("window")
    dialog, said = settings_heard(qtbot, window)
    dialog.server.setText("servidor del condado")
    dialog.accept()
    assert gone in dialog.note.text() and dialog.isVisible()
    dialog.server.setText("sop.county.example/catalog")
    assert gone not in dialog.note.text()  # the refusal said on Save went with the mistake
    assert not dialog.note.isVisible() or gone not in dialog.note.text()
    expected = completion.format("https://sop.county.example/catalog")
    face = QAccessible.queryAccessibleInterface(dialog.server)
    assert face.text(QAccessible.Text.Description) == expected
    assert dialog.completion.text() == expected and not dialog.completion.isHidden()
    assert said.count(expected) == 1
    dialog.accept()
    assert not dialog.isVisible()
    saved = json.loads((window.library.root / "settings.json").read_text())
    assert saved["server_url"] == "https://sop.county.example/catalog"


def test_the_command_line_refuses_a_server_address_that_is_not_one(tmp_path: Path) -> None:
    from resources_index.config.settings import Settings

    settings = Settings()
    refusal = settings.set("server_url", "servidor del condado")
    assert refusal is not None and "http:// or https://" in str(refusal)
    assert settings.server_url == ""
    assert settings.set("server_url", "https://sop.example.gov/catalog/") is None


def fully_shown(widget: QWidget) -> bool:
    """Not one pixel of ``widget`` cut off by the dialog or its scrolling form."""
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_a_bad_address_is_refused_as_it_is_typed_and_nothing_is_clipped(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog, said = settings_heard(qtbot, window)
    qtbot.waitExposed(dialog)
    assert fully_shown(dialog.storage)
    problem = dialog.problems[dialog.server]
    assert not problem.isVisible()
    qtbot.keyClicks(dialog.server, "servidor del")
    assert problem.isVisible() and "A web address has no spaces." in problem.text()
    face = QAccessible.queryAccessibleInterface(dialog.server)
    assert face.text(QAccessible.Text.Description) == problem.text()  # heard with the field
    assert (
        QAccessible.queryAccessibleInterface(problem).text(QAccessible.Text.Name) == problem.text()
    )
    assert said.count(problem.text()) == 0 or said[-1].endswith("A web address has no spaces.")
    assert sum("no spaces" in s for s in said) == 1  # said once, not at every key
    dialog.accept()  # Save refuses too, in the note
    assert dialog.isVisible() and dialog.note.isVisible()
    qtbot.wait(50)
    for widget in (dialog.storage, dialog.note, problem, dialog.buttons):
        assert fully_shown(widget), widget
    assert dialog.storage.height() >= dialog.storage.heightForWidth(dialog.storage.width())
    dialog.server.setText("https://sop.county.example/catalog/")
    assert not problem.isVisible() and "spaces" not in face.text(QAccessible.Text.Description)


def test_the_appearance_shows_as_soon_as_it_is_chosen(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette().color(QPalette.ColorRole.Window)
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("high_contrast"))
    assert app.palette().color(QPalette.ColorRole.Window) == QColor("#000000")  # at once
    dialog.reject()  # Cancel: the appearance there was
    assert app.palette().color(QPalette.ColorRole.Window) == before
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
    dialog.accept()
    assert app.palette().color(QPalette.ColorRole.Window) == QColor("#202124")
    assert window.library.settings().appearance == "dark"
    apply_appearance("")


def test_a_damaged_settings_file_is_said_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    library = Library(tmp_path / "library")
    library.root.mkdir(parents=True)
    (library.root / "settings.json").write_bytes(b'{"download_limit_mb": 80,,}')
    dialog = SettingsDialog(library)
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.note.text()
    assert dialog.note.isVisible() and said.startswith("Your settings file ")
    assert "is damaged (line 1 is not valid JSON)" in said
    assert dialog.note.accessibleDescription() == said  # what a screen reader is given
    assert dialog.limit.value() == 50  # the built-in value shown, as it applies
    dialog.limit.setValue(120)
    dialog.accept()
    assert [p.read_bytes() for p in (library.root / "set-aside").iterdir()] == [
        b'{"download_limit_mb": 80,,}'
    ]
    assert library.settings().download_limit_mb == 120
