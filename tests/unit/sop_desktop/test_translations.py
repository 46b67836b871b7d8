"""The Spanish interface: every string translated, the shipped files current, nothing left in
English on screen."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from resources_index.catalog import vocabulary
from resources_index.library.library import Library
from sop_desktop import i18n
from sop_desktop.fonts import enlarged
from sop_desktop.vocabulary_labels import LABELS
from tests.helpers.window_driving import open_window, type_query

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "assets" / "translations" / "sop_desktop_es.ts"
QM = ROOT / "sop_desktop" / "translations" / "sop_desktop_es.qm"


def messages(path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> translations (several for plural forms); unfinished ones empty."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                forms = []
            found[(name, message.findtext("source", ""))] = forms
    return found


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def test_every_string_of_the_interface_has_a_spanish_translation() -> None:
    shipped = messages(TS)
    assert len(shipped) > 200
    untranslated = [
        source for key, forms in shipped.items() if not all(forms) for source in key[1:]
    ]
    assert untranslated == []


def test_the_translation_covers_every_string_in_the_code_and_the_compiled_file_is_current(
    tmp_path: Path,
) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "sop_desktop").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    assert in_code - set(messages(TS)) == set()  # run scripts/update_translations.py
    assert set(messages(TS)) - in_code == set()  # nothing stale kept
    compiled = tmp_path / "es.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes()


def test_the_vocabulary_labels_follow_the_catalog_vocabulary() -> None:
    assert LABELS["type"] == vocabulary.RESOURCE_TYPES
    assert LABELS["practice_elements"] == vocabulary.PRACTICE_ELEMENTS
    assert LABELS["audiences"] == vocabulary.AUDIENCES
    assert LABELS["publisher"] == vocabulary.PUBLISHERS
    assert set(LABELS["language"]) == set(vocabulary.LANGUAGES)
    # The Spanish of every label is the core's (the command line and search use it too).
    spanish = {
        message.findtext("source"): message.findtext("translation")
        for context in ET.parse(TS).getroot()
        if context.findtext("name") == "Vocabulary"
        for message in context.iter("message")
    }
    assert spanish == vocabulary.SPANISH_LABELS


def visible_texts(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if widget in skip:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
    for action in root.findChildren(type(root.actions()[0])) if root.actions() else []:
        texts.append(action.text())
    return [t.replace("&", "") for t in texts if t]


def test_the_spanish_interface_shows_no_english_string(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    assert i18n.choose_language("es") == "es" and i18n.choose_language("fr") == "en"
    english = {
        source.replace("&", "")
        for (context, source), forms in messages(TS).items()
        if forms and forms[0].replace("&", "") != source.replace("&", "")
    }
    window = open_window(qtbot, starter_library)
    type_query(qtbot, window, "tres casas")
    window.filters.set_counts(window.last_outcome.facets)  # type: ignore[union-attr]
    dialog = window.open_settings()
    roots: list[QWidget] = [window, dialog]
    # Language names in the language chooser are written in their own language on purpose.
    shown = [text for root in roots for text in visible_texts(root, skip=(dialog.language,))]
    tree = window.filters.tree
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        shown.append(group.text(0))
        shown += [group.child(i).text(0).rsplit(" (", 1)[0] for i in range(group.childCount())]
    for menu_action in window.menuBar().actions():
        shown.append(menu_action.text().replace("&", ""))
        shown += [a.text().replace("&", "") for a in menu_action.menu().actions() if a.text()]
    left_in_english = sorted({text for text in shown if text in english})
    assert left_in_english == []
    assert "Buscar hojas de consejos, guías, videos y subtítulos (Ctrl+K)" in shown
    assert window.count_label.text().endswith("resultados")
    assert "Hoja de consejos" in shown and "Tres Casas" in shown
    dialog.reject()
    window.close()


def test_english_counts_say_one_result_and_two_results(
    qtbot: QtBot, starter_library: Library, tmp_path: Path
) -> None:
    """English ships its plural forms only; they are complete and current too."""
    english_ts = ROOT / "assets" / "translations" / "sop_desktop_en.ts"
    fresh = tmp_path / "en.ts"
    sources = sorted(str(p) for p in (ROOT / "sop_desktop").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-pluralonly", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    shipped = messages(english_ts)
    assert set(messages(fresh)) == set(shipped) and all(all(f) for f in shipped.values())
    compiled = tmp_path / "en.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(english_ts), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (QM.parent / "sop_desktop_en.qm").read_bytes()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "en")
    try:
        window = open_window(qtbot, starter_library)
        assert type_query(qtbot, window, "glossary of terms").total == 1
        assert window.count_label.text() == "1 result"
        type_query(qtbot, window, "safety plan")
        assert window.count_label.text().endswith(" results")
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    """A sentence filled with values ({name!r}, {size:,}, {0}) must name the same values in
    Spanish, or the window would show a broken sentence (it then falls back to English)."""
    broken = []
    for (context, source), forms in messages(TS).items():
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != wanted and "%n" not in source:
                broken.append((context, source, form))
    assert broken == []


def test_the_error_sentences_follow_the_core_messages() -> None:
    """``sop_desktop/error_texts_generated.py`` is made from ``resources_index/messages.py``:
    every kind the window can meet is there, word for word (run scripts/make_error_texts.py)."""
    from resources_index.messages import COMMAND_LINE_ONLY, MESSAGES
    from sop_desktop.error_texts_generated import TEXTS

    assert {k: v for k, v in MESSAGES.items() if not k.startswith(COMMAND_LINE_ONLY)} == TEXTS


def test_a_failed_sync_is_told_in_spanish_down_to_its_reason(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    settings = starter_library.user_settings()
    settings.set("server_url", "http://127.0.0.1:9/")  # nothing listens there
    settings.save(starter_library.root)
    window = open_window(qtbot, starter_library)
    window.start_sync()
    qtbot.waitUntil(lambda: window.message_box is not None, timeout=30_000)
    box = window.message_box
    assert box is not None
    assert box.windowTitle() == "La sincronización no terminó"
    assert box.text() == (
        "No se pudo conectar con http://127.0.0.1:9/: no se pudo establecer ninguna conexión;"
        " es posible que no tenga conexión. La biblioteca no se modificó."
    )
    box.close()
    window.close()


def dialog_texts(qtbot: QtBot) -> list[str]:
    """What Qt's own file dialog (the one it draws where the system has none) shows."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(None, "x")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    texts = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            texts.append(widget.text())
        if widget.toolTip():
            texts.append(widget.toolTip())
    dialog.close()
    return sorted(texts)


