"""Fixtures of the core's tests beyond the shared ones (``tests/conftest.py``)."""

from pathlib import Path

import pytest

from tests.helpers.reporting import County


@pytest.fixture
def county(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: Path, keys: tuple[Path, Path]
) -> County:
    """A county's laptops (policy and libraries under ``tmp_path``) and the published catalog."""
    return County(tmp_path, monkeypatch, published, keys)
