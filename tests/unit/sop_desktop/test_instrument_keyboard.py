"""A form answered from the keyboard alone, in English and Spanish: Tab reaches every check box
of a "choose all that apply" question and Space ticks it; arrows still move between the choices
of a "choose one" question; a screen reader hears each box's name and that it is checked."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library
from sop_desktop.instruments.question_widgets import ChoiceField
from tests.helpers.window_driving import open_observation


def press(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_who_took_part_box_is_ticked_by_keyboard_alone(
    qtbot: QtBot, starter_library: Library, language: str, request: pytest.FixtureRequest
) -> None:
    window, form = open_observation(qtbot, starter_library, language, request)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    kind = form.view.rows["meeting_kind"].field
    present = form.view.rows["present"].field
    assert isinstance(kind, ChoiceField) and isinstance(present, ChoiceField)
    qtbot.waitUntil(kind.buttons["first"].hasFocus)  # the keyboard starts on the first question
    # Arrows move between the choices of a "choose one" question, and choose.
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down)
    assert kind.buttons["review"].hasFocus()
    assert form.session.answers["meeting_kind"] == "review"
    # Tab leaves the radio group at once, then stops on each check box in turn.
    boxes = list(present.buttons.values())
    assert len(boxes) == 4 and all(isinstance(b, QCheckBox) for b in boxes)
    for box in boxes:
        press(qtbot, Qt.Key.Key_Tab)
        assert box.hasFocus(), (box.text(), QApplication.focusWidget())
        press(qtbot, Qt.Key.Key_Space)
        assert box.isChecked()
        heard = QAccessible.queryAccessibleInterface(box)
        assert heard.text(QAccessible.Text.Name) == box.text()
        assert heard.state().checked
    assert form.session.answers["present"] == "parents child network partners"
    choices = form.session.definition.item("present").choices
    assert [b.text() for b in boxes] == [c.labels[language] for c in choices]
    # Space on a ticked box unticks it; Tab goes on to the next question.
    press(qtbot, Qt.Key.Key_Space)
    assert form.session.answers["present"] == "parents child network"
    press(qtbot, Qt.Key.Key_Tab)
    purpose = form.view.rows["purpose_explained"].field
    assert isinstance(purpose, ChoiceField)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QRadioButton) and focused in purpose.buttons.values()
    form.close()
    window.close()
