"""Endurance: the real window through a long morning, its memory and its answers over time.

    python -m benchmarks.endurance_bench [--rounds 2000] [--cycle 50] [--warm 200] [--workdir DIR]

Drives the real main window (offscreen, or on ``$DISPLAY`` when one is set) with the same
person-like actions as ``tests/endurance``: queries typed key by key with their results
walked, PDFs and videos opened and closed, filters checked and cleared, and in every cycle a
sync started against a slow server on 127.0.0.1 and cancelled, and a session kit presented
from start to end. Printed per cycle: the resident memory and the median time from the last
key to the complete answer; at the end, the growth per 100 rounds once warm (a least-squares
line through the cycles from ``--warm`` on). The catalog is published and served by another
process (``endurance_fixture.py``), so this process holds what the program holds. The
baseline, measured in the same run, is a bare QApplication showing an empty window in a fresh
process: what Qt alone costs in memory.
"""

import argparse
import contextlib
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# A real screen when there is one ($DISPLAY, e.g. Xvfb), else Qt's offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

from PySide6.QtWidgets import QApplication

from resources_index.library.library import open_library
from sop_desktop.allocator import limit_arenas
from sop_desktop.window.main_window import MainWindow
from sop_desktop.workers import wait_for_tasks
from tests.helpers.morning import Morning, resident_mb, wait_until
from tests.helpers.served import point_at

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


def growth_per_100(rows: list[tuple[int, float, float, float]], warm: int) -> float:
    """MB per 100 rounds from round ``warm`` on: the slope of a least-squares line through
    the cycles' readings (one reading alone says little: the allocator grows in steps)."""
    points = [(n, mb) for n, mb, _, _ in rows if n >= warm] or [(n, mb) for n, mb, _, _ in rows]
    if len(points) < 2:
        return 0.0
    mean_n = statistics.fmean(n for n, _ in points)
    mean_mb = statistics.fmean(mb for _, mb in points)
    spread = sum((n - mean_n) ** 2 for n, _ in points)
    return sum((n - mean_n) * (mb - mean_mb) for n, mb in points) / spread * 100


@contextlib.contextmanager
def served_catalog(work: Path) -> Iterator[dict[str, str]]:
    """The published catalog and its crawling server, in their own process
    (``endurance_fixture.py``): its address and the signing key pair."""
    fixture = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.endurance_fixture", str(work)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert fixture.stdin is not None and fixture.stdout is not None
    try:
        line = fixture.stdout.readline()
        if not line:
            raise SystemExit(f"the catalog could not be published (exit {fixture.wait()})")
        yield json.loads(line)
    finally:
        fixture.stdin.close()
        fixture.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--cycle", type=int, default=50)
    parser.add_argument("--warm", type=int, default=200, help="the round from which it is warm")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--json", action="store_true", help="end with one line of JSON")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="endurance-bench-"))
    limit_arenas()  # as sop-desktop does at its start (sop_desktop/__main__.py)
    with served_catalog(work) as served:
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
                rows.append(
                    (n, resident_mb(), statistics.median(recent), time.perf_counter() - began)
                )
                print(
                    f"round {n:5d}: {rows[-1][1]:6.1f} MB resident, answer median"
                    f" {rows[-1][2]:5.0f} ms, {rows[-1][3]:6.0f} s",
                    flush=True,
                )

        point_at(library, served["url"], (Path(served["private"]), Path(served["public"])))
        morning.run(args.rounds, args.cycle, measure)
    alive = morning.search("three houses") > 0 and window.isVisible()
    window.close()
    wait_for_tasks()
    problems = len(library.verify())
    catalog = library.current()
    library.close()
    del app

    tally = morning.tally
    warm = next((row for row in rows if row[0] >= args.warm), rows[0])
    end = rows[-1]
    per_100 = growth_per_100(rows, args.warm)
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
            "growth_per_100_mb": per_100,
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
