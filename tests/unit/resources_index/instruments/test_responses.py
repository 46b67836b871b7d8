"""Responses in the library: drafts after every answer, completed apart, per user; a draft
survives the program being killed with SIGKILL mid-form."""

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from resources_index.errors import LibraryError
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import FormDefinition, Item, to_bytes
from resources_index.instruments.responses import (
    ResponseStore,
    read_response,
    user_responses_folder,
)
from resources_index.instruments.session import FormSession
from tests.helpers.faults import small_disk
from tests.helpers.kills import kill_when
from tests.helpers.xlsforms import example_form

ROOT = Path(__file__).resolve().parents[4]


@pytest.fixture
def example(tmp_path: Path) -> FormDefinition:
    return convert_form(example_form(tmp_path / "example.xlsx"))


def test_responses_live_in_the_library_per_user(tmp_path: Path) -> None:
    assert user_responses_folder(tmp_path, "maria") == tmp_path / "instruments/responses/maria"
    assert user_responses_folder(tmp_path, "../../etc").parent == tmp_path / "instruments/responses"
    assert user_responses_folder(tmp_path, "..").name == "user"
    assert user_responses_folder(tmp_path).parent == tmp_path / "instruments" / "responses"


def test_a_draft_is_saved_and_completed_responses_are_kept_apart(
    tmp_path: Path, example: FormDefinition
) -> None:
    store = ResponseStore(user_responses_folder(tmp_path, "coach"))
    draft = store.new_draft(example, "es", subject="Coachee A")
    session = FormSession(example)
    session.set_answer("parents_present", "yes")
    draft = store.save_draft(draft, session.answers)
    drafts, problems = store.drafts()
    assert problems == [] and [d.answers for d in drafts] == [{"parents_present": "yes"}]
    assert drafts[0].language == "es" and drafts[0].subject == "Coachee A"
    done = store.complete(draft, session)
    assert store.drafts() == ([], [])
    completed, _ = store.completed(example.id)
    assert completed == [done]
    assert done.completed and done.answers == {"parents_present": "yes", "points": "1"}
    assert (store.folder / "completed" / "example" / f"{done.id}.json").is_file()
    other = ResponseStore(user_responses_folder(tmp_path, "someone-else"))
    assert other.completed() == ([], [])


def test_a_draft_left_beside_its_completed_response_is_dropped(
    tmp_path: Path, example: FormDefinition
) -> None:
    store = ResponseStore(tmp_path / "me")
    draft = store.save_draft(store.new_draft(example, "en"), {"comment": "x"})
    done = store.complete(draft, FormSession(example, draft.answers))
    store.save_draft(draft)  # as if killed between writing the completed one and the removal
    assert store.drafts() == ([], [])
    assert not list((store.folder / "drafts").rglob("*.json"))
    assert store.completed()[0] == [done]


def test_an_unreadable_response_is_named_and_the_others_still_listed(
    tmp_path: Path, example: FormDefinition
) -> None:
    store = ResponseStore(tmp_path / "me")
    good = store.save_draft(store.new_draft(example, "en"), {"comment": "fine"})
    broken = store.folder / "drafts" / "example" / "broken.json"
    broken.write_bytes(b'{"format": 1, "id": ')
    nested = store.folder / "drafts" / "example" / "nested.json"
    nested.write_text("[" * 100_000, encoding="utf-8")
    drafts, problems = store.drafts()
    assert [d.id for d in drafts] == [good.id]
    assert sorted(p.kind for p in problems) == ["instrument.response_unreadable"] * 2
    assert "broken.json cannot be read" in " ".join(str(p) for p in problems)
    assert read_response(store.folder / "drafts" / "example" / f"{good.id}.json") == drafts[0]


def test_a_full_disk_keeps_the_previous_draft_whole_and_says_so(
    tmp_path: Path, example: FormDefinition
) -> None:
    with small_disk(tmp_path / "disk", 1) as disk:
        store = ResponseStore(disk / "responses" / "me")
        draft = store.save_draft(store.new_draft(example, "en"), {"comment": "first words"})
        ballast = disk / "ballast"
        with contextlib.suppress(OSError), ballast.open("wb") as handle:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        with pytest.raises(LibraryError, match=r"could not be written \(the disk is full\)"):
            store.save_draft(draft, {"comment": "first words and many more " * 200})
        session = FormSession(example, {"comment": "first words and many more " * 200})
        with pytest.raises(LibraryError, match="could not be written"):
            store.complete(draft, session)
        drafts, problems = store.drafts()
        assert problems == [] and [d.answers for d in drafts] == [{"comment": "first words"}]
        assert store.completed() == ([], [])
        ballast.unlink()
        store.complete(draft, session)
        assert store.drafts() == ([], []) and len(store.completed()[0]) == 1


FILLER = """
import sys
from pathlib import Path
from resources_index.instruments.definition import from_bytes
from resources_index.instruments.responses import ResponseStore
definition = from_bytes(Path(sys.argv[1]).read_bytes(), "killed")
store = ResponseStore(Path(sys.argv[2]))
draft = store.new_draft(definition, "en")
answers = {}
for step in range(1_000_000):  # one answer after another, as fast as the disk allows
    answers[f"q{step % 20}"] = str(step)
    draft = store.save_draft(draft, answers)
"""


@pytest.mark.slow
def test_a_draft_survives_kill_9_mid_form_losing_at_most_the_answer_being_typed(
    tmp_path: Path,
) -> None:
    questions = tuple(Item(name=f"q{i}", type="text", labels={"en": "?"}) for i in range(20))
    form = FormDefinition("killed", "1", {"en": "K"}, ("en",), "en", questions)
    (tmp_path / "form.json").write_bytes(to_bytes(form))
    folder = tmp_path / "responses" / "me"
    drafts = folder / "drafts" / "killed"

    def answered_enough() -> bool:
        for path in drafts.glob("*.json"):
            try:
                values = json.loads(path.read_bytes())["answers"].values()
            except (OSError, ValueError):
                raise AssertionError(f"{path.name} was seen half-written") from None
            return len(values) == 20 and max(int(v) for v in values) >= 300
        return False

    process = subprocess.Popen(
        [sys.executable, "-c", FILLER, str(tmp_path / "form.json"), str(folder)], cwd=ROOT
    )
    assert kill_when(process, answered_enough), "the filler ended before it was killed"
    found, problems = ResponseStore(folder).drafts()
    assert problems == [] and len(found) == 1
    values = {name: int(value) for name, value in found[0].answers.items()}
    last = max(values.values())
    assert last >= 300
    # A consistent snapshot after answer `last`: every question holds its latest answer.
    assert values == {f"q{step % 20}": step for step in range(last - 19, last + 1)}
