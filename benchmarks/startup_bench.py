"""Start-up: from launching ``sop-desktop`` to a window that has answered a query.

    python -m benchmarks.startup_bench [--sizes starter,10000] [--runs 7] [--workdir DIR]

Each run starts a fresh process (``python -m sop_desktop --startup-probe QUERY``), which shows
the window, types the query and reports when the first results are in; the clock runs from
just before the process is spawned to that line, so interpreter, imports, catalog, index and
first paint are all counted. The program's modules are byte-compiled first, as an
installed copy's are. The baseline, measured in the same run and interleaved with the
others, is a bare QApplication showing an empty window. The large catalog is synthetic
(``tests/helpers/synthetic.py``), published with its search index and imported once into a
library kept in ``--workdir`` (building it takes minutes; later runs reuse it).
"""

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from resources_index.catalog import limits
from resources_index.catalog.model import canonical_json
from resources_index.catalog.records import FileEntry, Resource
from resources_index.catalog.signing import (
    generate_keypair,
    load_private_key,
    load_public_key,
    seal,
)
from resources_index.library.library import Library, open_library
from resources_index.library.store import object_relpath
from resources_index.search.archive import pack
from resources_index.search.index import build_index
from resources_index.search.library_search import LibrarySearch
from resources_index.search.schema import SCHEMA_VERSION
from resources_index.util.fsutil import sha256_file
from tests.helpers.synthetic import Generator

QUERY = "safety plan"
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def _write_object(bundle: Path, data: bytes) -> tuple[str, int]:
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    target = bundle / object_relpath(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return sha, len(data)


def build_bundle(size: int, work: Path) -> tuple[Path, Path]:
    """A signed catalog folder of ``size`` synthetic resources with text objects and a shipped
    index (main files left out: they would be downloaded later). Returns (bundle, public key)."""
    bundle = work / f"bundle-{size}"
    keys = work / "keys"
    if not (keys / "catalog.pub").exists():
        generate_keypair(keys)
    if (bundle / "catalog.json").exists():
        return bundle, keys / "catalog.pub"
    print(f"building a {size:,}-resource catalog in {bundle} (once)...", file=sys.stderr)
    catalog = Generator().catalog(size)
    resources: list[Resource] = []
    segments_by_id = {}
    for resource in catalog.manifest.resources:
        segments = catalog.texts(resource)
        data = canonical_json(
            {
                "format": limits.TEXT_FORMAT,
                "format_version": 1,
                "language": resource.language,
                "segments": segments,
            }
        )
        sha, length = _write_object(bundle, data)
        text = FileEntry("text", f"{resource.id}.text.json", sha, length, limits.TEXT_MEDIA_TYPE)
        resources.append(resource._replace(files=(resource.main, text)))
        segments_by_id[resource.id] = segments
    manifest = dataclasses.replace(catalog.manifest, resources=tuple(resources), by_id={})
    scratch = Path(tempfile.mkdtemp(prefix="index-", dir=work))
    build_index(manifest, lambda r: segments_by_id[r.id], scratch / "index")
    pack(scratch / "index", scratch / "search-index.tar")
    sha, length = sha256_file(scratch / "search-index.tar")
    _write_object(bundle, (scratch / "search-index.tar").read_bytes())
    entry = FileEntry("index", "search-index.tar", sha, length, limits.INDEX_MEDIA_TYPE)
    manifest = dataclasses.replace(
        manifest, search_index=entry, search_index_schema=SCHEMA_VERSION, by_id={}
    )
    envelope = seal(manifest.to_bytes(), load_private_key(keys / "catalog.key"))
    (bundle / "catalog.json").write_bytes(envelope)
    return bundle, keys / "catalog.pub"


def prepare_library(size: str, work: Path) -> Path:
    """A settled library (catalog installed, search index in place), as after a first start."""
    root = work / f"library-{size}"
    if (root / "catalog.json").exists():
        return root
    if size == "starter":
        library = open_library(root)
    else:
        bundle, public = build_bundle(int(size), work)
        library = Library(root)
        library.import_bundle(bundle, [load_public_key(public)])
    search = LibrarySearch(library)
    search.refresh()
    search.close()
    library.close()
    return root


def compile_program() -> None:
    """Byte-compile the program's packages, as installing it does (``pip install`` and the
    packaged build ship compiled modules), so no run pays for compiling them from source; the
    baseline's PySide6 is compiled already."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in ("resources_index", "sop_desktop"):
        compileall.compile_dir(root / package, quiet=1)


def timed(command: list[str], marker: str) -> float:
    """Seconds from spawning ``command`` to the line starting with ``marker``."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in env else "xcb")
    began = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        watchdog = threading.Timer(120, process.kill)  # a hung start fails, never waits forever
        watchdog.start()
        for line in process.stdout:
            if line.startswith(marker):
                seconds = time.perf_counter() - began
                break
        else:
            raise RuntimeError(f"{command} ended without {marker!r}")
        watchdog.cancel()
        process.wait(30)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="starter,10000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "sop-startup-bench"))
    args = parser.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    libraries = {size: prepare_library(size, work) for size in sizes}
    compile_program()
    samples: dict[str, list[float]] = {"bare window": [], **{s: [] for s in sizes}}
    bare = [sys.executable, "-c", BARE]
    for _ in range(args.runs):
        samples["bare window"].append(timed(bare, "shown"))
        for size, root in libraries.items():
            program = [sys.executable, "-m", "sop_desktop", "--data-dir", str(root)]
            samples[size].append(timed([*program, "--startup-probe", QUERY], "answered"))
    baseline = statistics.median(samples["bare window"])
    print(f"{'catalog':>12}  {'median s':>9}  {'min-max s':>11}  {'minus bare s':>12}")
    for name, values in samples.items():
        median = statistics.median(values)
        extra = "" if name == "bare window" else f"{median - baseline:12.2f}"
        spread = f"{min(values):.2f}-{max(values):.2f}"
        print(f"{name:>12}  {median:9.2f}  {spread:>11}  {extra}")
    print(json.dumps({k: [round(v, 3) for v in vals] for k, vals in samples.items()}))


if __name__ == "__main__":
    main()
