"""Session kits in the window: build, reorder, note, export/import, present, refuse."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resources_index.library.kits import KitStore
from resources_index.library.library import Library, open_library
from sop_desktop.window.main_window import MainWindow
from tests.helpers.window_driving import open_window, type_query

ITEMS = [
    "safety-plan-development-guide",
    "three-houses-video",
    "harm-and-danger-statements-worksheet",
]


def build_kit(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.kits
    window.side.setCurrentWidget(panel)
    panel.new_kit("Safety planning, day 1")
    manifest = window.library.current()
    assert manifest is not None
    for rid in reversed(ITEMS):  # added in reverse, then put in order from the keyboard
        window.details.show_resource(manifest.by_id[rid])
        panel.buttons["add"].click()
    panel.items.setFocus()
    panel.items.setCurrentRow(0)
    qtbot.keyClick(panel.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    panel.items.setCurrentRow(0)
    qtbot.keyClick(panel.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    panel.items.setCurrentRow(0)
    panel.note.setPlainText("Page 3: monitoring over time.")
    qtbot.waitUntil(lambda: KitStore(window.library).all()[0].items[0].note != "")


def test_a_kit_is_built_reordered_and_annotated_from_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    build_kit(qtbot, window)
    [kit] = KitStore(window.library).all()
    assert [i.resource_id for i in kit.items] == ITEMS
    assert kit.items[0].note == "Page 3: monitoring over time."
    assert window.kits.items.item(0).text().startswith("1. Developing safety plans")
    assert window.kits.state.text() == "✓ Ready to present offline"
    window.kits.items.setCurrentRow(2)
    qtbot.keyClick(window.kits.items, Qt.Key.Key_Delete)
    assert len(KitStore(window.library).all()[0].items) == 2


def test_a_kit_exported_from_one_laptop_opens_on_another(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    build_kit(qtbot, window)
    with qtbot.waitSignal(window.kits.message, timeout=30_000) as said:
        window.kits.export(tmp_path / "usb" / "day1.sopkit")  # in the background
    assert said.args == [f"Kit exported to {tmp_path / 'usb' / 'day1.sopkit'}."]
    assert (tmp_path / "usb" / "day1.sopkit").is_file()
    other = open_window(qtbot, open_library(tmp_path / "co-trainer"))
    with qtbot.waitSignal(other.kits.message, timeout=30_000) as said:
        other.kits.import_from(tmp_path / "usb" / "day1.sopkit")
    assert said.args == ["Kit “Safety planning, day 1” imported."]
    [kit] = KitStore(other.library).all()
    assert kit.name == "Safety planning, day 1" and [i.resource_id for i in kit.items] == ITEMS
    assert other.kits.kit_list.currentItem().text() == "Safety planning, day 1"
    other.close()


def test_presenting_steps_through_every_item_with_clicker_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    build_kit(qtbot, window)
    window.kits.buttons["present"].click()
    show = window.presentation
    assert show.running and show.audience.isFullScreen()
    presenter, audience = show.presenter, show.audience
    assert presenter.current.text().startswith("Developing safety plans")
    assert presenter.note.text() == "Page 3: monitoring over time."
    assert "page 1 of 2" in presenter.position.text()
    assert presenter.next.text() == "Next: The Three Houses in practice (video)"
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert "page 2 of 2" in presenter.position.text()
    assert audience.pdf.current_page() == 2
    qtbot.keyClick(audience, Qt.Key.Key_Space)  # past the last page: the next item
    assert presenter.current.text() == "The Three Houses in practice (video)"
    assert audience.stack.currentWidget() is audience.video
    assert audience.video.captions_box.count() == 3
    qtbot.keyClick(audience, Qt.Key.Key_N)  # one screen: the notes only when asked for
    assert presenter.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_B)  # keys work on the presenter view too
    assert audience.stack.currentWidget() is audience.blank
    assert "blank" in presenter.blanked.text()
    qtbot.keyClick(presenter, Qt.Key.Key_N)
    assert not presenter.isVisible()
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert audience.stack.currentWidget() is audience.video
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    # a Word worksheet: its PDF copy (made when it was published), not a title card
    assert audience.stack.currentWidget() is audience.pdf
    assert "page 1 of 1" in presenter.position.text()
    assert presenter.next.text() == "Next: (the end of the kit)"
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)  # nothing after the end
    assert "Item 3 of 3" in presenter.position.text()
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    assert audience.stack.currentWidget() is audience.video
    with qtbot.waitSignal(show.ended):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert not audience.isVisible() and not presenter.isVisible()


def test_each_item_opens_where_the_trainer_said_when_presented(
    qtbot: QtBot, window: MainWindow
) -> None:
    build_kit(qtbot, window)
    panel = window.kits
    messages: list[str] = []
    panel.message.connect(messages.append)

    def type_start(row: int, text: str) -> None:
        panel.items.setCurrentRow(row)
        panel.start.clear()
        qtbot.keyClicks(panel.start, text)
        qtbot.keyClick(panel.start, Qt.Key.Key_Return)

    type_start(0, "3:20")  # a time for a PDF: refused, nothing saved
    assert messages == ["“3:20” is not a page number."] and panel.start.text() == ""
    type_start(0, "2")
    type_start(1, "15")  # seconds, shown as a time
    assert panel.start.text() == "0:15"
    assert panel.start.placeholderText() == "a time, such as 3:20"
    panel.items.setCurrentRow(2)
    assert panel.start.isEnabled()  # a Word document opens at a page of its PDF copy
    assert panel.start.placeholderText() == "a page, such as 5"
    [kit] = KitStore(window.library).all()
    assert [i.start for i in kit.items] == [2, 15, 0]
    assert kit.items[0].note == "Page 3: monitoring over time."  # the note was kept
    assert panel.items.item(0).text().endswith(" · from page 2")
    assert panel.items.item(1).text().endswith("(video) · from 0:15")

    panel.items.setCurrentRow(0)  # Present starts at the item selected
    panel.buttons["present"].click()
    show = window.presentation
    presenter, audience = show.presenter, show.audience
    assert "page 2 of 2" in presenter.position.text()
    qtbot.waitUntil(lambda: audience.pdf.current_page() == 2)
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)  # the pages before the start stay reachable
    assert "page 1 of 2" in presenter.position.text()
    for _ in range(2):
        qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert presenter.current.text() == "The Three Houses in practice (video)"
    qtbot.waitUntil(lambda: audience.video.player.position() >= 15_000, timeout=15_000)
    qtbot.waitUntil(lambda: presenter.position.text().endswith("· playing"), timeout=5000)
    assert " / 0:46" in presenter.position.text()  # where the video is, for the presenter
    with qtbot.waitSignal(show.ended):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)


def test_a_kit_with_a_missing_file_is_refused_before_presenting(
    qtbot: QtBot, window: MainWindow, starter_library: Library
) -> None:
    build_kit(qtbot, window)
    video = starter_library.current().by_id["three-houses-video"].main  # type: ignore[union-attr]
    starter_library.store.path(video.sha256).unlink()
    window.kits.refresh_state()
    assert window.kits.state.text().startswith("Not ready: 1 files missing")
    assert window.present(KitStore(starter_library).all()[0].items) is None
    box = window.message_box
    assert box.windowTitle() == "Not ready to present"
    assert "three-houses-introduction.mp4" in box.text() and video.name in box.detailedText()
    assert getattr(window, "presentation", None) is None


def test_drag_and_drop_reorders_the_kit(qtbot: QtBot, window: MainWindow) -> None:
    build_kit(qtbot, window)
    panel = window.kits
    assert panel.items.model().moveRow(panel.items.rootIndex(), 2, panel.items.rootIndex(), 0)
    qtbot.waitUntil(
        lambda: (
            [i.resource_id for i in KitStore(window.library).all()[0].items]
            == [ITEMS[2], ITEMS[0], ITEMS[1]]
        )
    )
    assert panel.items.item(0).text().startswith("1. Harm and danger")


def test_a_single_resource_is_presented_from_its_details(qtbot: QtBot, window: MainWindow) -> None:
    manifest = window.library.current()
    assert manifest is not None
    window.details.show_resource(manifest.by_id["safety-plan-development-guide"])
    window.details.present_button.click()
    show = window.presentation
    assert show.running and len(show.slides) == 1
    assert show.presenter.next.text() == ""  # one resource: no kit, no "end of the kit"
    assert not show.presenter.position.text().startswith("Item 1 of 1")
    qtbot.keyClick(show.audience, Qt.Key.Key_PageDown)
    assert "page 2 of 2" in show.presenter.position.text()
    with qtbot.waitSignal(show.ended):
        qtbot.keyClick(show.audience, Qt.Key.Key_Escape)


def test_presenting_again_and_again_leaves_nothing_for_the_garbage_collector(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Each presentation's windows are deleted by Qt when it ends; left to Python's garbage
    collector (their reference cycle), they went at a random moment and crashed the program
    within a few presentations."""
    import gc

    from PySide6.QtWidgets import QApplication

    window.side.setCurrentWidget(window.kits)
    window.kits.kit_list.setCurrentRow(0)
    for _ in range(4):
        window.kits.buttons["present"].click()
        show = window.presentation
        for _ in range(len(show.slides) + 4):
            qtbot.keyClick(show.audience, Qt.Key.Key_PageDown)
        with qtbot.waitSignal(show.ended):
            qtbot.keyClick(show.audience, Qt.Key.Key_Escape)
        qtbot.waitUntil(
            lambda: (
                not any(w.isVisible() for w in QApplication.topLevelWidgets() if w is not window)
            )
        )
        gc.collect()

    def presenter_windows() -> list[str]:
        titles = [w.windowTitle() for w in QApplication.topLevelWidgets()]
        return [t for t in titles if t.startswith("SOP Desktop: present")]

    qtbot.waitUntil(lambda: not presenter_windows())  # deleted, not merely hidden


