"""A library on a read-only share (or an index folder nobody may write): search still answers
from the index as it is, with no lock taken to read it; an update that cannot be written is
skipped with a line in the log, never a failure of the search."""

import json
from pathlib import Path

from resources_index.search.archive import STAMP_FILE
from resources_index.search.library_search import INDEX_DIR
from tests.helpers.faults import a_searched_library, cli, read_only, small_disk


def test_search_answers_in_a_read_only_library(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 60) as disk:
        library = a_searched_library(disk)
        read_only(disk)
        done = cli(library.root, "search", "safety plan", "--json")
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr and done.stderr == ""
        assert json.loads(done.stdout), done.stdout


def test_an_index_behind_its_catalog_answers_as_it_is_and_says_so_in_the_log(
    tmp_path: Path,
) -> None:
    """The catalog changed while the library could not be written (a share updated by IT
    from elsewhere): the update is skipped, the search answers, the log says why."""
    with small_disk(tmp_path / "disk", 60) as disk:
        library = a_searched_library(disk)
        stamp = library.root / INDEX_DIR / STAMP_FILE
        kept = json.loads(stamp.read_text())
        stamp.write_text(json.dumps({**kept, "manifest_sha256": "0" * 64}))
        read_only(disk)
        done = cli(library.root, "search", "safety plan", "--json")
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert json.loads(done.stdout)
    logs = "".join(p.read_text() for p in (tmp_path / "logs").rglob("*.log*") if p.is_file())
    assert "the search index could not be updated, searched as it is" in logs
