"""Search speed: the Whoosh index against an SQLite FTS5 baseline on the same text, same run.

The baseline is set up as FTS5's own documentation advises (``rank`` configured, ``ORDER BY rank
LIMIT``, prefix indexes); the ratios are against it. ``fts5-expr``, the baseline used before
(ordering by a bm25 expression), is printed as a second row, and ``fts5-quick`` searches only the
fields Whoosh's quick tier searches while typing (titles, tools, tags, labels), the fair
baseline for the keystroke column.

Builds synthetic catalogs (``tests/helpers/synthetic.py``), then for each engine measures the first
build, for Whoosh the adoption of an index shipped with the catalog (verify, unpack, open, first
search: what a laptop does instead of building), the index size, updating one resource until a
search sees it, and the latency of every keystroke of typed queries (top 20 with snippets), of
whole-word queries and of quoted phrases (the first time in a session, and again once the session
has asked them). Each replay runs several rounds with caches cleared between them; the table shows
medians of the per-round p50 and p95, with the min and max across rounds so the machine's noise is
visible. The build is also given in CPU seconds of this process (on a machine shared with other
work, wall time counts their turns too).

    python -m benchmarks.search_bench --sizes 1000,5000,20000 --rounds 5
"""

import argparse
import dataclasses
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from resources_index.catalog.model import Manifest
from resources_index.catalog.records import Resource
from resources_index.search.archive import pack
from resources_index.search.index import SearchIndex
from resources_index.search.library_search import TextCache
from resources_index.search.schema import document_for
from resources_index.util import fsutil
from tests.helpers.synthetic import PHRASES, TYPED, WORDS, Generator, SyntheticCatalog, write_texts


def keystrokes(text: str) -> list[str]:
    """What the search field holds after each key, from the second character on."""
    return [text[:n] for n in range(2, len(text) + 1)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclasses.dataclass
class Timing:
    p50: list[float] = dataclasses.field(default_factory=list)
    p95: list[float] = dataclasses.field(default_factory=list)

    def add(self, samples: list[float]) -> None:
        self.p50.append(percentile(samples, 0.5))
        self.p95.append(percentile(samples, 0.95))

    def median(self, which: str) -> float:
        return statistics.median(getattr(self, which))

    def spread(self, which: str) -> str:
        values = getattr(self, which)
        return f"{min(values) * 1000:.1f}-{max(values) * 1000:.1f}"


class WhooshEngine:
    name = "whoosh"

    def __init__(self, folder: Path, texts: Path) -> None:
        self.index = SearchIndex(folder / "index")
        self.cache = TextCache(lambda rid: texts / f"{rid}.json")
        self.folder = folder / "index"

    def build(self, catalog: SyntheticCatalog) -> None:
        self.index.ensure(catalog.manifest, "v1", lambda r: self.cache.get(r.id))

    def update(self, manifest: Manifest, resource: Resource) -> None:
        self.index.apply(manifest, "v2", [resource.id], [], lambda r: self.cache.get(r.id))

    def adopt(self, catalog: SyntheticCatalog) -> float:
        """Seconds for a laptop to take a shipped index: verify its hash, unpack, open, search."""
        archive = self.folder.with_name("search-index.tar")
        pack(self.folder, archive)
        began = time.perf_counter()
        fsutil.sha256_file(archive)
        laptop = SearchIndex(self.folder.with_name("adopted"))
        laptop.adopt(archive, catalog.manifest, "v1")
        laptop.search("safety plan", self.cache.get, limit=20)
        seconds = time.perf_counter() - began
        laptop.close()
        return seconds

    quick = True

    def search(self, text: str, typing: bool) -> list[str]:
        results = self.index.search(
            text, self.cache.get, limit=20, as_you_type=typing, quick=self.quick
        )
        return [h.id for h in results.hits]

    def clear_caches(self) -> None:
        """Forget cached results and prefix expansions (a new user session, same searcher)."""
        self.index.forget_answers()

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir())

    def close(self) -> None:
        self.index.close()


