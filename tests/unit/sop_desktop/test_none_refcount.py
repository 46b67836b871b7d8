"""Qt's bindings must not lose references to ``None``.

PySide6 6.12.0 on Python 3.11 returned ``None`` from ``QModelIndex.data()`` without taking a
reference, so every empty answer lowered ``None``'s reference count by one until Python
aborted ("none_dealloc") a few minutes into a search session. The window asks its models for
data on every paint, so this checks the mechanism itself, through the program's own models and
delegate: a release with that fault fails here instead of reaching laptops. (From Python 3.12
``None`` is immortal and its count never moves, so there the check holds by construction.)
"""

import sys

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from sop_desktop.panels.results_view import OFFLINE_ROLE, ROW_ROLE
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import type_query

CALLS = 10_000
#: Allowed drift: other threads (the search worker) may hold a few references at either moment.
SLACK = 50


def lost_references(before: int) -> int:
    """How many references to ``None`` went missing since ``before``. A count that rises is
    harmless (``None`` is never freed; Qt 6.11's text layout keeps three per call); only a
    falling one ends in the abort."""
    return before - sys.getrefcount(None)


def empty_answer_indexes(window: MainWindow) -> list[tuple[QModelIndex, int]]:
    """(index, role) pairs whose answer is empty, from every item model the window shows."""
    unused = Qt.ItemDataRole.UserRole + 40
    pairs = [(window.results_model.index(0), unused), (window.results_model.index(0), 1000)]
    tree = window.filters.tree.model()
    pairs.append((tree.index(0, 0), unused))
    kits = window.kits.kit_list.model()
    if kits.rowCount():
        pairs.append((kits.index(0, 0), unused))
    for index, role in pairs:
        assert index.isValid() and index.data(role) is None
    return pairs


def test_empty_answers_from_the_window_models_keep_none_alive(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert type_query(qtbot, window, "safety plan").rows
    pairs = empty_answer_indexes(window)
    before = sys.getrefcount(None)
    for n in range(CALLS):
        index, role = pairs[n % len(pairs)]
        index.data(role)
    assert lost_references(before) < SLACK


def test_painting_result_cards_keeps_none_alive(qtbot: QtBot, window: MainWindow) -> None:
    assert type_query(qtbot, window, "three houses").rows
    view = window.results
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 600, delegate.sizeHint(option, QModelIndex()).height())
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    indexes = [window.results_model.index(i) for i in range(window.results_model.rowCount())]
    before = sys.getrefcount(None)
    painter = QPainter(image)
    try:
        for n in range(CALLS // 10):
            index = indexes[n % len(indexes)]
            delegate.paint(painter, option, index)
            index.data(ROW_ROLE)
            index.data(OFFLINE_ROLE)
            index.data(Qt.ItemDataRole.ToolTipRole)
    finally:
        painter.end()
    assert lost_references(before) < SLACK
