"""At 150 % and 200 % scaling, with a large system font and in a 900×600 window, result titles
are drawn and have room, and the details pane wraps instead of scrolling sideways. Each case
runs the real window in its own process, as the system would start it."""

from pathlib import Path

import pytest

from tests.helpers.on_a_screen import run_on_screen


@pytest.mark.parametrize(
    ("scale", "width", "height", "points"),
    [
        ("1", 900, 600, 0),  # a small window
        ("1.5", 1280, 720, 0),  # 150 % on a 1920×1080 screen
        ("2", 960, 540, 0),  # 200 % on a 1920×1080 screen
        ("1", 1280, 800, 18),  # a large system font
        ("2", 960, 540, 14),  # both
    ],
)
def test_titles_stay_visible_and_the_details_wrap_at_every_size(
    tmp_path: Path, scale: str, width: int, height: int, points: int
) -> None:
    seen = run_on_screen(
        tmp_path,
        scale,
        (1920, 1080),
        "tests.helpers.scaled_window",
        str(tmp_path / "library"),
        str(width),
        str(height),
        str(points),
    )
    assert seen["count"].endswith("results") and len(seen["rows"]) == 3
    for row in seen["rows"]:
        assert row["ink"] > 40, seen  # the title is drawn
        assert row["room"] >= 12, seen  # with room for a dozen characters at least
    assert seen["details_sideways"] == 0 and seen["details_body"] <= seen["details_viewport"]
    assert seen["buttons_inside"], seen
    assert seen["filters_sideways"] == 0
