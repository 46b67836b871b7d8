"""A fatal error leaves a report with its stacks; the next start finds it once."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from resources_index.support import crash_reports

CRASHING = textwrap.dedent(
    """
    import ctypes, sys
    from pathlib import Path
    from resources_index.support import crash_reports
    def read_the_null_pointer():
        ctypes.string_at(0)  # a segmentation fault, as a fault inside Qt would be

    crash_reports.arm("tool", {"qt": "6.x"}, folder=Path(sys.argv[1]))
    read_the_null_pointer()
    """
)


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONFAULTHANDLER": ""},
    )


def test_a_fatal_error_leaves_its_stacks_and_the_next_start_finds_them_once(
    tmp_path: Path,
) -> None:
    result = run_python(CRASHING, str(tmp_path))
    assert result.returncode != 0  # killed by the signal
    pending = crash_reports.pending_file("tool", tmp_path)
    text = pending.read_text()
    assert "program: tool " in text and "qt: 6.x" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert "read_the_null_pointer" in text  # the Python stack of the thread that died

    report = crash_reports.collect("tool", tmp_path)
    assert report is not None and report.name.startswith("crash-tool-")
    assert "read_the_null_pointer" in report.read_text()
    assert crash_reports.collect("tool", tmp_path) is None  # said once


def test_a_normal_run_leaves_no_report(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from resources_index.support import crash_reports;"
        " crash_reports.arm('tool', folder=Path(sys.argv[1])); print('fine')"
    )
    result = run_python(code, str(tmp_path))
    assert result.returncode == 0 and result.stdout.strip() == "fine"
    assert crash_reports.pending_file("tool", tmp_path).is_file()
    assert crash_reports.collect("tool", tmp_path) is None
    assert list(tmp_path.glob("crash-tool-*")) == []


def test_only_the_newest_reports_are_kept(tmp_path: Path) -> None:
    for day in range(1, 15):
        (tmp_path / f"crash-tool-202601{day:02d}-120000.txt").write_text("old")
    pending = crash_reports.pending_file("tool", tmp_path)
    pending.write_text(f"program: tool\n{crash_reports.HEADER_END}Fatal Python error: Aborted\n")
    report = crash_reports.collect("tool", tmp_path)
    kept = sorted(p.name for p in tmp_path.glob("crash-tool-*"))
    assert report is not None and report.name in kept
    assert len(kept) == crash_reports.KEEP


def test_an_unwritable_log_folder_never_stops_the_program(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    crash_reports.arm("tool", folder=blocked / "logs")
    crash_reports.disarm()
    assert crash_reports.collect("tool", blocked / "logs") is None