def test_a_resource_added_from_a_hit_opens_where_the_hit_was(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.kits
    panel.new_kit("Where the hits were")
    for query, rid in (
        ("monitoring", "safety-plan-development-guide"),
        ("house of dreams", "three-houses-video"),
    ):
        type_query(qtbot, window, query)
        index = [r.resource.id for r in window.results_model.rows].index(rid)
        window.results.setCurrentIndex(window.results_model.index(index))
        qtbot.waitUntil(
            lambda rid=rid: (
                window.details.resource is not None and window.details.resource.id == rid
            )
        )
        panel.buttons["add"].click()
    [kit] = KitStore(window.library).all()
    assert [(i.resource_id, i.start) for i in kit.items] == [
        ("safety-plan-development-guide", 2),  # the page of the hit
        ("three-houses-video", 15),  # the second the words are spoken
    ]


def test_an_empty_kit_is_not_ready_and_says_how_to_fill_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.kits
    window.side.setCurrentWidget(panel)
    panel.new_kit("Empty for now")
    assert panel.state.text().startswith("This kit is empty")
    assert not panel.buttons["present"].isEnabled()
    assert not panel.buttons["export"].isEnabled()


def test_present_starts_at_the_item_selected(qtbot: QtBot, window: MainWindow) -> None:
    build_kit(qtbot, window)
    window.kits.items.setCurrentRow(1)
    window.kits.buttons["present"].click()
    show = window.presentation
    assert show.index == 1 and show.presenter.current.text().startswith("The Three Houses")
    with qtbot.waitSignal(show.ended):
        qtbot.keyClick(show.audience, Qt.Key.Key_Escape)


def test_export_suggests_a_safe_name_and_importing_twice_asks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sop_desktop.panels.kit_transfer import suggested_path
    from sop_desktop.start_folder import start_folder

    suggested = suggested_path('Day 1: "safety" / planning?')
    assert suggested.parent == Path(start_folder())  # Documents, or home where it is missing
    assert suggested.name == "Day 1_ _safety_ - planning_.sopkit"
    build_kit(qtbot, window)
    path = tmp_path / "day1.sopkit"
    with qtbot.waitSignal(window.kits.message, timeout=30_000):
        window.kits.export(path)
    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.kits.import_from(path)  # the same kit is already here
    assert asked == ["You already have the kit “Safety planning, day 1”. Add another copy of it?"]
    assert len(KitStore(window.library).all()) == 1


def test_deleting_a_kit_asks_first_and_no_keeps_it(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    build_kit(qtbot, window)
    store = KitStore(window.library)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        def press() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            box.button(button).click()

        QTimer.singleShot(0, press)

    answer(QMessageBox.StandardButton.No)
    window.kits.buttons["delete"].click()
    assert asked == ["Delete the kit “Safety planning, day 1”? This cannot be undone."]
    assert [k.name for k in store.all()] == ["Safety planning, day 1"]
    answer(QMessageBox.StandardButton.Yes)
    window.kits.buttons["delete"].click()
    assert len(asked) == 2 and store.all() == []


@pytest.mark.parametrize("language", ["english", "spanish"])
@pytest.mark.parametrize("logical", [(1366, 768), (911, 512), (683, 384)])  # 100, 150, 200 %
def test_every_kit_button_is_as_wide_as_its_text(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    starter_library: Library,
    language: str,
    logical: tuple[int, int],
) -> None:
    request.getfixturevalue(language)
    window = open_window(qtbot, starter_library)
    window.resize(*logical)
    panel = window.kits
    window.side.setCurrentWidget(panel)
    curated = panel.kit_list.count() - 1  # a kit from the catalog: "Copy to my kits"
    panel.kit_list.setCurrentRow(curated)
    copy = panel.buttons["duplicate"]
    assert copy.text() in ("Copy to my kits", "Copiar a mis kits")
    for side in (120, 180, 260, 420):  # the sidebar dragged narrow and wide
        window.splitter.setSizes([side, 400, 300])
        qtbot.wait(20)
        for key, button in panel.buttons.items():
            text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert button.width() >= button.sizeHint().width() > text, (key, side, logical)
        assert copy.accessibleName() == copy.text()
    window.close()
