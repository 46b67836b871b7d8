"""Publishing over OUT while a web server (IIS, on Windows) holds one of its files open.

Windows will not rename a folder while a file in it is open; ``tests.helpers.windows_sharing``
refuses as Windows would while a real file of OUT is held open.
"""

from pathlib import Path

import pytest

from resources_index.publish.publisher import publish
from resources_index.util import fsutil
from resources_index.util.fsutil import FileInUseError
from tests.helpers.windows_sharing import files_below, holding


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def test_publishing_waits_for_the_server_to_let_go(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    before = (published / "catalog.json").read_bytes()
    (source / "glossary.md").write_text("# Glossary\n\nZebrafinch is a new word.\n")
    with holding(published / "catalog.json", let_go_after=2) as holder:
        report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert report.changed and report.errors == []
    assert holder.refused == ["replace", "replace"]
    assert (published / "catalog.json").read_bytes() != before
    assert beside(published) == []


def test_publishing_held_past_the_wait_leaves_out_as_it_was(
    source: Path, published: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fsutil, "HOLD_WAIT_SECONDS", 0.2)
    before = files_below(published)
    (source / "glossary.md").write_text("# Glossary\n\nZebrafinch is a new word.\n")
    with holding(published / "catalog.json") as holder, pytest.raises(FileInUseError):
        publish(source, published, keys[0], catalog_id="test-catalog")
    assert holder.refused
    assert files_below(published) == before
    report = publish(source, published, keys[0], catalog_id="test-catalog")  # let go: it works
    assert report.changed and report.errors == []
    assert files_below(published) != before
    assert beside(published) == []
