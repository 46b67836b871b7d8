"""The menu bar and the keyboard shortcuts: File, View, Help, and the keys that reach search."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from sop_desktop.key_names import standard_keys

if TYPE_CHECKING:
    from sop_desktop.dialogs.shortcuts_dialog import ShortcutsDialog

Command = Callable[[], object]


@dataclass(frozen=True)
class Commands:
    """What the menus' actions do."""

    sync: Command
    export_library: Command
    import_library: Command
    save_copy: Command
    settings: Command
    set_scope: Callable[[str], object]
    clear_filters: Command
    welcome: Command
    guide: Command
    focus_search: Command
    request: Command | None  # only where usage reports are on (a request travels with them)


class WindowMenus(QObject):
    """Builds the window's menus and its actions (every action also works by its key)."""

    def __init__(self, window: QMainWindow, commands: Commands) -> None:
        super().__init__(window)
        self.window = window
        do = commands
        menu = window.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.sync_action = self._action(self.tr("&Sync now"), "F5", do.sync)
        file_menu.addAction(self.sync_action)
        file_menu.addAction(
            self._action(self.tr("Copy the &library to a drive…"), None, do.export_library)
        )
        file_menu.addAction(
            self._action(self.tr("&Import a library from a drive…"), None, do.import_library)
        )
        file_menu.addAction(
            self._action(self.tr("Save a &copy…"), QKeySequence.StandardKey.Save, do.save_copy)
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("Se&ttings…"),
                standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
                do.settings,
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("&Quit"),
                standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
                window.close,
            )
        )
        view_menu = menu.addMenu(self.tr("&View"))
        for scope, text, key in (
            ("all", self.tr("&All resources"), "Ctrl+1"),
            ("favorites", self.tr("&Favorites"), "Ctrl+2"),
            ("recent", self.tr("&Recently viewed"), "Ctrl+3"),
            ("new", self.tr("&What's new"), "Ctrl+4"),
        ):
            view_menu.addAction(self._action(text, key, partial(do.set_scope, scope)))
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("&Clear filters"), "Ctrl+Shift+L", do.clear_filters)
        )
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Welcome"), None, do.welcome))
        help_menu.addAction(
            self._action(self.tr("&Guide"), QKeySequence.StandardKey.HelpContents, do.guide)
        )
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), None, self.show_keys))
        if do.request is not None:
            help_menu.addAction(self._action(self.tr("&Request a resource…"), None, do.request))
        help_menu.addAction(self._action(self.tr("&About SOP Desktop"), None, self.show_about))
        for key in ("Ctrl+K", "Ctrl+F", "Ctrl+L"):
            self._action(self.tr("Search"), key, do.focus_search)

    def _action(self, text: str, shortcut: Any, slot: Command) -> QAction:
        """An action on the window; ``slot`` is called without the action's checked flag."""
        action = QAction(text, self.window)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)
        return action

    def show_keys(self) -> "ShortcutsDialog":
        from sop_desktop.dialogs.shortcuts_dialog import ShortcutsDialog

        self.keys_dialog = ShortcutsDialog(self.window)
        self.keys_dialog.show()
        return self.keys_dialog

    def about_text(self) -> str:
        """The About box's text: the version, and what the starter catalog is."""
        from resources_index import __version__

        return self.tr(
            "SOP Desktop {0}\n\nSafety Organized Practice resources for California's child"
            " welfare workforce, available offline.\n\nThe starter catalog is sample content"
            " written for SOP Desktop, not produced or endorsed by CDSS, CalSWEC or the"
            " Regional Training Academies. A sync with the statewide catalog, once a county"
            " sets it up, brings those agencies' materials."
        ).format(__version__)

    def show_about(self) -> None:
        QMessageBox.about(self.window, self.tr("About SOP Desktop"), self.about_text())
