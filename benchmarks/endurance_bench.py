"""Endurance: the real window through a long morning, its memory and its answers over time.

    python -m benchmarks.endurance_bench [--rounds 1200] [--cycle 50] [--workdir DIR]

Drives the real main window (offscreen, or on ``$DISPLAY`` when one is set) with the same
person-like actions as ``tests/endurance``: queries typed key by key with their results
walked, PDFs and videos opened and closed, filters checked and cleared, and in every cycle a
sync started against a slow server on 127.0.0.1 and cancelled, and a session kit presented
from start to end. Printed per cycle: the resident memory and the median time from the last
key to the complete answer. The baseline, measured in the same run, is a bare QApplication
showing an empty window in a fresh process: what Qt alone costs in memory.
"""

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# A real screen when there is one ($DISPLAY, e.g. Xvfb), else Qt's offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

from PySide6.QtWidgets import QApplication

from resources_index.catalog.signing import generate_keypair
from resources_index.library.library import open_library
from resources_index.publish.publisher import publish
from sop_desktop.window.main_window import MainWindow
from sop_desktop.workers import wait_for_tasks
from tests.conftest import build_source
from tests.helpers.morning import Morning, resident_mb, wait_until
from tests.helpers.served import CrawlingHandler, point_at, running

BARE = """
import re, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def report():
    rss = re.search(r"^VmRSS:\\s+(\\d+) kB", Path("/proc/self/status").read_text(), re.M)
    print(int(rss.group(1)) / 1024, flush=True)
    app.quit()
QTimer.singleShot(500, report)
app.exec()
"""


def bare_window_mb() -> float:
    done = subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1200)
    parser.add_argument("--cycle", type=int, default=50)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--json", action="store_true", help="end with one line of JSON")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="endurance-bench-"))
    source = build_source(work / "source")
    (source / "workshop-recording.mp4").write_bytes(os.urandom(3 * 1024 * 1024))
    private, public = generate_keypair(work / "keys")
    publish(source, work / "published", private, catalog_id="bench")
    bare = bare_window_mb()

    app = QApplication.instance() or QApplication(sys.argv)
    platform = QApplication.platformName()
    library = open_library(work / "library")
    window = MainWindow(library)
    window.show()
    wait_until(lambda: window.last_outcome is not None)
    morning = Morning(window)
    began = time.perf_counter()
    rows: list[tuple[int, float, float, float]] = []

    def measure(n: int) -> None:
        if n % args.cycle == 0 and n:
            recent = morning.tally.answer_ms[-args.cycle :]
            rows.append((n, resident_mb(), statistics.median(recent), time.perf_counter() - began))
            print(
                f"round {n:5d}: {rows[-1][1]:6.1f} MB resident, answer median"
                f" {rows[-1][2]:5.0f} ms, {rows[-1][3]:6.0f} s",
                flush=True,
            )

    with running(work / "published", handler=CrawlingHandler) as server:
        point_at(library, server.url, (private, public))
        morning.run(args.rounds, args.cycle, measure)
    alive = morning.search("three houses") > 0 and window.isVisible()
    window.close()
    wait_for_tasks()
    problems = len(library.verify())
    catalog = library.current()
    library.close()
    del app

    tally = morning.tally
    warm = rows[1] if len(rows) > 1 else rows[0]
    end = rows[-1]
    per_100 = (end[1] - warm[1]) / max(1, end[0] - warm[0]) * 100
    print()
    print(f"baseline, bare Qt window in a fresh process: {bare:.1f} MB resident")
    print(
        f"{tally.queries} queries, {tally.results_walked} results walked, {tally.opened} opened,"
        f" {tally.filters_toggled} filters, {tally.kits_presented} kits presented,"
        f" {tally.syncs_cancelled} syncs cancelled; alive at the end: {alive}"
    )
    print(
        f"resident after round {warm[0]}: {warm[1]:.1f} MB ({warm[1] / bare:.2f}x bare);"
        f" after round {end[0]}: {end[1]:.1f} MB ({end[1] / bare:.2f}x bare);"
        f" {per_100:+.2f} MB per 100 rounds once warm"
    )
    answers = sorted(tally.answer_ms)
    if args.json:
        summary = {
            "alive": alive,
            "bare_mb": bare,
            "resident_mb": {str(n): mb for n, mb, _, _ in rows},
            "tally": {k: v for k, v in dataclasses.asdict(tally).items() if k != "answer_ms"},
            "answer_ms_median": statistics.median(answers),
            "platform": platform,
            "verify_problems": problems,
            "catalog_id": catalog.catalog_id if catalog else None,
        }
    print(
        f"last key to complete answer: median {statistics.median(answers):.0f} ms,"
        f" p95 {answers[int(len(answers) * 0.95)]:.0f} ms (a 300 ms typing pause included);"
        f" first cycle median {rows[0][2]:.0f} ms, last cycle median {end[2]:.0f} ms"
    )

    if args.json:
        print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
