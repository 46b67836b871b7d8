"""Reading a large catalog: the checked parse (every value against the format), the trusted
load (bytes identical to ones checked before), and the kept parsed copy, beside decoding the
same JSON alone, the floor any reader of this format stands on.

    python -m benchmarks.catalog_bench [--size 10000] [--runs 9] [--against REV]

Each measurement runs in a fresh process, interleaved with the others, the collector paused
as the library pauses it; medians are reported with their ratio to ``json.loads``. With
``--against REV`` the same catalog is read by the program as it was at that git revision (a
worktree made in a temporary folder), measured in the same run: a change of the code that
reads catalogs is judged against what it replaced.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.helpers.synthetic import Generator

ROOT = Path(__file__).resolve().parents[1]

MEASURE = """
import gc, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
try:
    from resources_index.catalog.model import Manifest
except ImportError:  # revisions before the catalog package
    from resources_index.catalog import Manifest
data = Path(sys.argv[2]).read_bytes()
gc.disable()
clock = time.perf_counter
began = clock(); json.loads(data); decoded = clock() - began
began = clock(); manifest = Manifest.from_bytes(data); checked = clock() - began
began = clock(); Manifest.from_bytes(data, validated=True); trusted = clock() - began
kept = None
try:
    from resources_index.library import snapshot
except ImportError:
    snapshot = None
if snapshot is not None:
    folder = Path(sys.argv[3])
    snapshot.save(folder, "0" * 64, manifest)
    began = clock(); snapshot.load(folder, "0" * 64); kept = clock() - began
print(json.dumps({"json.loads": decoded, "checked": checked, "trusted": trusted, "kept": kept}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", metavar="REV", help="also measure this git revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        catalog = work / "catalog.json"
        catalog.write_bytes(Generator().catalog(args.size).manifest.to_bytes())
        size = catalog.stat().st_size
        trees = {"this tree": ROOT}
        if args.against:
            old = work / "against"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "-f", "-q", str(old), args.against],
                check=True,
            )
            trees[args.against] = old
        try:
            times: dict[str, list[dict[str, float | None]]] = {name: [] for name in trees}
            for _ in range(args.runs):
                for name, tree in trees.items():
                    out = subprocess.run(
                        [sys.executable, "-c", MEASURE, str(tree), str(catalog), str(work)],
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                    times[name].append(json.loads(out))
        finally:
            if args.against:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                    check=False,
                )
    print(f"{args.size:,} resources, {size:,} bytes; medians of {args.runs}")
    for name, runs in times.items():
        floor = statistics.median(float(r["json.loads"] or 0) for r in runs)
        for step in ("json.loads", "checked", "trusted", "kept"):
            values = [r[step] for r in runs if r[step] is not None]
            if values:
                median = statistics.median(float(v) for v in values)
                print(f"  {name:<12} {step:<10} {median * 1000:7.1f} ms  {median / floor:5.2f}x")


if __name__ == "__main__":
    main()
