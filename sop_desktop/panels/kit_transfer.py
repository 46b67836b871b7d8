"""Kits from one laptop to another: export to a ``.sopkit`` file, import one; in the
background, with progress and Cancel."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from resources_index.catalog.limits import safe_name
from resources_index.errors import ResourcesError
from resources_index.library.kit_files import KitImport, export_kit, import_kit, kit_in_file
from resources_index.library.kits import Kit, KitStore
from sop_desktop.progress_dialog import run_with_progress
from sop_desktop.start_folder import start_folder

if TYPE_CHECKING:
    from sop_desktop.panels.kits_panel import KitsPanel


def suggested_path(kit_name: str) -> Path:
    """``Documents/<kit name>.sopkit``, the name made safe for every system a kit may go to."""
    name = safe_name(kit_name.replace("/", "-").strip()) or "kit"
    return Path(start_folder()) / f"{name}.sopkit"


class KitTransfer(QObject):
    """The kits panel's Export and Import."""

    def __init__(self, panel: "KitsPanel") -> None:
        super().__init__(panel)
        self.panel = panel

    def ask_export(self) -> None:
        if self.panel.kit is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.panel,
            self.tr("Export kit"),
            str(suggested_path(self.panel.kit.name)),
            self.tr("Kits (*.sopkit)"),
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        if self.panel.kit is None:
            return
        kit = (
            self.panel.kit
            if isinstance(self.panel.kit, Kit)
            else Kit(self.panel.kit.id, self.panel.kit.name, [*self.panel.kit.items])
        )
        run_with_progress(
            self.panel,
            self.tr("Exporting the kit “{0}”…").format(kit.name),
            export_kit,
            self.panel.library,
            kit,
            path,
            on_done=lambda _: self.panel.message.emit(self.tr("Kit exported to {0}.").format(path)),
            on_error=lambda sentence, _: self.panel.message.emit(sentence),
            on_cancelled=lambda: self.panel.message.emit(self.tr("Export cancelled.")),
        )

    def ask_print(self) -> None:
        """A run sheet, or the kit's handouts, on paper."""
        from sop_desktop.dialogs.print_dialog import ask_and_print_kit  # QtPrintSupport

        panel = self.panel
        if panel.kit is not None:
            ask_and_print_kit(panel, panel.library, panel.kit, panel.message.emit)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.panel, self.tr("Import kit"), start_folder(), self.tr("Kits (*.sopkit)")
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Import the kit at ``path``; one already held (imported before) is imported again as
        another copy only when the user says so."""
        try:
            held = KitStore(self.panel.library).already_held(kit_in_file(path))
        except ResourcesError:
            held = None  # not readable as a kit: the import says why
        if held is not None:
            answer = QMessageBox.question(
                self.panel,
                self.tr("Import kit"),
                self.tr("You already have the kit “{0}”. Add another copy of it?").format(
                    held.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.panel.reload(held.id)
                return
        run_with_progress(
            self.panel,
            self.tr("Importing the kit…"),
            import_kit,
            self.panel.library,
            path,
            on_done=self._imported,
            on_error=lambda sentence, _: self.panel.message.emit(sentence),
            on_cancelled=lambda: self.panel.message.emit(self.tr("Import cancelled.")),
        )

    def _imported(self, result: KitImport) -> None:
        self.panel.reload(result.kit.id)
        self.panel.message.emit(self.tr("Kit “{0}” imported.").format(result.kit.name))
