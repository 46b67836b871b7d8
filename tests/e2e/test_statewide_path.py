"""The statewide path with real parts: a content team's own folder, published into the folder
of a real nginx whose worker runs as another user, synced by a laptop (first, no change, one
edit, a transfer cut and resumed), checked, searched, opened in the window, then synced again
from a trainer's laptop running ``sop-resources serve``."""

import os
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources_index.catalog.parts import INDEX_FILE, PARTS_FOLDER
from resources_index.catalog.signing import load_public_key
from resources_index.errors import ResourcesError
from resources_index.library.library import Library
from resources_index.library.store import object_relpath
from resources_index.publish.publisher import publish
from resources_index.search.library_search import LibrarySearch
from resources_index.sync.syncer import sync
from sop_desktop.viewers.pdf_viewer import PdfViewer
from sop_desktop.window.main_window import MainWindow
from tests.helpers.manifests import read_manifest
from tests.helpers.nginx import Nginx, running_nginx, world_readable_folder
from tests.helpers.served import running
from tests.helpers.source_tree import build_source
from tests.helpers.syncing import FAST
from tests.helpers.team_folder import TEAM_ROW, add_team_content, write_spreadsheet_csv
from tests.helpers.window_driving import final_answer


def team_source(folder: Path) -> Path:
    """Documents of every kind (PDF, Word, PowerPoint, web page, Markdown, a captioned video)
    and the team's own files, described by a spreadsheet export."""
    build_source(folder)
    rows = (folder / "catalog.csv").read_text(encoding="utf-8").splitlines()
    add_team_content(folder)
    write_spreadsheet_csv(folder, [*rows, TEAM_ROW.replace(",es,R07,", ",es,r07,")])
    return folder


def requests_since(server: Nginx, mark: int) -> list[str]:
    return [f"{line.status} {line.path}" for line in server.log()[mark:]]


