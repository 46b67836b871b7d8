"""Against a real nginx: whatever goes wrong with the catalog's index or parts (an index older
than catalog.json, a site that answers every missing file with its home page, a host that
serves parts decompressed, parts missing while an upload is under way) the laptop falls back
to catalog.json whole, checked as always; a moment of 404 is not "this server has no index"."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources_index.catalog.parts import INDEX_FILE, unpack
from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.sync.syncer import sync
from tests.helpers.manifests import read_manifest
from tests.helpers.nginx import Nginx, running_nginx, world_readable_folder
from tests.helpers.syncing import FAST, files_of
from tests.helpers.trees import snapshot

SPA_FALLBACK = """
    location /spa/ { return 200 "<!doctype html><title>Home</title>"; }
    error_page 404 =200 /spa/;
"""


@pytest.fixture
def www(tmp_path: Path, source: Path, keys: tuple[Path, Path]) -> Iterator[Path]:
    with world_readable_folder() as folder:
        out = folder / "sop"
        publish(source, out, keys[0], catalog_id="test-catalog")
        yield out


def answers(server: Nginx, mark: int) -> list[str]:
    return [f"{line.status} {line.path.rsplit('/', 1)[1]}" for line in server.log()[mark:]]


def publish_as_the_previous_version(source: Path, out: Path, keys: tuple[Path, Path]) -> None:
    """A publisher still on the previous version: catalog.json and objects uploaded, the
    index and parts of the last publish in parts left as they were (times included)."""
    kept = out.parent / "kept-index"
    shutil.copy2(out / INDEX_FILE, kept)
    publish(source, out, keys[0], catalog_id="test-catalog")
    shutil.copy2(kept, out / INDEX_FILE)


def edit(source: Path, words: str) -> None:
    (source / "glossary.md").write_text(f"# Glossary\n\n{words}\n")


def test_a_newer_catalog_json_beside_an_older_index_is_taken(
    tmp_path: Path, www: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    key = load_public_key(keys[1])
    with running_nginx(www, tmp_path / "nginx") as server:
        # A laptop that has version 2 from catalog.json (as the previous version synced),
        # while the server keeps the index of version 1.
        edit(source, "Second.")
        publish_as_the_previous_version(source, www, keys)
        laptop = Library(tmp_path / "laptop")
        hidden = www / "hidden-index"
        (www / INDEX_FILE).rename(hidden)
        sync(laptop, server.url, [key], http=FAST)
        hidden.rename(www / INDEX_FILE)
        laptop.state.set_many({"sync_index_absent": ""})
        second = read_manifest(www, keys[1]).version
        assert laptop.current().version == second  # type: ignore[union-attr]

        mark = len(server.log())
        same = sync(laptop, server.url, http=FAST)  # the index is a rollback: not a refusal
        assert same.not_modified
        assert answers(server, mark) == [f"200 {INDEX_FILE}", "304 catalog.json"]

        edit(source, "Third.")
        publish_as_the_previous_version(source, www, keys)
        mark = len(server.log())
        third = sync(laptop, server.url, http=FAST)
        assert third.install is not None and third.install.changed == ["glossary"]
        assert answers(server, mark)[:2] == [f"304 {INDEX_FILE}", "200 catalog.json"]
        assert laptop.current().version == read_manifest(www, keys[1]).version > second  # type: ignore[union-attr]
        mark = len(server.log())
        assert sync(laptop, server.url, http=FAST).not_modified
        assert answers(server, mark) == [f"304 {INDEX_FILE}", "304 catalog.json"]

        # Published in parts again: the index is used, and a no-change sync is one request.
        edit(source, "Fourth.")
        publish(source, www, keys[0], catalog_id="test-catalog")
        mark = len(server.log())
        fourth = sync(laptop, server.url, http=FAST)
        assert fourth.install is not None
        assert "catalog.json" not in " ".join(answers(server, mark))
        assert laptop.catalog_path.read_bytes() == (www / "catalog.json").read_bytes()
        mark = len(server.log())
        assert sync(laptop, server.url, http=FAST).not_modified
        assert answers(server, mark) == [f"304 {INDEX_FILE}"]


def test_an_index_of_the_same_version_asks_catalog_json_conditionally(
    tmp_path: Path, www: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    """A laptop that has the index's version asks catalog.json (which may be newer) once, then
    a no-change sync is the index's 304 alone."""
    with running_nginx(www, tmp_path / "nginx") as server:
        laptop = Library(tmp_path / "laptop")
        sync(laptop, server.url, [load_public_key(keys[1])], http=FAST)
        index = www / INDEX_FILE
        later = index.stat().st_mtime + 60
        os.utime(index, (later, later))  # uploaded again, unchanged: a new ETag
        mark = len(server.log())
        assert sync(laptop, server.url, http=FAST).install is not None
        assert answers(server, mark) == [f"200 {INDEX_FILE}", "200 catalog.json"]
        mark = len(server.log())
        assert sync(laptop, server.url, http=FAST).not_modified
        assert answers(server, mark) == [f"304 {INDEX_FILE}"]


