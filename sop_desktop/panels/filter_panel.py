"""The sidebar: where to look (everything, favorites, recently viewed, what's new) and filters.

Filters are check boxes with counts per type, practice element, audience, language and
publisher. Choices within a group widen the results, across groups they narrow them; "Clear
filters" removes them all, and a scope other than everything, in one click. Values that are
checked stay listed even when the current results hold none of them, so a filter can always
be unchecked.
"""

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resources_index.catalog.vocabulary import FACETS
from sop_desktop.labels import label

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def scope_names() -> dict[str, str]:
    return {
        "all": QCoreApplication.translate("FilterPanel", "All resources"),
        "favorites": QCoreApplication.translate("FilterPanel", "Favorites"),
        "recent": QCoreApplication.translate("FilterPanel", "Recently viewed"),
        "new": QCoreApplication.translate("FilterPanel", "What's new"),
    }


def facet_names() -> dict[str, str]:
    return {
        "type": QCoreApplication.translate("FilterPanel", "Type"),
        "practice_elements": QCoreApplication.translate("FilterPanel", "Practice element"),
        "audiences": QCoreApplication.translate("FilterPanel", "Audience"),
        "language": QCoreApplication.translate("FilterPanel", "Language"),
        "publisher": QCoreApplication.translate("FilterPanel", "Publisher"),
    }


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their label wrapped at words within the sidebar's width (a tree view
    asks its delegate for a row's size without the width, so it never wraps by itself)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        tree = self.parent()
        assert isinstance(tree, QTreeWidget)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = tree.viewport().width() - tree.indentation() * (depth + int(tree.rootIsDecorated()))
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, max(width, 40), 10_000)
        # Where the style itself puts the text beside the check box, and the text wrapped there.
        text = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, tree)
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, tree) + 1
        wrapped = opt.fontMetrics.boundingRect(
            QRect(0, 0, max(text.width() - 2 * margin, 20), 10_000),
            Qt.TextFlag.TextWordWrap,
            opt.text,
        )
        single = super().sizeHint(option, index)
        extra = wrapped.height() - opt.fontMetrics.height()
        # A one-line row at least as tall as its check box and a pixel each side: at 150 %
        # the box was as tall as the row, and its top edge fell outside it.
        box = tree.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, tree
        )
        return QSize(single.width(), max(single.height() + max(0, extra), box.height() + 4))


