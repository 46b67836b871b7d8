"""A helper program run as the system would start it on a laptop's screen: its own process, a
screen of the size given (Qt's offscreen platform reads it from a file) and a scale factor
(``QT_SCALE_FACTOR``); what it prints last, one JSON line, is returned."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_on_screen(
    folder: Path, scale: str, size: tuple[int, int], module: str, *arguments: str
) -> Any:
    """Run ``python -m module arguments`` on a ``size`` screen at ``scale``."""
    screen = folder / "screen.json"
    width, height = size
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "LAPTOP", "x": 0, "y": 0, "width": width, "height": height}]}
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
