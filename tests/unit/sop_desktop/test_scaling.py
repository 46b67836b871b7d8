"""At 150 % and 200 % scaling, with a large system font and in a 900×600 window, result titles
are drawn and have room, and the details pane wraps instead of scrolling sideways. Each case
runs the real window in its own process, as the system would start it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


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
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "LAPTOP", "x": 0, "y": 0, "width": 1920, "height": 1080}]})
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.helpers.scaled_window",
            str(tmp_path / "library"),
            str(width),
            str(height),
            str(points),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["count"].endswith("results") and len(seen["rows"]) == 3
    for row in seen["rows"]:
        assert row["ink"] > 40, seen  # the title is drawn
        assert row["room"] >= 12, seen  # with room for a dozen characters at least
    assert seen["details_sideways"] == 0 and seen["details_body"] <= seen["details_viewport"]
    assert seen["buttons_inside"], seen
    assert seen["filters_sideways"] == 0
