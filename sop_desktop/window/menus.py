"""The menu bar and the keyboard shortcuts: File, View, Help, and the keys that reach search."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from resources_index.reports.usage import reporting_on
from sop_desktop.key_names import standard_keys

if TYPE_CHECKING:
    from sop_desktop.dialogs.shortcuts_dialog import ShortcutsDialog
    from sop_desktop.window.main_window import MainWindow


class WindowMenus(QObject):
    """Builds the window's menus and its actions (every action also works by its key)."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        menu = window.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.sync_action = self._action(self.tr("&Sync now"), "F5", window.start_sync)
        file_menu.addAction(self.sync_action)
        file_menu.addAction(
            self._action(self.tr("Copy the &library to a drive…"), None, window.transfer.ask_export)
        )
        file_menu.addAction(
            self._action(
                self.tr("&Import a library from a drive…"), None, window.transfer.ask_import
            )
        )
        file_menu.addAction(
            self._action(
                self.tr("Save a &copy…"), QKeySequence.StandardKey.Save, lambda: window.save_copy()
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("Se&ttings…"),
                standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
                window.open_settings,
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
            view_menu.addAction(
                self._action(text, key, lambda _=False, s=scope: window.filters.set_scope(s, True))
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("&Clear filters"), "Ctrl+Shift+L", window.filters.clear)
        )
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Welcome"), None, window.show_welcome))
        help_menu.addAction(
            self._action(
                self.tr("&Guide"), QKeySequence.StandardKey.HelpContents, window.show_guide
            )
        )
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), None, self.show_keys))
        if reporting_on(window.library):  # a request travels with the usage report
            help_menu.addAction(
                self._action(
                    self.tr("&Request a resource…"), None, lambda: window.counting.ask_request()
                )
            )
        help_menu.addAction(self._action(self.tr("&About SOP Desktop"), None, self.show_about))
        for key in ("Ctrl+K", "Ctrl+F", "Ctrl+L"):
            self._action(self.tr("Search"), key, window.focus_search)

    def _action(self, text: str, shortcut: Any, slot: Callable[..., Any]) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
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
