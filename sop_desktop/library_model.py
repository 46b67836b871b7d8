"""A read-only table model over the library's resources."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from resources_index import vocabulary
from resources_index.catalog import Resource

_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """One row per resource: title, type, language, publisher, and whether it is offline."""

    COLUMNS = ("Title", "Type", "Language", "Publisher", "Offline")

    def __init__(self, resources: list[Resource], offline: set[str]) -> None:
        super().__init__()
        self._resources = resources
        self._offline = offline

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._resources)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def resource(self, row: int) -> Resource:
        return self._resources[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        resource = self._resources[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return resource.summary or None
        column = index.column()
        if column == 0:
            return resource.title
        if column == 1:
            return vocabulary.label(resource.type, vocabulary.RESOURCE_TYPES)
        if column == 2:
            return vocabulary.label(resource.language, vocabulary.LANGUAGES)
        if column == 3:
            return vocabulary.label(resource.publisher, vocabulary.PUBLISHERS)
        return "Yes" if resource.id in self._offline else "Not yet"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None
