"""LibreOffice run so that it reads only the document it renders, and ends when publishing
says so.

- Its private profile (``registrymodifications.xcu``) tells it never to update links, to
  block content a document asks for from elsewhere, to run no macro, and to send every
  request through a proxy address where nothing listens.
- Where the machine allows it, it runs without a network at all (a network namespace of its
  own, ``unshare --net``, or inside a user namespace where only that is permitted); where
  not, the profile and the dead proxy in its environment are the bound.
- It runs in a session of its own, with an address-space limit: on a time-out, a failure,
  Ctrl+C, SIGTERM or SIGHUP the whole process tree (``oosplash`` and ``soffice.bin``
  included) is ended, and publishing waits until it is gone, so nothing is written after
  publish returns. A descendant that leaves the session (``setsid``) is still found:
  publishing is its subreaper while LibreOffice runs, so orphans come back to it rather than
  to ``init``.
- If publishing itself dies (``kill -9``, a crash), on Linux: where the machine allows it,
  LibreOffice runs in a PID namespace of its own whose first process dies with publishing,
  and the kernel then kills every process in it (``soffice.bin`` and whatever it started);
  where not, only the program started is killed with publishing (``PR_SET_PDEATHSIG``).
  The working folder a killed publish leaves beside OUT is cleared by the next one.
"""

import contextlib
import ctypes
import functools
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

#: Which confinement made a rendition: raised whenever what LibreOffice may read narrows, so
#: the rendition cache never gives a rendition made with less (renditions.py).
#: 1: the private profile, no network, links removed from the copy it renders.
CONFINEMENT_VERSION = 1
#: The address space LibreOffice may use, in bytes (a 10,000-slide deck reached 6 GB).
MAX_RENDER_MEMORY = 4 * 1024 * 1024 * 1024
#: Where every request LibreOffice makes is sent: a port nothing listens on (discard).
DEAD_PROXY = ("127.0.0.1", 9)
#: Seconds to wait for an ended process tree to be gone.
END_WAIT = 10
#: (path, property, type, value) of the private profile.
_SECURITY = "/org.openoffice.Office.Common/Security/Scripting"
SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    (_SECURITY, "BlockUntrustedRefererLinks", "boolean", "true"),
    (_SECURITY, "DisableMacrosExecution", "boolean", "true"),
    (_SECURITY, "MacroSecurityLevel", "int", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "2"),  # never
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "int", "2"),  # never
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "int", "1"),  # manual
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", "string", ""),
    *(
        ("/org.openoffice.Inet/Settings", f"ooInet{kind}Proxy{part}", kind_type, value)
        for kind in ("HTTP", "HTTPS", "FTP")
        for part, kind_type, value in (
            ("Name", "string", DEAD_PROXY[0]),
            ("Port", "int", str(DEAD_PROXY[1])),
        )
    ),
)


def _item(path: str, name: str, kind: str, value: str) -> str:
    return (
        f'<item oor:path="{escape(path)}"><prop oor:name="{escape(name)}" oor:op="fuse">'
        f"<value>{escape(value)}</value></prop></item>"
    )


def write_profile(profile: Path) -> None:
    """Put the settings into the private profile, unless it holds them already (LibreOffice
    writes them back, with its own, each time it ends)."""
    target = profile / "user" / "registrymodifications.xcu"
    items = [_item(*setting) for setting in SETTINGS]
    try:
        held = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        held = ""
    if all(item in held for item in items):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + "\n".join(items)
        + "\n</oor:items>\n",
        encoding="utf-8",
    )


#: What ``unshare`` is asked for, best first: LibreOffice in a PID namespace of its own whose
#: first process is killed when ``unshare`` dies (``--kill-child``), and ``unshare`` is killed
#: when publishing dies (``_prepare_child``): the kernel then kills everything in that
#: namespace, so no part of LibreOffice outlives publishing, even a ``kill -9`` of it. Then
#: without a network only; each also tried inside a user namespace, where only that is allowed.
_CONTAINED = ("--net", "--pid", "--fork", "--kill-child")
_ISOLATIONS = (
    _CONTAINED,
    ("--map-root-user", *_CONTAINED),
    ("--net",),
    ("--map-root-user", "--net"),
)


@functools.cache
def isolation() -> tuple[str, ...]:
    """The command that runs a program without a network here (and, where the machine
    allows it, in a PID namespace that dies with publishing), or () where none can."""
    unshare = shutil.which("unshare")
    if os.name != "posix" or unshare is None:
        return ()
    for options in _ISOLATIONS:
        try:
            tried = subprocess.run(
                [unshare, *options, "true"], capture_output=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if tried.returncode == 0:
            return (unshare, *options)
    return ()


def _environment(home: Path) -> dict[str, str]:
    proxy = f"http://{DEAD_PROXY[0]}:{DEAD_PROXY[1]}"
    env = {**os.environ, "HOME": str(home)}
    for name in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy"):
        env[name] = env[name.upper()] = proxy
    env["no_proxy"] = env["NO_PROXY"] = ""
    return env


#: Linux's prctl options: a signal to the child when its parent dies; orphans of our
#: descendants reparented to us (and the question whether they are).
_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
_PR_GET_CHILD_SUBREAPER = 37


def _prepare_child() -> None:  # runs in the child, before LibreOffice starts
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MAX_RENDER_MEMORY, MAX_RENDER_MEMORY))
    if sys.platform.startswith("linux"):  # ended with publishing, however it ends
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class _EndedBySignal(KeyboardInterrupt):
    """SIGTERM or SIGHUP while LibreOffice runs: handled as Ctrl+C is, so its tree ends."""


