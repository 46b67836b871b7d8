"""Print… for a resource (with its other-language version, in large type) and for a kit (a run
sheet, or its handouts): what to print is asked first, then the system's print dialog."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.model import CuratedKit
from resources_index.catalog.records import Resource
from resources_index.library.kits import Kit
from resources_index.library.library import Library
from sop_desktop.printing import Printed, print_resources, print_run_sheet

Say = Callable[[str], None]


class PrintChoices(QDialog):
    """What to print: the other-language version too, large print; for a kit, which part."""

    def __init__(self, parent: QWidget | None, other_language: str = "", kit: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print"))
        layout = QVBoxLayout(self)
        self.run_sheet = QRadioButton(
            self.tr("Run sheet: the items, their notes, where each opens")
        )
        self.handouts = QRadioButton(self.tr("Handouts: every item that can be printed"))
        if kit:
            self.run_sheet.setChecked(True)
            layout.addWidget(self.run_sheet)
            layout.addWidget(self.handouts)
        self.both = QCheckBox(self.tr("Also the version in {0}").format(other_language))
        self.both.setChecked(bool(other_language))
        self.both.setVisible(bool(other_language))
        layout.addWidget(self.both)
        self.large = QCheckBox(self.tr("Large print (the text in large type)"))
        layout.addWidget(self.large)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _printer(parent: QWidget | None) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def _language_name(code: str) -> str:
    names = {
        "en": QCoreApplication.translate("PrintChoices", "English"),
        "es": QCoreApplication.translate("PrintChoices", "Spanish"),
    }
    return names.get(code, code)


def ask_and_print_resource(
    parent: QWidget, library: Library, resource: Resource, say: Say
) -> list[Resource]:
    """Ask how, print, say what was printed; return the resources that went to paper."""
    manifest = library.current()
    others = [manifest.by_id[t] for t in resource.translations if manifest and t in manifest.by_id]
    choices = PrintChoices(parent, _language_name(others[0].language) if others else "")
    if choices.exec() != QDialog.DialogCode.Accepted:
        return []
    printer = _printer(parent)
    if printer is None:
        return []
    chosen = [resource, *(others if choices.both.isChecked() else [])]
    done = print_resources(library, chosen, printer, choices.large.isChecked())
    say(printed_sentence(done))
    return [r for r in chosen if r.title not in done.skipped] if done.sheets else []


def ask_and_print_kit(parent: QWidget, library: Library, kit: Kit | CuratedKit, say: Say) -> None:
    manifest = library.current()
    choices = PrintChoices(parent, kit=True)
    if manifest is None or choices.exec() != QDialog.DialogCode.Accepted:
        return
    printer = _printer(parent)
    if printer is None:
        return
    if choices.run_sheet.isChecked():
        done = print_run_sheet(manifest, kit.name, list(kit.items), printer)
    else:
        chosen = [
            manifest.by_id[i.resource_id] for i in kit.items if i.resource_id in manifest.by_id
        ]
        done = print_resources(library, chosen, printer, choices.large.isChecked())
    say(printed_sentence(done))


class PrintReport(QObject):
    """The sentence said after printing (a class, so its plural is translated by count)."""

    def sentence(self, done: Printed) -> str:
        said = self.tr("Printed %n pages.", "", done.sheets)
        if done.skipped:
            said += " " + self.tr("Nothing to print in: {0}.").format(", ".join(done.skipped))
        return said


def printed_sentence(done: Printed) -> str:
    return PrintReport().sentence(done)
