"""What is shared, with reports off and on, as a person reads it and a screen reader hears
it, in English and Spanish: with reports off the table of what a report would hold (the
instruments' measures too) under one sentence saying they are off and why; the greyed choice
in Settings says its reason in words; titles too long for their column are whole in the tool
tip and in what a screen reader hears."""

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from resources_index.library.library import Library, open_library
from resources_index.reports.usage import MEASURES
from tests.helpers.reporting import county_policy
from tests.helpers.window_driving import open_window, type_query
from tests.helpers.window_reading import shown_cells


@pytest.mark.parametrize(
    ("fixture", "off", "reason", "chosen", "kinds"),
    [
        (
            "english",
            "Usage reports are off on this laptop, because no policy",
            "Off on this laptop: no policy turns it on.",
            "Times an answer was chosen",
            "Each resource",
        ),
        (
            "spanish",
            "Los informes de uso están desactivados en esta computadora porque ninguna",
            None,
            None,
            "Cada recurso",
        ),
    ],
)
def test_with_reports_off_what_would_be_shared_is_shown_with_the_reason(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    starter_library: Library,
    fixture: str,
    off: str,
    reason: str | None,
    chosen: str | None,
    kinds: str,
) -> None:
    request.getfixturevalue(fixture)
    window = open_window(qtbot, starter_library)
    dialog = window.open_settings()
    dialog.show()
    assert not dialog.reporting.isEnabled()
    said = dialog.reporting_reason
    assert said.isVisible() and said.text()  # in words on the form, not only a tool tip
    if reason is not None:
        assert said.text() == reason
    face = QAccessible.queryAccessibleInterface(dialog.reporting)
    assert face.text(QAccessible.Text.Description) == said.text()
    view = dialog.show_report()
    view.show()
    intro = view.findChildren(type(said))[0]
    assert intro.text().startswith(off), intro.text()
    assert view.table.isVisible() and not view.as_sent.isVisible()  # no report, no JSON
    cells = shown_cells(view)
    names = [view.measure_name(m) for m in MEASURES]
    for name in names:  # every kind, the instruments' measures included
        assert name in cells, (name, cells)
    assert cells[cells.index(names[0]) + 1] == kinds
    if chosen is not None:
        assert chosen in cells
    assert view.fidelity_note.isVisible()
    view.grab().save(str(Path(starter_library.root).parent / f"shared-off-{fixture}.png"))
    view.close()
    dialog.reject()
    window.close()


def test_with_reports_on_a_long_title_is_whole_in_its_tool_tip_and_heard_whole(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county_policy(tmp_path, monkeypatch)
    window = open_window(qtbot, open_library(tmp_path / "library"))
    outcome = type_query(qtbot, window, "harm statements")
    resource = outcome.rows[0].resource
    window.open_resource(resource, outcome.rows[0].location)
    dialog = window.open_settings()
    view = dialog.show_report()
    view.resize(520, 420)  # narrow: the title does not fit its column
    view.show()
    heading = view.table.topLevelItem(0)
    row = next(
        heading.child(i)
        for i in range(heading.childCount())
        if heading.child(i).text(1) == resource.title
    )
    rect = view.table.visualItemRect(row)
    width = view.table.header().sectionSize(1)
    assert view.table.fontMetrics().horizontalAdvance(resource.title) > width or rect.height()
    assert row.toolTip(1).splitlines()[0] == resource.title  # whole in the tool tip
    assert resource.title in shown_cells(view)  # and heard whole
    view.close()
    dialog.reject()
    for viewer in list(window.viewers.values()):
        viewer.close()
    window.close()