@contextlib.contextmanager
def _signals_end_the_tree() -> Iterator[None]:
    """While LibreOffice runs, SIGTERM and SIGHUP (``timeout``, systemd, a closed terminal)
    interrupt publishing as SIGINT does, so ``run_contained`` ends the tree before exiting."""
    names = ("SIGTERM", "SIGHUP")
    kinds = [getattr(signal, n) for n in names if hasattr(signal, n)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise _EndedBySignal(signum)

    previous = {kind: signal.signal(kind, interrupt) for kind in kinds}
    try:
        yield
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, handler)


@contextlib.contextmanager
def _orphans_come_back() -> Iterator[set[int]]:
    """Linux: while LibreOffice runs, this process is a subreaper, so a descendant whose
    parent ended (a double fork, ``setsid``) is reparented here and can be ended with the
    rest. Yields the processes already below this one, which are not LibreOffice's."""
    if not sys.platform.startswith("linux"):
        yield set()
        return
    spared = _descendants(os.getpid())
    libc = ctypes.CDLL(None, use_errno=True)
    was = ctypes.c_int(0)
    libc.prctl(_PR_GET_CHILD_SUBREAPER, ctypes.byref(was), 0, 0, 0)
    libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    try:
        yield spared
    finally:
        libc.prctl(_PR_SET_CHILD_SUBREAPER, was.value, 0, 0, 0)


def run_contained(command: list[str], home: Path, timeout: float) -> tuple[int, bytes]:
    """Run ``command`` (LibreOffice) to its end or ``timeout``; its return code and what it
    said on stderr. On a time-out the whole tree is ended before ``TimeoutExpired``."""
    posix = os.name == "posix"
    with (
        _signals_end_the_tree(),
        _orphans_come_back() as spared,
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=_environment(home),
            start_new_session=posix,
            preexec_fn=_prepare_child if posix else None,  # publishing starts no threads
        ) as process,
    ):
        try:
            _, stderr = process.communicate(timeout=timeout)
        finally:
            end_tree(process, spared)  # on a time-out, and anything it left running
    return process.returncode, stderr


def end_tree(
    process: subprocess.Popen[bytes], spared: frozenset[int] | set[int] = frozenset()
) -> None:
    """End ``process`` and everything it started, in its session or out of it, and wait
    until they are gone (nothing of theirs is written afterwards). ``spared``: processes
    below this one that were there before LibreOffice, which are left alone."""
    if os.name != "posix":
        process.kill()
        process.wait()
        return
    group = process.pid
    strays = _descendants(process.pid) if Path("/proc").is_dir() else set()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)
    _kill(strays)
    process.wait()
    deadline = time.monotonic() + END_WAIT
    while time.monotonic() < deadline:
        adopted = _adopted(spared | {process.pid})
        if not adopted and not _alive_in(group):
            break
        _kill(adopted)
        time.sleep(0.05)


def _kill(pids: set[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def _adopted(spared: set[int] | frozenset[int]) -> set[int]:
    """Live processes below this one that are not ``spared``; zombies reparented here (our
    children now) are reaped on the way."""
    if not sys.platform.startswith("linux"):
        return set()
    processes = _processes()
    live: set[int] = set()
    for pid in _descendants(os.getpid(), processes) - spared:
        state, parent = processes[pid]
        if state != "Z":
            live.add(pid)
        elif parent == os.getpid():
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(pid, os.WNOHANG)
    return live


def _processes() -> dict[int, tuple[str, int]]:
    """Every process's state and parent, from /proc."""
    found: dict[int, tuple[str, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if len(fields) > 1:
            found[int(entry.name)] = (fields[0], int(fields[1]))
    return found


def _descendants(root: int, processes: dict[int, tuple[str, int]] | None = None) -> set[int]:
    """Every process below ``root`` by parent links (empty where /proc is missing)."""
    if not Path("/proc").is_dir():
        return set()
    children: dict[int, list[int]] = {}
    for pid, (_, parent) in (_processes() if processes is None else processes).items():
        children.setdefault(parent, []).append(pid)
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive_in(group: int) -> bool:
    """Whether a process of ``group`` still runs (zombies, which write nothing, aside)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and fields[2] == str(group) and fields[0] != "Z":
            return True
    return False
