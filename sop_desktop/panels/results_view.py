"""The results list: a model over search hits and a delegate that draws each as a card.

A card shows the type icon, the title, type · language (and "Also in Spanish" when its
translation is folded into it, and the page, slide or caption time that matched) · publisher,
the passage with the query's words in bold, and whether the resource is on this laptop.
Heights follow the font, so the system's font size is respected.
"""

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from resources_index.library.library import Library
from sop_desktop.fonts import enlarged
from sop_desktop.icons import type_icon
from sop_desktop.labels import label, time_text

if TYPE_CHECKING:
    from resources_index.search.result_row import ResultRow

_Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
OFFLINE_ROLE = Qt.ItemDataRole.UserRole + 2
MARGIN = 8


def also_text(row: "ResultRow") -> str:
    """``Also in Spanish`` for a result whose translation is folded into it."""
    languages = dict.fromkeys(other.language for other in row.also)
    return " · ".join(also_in(lang) for lang in languages)


def also_in(language: str) -> str:
    """``Also in Spanish``, in the interface language, for a version in ``language``."""
    names = {
        "en": QCoreApplication.translate("Results", "Also in English"),
        "es": QCoreApplication.translate("Results", "Also in Spanish"),
    }
    return names.get(language, label("language", language))


def location_text(location: dict[str, Any] | None) -> str:
    """``p. 3``, ``slide 2`` or ``1:05`` for where a passage was found."""
    if not location:
        return ""
    if "page" in location:
        return QCoreApplication.translate("Results", "p. {0}").format(location["page"])
    if "slide" in location:
        return QCoreApplication.translate("Results", "slide {0}").format(location["slide"])
    if "time_ms" in location:
        return QCoreApplication.translate("Results", "at {0}").format(
            time_text(int(location["time_ms"]))
        )
    return ""


class ResultsModel(QAbstractListModel):
    """Rows of the current answer; whether a row is offline is looked up once, when shown."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.rows: list[ResultRow] = []
        self._offline: dict[str, bool] = {}

    def set_rows(self, rows: list["ResultRow"]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._offline.clear()
        self.endResetModel()

    def append_rows(self, rows: list["ResultRow"]) -> None:
        """The next page of the same answer, below what is shown."""
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows = [*self.rows, *rows]
            self.endInsertRows()

    def refresh_offline(self) -> None:
        self._offline.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def is_offline(self, row: "ResultRow") -> bool:
        rid = row.resource.id
        if rid not in self._offline:
            main = row.resource.main
            self._offline[rid] = self.library.store.has(main.sha256, main.size)
        return self._offline[rid]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        resource = row.resource
        if role == Qt.ItemDataRole.DisplayRole:
            return resource.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [resource.title, label("type", resource.type)]
            if row.also:
                parts.append(also_text(row))
            if not self.is_offline(row):
                parts.append(self.tr("not downloaded yet"))
            return ", ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            here = (
                self.tr("{0} Downloaded: on this laptop").format(OFFLINE_MARK)
                if self.is_offline(row)
                else self.tr("{0} Not downloaded yet").format(CLOUD_MARK)
            )
            return f"{here}\n\n{resource.summary}" if resource.summary else here
        if role == Qt.ItemDataRole.DecorationRole:
            return type_icon(resource.type)
        if role == ROW_ROLE:
            return row
        if role == OFFLINE_ROLE:
            return self.is_offline(row)
        return None


OFFLINE_MARK, CLOUD_MARK = "✓", "☁"


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as three lines: title, facts, passage."""

    def _lines(self, option: QStyleOptionViewItem) -> tuple[int, int]:
        height = option.fontMetrics.height()
        return height, int(height * 1.25)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # Every card has the same height (title, facts, two lines of passage), so the view can
        # lay out 10,000 rows without asking each one (uniform item sizes).
        line, title = self._lines(option)
        return QSize(0, MARGIN * 2 + title + line * 3 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: ResultRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_colour = option.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        muted = option.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText,
        )
        line, title_height = self._lines(option)
        rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        icon_side = title_height + line
        type_icon(row.resource.type).paint(
            painter, QRect(rect.left(), rect.top(), icon_side, icon_side)
        )
        left = rect.left() + icon_side + MARGIN
        width = rect.right() - left

        # Whether the file is here: a mark, named in the tooltip and to screen readers (the
        # same word on every row took the room the titles need in a narrow or enlarged window).
        offline = bool(index.data(OFFLINE_ROLE))
        badge = OFFLINE_MARK if offline else CLOUD_MARK
        badge_width = option.fontMetrics.horizontalAdvance(badge) + MARGIN
        painter.setPen(muted)
        painter.drawText(
            QRect(rect.right() - badge_width, rect.top(), badge_width, title_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            badge,
        )

        painter.setFont(enlarged(option.font, 1.1, bold=True))
        painter.setPen(text_colour)
        title_rect = QRect(left, rect.top(), width - badge_width, title_height)
        elided = painter.fontMetrics().elidedText(
            row.resource.title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )

        painter.setFont(option.font)
        # The publisher last: its long name is what gives way when the line is too narrow.
        facts = [label("type", row.resource.type), label("language", row.resource.language)]
        if row.also:
            facts.append(also_text(row))
        where = location_text(row.location)
        if where:
            facts.append(where)
        if row.resource.publisher:
            facts.append(label("publisher", row.resource.publisher))
        painter.setPen(muted)
        facts_rect = QRect(left, rect.top() + title_height, width, line)
        painter.drawText(
            facts_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            option.fontMetrics.elidedText(" · ".join(facts), Qt.TextElideMode.ElideRight, width),
        )

        passage = row.snippet or html.escape(row.resource.summary)
        if passage:
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDocumentMargin(0)
            document.setTextWidth(width)
            document.setHtml(f"<span>{passage}</span>")
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, text_colour)
            top = rect.top() + title_height + line + 2
            painter.translate(left, top)
            context.clip = QRectF(0, 0, width, line * 2)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
        painter.restore()


class ResultsView(QListView):
    """The list itself: uniform cards, keyboard first."""

    def current_row(self, first_if_none: bool = False) -> "ResultRow | None":
        """The result selected (or, with ``first_if_none``, the first when none is)."""
        index = self.currentIndex()
        if not index.isValid() and first_if_none and self.model().rowCount():
            index = self.model().index(0, 0)
        row: ResultRow | None = index.data(ROW_ROLE) if index.isValid() else None
        return row

    def __init__(self, model: ResultsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Results"))
