"""A virtual X screen (Debian's ``xvfb``) for running the real program as on a desktop."""

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def virtual_screen(width: int = 1280, height: int = 800) -> Iterator[str]:
    """Start Xvfb on a free display and yield its name (``:N``). Without Xvfb the test is
    skipped on a developer's machine and fails in CI, where ``scripts/setup.sh`` installs it."""
    if not shutil.which("Xvfb"):
        message = "Xvfb is not installed (scripts/setup.sh test installs it on Debian)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)