class FilterPanel(QWidget):
    """Emits ``scope_changed`` and ``filters_changed`` as the user clicks."""

    scope_changed = Signal(str)
    filters_changed = Signal(dict)
    narrowing_changed = Signal()  # the scope or the filters changed (by a click or restored)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Browse and filter"))
        self.tree.setRootIsDecorated(True)
        # A long label (Spanish ones are) wraps onto a second line at a word, whole, with its
        # count: never cut mid-word, whatever the sidebar's width or the text size.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.viewport().installEventFilter(self)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear)
        heading = QLabel(self.tr("Browse"), self)
        heading.setAccessibleName(self.tr("Browse"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)

        self.scope_items: dict[str, QTreeWidgetItem] = {}
        library = QTreeWidgetItem(self.tree, [self.tr("Library")])
        library.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for key, name in scope_names().items():
            item = QTreeWidgetItem(library, [name])
            item.setData(0, KEY_ROLE, key)
            self.scope_items[key] = item
        library.setExpanded(True)
        self.groups: dict[str, QTreeWidgetItem] = {}
        for key, name in facet_names().items():
            group = QTreeWidgetItem(self.tree, [name])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(0, KEY_ROLE, key)
            self.groups[key] = group
        self.groups["type"].setExpanded(True)
        self.groups["practice_elements"].setExpanded(True)
        self.selected: dict[str, list[str]] = {}
        self.listed: dict[str, set[str]] = {}  # each group's values shown so far
        self.scope = "all"
        self.scope_items["all"].setSelected(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._on_current_changed)

    # -- state ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            self.tree.doItemsLayout()  # rows wrap again for the new width
        return False

    def set_counts(self, facets: dict[str, dict[str, int]]) -> None:
        """Show the counts of the latest answer (a quick answer without counts keeps the old)."""
        if not facets:
            return
        self.tree.blockSignals(True)
        try:
            for name in FACETS:
                self._fill_group(name, facets.get(name, {}))
        finally:
            self.tree.blockSignals(False)

    def _fill_group(self, name: str, counts: dict[str, int]) -> None:
        """The group's values in one order that counts never change (by their labels, as the
        interface language sorts them): a value once listed stays, at its place, with a count
        of 0, so nothing moves under the pointer while a person clicks."""
        group = self.groups[name]
        chosen = set(self.selected.get(name, []))
        listed = self.listed.setdefault(name, set())
        listed.update(counts)
        listed.update(chosen)
        collator = QCollator(QLocale())
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        values = sorted(listed, key=lambda value: collator.sortKey(label(name, value)))
        while group.childCount() > len(values):
            group.takeChild(group.childCount() - 1)
        for position, value in enumerate(values):
            item = group.child(position) if position < group.childCount() else None
            if item is None:
                item = QTreeWidgetItem(group)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setData(0, KEY_ROLE, value)
            text = f"{label(name, value)} ({counts.get(value, 0)})"
            item.setText(0, text)
            item.setToolTip(0, text)
            item.setCheckState(
                0, Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked
            )
        group.setHidden(not values)

    def set_filters(self, filters: dict[str, list[str]]) -> None:
        """Restore filters (from the last run) without emitting."""
        self.selected = {k: list(v) for k, v in filters.items() if k in FACETS and v}
        self._narrowed()

    def set_scope(self, scope: str, emit: bool = False) -> None:
        item = self.scope_items.get(scope, self.scope_items["all"])
        self.scope = str(item.data(0, KEY_ROLE))
        self.tree.blockSignals(not emit)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self._narrowed()
        if emit:
            self.scope_changed.emit(self.scope)

    def is_narrowed(self) -> bool:
        """Whether a scope other than everything, or a filter, is on."""
        return self.scope != "all" or bool(self.selected)

    def narrowing(self) -> list[str]:
        """What narrows the results, in words: the scope, then each filter group's values."""
        parts = [scope_names()[self.scope]] if self.scope != "all" else []
        names = facet_names()
        for facet, values in self.selected.items():
            shown = ", ".join(label(facet, value) for value in values)
            parts.append(self.tr("{0}: {1}").format(names.get(facet, facet), shown))
        return parts

    def _narrowed(self) -> None:
        self.clear_button.setEnabled(self.is_narrowed())
        self.narrowing_changed.emit()

    def clear(self) -> None:
        """Everything again: no filter, and the scope back to all resources."""
        had_scope = self.scope != "all"
        self.selected = {}
        self.tree.blockSignals(True)
        for group in self.groups.values():
            for item in _children(group):
                item.setCheckState(0, Qt.CheckState.Unchecked)
        self.scope = "all"
        self.tree.setCurrentItem(self.scope_items["all"])
        self.tree.blockSignals(False)
        self._narrowed()
        if had_scope:
            self.scope_changed.emit(self.scope)
        self.filters_changed.emit({})

    def check(self, name: str, value: str, checked: bool = True) -> None:
        """Check a filter as a click would (used by keyboard actions and tests)."""
        group = self.groups[name]
        for item in _children(group):
            if item.data(0, KEY_ROLE) == value:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(0, state)
                return
        raise KeyError(f"no filter {name}={value} is shown")

    # -- clicks --------------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        parent = item.parent()
        if parent is None or parent.data(0, KEY_ROLE) not in FACETS:
            return
        name, value = str(parent.data(0, KEY_ROLE)), str(item.data(0, KEY_ROLE))
        values = self.selected.setdefault(name, [])
        if item.checkState(0) == Qt.CheckState.Checked and value not in values:
            values.append(value)
        elif item.checkState(0) == Qt.CheckState.Unchecked and value in values:
            values.remove(value)
        if not values:
            del self.selected[name]
        self._narrowed()
        self.filters_changed.emit({k: list(v) for k, v in self.selected.items()})

    def _on_current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        if current is None or current.parent() is None:
            return
        key = current.data(0, KEY_ROLE)
        if current in self.scope_items.values() and key != self.scope:
            self.scope = str(key)
            self._narrowed()
            self.scope_changed.emit(self.scope)
