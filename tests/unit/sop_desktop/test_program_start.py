"""Starting the program after it was updated: a newer packaged starter replaces an older one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resources_index import paths
from resources_index.library import Library, open_library
from tests.helpers.starter import older_starter


def test_an_updated_program_installs_its_newer_starter_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "library"
    with monkeypatch.context() as patch:  # the library as an earlier program version left it
        older = older_starter(tmp_path / "older-program" / "starter")
        patch.setattr(paths, "starter_catalog_dir", lambda: older)
        open_library(root).close()
    result = subprocess.run(
        [sys.executable, "-m", "sop_desktop", "--data-dir", str(root), "--startup-probe", "safety"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0 and result.stdout.startswith("answered"), result.stderr
    library = Library(root)
    manifest = library.current()
    library.close()
    assert manifest is not None and manifest.version > 1
    assert {kit.id for kit in manifest.kits} == {"introducing-sop", "introduccion-sop"}
