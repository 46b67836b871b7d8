"""Search index build: ours against SQLite FTS5's on the same synthetic catalog, same run.

Each build runs in a process of its own, so its peak resident memory is its own and no cache of
an earlier build helps it; the engines take turns, run after run, so the machine's load falls
on both alike. FTS5 is set up as in ``search_bench`` (its documentation's advice) and, as its
documentation advises after a bulk load, merged into one b-tree with ``optimize``: the row
``fts5-noopt`` is the same build without it. The texts are read from the same files by both.
The table gives the median (min-max) wall and CPU seconds and the largest peak RSS. With
``--before DIR`` the build of the code checked out in DIR (``git worktree add DIR main``, or
``git archive main | tar -x -C DIR``) runs in turn with the others: the row ``before``.

    python -m benchmarks.build_bench --sizes 5000,20000 --runs 3 [--before DIR]
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.search_bench import Fts5Engine
from resources_index.search.index import SearchIndex
from resources_index.search.library_search import TextCache
from tests.helpers.synthetic import Generator, write_texts

ENGINES = ("whoosh", "fts5", "fts5-noopt")
CHILD = (sys.executable, "-m", "benchmarks.build_bench", "--child")
#: The same build by the code of another checkout (``--before DIR``): "before" in the table.
BEFORE = "before"


def build_once(engine: str, size: int, texts: Path, folder: Path) -> dict[str, Any]:
    """One build of ``engine`` in this process: wall and CPU seconds, peak RSS in MB."""
    catalog = Generator().catalog(size)
    folder.mkdir(parents=True)
    began, began_cpu = time.perf_counter(), time.process_time()
    if engine == "whoosh":
        cache = TextCache(lambda rid: texts / f"{rid}.json")
        index = SearchIndex(folder / "index")
        index.ensure(catalog.manifest, "v1", lambda r: cache.get(r.id))
        index.close()
    else:
        fts = Fts5Engine(folder, texts)
        fts.build(catalog)
        if engine == "fts5":
            with fts.db:
                fts.db.execute("INSERT INTO docs(docs) VALUES('optimize')")
        fts.close()
    wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    code = str(Path(sys.modules[SearchIndex.__module__].__file__ or "").parents[2])
    return {"wall": wall, "cpu": cpu, "rss": peak_mb, "code": code}


def run_child(
    engine: str, size: int, texts: Path, folder: Path, before: Path | None
) -> dict[str, Any]:
    env, cwd = dict(os.environ), Path.cwd()
    if engine == BEFORE and before is not None:  # that checkout's code, this harness
        shutil.copy(Path(__file__), before / "benchmarks" / "build_bench.py")
        env["PYTHONPATH"] = str(before)
        cwd = before  # ``-m`` puts the working directory first on the path
        engine = "whoosh"
    out = subprocess.run(
        [*CHILD, engine, str(size), str(texts), str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} ({min(values):.1f}-{max(values):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a checkout whose build to time too")
    parser.add_argument("--only", help="engines to run, comma-separated")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        engine, size, texts, folder = args.child
        print(json.dumps(build_once(engine, int(size), Path(texts), Path(folder))))
        return
    print(
        f"{'size':>6} {'engine':<10} {'wall s (min-max)':>22} {'cpu s (min-max)':>22} {'RSS MB':>7}"
    )
    with tempfile.TemporaryDirectory(prefix="build-bench-") as tmp:
        workdir = Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            texts = workdir / f"texts-{size}"
            write_texts(Generator().catalog(size), texts)
            engines = [*ENGINES, BEFORE] if args.before else list(ENGINES)
            if args.only:
                engines = [e for e in engines if e in args.only.split(",")]
            rows: dict[str, list[dict[str, Any]]] = {e: [] for e in engines}
            for run in range(args.runs):
                for engine in engines:
                    folder = workdir / f"{engine}-{size}-{run}"
                    rows[engine].append(run_child(engine, size, texts, folder, args.before))
            for engine in engines:
                runs = rows[engine]
                if engine in ("whoosh", BEFORE):
                    code = ", ".join(sorted({r["code"] for r in runs}))
                    print(f"{size:>6} {engine:<10} code: {code}")
                print(
                    f"{size:>6} {engine:<10} {spread([r['wall'] for r in runs]):>22}"
                    f" {spread([r['cpu'] for r in runs]):>22} {max(r['rss'] for r in runs):>7.0f}"
                )
            for ours in (e for e in ("whoosh", BEFORE) if e in rows):
                wall = statistics.median(r["wall"] for r in rows[ours])
                cpu = statistics.median(r["cpu"] for r in rows[ours])
                for base in (e for e in ("fts5", "fts5-noopt") if e in rows):
                    base_wall = statistics.median(r["wall"] for r in rows[base])
                    base_cpu = statistics.median(r["cpu"] for r in rows[base])
                    print(
                        f"{size:>6} ratio      {ours} / {base}: build x{wall / base_wall:.1f}"
                        f" (CPU x{cpu / base_cpu:.1f})"
                    )


if __name__ == "__main__":
    main()
