"""The rebuild's compressor gives zlib.compress's bytes, whatever the input."""

import zlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resources_index.search import deflate
from resources_index.search.deflate import SHORT, compressor

#: Inputs deflate finds matches in: runs and repeated patterns, some over several windows.
REPETITIVE = st.builds(
    lambda pattern, times, tail: pattern * times + tail,
    st.binary(min_size=1, max_size=40),
    st.integers(1, 1500),
    st.binary(max_size=300),
)


@given(
    st.one_of(st.binary(max_size=SHORT + 50), st.binary(max_size=5000), REPETITIVE),
    st.integers(0, 9),
)
def test_any_input_compresses_as_zlib_compresses_it(data: bytes, level: int) -> None:
    assert compressor(level)(data) == zlib.compress(data, level)


def test_short_inputs_take_the_small_window(monkeypatch: pytest.MonkeyPatch) -> None:
    if not deflate.REFERENCE.fullmatch(zlib.ZLIB_RUNTIME_VERSION):
        pytest.skip(f"zlib {zlib.ZLIB_RUNTIME_VERSION} is not the reference deflate")
    windows = []
    real = zlib.compressobj

    def compressobj(level: int, method: int, wbits: int, memlevel: int) -> Any:
        windows.append(wbits)
        return real(level, method, wbits, memlevel)

    monkeypatch.setattr(zlib, "compressobj", compressobj)
    compress = compressor(3)
    inputs = (b"K\x01" * 60 + b"plan" * 5, bytes(range(200)), b"x" * (SHORT + 1), b"ab" * 20_000)
    for data in inputs:
        assert compress(data) == zlib.compress(data, 3)
    assert windows == [9, 9, 10, 15]  # the smallest window that holds each
