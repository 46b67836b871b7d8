"""The main window: for now, the library as a sortable table with a status line."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView

from resources_index.library import Library
from sop_desktop.library_model import LibraryModel


class MainWindow(QMainWindow):
    """Lists every resource of the installed catalog."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.setWindowTitle("SOP Desktop")
        self.library = library
        manifest = library.current()
        resources = sorted(manifest.resources, key=lambda r: r.title.casefold()) if manifest else []
        offline = {r.id for r in resources if library.store.has(r.main.sha256, r.main.size)}
        self.model = LibraryModel(resources, offline)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setAccessibleName("Resources in the library")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, LibraryModel.COLUMNS.__len__()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setCentralWidget(self.table)
        version = f"catalog version {manifest.version}" if manifest else "no catalog installed"
        self.status_label = QLabel(f"{len(resources)} resources · {version} · offline library")
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1000, 640)