@pytest.mark.parametrize("fault", ["spa fallback", "decompressed", "parts missing"])
def test_an_index_or_parts_that_cannot_be_used_fall_back_to_catalog_json(
    tmp_path: Path, www: Path, source: Path, keys: tuple[Path, Path], fault: str
) -> None:
    key = load_public_key(keys[1])
    extra = SPA_FALLBACK if fault == "spa fallback" else ""
    with running_nginx(www, tmp_path / "nginx", extra=extra) as server:
        laptop = Library(tmp_path / "laptop")
        sync(laptop, server.url, [key], http=FAST)
        _, before = files_of(www, keys)
        edit(source, "Revised.")
        publish(source, www, keys[0], catalog_id="test-catalog")
        pages, parts = files_of(www, keys)
        new = parts - before
        for ref in new if fault != "decompressed" else pages | parts:
            path = www / ref.path
            if fault == "decompressed":  # as Google Cloud Storage serves them
                path.write_bytes(unpack(path.read_bytes(), ref))
            else:
                path.unlink()
        mark = len(server.log())
        report = sync(laptop, server.url, http=FAST)
        assert report.install is not None and report.install.changed == ["glossary"]
        assert laptop.catalog_path.read_bytes() == (www / "catalog.json").read_bytes()
        took_whole = "200 catalog.json" in answers(server, mark)
        assert took_whole == (fault != "decompressed")  # decompressed parts are used as they are


def test_a_moment_of_404_everywhere_is_not_a_server_without_an_index(
    tmp_path: Path, www: Path, keys: tuple[Path, Path]
) -> None:
    with running_nginx(www, tmp_path / "nginx") as server:
        laptop = Library(tmp_path / "laptop")
        sync(laptop, server.url, [load_public_key(keys[1])], http=FAST)
        aside = www.parent / "aside"
        www.rename(aside)  # the folder replaced, say, while a deployment runs
        www.mkdir()
        www.chmod(0o755)
        before = snapshot(laptop.root)
        with pytest.raises(Exception, match="catalog"):
            sync(laptop, server.url, http=FAST)
        assert snapshot(laptop.root) == before
        assert not laptop.state.get("sync_index_absent")
        www.rmdir()
        aside.rename(www)
        mark = len(server.log())
        assert sync(laptop, server.url, http=FAST).not_modified
        assert answers(server, mark) == [f"304 {INDEX_FILE}"]


def test_an_index_met_mid_upload_is_read_again_once_the_upload_completes(
    tmp_path: Path, www: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    """Parts missing while an upload is under way (catalog.json not yet replaced): the sync
    falls back and keeps the laptop's version; once the upload completes, with the same file
    times (as ``cp -a`` and ``rsync -a`` keep them), the next sync installs the newer one
    rather than take the index's 304 for "nothing changed"."""
    with running_nginx(www, tmp_path / "nginx") as server:
        laptop = Library(tmp_path / "laptop")
        sync(laptop, server.url, [load_public_key(keys[1])], http=FAST)
        first = laptop.current().version  # type: ignore[union-attr]
        _, before = files_of(www, keys)
        old_catalog = www.parent / "old-catalog.json"
        shutil.copy2(www / "catalog.json", old_catalog)
        edit(source, "Revised.")
        publish(source, www, keys[0], catalog_id="test-catalog")
        _, after = files_of(www, keys)
        aside = www.parent / "aside"
        aside.mkdir()
        (www / "catalog.json").rename(aside / "catalog.json")
        shutil.copy2(old_catalog, www / "catalog.json")
        for ref in after - before:
            (www / ref.path).rename(aside / ref.sha256)
        assert after - before

        mid = sync(laptop, server.url, http=FAST)
        assert mid.install is None or not mid.install.changed
        assert laptop.current().version == first  # type: ignore[union-attr]

        for ref in after - before:
            (aside / ref.sha256).rename(www / ref.path)
        (aside / "catalog.json").replace(www / "catalog.json")
        mark = len(server.log())
        done = sync(laptop, server.url, http=FAST)
        assert done.install is not None and done.install.changed == ["glossary"]
        assert laptop.catalog_path.read_bytes() == (www / "catalog.json").read_bytes()
        assert answers(server, mark)[0] == f"200 {INDEX_FILE}"
        mark = len(server.log())
        assert sync(laptop, server.url, http=FAST).not_modified
        assert answers(server, mark) == [f"304 {INDEX_FILE}"]
