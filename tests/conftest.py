"""Shared fixtures: signing keys, a small real source folder, a published catalog, a library."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from resources_index.catalog.signing import generate_keypair
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from tests.helpers.source_tree import build_source


@pytest.fixture(scope="session")
def rendition_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One publisher's rendition cache for the whole run: a document is rendered by
    LibreOffice once, however many tests publish it (``test_renditions`` uses fresh ones)."""
    return tmp_path_factory.mktemp("renditions")


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rendition_cache: Path
) -> None:
    """No test ever touches the real user data folder, cache or a machine's real policy."""
    monkeypatch.setenv("SOP_DESKTOP_RENDITIONS", str(rendition_cache))
    monkeypatch.setenv("SOP_DESKTOP_DATA", str(tmp_path / "default-data"))
    monkeypatch.delenv("SOP_DESKTOP_POLICY", raising=False)
    monkeypatch.setenv("SOP_DESKTOP_LOGS", str(tmp_path / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(private key, public key) files for signing test catalogs."""
    return generate_keypair(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A second key pair that no test library trusts."""
    return generate_keypair(tmp_path_factory.mktemp("other-keys"))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return build_source(tmp_path / "source")


@pytest.fixture
def published(tmp_path: Path, source: Path, keys: tuple[Path, Path]) -> Path:
    out = tmp_path / "published"
    report = publish(source, out, keys[0], catalog_id="test-catalog")
    assert report.errors == []
    return out


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A library holding the packaged starter catalog, shared by a module's tests (read only)."""
    library = Library(tmp_path_factory.mktemp("starter"))
    library.ensure_starter()
    yield library
    library.close()


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library")
    yield lib
    lib.close()
