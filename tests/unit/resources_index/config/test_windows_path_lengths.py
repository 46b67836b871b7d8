"""Every path the program makes fits Windows' 260 characters under a typical %LOCALAPPDATA%.

Windows refuses a longer path (MAX_PATH: 259 characters and the terminating NUL; 247 for a
folder, which leaves room for an 8.3 name) unless long paths are turned on machine-wide, which
a county's laptops cannot be assumed to have. The folders are platformdirs' for the program's
names with a user name of 20 characters (the longest Windows allows); what is made below them
is found by running the real code on the longest ids and file names the catalog allows, and
watching every path it writes, replaces or removes (temporary ones too).
"""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from platformdirs.windows import Windows

from resources_index.catalog import limits
from resources_index.catalog.model import KitItem
from resources_index.catalog.signing import load_public_key
from resources_index.config import paths
from resources_index.config.settings import Settings
from resources_index.instruments.responses import Response, ResponseStore, user_responses_folder
from resources_index.library.kits import KitStore
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.publish.renditions import cached_rendition
from resources_index.reports.outbox import outbox
from resources_index.search.library_search import LibrarySearch
from resources_index.support import crash_reports, logs
from resources_index.util import fsutil

USER = "u" * 20  # Windows' longest user name
FILE_LIMIT, FOLDER_LIMIT = 259, 247
#: What ``atomic_writer`` adds to a name for the file it writes beside it: ``.NAME.xxxxxxxx.part``.
WRITER_EXTRA = len(".") + len(".xxxxxxxx.part")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Windows:
    """platformdirs' Windows folders for the program, the user's %LOCALAPPDATA% as it is."""
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", rf"C:\Users\{USER}\AppData\Local")
    return Windows(appname=paths.APP_NAME, appauthor=False)


def on_windows(base: str, relative: str) -> str:
    return (base + "\\" + relative).replace("/", "\\")


def too_long(base: str, made: dict[str, bool]) -> list[str]:
    """The paths of ``made`` (relative: True for a folder) too long below ``base``."""
    return [
        on_windows(base, name)
        for name, folder in made.items()
        if len(on_windows(base, name)) > (FOLDER_LIMIT if folder else FILE_LIMIT)
    ]


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[Path]]:
    """Every path a replace or a removal touches (the writer's temporary files, the index's
    folders being built)."""
    seen: set[Path] = set()
    monkeypatch.setattr(fsutil, "refusals", lambda _operation, touched: seen.update(touched))
    yield seen


def test_the_data_folder_is_the_one_expected(windows: Windows) -> None:
    assert windows.user_data_dir.replace("/", "\\") == rf"C:\Users\{USER}\AppData\Local\SOP Desktop"


def test_the_library_fits_with_the_longest_names_a_catalog_allows(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], windows: Windows, watched: set[Path]
) -> None:
    # The longest name a publisher's file system takes with its ".meta.yaml" beside it (255
    # bytes); its id, derived from the name, is the longest the catalog allows.
    long_name = "s" * (limits.MAX_NAME_CHARS - len(".meta.yaml") - len(".md")) + ".md"
    (source / long_name).write_text("# A guide with a long name\n\nSafety networks.\n")
    published = tmp_path / "published"
    assert publish(source, published, keys[0], catalog_id="test-catalog").errors == []
    library = Library(tmp_path / "library")
    library.import_bundle(published, [load_public_key(keys[1])])
    manifest = library.current()
    assert manifest is not None
    resource = next(r for r in manifest.resources if r.files[0].name == long_name)
    assert len(resource.id) == 128  # the longest id a catalog allows
    search = LibrarySearch(library)
    assert search.refresh().rebuilt
    search.close()
    kits = KitStore(library)
    kits.create("A kit", [KitItem(resource.id, "Open the guide.")])
    library.named_copy(resource.files[0])
    Settings().save(library.root)
    made = {p.relative_to(library.root).as_posix(): p.is_dir() for p in library.root.rglob("*")}
    for path in watched:
        if path.is_relative_to(library.root):
            made[path.relative_to(library.root).as_posix()] = path.is_dir()
    written = [name for name, folder in made.items() if not folder]
    for name in written:  # the file written beside each one before it replaces it
        made[str(Path(name).with_name(f"{Path(name).name}{'x' * WRITER_EXTRA}"))] = False
    assert any(name.startswith("open/") for name in made)
    assert too_long(windows.user_data_dir, made) == []


def test_responses_reports_logs_and_renditions_fit(tmp_path: Path, windows: Windows) -> None:
    library = Library(tmp_path / "library")
    folder = user_responses_folder(library.root, USER)
    response = Response(
        id=uuid.uuid4().hex,
        form_id="f" * 128,  # the longest form id a catalog allows
        form_version="1",
        language="en",
        started="2026-12-03T08:49:33Z",
        modified="2026-12-03T08:49:33Z",
    )
    made: dict[str, bool] = {}
    for kind in ("drafts", "completed"):
        path = ResponseStore(folder)._path(kind, response)
        made[path.relative_to(library.root).as_posix() + "x" * WRITER_EXTRA] = False
    report = f"2026-W49-{'f' * 32}.json"  # outbox.PERIOD and outbox.REPORT_ID
    for where in ("outbox", "sent", "set-aside"):
        made[f"{outbox(library).parent.relative_to(library.root).as_posix()}/{where}/{report}"] = (
            False
        )
    assert too_long(windows.user_data_dir, made) == []
    program = "sop-resources"
    log_files = {
        f"{logs.LOG_FILE}.5": False,
        crash_reports.pending_file(program, Path()).as_posix(): False,
        f"crash-{program}-20261203-084933.txt": False,
    }
    assert too_long(windows.user_log_dir, log_files) == []
    rendition = cached_rendition(Path("renditions"), "f" * 64).as_posix()
    assert too_long(windows.user_cache_dir, {rendition + "x" * WRITER_EXTRA: False}) == []
