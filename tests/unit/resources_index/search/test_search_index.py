"""The index as derived data: incremental updates, rebuilds, kills in commit, concurrent search."""

import json
import shutil
import subprocess
import sys
import tarfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.publish.publisher import publish
from resources_index.search.archive import STAMP_FILE
from resources_index.search.library_search import LibrarySearch
from tests.helpers.kills import bytes_in, kill_when, replaced


@pytest.fixture
def installed(library: Library, published: Path, keys: tuple[Path, Path]) -> Iterator[Library]:
    library.import_bundle(published, [load_public_key(keys[1])])
    yield library


def ids(search: LibrarySearch, text: str) -> list[str]:
    rows, _ = search.search(text)
    return [row.resource.id for row in rows]


def test_incremental_update_touches_only_what_changed(
    installed: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    search = LibrarySearch(installed)
    assert search.refresh().rebuilt
    assert search.refresh() == type(search.refresh())()  # nothing to do the second time
    (source / "glossary.md").write_text("# Glossary\n\nZebrafinch is a new word.\n")
    (source / "toolkits" / "partners.html").unlink()
    publish(source, published, keys[0], catalog_id="test-catalog")
    installed.import_bundle(published)
    change = search.refresh()
    assert (change.added, change.updated, change.removed, change.rebuilt) == (0, 1, 1, False)
    assert ids(search, "zebrafinch") == ["glossary"]
    assert ids(search, "partner toolkit") == []
    search.close()


@pytest.mark.parametrize("damage", ["missing", "old-schema", "garbage"])
def test_index_is_rebuilt_when_missing_old_or_damaged(installed: Library, damage: str) -> None:
    search = LibrarySearch(installed)
    search.refresh()
    search.close()
    folder = installed.root / "index"
    if damage == "missing":
        shutil.rmtree(folder)
    elif damage == "old-schema":
        stamp = json.loads((folder / STAMP_FILE).read_text())
        (folder / STAMP_FILE).write_text(json.dumps({**stamp, "schema": 0}))
    else:
        for path in folder.iterdir():
            if path.name != STAMP_FILE:
                path.write_bytes(b"\0garbage")
        stamp = json.loads((folder / STAMP_FILE).read_text())
        (folder / STAMP_FILE).write_text(json.dumps({**stamp, "manifest_sha256": "other"}))
    again = LibrarySearch(installed)
    assert again.refresh().rebuilt
    assert ids(again, "three houses")[0] == "three-houses"
    again.close()


def test_search_keeps_answering_while_the_index_updates(
    installed: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    search = LibrarySearch(installed)
    search.refresh()
    for number in range(150):
        (source / f"extra-{number}.md").write_text(f"# Extra {number}\n\nSafety mapping {number}.")
    publish(source, published, keys[0], catalog_id="test-catalog")
    installed.import_bundle(published)
    errors: list[BaseException] = []
    answers: list[int] = []
    done = threading.Event()

    def keep_searching() -> None:
        while not done.is_set():
            try:
                rows, _ = search.search("safety mapping", limit=5)
                answers.append(len(rows))
            except BaseException as exc:
                errors.append(exc)

    reader = threading.Thread(target=keep_searching)
    reader.start()
    try:
        change = search.refresh()
    finally:
        done.set()
        reader.join()
    assert errors == []
    assert change.added == 150 and answers and min(answers) >= 0
    assert len(ids(search, "extra 149")) >= 1
    search.close()


KILLED_UPDATE = """
import sys
from pathlib import Path
from resources_index.library.library import Library
from resources_index.search.library_search import LibrarySearch
library = Library(Path(sys.argv[1]))
print("ready", flush=True)
LibrarySearch(library).refresh()
"""


@pytest.mark.slow
def test_killed_during_an_index_update_the_next_start_has_a_working_index(
    installed: Library, source: Path, published: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    search = LibrarySearch(installed)
    search.refresh()
    search.close()
    for number in range(400):
        (source / f"extra-{number}.md").write_text(f"# Extra {number}\n\n" + "word " * 300)
    publish(source, published, keys[0], catalog_id="test-catalog")
    installed.import_bundle(published)
    base = tmp_path / "base"
    shutil.copytree(installed.root, base)
    names_before = {p.name for p in (base / "index").iterdir()}

    def moments(root: Path) -> list[Callable[[], bool]]:
        """Where to kill, seen in the index folder: a new segment begun, grown, its table of
        contents written, and the stamp that records the update replaced."""
        folder = root / "index"
        grown = bytes_in(folder) + 64 * 1024

        def new_names(suffix: str = "") -> int:
            return sum(
                p.name not in names_before and p.name.endswith(suffix) for p in folder.iterdir()
            )

        return [
            lambda: new_names() >= 1,
            lambda: bytes_in(folder) > grown,
            lambda: new_names(".toc") >= 1,
            replaced(folder / STAMP_FILE),
        ]

    for number in range(len(moments(base))):
        root = tmp_path / f"killed-{number}"
        shutil.copytree(installed.root, root)
        moment = moments(root)[number]
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_UPDATE, str(root)], stdout=subprocess.PIPE
        )
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        kill_when(process, moment)
        process.wait()
        process.stdout.close()
        library = Library(root)
        restarted = LibrarySearch(library)
        restarted.refresh()
        assert restarted.index.document_count() == len(library.current().resources)  # type: ignore[union-attr]
        assert ids(restarted, "extra 399")
        restarted.close()
        library.close()


def test_a_shipped_index_is_adopted_instead_of_indexing(installed: Library) -> None:
    manifest = installed.current()
    assert manifest is not None and manifest.search_index is not None
    search = LibrarySearch(installed)
    change = search.refresh()
    assert change.adopted and change.added == len(manifest.resources)
    assert ids(search, "three houses")[0] == "three-houses"
    assert search.refresh() == type(change)()  # adopted and stamped: nothing more to do
    search.close()


def test_catalog_without_a_shipped_index_is_indexed_here(
    library: Library, source: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "plain"
    publish(source, out, keys[0], catalog_id="plain", search_index=False)
    library.import_bundle(out, [load_public_key(keys[1])])
    assert library.current().search_index is None  # type: ignore[union-attr]
    search = LibrarySearch(library)
    change = search.refresh()
    assert change.rebuilt and not change.adopted
    assert ids(search, "three houses")[0] == "three-houses"
    search.close()


def test_an_unusable_shipped_index_falls_back_to_indexing_here(installed: Library) -> None:
    shipped = installed.current().search_index  # type: ignore[union-attr]
    assert shipped is not None
    path = installed.object_path(shipped.sha256)

    path.unlink()
    with tarfile.open(path, "w") as archive:  # same size is not needed: adoption is the check
        evil = tarfile.TarInfo("../escape")
        archive.addfile(evil)
    search = LibrarySearch(installed)
    change = search.refresh()
    assert change.rebuilt and not change.adopted
    assert not (installed.root / "escape").exists()
    assert ids(search, "glossary")[0] == "glossary"
    search.close()


def test_indexes_name_the_analyzer_module_every_release_can_open(
    tmp_path: Path, installed: Library
) -> None:
    """Whoosh pickles analyzer classes by module into each index. The starter's index was built
    by an earlier release (module ``resources_index.search_index``): it is adopted here, and the
    indexes built here still name that module, so laptops not yet upgraded adopt them too."""
    starter = Library(tmp_path / "starter-library")
    assert starter.ensure_starter()
    shipped = starter.current().search_index  # type: ignore[union-attr]
    assert shipped is not None
    with tarfile.open(starter.object_path(shipped.sha256)) as archive:
        toc = archive.extractfile("_MAIN_1.toc").read()  # type: ignore[union-attr]
    assert b"resources_index.search_index" in toc
    search = LibrarySearch(starter)
    change = search.refresh()
    assert change.adopted
    assert ids(search, "three houses")
    search.close()
    starter.close()

    built = installed.object_path(installed.current().search_index.sha256)  # type: ignore[union-attr]
    with tarfile.open(built) as archive:
        toc = archive.extractfile("_MAIN_1.toc").read()  # type: ignore[union-attr]
    assert b"resources_index.search_index" in toc
    assert b"resources_index.search.analysis" not in toc


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=60))
def test_whatever_is_typed_the_index_answers_and_raises_nothing(
    installed: Library, typed: str
) -> None:
    """Quotes left open, lone accents, symbols, control characters, very long words: each
    keystroke's query gets an answer (maybe empty), never an exception from the engine."""
    search = LibrarySearch(installed)
    for as_you_type, quick in ((True, True), (False, False)):
        rows, results = search.search(typed, as_you_type=as_you_type, quick=quick, facets=not quick)
        assert len(rows) <= results.total or not results.total_exact
    search.close()


