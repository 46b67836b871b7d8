"""What counting a search for the usage reports costs, beside the search it counts.

    python -m benchmarks.usage_bench [--searches 300] [--rounds 5]

A library holding the starter catalog, reports turned on by a policy; every query of
``search_bench`` and a few that find nothing are searched (``LibrarySearch.search``, the
baseline, its cached answers forgotten each time) and then counted (``Usage.searched``),
alternately, in the same run. Prints the medians over rounds of each round's median and p95,
and counting as a share of searching.
The first count of a run builds the vocabulary and the database; it is shown apart.
"""

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.search_bench import percentile
from tests.helpers.synthetic import TYPED, WORDS


def run(searches: int, rounds: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="usage-bench-"))
    policy = folder / "policy.json"
    policy.write_text(json.dumps({"settings": {"reporting_enabled": True}, "county": "Bench"}))
    os.environ["SOP_DESKTOP_POLICY"] = str(policy)
    from resources_index.library.library import Library
    from resources_index.reports.usage import Usage
    from resources_index.search.library_search import LibrarySearch

    library = Library(folder / "library")
    library.ensure_starter()
    search = LibrarySearch(library)
    search.refresh()
    usage = Usage.of(library)
    started = time.perf_counter()
    usage.searched("first count", 0)
    first = time.perf_counter() - started
    queries = [*TYPED, *WORDS, "zebraquartz", "plan for maria garcia 555-0100"]
    searched: list[tuple[float, float]] = []
    counted: list[tuple[float, float]] = []
    for _ in range(rounds):
        search_times, count_times = [], []
        for number in range(searches):
            query = queries[number % len(queries)]
            search.index.forget_answers()  # each search answered afresh, as a new one is
            started = time.perf_counter()
            rows, _ = search.search(query)
            search_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            usage.searched(query, len(rows))
            count_times.append(time.perf_counter() - started)
        searched.append((statistics.median(search_times), percentile(search_times, 0.95)))
        counted.append((statistics.median(count_times), percentile(count_times, 0.95)))
    usage.close()
    search.close()
    library.close()

    def shown(pairs: list[tuple[float, float]]) -> tuple[float, float]:
        return (
            1000 * statistics.median(p[0] for p in pairs),
            1000 * statistics.median(p[1] for p in pairs),
        )

    (search_p50, search_p95), (count_p50, count_p95) = shown(searched), shown(counted)
    print(f"first count (vocabulary and database made): {1000 * first:.1f} ms")
    print(f"search (baseline): p50 {search_p50:.2f} ms, p95 {search_p95:.2f} ms")
    print(f"count:             p50 {count_p50:.3f} ms, p95 {count_p95:.3f} ms")
    print(
        f"count / search:    p50 x{count_p50 / search_p50:.3f}, p95 x{count_p95 / search_p95:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    run(args.searches, args.rounds)


if __name__ == "__main__":
    main()