class Fts5Engine:
    """The baseline, set up as the FTS5 documentation advises for top-N queries: the bm25
    weights configured as the table's ``rank`` and ``ORDER BY rank LIMIT 20`` (so snippets are
    made for the 20 rows returned only), prefix indexes for the word being typed, porter
    stemming and accents folded."""

    name = "fts5"

    def __init__(self, folder: Path, texts: Path) -> None:
        self.path = folder / "fts.sqlite3"
        self.db = sqlite3.connect(self.path)
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,"
            " tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
        )
        self.db.execute("INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(0.0, 3.0, 1.0)')")
        self.texts = TextCache(lambda rid: texts / f"{rid}.json")

    def _body(self, resource: Resource) -> str:
        segments = self.texts.get(resource.id)
        return resource.summary + "\n" + "\n".join(str(s["text"]) for s in segments)

    def build(self, catalog: SyntheticCatalog) -> None:
        with self.db:
            self.db.executemany(
                "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)",
                ((r.id, r.title, self._body(r)) for r in catalog.manifest.resources),
            )

    def update(self, manifest: Manifest, resource: Resource) -> None:
        with self.db:
            self.db.execute("DELETE FROM docs WHERE id = ?", (resource.id,))
            self.db.execute(
                "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)",
                (resource.id, resource.title, self._body(resource)),
            )

    def search(self, text: str, typing: bool) -> list[str]:
        words = [w.replace('"', "") for w in text.split() if w.replace('"', "")]
        if not words:
            return []
        terms = [f'"{w}"' for w in words]
        if len(text) > 2 and text[0] == text[-1] == '"':  # a quoted phrase: FTS5's own
            terms = ['"' + " ".join(words) + '"']
        if typing and not text.endswith(" "):
            terms[-1] += "*"
        rows = self.db.execute(self.QUERY, (self.match(terms),)).fetchall()
        return [row[0] for row in rows]

    def match(self, terms: list[str]) -> str:
        """The MATCH expression: every word, in any column."""
        return " AND ".join(terms)

    QUERY = (
        "SELECT id, snippet(docs, 2, '<b>', '</b>', '…', 16) FROM docs WHERE docs MATCH ?"
        " ORDER BY rank LIMIT 20"
    )

    def clear_caches(self) -> None:
        return None

    def size(self) -> int:
        return self.path.stat().st_size

    def close(self) -> None:
        self.db.close()


class Fts5ExpressionEngine(Fts5Engine):
    """The baseline this harness used before: ``ORDER BY bm25(...)``, an expression, which
    makes SQLite compute the snippet of every matching row before sorting (about 3x slower);
    kept as a second row so older figures can be read against it."""

    name = "fts5-expr"
    QUERY = (
        "SELECT id, snippet(docs, 2, '<b>', '</b>', '…', 16) FROM docs WHERE docs MATCH ?"
        " ORDER BY bm25(docs, 0.0, 3.0, 1.0) LIMIT 20"
    )


class Fts5QuickFieldsEngine(Fts5Engine):
    """FTS5 (set up as documented) matching only the fields the quick tier searches while
    typing (titles, tools, tags and labels, in the ``title`` column), its snippets still made
    from the body text as the window's are: the fair baseline for the keystroke column of
    ``whoosh``, whose first answer comes from those fields."""

    name = "fts5-quick"

    def build(self, catalog: SyntheticCatalog) -> None:
        with self.db:
            self.db.executemany(
                "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)",
                (
                    (r.id, document_for(r, [])["complete"], self._body(r))
                    for r in catalog.manifest.resources
                ),
            )

    def update(self, manifest: Manifest, resource: Resource) -> None:
        with self.db:
            self.db.execute("DELETE FROM docs WHERE id = ?", (resource.id,))
            self.db.execute(
                "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)",
                (resource.id, document_for(resource, [])["complete"], self._body(resource)),
            )

    def match(self, terms: list[str]) -> str:
        return "title : (" + " AND ".join(terms) + ")"


def replay(engine: WhooshEngine | Fts5Engine, queries: list[str], typing: bool) -> list[float]:
    samples = []
    for query in queries:
        for text in keystrokes(query) if typing else [query]:
            began = time.perf_counter()
            engine.search(text, typing)
            samples.append(time.perf_counter() - began)
    return samples


def replay_kept(engine: WhooshEngine | Fts5Engine, queries: list[str]) -> list[float]:
    """Queries asked again in the same session, what was read for them kept (the cache of
    finished answers aside: each is answered again)."""
    if isinstance(engine, WhooshEngine):
        samples = []
        for text in queries:
            engine.index.forget_results()
            began = time.perf_counter()
            engine.search(text, False)
            samples.append(time.perf_counter() - began)
        return samples
    return replay(engine, queries, typing=False)


def changed_copy(resource: Resource, word: str) -> Resource:
    return resource._replace(title=f"{resource.title} {word}")