CONCURRENT_REFRESH = """
import sys
from pathlib import Path
from resources_index.library.library import Library
from resources_index.search.library_search import LibrarySearch
search = LibrarySearch(Library(Path(sys.argv[1])))
search.refresh()
rows, _ = search.search("three houses")
print(len(rows))
"""


@pytest.mark.slow
@pytest.mark.parametrize("shipped", [True, False])
def test_programs_indexing_one_library_at_once_all_end_with_a_working_index(
    installed: Library, tmp_path: Path, shipped: bool
) -> None:
    """The window and a command-line search (or two programs) may find the index missing at
    the same moment: one builds or adopts it, the others wait for it and use it."""
    root = tmp_path / "copy"
    shutil.copytree(installed.root, root)
    if not shipped:  # no index in the catalog's files: each would build one
        manifest = installed.current()
        assert manifest is not None and manifest.search_index is not None
        (root / object_relpath(manifest.search_index.sha256)).unlink()
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_REFRESH, str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    answers = [process.communicate(timeout=300) for process in processes]
    assert [p.returncode for p in processes] == [0] * 4, [err[-400:] for _, err in answers]
    assert all(int(out) > 0 for out, _ in answers)


def test_an_index_built_here_reports_its_progress(installed: Library) -> None:
    manifest = installed.current()
    assert manifest is not None and manifest.search_index is not None
    installed.object_path(manifest.search_index.sha256).unlink()  # nothing to adopt
    search = LibrarySearch(installed)
    reports: list[tuple[int, int]] = []
    change = search.refresh(lambda done, total: reports.append((done, total)))
    assert change.rebuilt and not change.adopted
    assert reports and reports[-1] == (len(manifest.resources), len(manifest.resources))
    assert search.refresh(lambda done, total: reports.append((done, total))) == type(change)()
    assert len(reports) == 1  # nothing to build the second time: nothing reported
    search.close()


def test_a_typo_one_document_holds_still_offers_the_common_word(
    library: Library, source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    """ "thre" is in one handout (a typo); "three" in several titles: the typed words find the
    handout, and the correction that finds clearly more is offered beside it."""
    (source / "notes.md").write_text("# Notes\n\nDraw thre houses with the child.\n")
    for name in ("more-a.md", "more-b.md"):
        (source / name).write_text(f"# Three Houses {name}\n\nThree houses, drawn together.\n")
    publish(source, published, keys[0], catalog_id="test-catalog")
    library.import_bundle(published, [load_public_key(keys[1])])
    search = LibrarySearch(library)
    rows, results = search.search("thre houses")
    assert [row.resource.id for row in rows] == ["notes"]
    assert results.suggestion == "three houses" and not results.corrected
    rows, results = search.search("three houses")
    assert len(rows) >= 3 and results.suggestion is None
    search.close()
