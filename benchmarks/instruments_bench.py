"""What an instrument costs: converting the starter's forms, and, after every answer, the
session's work (skip logic, issues, calculations) beside the durable draft write it triggers.

    python -m benchmarks.instruments_bench [--rounds 5]

Each round converts every starter form (pyxform with the checks before it) and fills the
largest one answer by answer: ``set_answer`` + ``visible_items`` + ``issues`` (what the window
asks after a keystroke) and ``save_draft`` (write beside, fsync, rename), the baseline measured in
the same run. Prints medians over rounds.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = sorted((ROOT / "assets" / "starter" / "instruments").glob("*.xlsx"))


def run(rounds: int) -> None:
    from resources_index.instruments.conversion import convert_form
    from resources_index.instruments.responses import ResponseStore
    from resources_index.instruments.session import FormSession

    converting: dict[str, list[float]] = {form.name: [] for form in FORMS}
    answering: list[float] = []
    saving: list[float] = []
    folder = Path(tempfile.mkdtemp(prefix="instruments-bench-"))
    for _ in range(rounds):
        definitions = []
        for form in FORMS:
            started = time.perf_counter()
            definitions.append(convert_form(form))
            converting[form.name].append(time.perf_counter() - started)
        definition = max(definitions, key=lambda d: len(list(d.walk())))
        store = ResponseStore(folder)
        draft = store.new_draft(definition, "en")
        session = FormSession(definition)
        answer_times, save_times = [], []
        for item, _ in definition.walk():
            if not item.choices:
                continue
            started = time.perf_counter()
            session.set_answer(item.name, item.choices[0].name)
            session.visible_items()
            session.issues()
            answer_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            draft = store.save_draft(draft, session.answers)
            save_times.append(time.perf_counter() - started)
        answering.append(statistics.median(answer_times))
        saving.append(statistics.median(save_times))
    for name, times in converting.items():
        print(f"convert {name}: median {1000 * statistics.median(times):.1f} ms")
    answer, save = 1000 * statistics.median(answering), 1000 * statistics.median(saving)
    print(f"after an answer, session work: median {answer:.2f} ms")
    print(f"after an answer, durable draft write (baseline): median {save:.2f} ms")
    print(f"session work / draft write: x{answer / save:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    run(parser.parse_args().rounds)


if __name__ == "__main__":
    main()
