"""The Kits tab on a 1366×768 laptop at 150 % (and at 100 % and on 1920×1080 at 150 %), in
English and Spanish: Present, Export and Print are in sight without scrolling, and the items
list keeps room for a few items however the panel scrolls; the filters' check boxes keep their
top edge inside one-line rows. Each runs the real program in its
own process, as the system would start it."""

from pathlib import Path

import pytest

from tests.helpers.on_a_screen import run_on_screen


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    ("scale", "size"), [("1.5", (1366, 768)), ("1", (1366, 768)), ("1.5", (1920, 1080))]
)
def test_present_export_and_print_are_in_sight_and_the_items_list_keeps_its_room(
    tmp_path: Path, scale: str, size: tuple[int, int], language: str
) -> None:
    seen = run_on_screen(
        tmp_path,
        scale,
        size,
        "tests.helpers.kits_on_a_small_screen",
        str(tmp_path / "library"),
        language,
    )
    assert seen["buttons"] == {"present": True, "export": True, "print": True}, seen
    assert seen["items_lines"] >= 5, seen  # never a strip, even scrolled to the end
    assert seen["items_seen_at_top"] >= 3, seen  # two or three items read whole at first
    # Every check box of the filters wholly inside its row, its top edge too.
    assert seen["check_box_room"] and min(seen["check_box_room"]) >= 1, seen["check_box_room"]
