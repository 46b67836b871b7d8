"""Print… for a resource (with its other-language version, in large type) and for a kit (a run
sheet, or its handouts): what to print is asked first, then the system's print dialog."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.model import CuratedKit
from resources_index.catalog.records import Resource
from resources_index.library.kits import Kit
from resources_index.library.library import Library
from sop_desktop.accessible import caption
from sop_desktop.paper import OFFERED, default_paper, paper_name
from sop_desktop.printing import Printed, print_resources, print_run_sheet

Say = Callable[[str], None]
PAPER_KEY = "print/paper"  # kept only when someone chose another paper than the default


class PrintChoices(QDialog):
    """What to print: the other-language version too, large print, the paper; for a kit,
    which part. The last choices are remembered (in the window's state) for the next print."""

    def __init__(
        self,
        parent: QWidget | None,
        other_language: str = "",
        kit: bool = False,
        printer_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print"))
        window = parent.window() if parent is not None else None
        self.memory: QSettings | None = getattr(window, "ui_state", None)
        layout = QVBoxLayout(self)
        self.run_sheet = QRadioButton(
            self.tr("Run sheet: the items, their notes, where each opens")
        )
        self.handouts = QRadioButton(self.tr("Handouts: every item that can be printed"))
        if kit:
            self.run_sheet.setChecked(True)
            layout.addWidget(self.run_sheet)
            layout.addWidget(self.handouts)
        self.both = QCheckBox(self._also_in(other_language))
        self.both.setChecked(bool(other_language) and self._remembered("both"))
        self.both.setVisible(bool(other_language))
        layout.addWidget(self.both)
        self.large = QCheckBox(self.tr("Large print (the text in large type)"))
        self.large.setChecked(self._remembered("large"))
        layout.addWidget(self.large)
        layout.addLayout(self._paper_row(printer_name))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _also_in(self, language: str) -> str:
        """The check box's words, whole (a language's name is lower case inside a Spanish
        sentence)."""
        if language == "en":
            return self.tr("Also the version in English")
        if language == "es":
            return self.tr("Also the version in Spanish")
        return self.tr("Also the version in {0}").format(language)

    def _paper_row(self, printer_name: str) -> QHBoxLayout:
        """The paper, and where that choice came from (the printer, the region, last time)."""
        found = default_paper(printer_name)
        kept = self.memory.value(PAPER_KEY) if self.memory is not None else None
        chosen = next((p for p in OFFERED if QPageSize.key(p) == kept), None)
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.setAccessibleDescription(self.tr("Paper size"))  # a list is read by its value
        for size in OFFERED:
            self.paper.addItem(paper_name(size), size)
        self.paper.setCurrentIndex(max(0, self.paper.findData(chosen or found.size)))
        self.paper_source = QLabel(self)
        caption(self.paper_source, self.tr("Why this paper"))
        self.paper_source.setWordWrap(True)
        self.paper_source.setText(
            self.tr("As last time.")
            if chosen is not None
            else self.tr("The printer's paper.")
            if found.source == "printer"
            else self.tr("The paper used in this computer's region.")
        )
        label = QLabel(self.tr("&Paper:"), self)
        label.setBuddy(self.paper)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.paper)
        row.addWidget(self.paper_source, 1)
        return row

    def _remembered(self, name: str) -> bool:
        return bool(
            self.memory is not None and self.memory.value(f"print/{name}", False, type=bool)
        )

    def paper_size(self) -> QPageSize:
        return QPageSize(QPageSize.PageSizeId(self.paper.currentData()))

    def accept(self) -> None:
        if self.memory is not None:
            if not self.both.isHidden():  # a resource with a translation was printed
                self.memory.setValue("print/both", self.both.isChecked())
            self.memory.setValue("print/large", self.large.isChecked())
            if self.paper.currentIndex() != self.paper.findData(default_paper().size):
                self.memory.setValue(PAPER_KEY, QPageSize.key(self.paper_size().id()))
            else:
                self.memory.remove(PAPER_KEY)
        super().accept()


def _printer(parent: QWidget | None, paper: QPageSize) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(paper)  # the system's dialog opens on the paper chosen
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def ask_and_print_resource(
    parent: QWidget, library: Library, resource: Resource, say: Say
) -> list[Resource]:
    """Ask how, print, say what was printed; return the resources that went to paper."""
    manifest = library.current()
    others = [manifest.by_id[t] for t in resource.translations if manifest and t in manifest.by_id]
    choices = PrintChoices(parent, others[0].language if others else "")
    if choices.exec() != QDialog.DialogCode.Accepted:
        return []
    printer = _printer(parent, choices.paper_size())
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
    printer = _printer(parent, choices.paper_size())
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