def test_qt_s_own_dialogs_are_spanish_through_and_through(qtbot: QtBot, qapp: QApplication) -> None:
    english = dialog_texts(qtbot)
    assert "&Look in:" in english and "Files of &type:" in english
    translators = i18n.install(qapp, "es")
    try:
        spanish = dialog_texts(qtbot)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert len(spanish) == len(english) > 8
    assert set(spanish) & set(english) == set(), "left in English beside the Spanish"
    assert "&Buscar en:" in spanish and "Archivos de &tipo:" in spanish


def test_a_bad_server_address_is_refused_in_spanish(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    dialog = window.open_settings()
    dialog.server.setText("servidor del condado")
    dialog.accept()
    assert dialog.note.text() == (
        "«servidor del condado» no es una dirección de servidor."
        " Una dirección web no lleva espacios."
    )
    dialog.reject()
    window.close()


def test_a_new_language_is_announced_in_the_language_chosen(
    qtbot: QtBot, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)  # English
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    assert window.statusBar().currentMessage() == (
        "El idioma de la interfaz cambiará al reiniciar SOP Desktop."
    )
    window.close()


def test_long_spanish_labels_in_the_sidebar_wrap_at_a_word_whole(
    qtbot: QtBot, spanish: None, starter_library: Library
) -> None:
    window = open_window(qtbot, starter_library)
    type_query(qtbot, window, "declaraciones de peligro")
    window.filters.set_counts(window.last_outcome.facets)  # type: ignore[union-attr]
    window.splitter.setSizes([1, 800, 400])  # the sidebar as narrow as it goes
    tree = window.filters.tree
    tree.setFont(enlarged(tree.font(), 1.5))  # and the text large
    long_label = next(
        tree.topLevelItem(g).child(i)
        for g in range(tree.topLevelItemCount())
        for i in range(tree.topLevelItem(g).childCount())
        if tree.topLevelItem(g).child(i).text(0).startswith("Declaraciones de daño y de peligro")
    )
    line, room = tree.fontMetrics().height(), tree.viewport().width() - 2 * tree.indentation()
    assert tree.fontMetrics().horizontalAdvance(long_label.text(0)) > room  # it cannot fit
    qtbot.waitUntil(lambda: tree.visualItemRect(long_label).height() >= 2 * line)
    assert tree.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
    window.close()
