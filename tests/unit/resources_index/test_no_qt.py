"""House rule: the core never loads Qt, so it runs headless and from scripts."""

import subprocess
import sys

CHECK = """
import pkgutil, importlib, sys
import resources_index
for module in pkgutil.walk_packages(resources_index.__path__, "resources_index."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"})
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert (
        "resources_index.cli"
        in subprocess.run(
            [
                sys.executable,
                "-c",
                CHECK.replace('print(",".join(qt))', "print(list(sys.modules))"),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
