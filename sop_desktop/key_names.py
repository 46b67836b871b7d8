"""Keys written as they are pressed, in the interface language: "Ctrl+S", "Mayús+Tab",
"Intro", "Av Pág". Qt's own names are not all keys a keyboard has (the standard Help and Zoom
In bindings include media keys few keyboards carry, and "Ctrl++" reads as a typo), and its
Spanish ones are not what Spanish keyboards say ("Control", "Retorno")."""

import sys

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeySequence

Key = Qt.Key
Mod = Qt.KeyboardModifier

# Keys beyond this one are a multimedia keyboard's (Help, Zoom In, Back, Save…).
LAST_ORDINARY_KEY = Key.Key_Hyper_R.value


class KeyNames(QObject):
    """The translated names (lupdate reads them from ``tr`` in a class)."""

    def keys(self) -> dict[int, str]:
        return {
            Key.Key_Escape.value: self.tr("Esc"),
            Key.Key_Tab.value: self.tr("Tab"),
            Key.Key_Backtab.value: self.tr("Tab"),
            Key.Key_Return.value: self.tr("Enter"),
            Key.Key_Enter.value: self.tr("Enter"),
            Key.Key_Backspace.value: self.tr("Backspace"),
            Key.Key_Delete.value: self.tr("Delete"),
            Key.Key_Insert.value: self.tr("Insert"),
            Key.Key_Home.value: self.tr("Home"),
            Key.Key_End.value: self.tr("End"),
            Key.Key_PageUp.value: self.tr("Page Up"),
            Key.Key_PageDown.value: self.tr("Page Down"),
            # As printed on the keys, whatever the language (a screen reader says "up arrow").
            Key.Key_Up.value: "↑",
            Key.Key_Down.value: "↓",
            Key.Key_Left.value: "←",
            Key.Key_Right.value: "→",
            Key.Key_Space.value: self.tr("Space"),
            Key.Key_Plus.value: self.tr("Plus"),
            Key.Key_Minus.value: self.tr("Minus"),
        }

    def modifiers(self) -> list[tuple[Qt.KeyboardModifier, str]]:
        return [
            (Mod.ControlModifier, self.tr("Ctrl")),
            (Mod.AltModifier, self.tr("Alt")),
            (Mod.ShiftModifier, self.tr("Shift")),
            (Mod.MetaModifier, self.tr("Meta")),
        ]


def standard_keys(standard: QKeySequence.StandardKey, usual: str) -> list[QKeySequence]:
    """The platform's keys for ``standard``, or ``usual`` where the platform has none (Linux
    desktops give Settings and Quit no key; Ctrl+, and Ctrl+Q are what programs use)."""
    return QKeySequence.keyBindings(standard) or [QKeySequence(usual)]


def combinations(sequence: QKeySequence) -> list[QKeyCombination]:
    """The keys of ``sequence``, pressed one after another ("Ctrl+K, Ctrl+F": two)."""
    # Qt's operator[]: PySide6 has it, its type stubs do not.
    return [sequence[i] for i in range(sequence.count())]  # type: ignore[index]


def is_keyboard_key(sequence: QKeySequence) -> bool:
    """Whether every key of ``sequence`` is on an ordinary keyboard."""
    return not sequence.isEmpty() and all(
        combination.key().value <= LAST_ORDINARY_KEY for combination in combinations(sequence)
    )


def key_text(sequence: QKeySequence) -> str:
    """``sequence`` as a person presses it, in the interface language."""
    if sys.platform == "darwin":  # the symbols macOS menus use (⌘S)
        return sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return ", ".join(_combination(combination) for combination in combinations(sequence))


def _combination(combination: QKeyCombination) -> str:
    names = KeyNames()
    modifiers = combination.keyboardModifiers()
    key = combination.key()
    chosen = names.modifiers()
    parts = [name for flag, name in chosen if modifiers & flag]
    shift = chosen[2][1]
    if key == Key.Key_Backtab and shift not in parts:
        parts.append(shift)
    named = names.keys().get(key.value)
    plain = QKeySequence(QKeyCombination(key)).toString(QKeySequence.SequenceFormat.NativeText)
    parts.append(named or plain)
    return "+".join(parts)
