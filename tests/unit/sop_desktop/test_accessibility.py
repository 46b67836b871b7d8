"""Every interactive widget of the window, its viewers and its dialogs has an accessible name,
and the main controls are reachable with Tab."""

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from resources_index.catalog.model import KitItem
from resources_index.library.kits import KitStore
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import type_query

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a composite widget: a spin box's editor, a scroll area's bars, a
    tree's (hidden) header, a combo box's pop-up list. The composite itself is checked."""
    if widget.objectName().startswith("qt_"):
        return True
    current = widget.parentWidget()
    while current is not None:
        if current.objectName().startswith("qt_") or isinstance(
            current, QAbstractSpinBox | QComboBox | QLineEdit | QAbstractItemView
        ):
            return True
        current = current.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _qt_internal(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {root.windowTitle()}"
            )
    return missing


def test_every_interactive_widget_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    outcome = type_query(qtbot, window, "house of dreams")
    checked = [window]
    for row in outcome.rows:
        if row.resource.type == "video" or row.resource.main.media_type == "application/pdf":
            window.open_resource(row.resource, row.location)
            checked.append(window.viewers[row.resource.id])
    kinds = {type(v.viewer).__name__ for v in checked[1:]}  # type: ignore[attr-defined]
    assert kinds == {"PdfViewer", "VideoPlayer"}
    dialog = window.open_settings()
    checked.append(dialog)
    kit = KitStore(window.library).create(
        "Walk", [KitItem(row.resource.id) for row in outcome.rows[:3]]
    )
    window.kits.reload(kit.id)
    show = window.present(list(kit.items))
    assert show is not None
    checked += [show.audience, show.presenter]
    missing = [entry for root in checked for entry in unnamed(root)]
    assert missing == [], "\n".join(missing)
    counted = sum(
        1
        for root in checked
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and not _qt_internal(w)
    )
    assert counted > 40  # the walk really covered the window, both viewers and the dialog
    dialog.reject()
    show.stop()


def test_tab_reaches_the_main_controls_in_order(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "safety")
    window.search_field.setFocus()
    reached: list[QWidget] = []
    for _ in range(40):
        widget = window.focusWidget()
        if widget is not None and widget not in reached:
            reached.append(widget)
        window.focusNextChild()
    wanted = [
        window.search_field,
        window.results,
        window.details.open_button,
        window.details.favorite_button,
        window.filters.tree,
        window.sync_button,
    ]
    assert all(w in reached for w in wanted), [type(w).__name__ for w in reached]
    order = [reached.index(w) for w in wanted]
    assert order == sorted(order)