def measure(size: int, rounds: int, workdir: Path) -> dict[str, dict[str, object]]:
    catalog = Generator().catalog(size)
    texts = workdir / f"texts-{size}"
    write_texts(catalog, texts)
    results: dict[str, dict[str, object]] = {}
    engines: list[Callable[[Path, Path], WhooshEngine | Fts5Engine]] = [
        WhooshEngine,
        Fts5Engine,
        Fts5ExpressionEngine,
        Fts5QuickFieldsEngine,
    ]
    for make in engines:
        folder = workdir / f"{make.name}-{size}"  # type: ignore[attr-defined]
        folder.mkdir()
        engine = make(folder, texts)
        began, began_cpu = time.perf_counter(), time.process_time()
        engine.build(catalog)
        build, build_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        adopt = engine.adopt(catalog) if isinstance(engine, WhooshEngine) else None
        typed, full, words, phrases, again = Timing(), Timing(), Timing(), Timing(), Timing()
        for _ in range(rounds):
            engine.clear_caches()
            typed.add(replay(engine, TYPED, typing=True))
            if isinstance(engine, WhooshEngine):
                engine.quick = False  # every keystroke searched in full text as well
                engine.clear_caches()
                full.add(replay(engine, TYPED, typing=True))
                engine.quick = True
            engine.clear_caches()
            words.add(replay(engine, WORDS * 3, typing=False))
            engine.clear_caches()
            phrases.add(replay(engine, PHRASES, typing=False))
            again.add(replay_kept(engine, PHRASES))
        target = catalog.manifest.resources[size // 2]
        updated = changed_copy(target, "zebrafinch")
        manifest = dataclasses.replace(
            catalog.manifest,
            version=2,
            resources=tuple(
                updated if r.id == target.id else r for r in catalog.manifest.resources
            ),
            by_id={},
        )
        began = time.perf_counter()
        engine.update(manifest, updated)
        seen = target.id in engine.search("zebrafinch", typing=False)
        update = time.perf_counter() - began
        assert seen, f"{make.name} did not find the updated resource"  # type: ignore[attr-defined]
        results[engine.name] = {
            "build": build,
            "build_cpu": build_cpu,
            "again": again,
            "adopt": adopt,
            "size": engine.size(),
            "update": update,
            "typed": typed,
            "words": words,
            "full": full,
            "phrases": phrases,
        }
        engine.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    header = (
        f"{'size':>6} {'engine':<9} {'build s':>8} {'cpu s':>7} {'adopt s':>8}"
        f" {'index MB':>9} {'update s':>9}"
        f" {'key p50 ms':>11} {'key p95 ms (min-max)':>22} {'word p95 ms (min-max)':>22}"
        f" {'phrase p95 ms':>13} {'again p95':>9} {'full-text key p50/p95 ms':>25}"
    )
    print(header)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            results = measure(size, args.rounds, workdir)
            for name, row in results.items():
                typed, words = row["typed"], row["words"]
                assert isinstance(typed, Timing) and isinstance(words, Timing)
                print(
                    f"{size:>6} {name:<9} {row['build']:>8.1f} {row['build_cpu']:>7.1f}"
                    f" {'-' if row['adopt'] is None else format(row['adopt'], '.1f'):>8}"
                    f" {row['size'] / 1e6:>9.1f}"
                    f" {row['update']:>9.3f} {typed.median('p50') * 1000:>11.1f}"
                    f" {typed.median('p95') * 1000:>8.1f} ({typed.spread('p95'):>11})"
                    f" {words.median('p95') * 1000:>8.1f} ({words.spread('p95'):>11})"
                    f" {row['phrases'].median('p95') * 1000:>13.1f}"  # type: ignore[attr-defined]
                    f" {row['again'].median('p95') * 1000:>9.1f}"  # type: ignore[attr-defined]
                    + (
                        f" {full.median('p50') * 1000:>12.1f} / {full.median('p95') * 1000:.1f}"
                        if (full := row["full"]).p50  # type: ignore[union-attr]
                        else ""
                    )
                )
            whoosh, fts = results["whoosh"], results["fts5"]
            ratio_key = whoosh["typed"].median("p95") / fts["typed"].median("p95")  # type: ignore[union-attr]
            ratio_word = whoosh["words"].median("p95") / fts["words"].median("p95")  # type: ignore[union-attr]
            ratio_full = whoosh["full"].median("p95") / fts["typed"].median("p95")  # type: ignore[union-attr]
            ratio_phrase = whoosh["phrases"].median("p95") / fts["phrases"].median("p95")  # type: ignore[attr-defined]
            print(
                f"{size:>6} ratio     whoosh / fts5: keystroke p95 x{ratio_key:.2f}"
                f" (full text x{ratio_full:.2f}), word p95 x{ratio_word:.2f},"
                f" phrase p95 x{ratio_phrase:.2f}"
            )
            ratio_again = whoosh["again"].median("p95") / fts["again"].median("p95")  # type: ignore[attr-defined]
            ratio_build = whoosh["build"] / fts["build"]  # type: ignore[operator]
            ratio_cpu = whoosh["build_cpu"] / fts["build_cpu"]  # type: ignore[operator]
            print(
                f"{size:>6} ratio     whoosh / fts5: phrase p95 asked again x{ratio_again:.2f},"
                f" build x{ratio_build:.1f} (CPU x{ratio_cpu:.1f})"
            )
            quick_fields = results["fts5-quick"]
            ratio_quick = whoosh["typed"].median("p95") / quick_fields["typed"].median("p95")  # type: ignore[union-attr]
            print(f"{size:>6} ratio     quick tier / fts5 over its fields: x{ratio_quick:.2f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