@pytest.mark.slow
def test_a_teams_folder_reaches_laptops_through_an_ordinary_web_server(
    qtbot: QtBot, tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    source = team_source(tmp_path / "team")
    key = load_public_key(keys[1])
    with world_readable_folder() as www:
        out = www / "sop"
        report = publish(source, out, keys[0], catalog_id="ca-sop")
        assert "a link to a file outside" in " ".join(report.errors)
        with running_nginx(out, tmp_path / "nginx") as server:
            laptop = Library(tmp_path / "laptop")
            first = sync(laptop, server.url, [key], fetch_all=True, http=FAST)
            assert first.install is not None and laptop.verify() == []
            assert {"r07", "r08"} <= set(laptop.current().by_id)  # type: ignore[union-attr]
            assert all(line.status in (200, 304) for line in server.log())
            index_answer = next(x for x in server.log() if x.path.endswith(INDEX_FILE))
            assert index_answer.status == 200 and index_answer.bytes_sent < 2048  # pages: small
            assert not any(x.path.endswith("/catalog.json") for x in server.log())
            assert laptop.catalog_path.read_bytes() == (out / "catalog.json").read_bytes()
            # The Word and PowerPoint files came with the PDF copies LibreOffice made for them.
            copies = [r.shown for r in laptop.current().resources if r.shown.role == "rendition"]  # type: ignore[union-attr]
            assert sorted(e.name for e in copies) == ["danger-statements.pdf", "overview.pdf"]
            served = {x.path.rsplit("/", 1)[1] for x in server.log() if x.status == 200}
            assert all(e.sha256 in served and laptop.store.has(e.sha256, e.size) for e in copies)

            mark = len(server.log())
            again = sync(laptop, server.url, http=FAST)
            assert again.not_modified
            assert requests_since(server, mark) == [f"304 /sop/{INDEX_FILE}"]

            # One document edited: the index, the one part of the catalog that changed (and
            # the page that lists it) and that document's objects, nothing else.
            old = {e.sha256 for e in read_manifest(out, keys[1]).objects()}
            old_parts = set((out / PARTS_FOLDER).iterdir())
            (source / "glossary.md").write_text("# Glossary\n\n## Safety goal\n\nRevised.\n")
            publish(source, out, keys[0], catalog_id="ca-sop")
            new = {e.sha256 for e in read_manifest(out, keys[1]).objects()} - old
            new_parts = {p.name for p in set((out / PARTS_FOLDER).iterdir()) - old_parts}
            mark = len(server.log())
            edited = sync(laptop, server.url, http=FAST)
            assert edited.install is not None and edited.install.changed == ["glossary"]
            answers = requests_since(server, mark)
            assert answers[0] == f"200 /sop/{INDEX_FILE}"
            parts = {p.rsplit("/", 1)[1] for p in answers if f"/{PARTS_FOLDER}/" in p}
            assert parts == new_parts and 2 <= len(parts) <= 3  # a part, the page(s) naming it
            fetched = {p.rsplit("/", 1)[1] for p in answers[1:] if "/objects/" in p}
            assert fetched and fetched <= new  # the search index comes too: it is rebuilt
            assert len(answers) == 1 + len(parts) + len(fetched)
            assert laptop.catalog_path.read_bytes() == (out / "catalog.json").read_bytes()

            # A long transfer cut when the server stops, then resumed where it stopped.
            video = source / "workshop-recording.mp4"
            video.write_bytes(os.urandom(6 * 1024 * 1024))
            publish(source, out, keys[0], catalog_id="ca-sop")
            recording = next(
                r.main for r in read_manifest(out, keys[1]).resources if r.main.name == video.name
            )
            server.stop()
            server.start(limit_rate="768k")
            partial = laptop.store.root / "partial" / f"{recording.sha256}.part"
            failure: list[BaseException] = []

            def cut_sync() -> None:
                try:
                    sync(laptop, server.url, fetch_all=True, http=FAST)
                except ResourcesError as exc:
                    failure.append(exc)

            worker = threading.Thread(target=cut_sync)
            worker.start()
            qtbot.waitUntil(
                lambda: partial.exists() and partial.stat().st_size > 1024 * 1024, timeout=30_000
            )
            server.stop()  # nginx's fast shutdown: every transfer under way is cut
            worker.join(60)
            assert failure and "library was not changed" in str(failure[0])
            cut_at = partial.stat().st_size
            server.start()
            mark = len(server.log())
            resumed = sync(laptop, server.url, fetch_all=True, http=FAST)
            assert resumed.install is not None and laptop.verify() == []
            tail = [
                line
                for line in server.log()[mark:]
                if line.path.endswith(object_relpath(recording.sha256))
            ]
            assert [line.status for line in tail] == [206]
            assert tail[0].range == f"bytes={cut_at}-"
            assert tail[0].bytes_sent < recording.size - cut_at + 4096  # not fetched twice
            rows, _ = LibrarySearch(laptop).search("harm statements", quick=False)
            assert rows and rows[0].resource.id == "r07"

        # The same laptop, later, in a training room: a trainer's laptop serves its library.
        trainer = Library(tmp_path / "trainer")
        trainer.import_bundle(out, [key])
        with running(trainer.root) as room:
            from_room = sync(laptop, room.url, http=FAST)
        assert from_room.install is not None and from_room.install.already_current
        # A trainer's library holds the catalog whole, no index: asked once, then catalog.json.
        assert from_room.requests == 2 and laptop.verify() == []

    # The desktop program opens a synced PDF at the page that matched.
    window = MainWindow(laptop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.last_outcome is not None, timeout=20_000)
    qtbot.keyClicks(window.search_field, "house of dreams")
    outcome = final_answer(qtbot, window, "house of dreams")
    assert outcome.rows and outcome.rows[0].location == {"page": 2}
    window.open_current()
    viewer = window.viewers[outcome.rows[0].resource.id].viewer
    assert isinstance(viewer, PdfViewer)
    word = laptop.current().by_id["worksheets-danger-statements"]  # type: ignore[union-attr]
    window.open_resource(word)  # a Word file on a laptop without Office: its PDF copy
    assert isinstance(window.viewers[word.id].viewer, PdfViewer)
    assert window.viewers[word.id].viewer.document.pageCount() >= 1
    qtbot.waitUntil(lambda: viewer.current_page() == 2)
    assert viewer.find_field.text() == "house"
    for open_viewer in list(window.viewers.values()):
        open_viewer.close()
    window.close()
