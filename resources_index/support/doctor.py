"""``sop-resources doctor``: one line per check, OK or the problem and what to do.

What county IT reads first when a worker calls: the version, the folders, the policy in effect
and where each setting comes from, the server through the configured proxy and certificates,
storage, and the health of the search index and the library. With ``offline`` the network
checks are skipped (a laptop on a plane, or a build's self-check).
"""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from resources_index import __version__
from resources_index.config.settings import SET_ASIDE as SETTINGS_ASIDE
from resources_index.errors import ResourcesError, Words
from resources_index.library.library import CATALOG_FILE, Library
from resources_index.support import logs
from resources_index.sync.http import (
    HttpSettings,
    NetworkError,
    ca_bundle_problem,
    explain,
    probe,
)
from resources_index.util.addresses import has_userinfo, in_clear, shown
from resources_index.util.fsutil import DISK_RESERVE_BYTES, free_bytes, mb, remove_file, tree_size


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str

    def line(self) -> str:
        return f"{'OK     ' if self.ok else 'PROBLEM'} {self.text}"


#: Below this much free space doctor warns: a sync would soon be refused.
LOW_DISK_BYTES = 2 * DISK_RESERVE_BYTES


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".doctor-probe"
        probe.write_bytes(b"")
        remove_file(probe)  # a scanner looking at it is not a folder that cannot be written
        return True
    except OSError:
        return False


def run(library: Library, offline: bool = False) -> Iterator[Check]:
    """Every check, in the order a person would look."""
    yield Check(True, f"SOP Desktop {__version__}")
    for label, folder in (("Library folder", library.root), ("Log folder", logs.log_folder())):
        if _writable(folder):
            yield Check(True, f"{label}: {folder}")
        else:
            yield Check(
                False,
                f"{label} {folder} cannot be written: give this user write access, or set"
                " another folder in the policy (data_dir).",
            )
    yield from _policy_checks(library)
    yield from _library_checks(library)
    yield from _small_file_checks(library)
    yield from _report_checks(library)
    if not offline:
        yield from _network_checks(library)


def _policy_checks(library: Library) -> Iterator[Check]:
    policy = library.policy
    if policy.path is None:
        yield Check(True, "Policy: none (user settings and built-in defaults apply)")
    elif policy.unusable is None:  # one that cannot be used is named by its problem below
        yield Check(True, f"Policy: {policy.path}")
    for problem in policy.problems:
        yield Check(False, f"{problem} Fix the policy file.")
    user = library.user_settings()
    for problem in user.problems:  # the user's own settings file (settings.json)
        yield Check(False, str(problem))
    with contextlib.suppress(OSError):
        for path in sorted((library.root / SETTINGS_ASIDE).glob("settings-*.json")):
            yield Check(
                False,
                f"Set aside, a damaged settings file: {path}. The settings saved since apply;"
                " remove it when seen.",
            )
    effective, sources = policy.effective(user)
    for name, source in sources.items():
        value = getattr(effective, name)
        said = f"{len(value)} keys" if name == "trusted_keys" else (value or "(empty)")
        yield Check(True, f"  {name} = {shown(str(said))} [{source}]")


def _small_file_checks(library: Library) -> Iterator[Check]:
    """The small files beside the catalog that cannot be read (damaged, too large, nested
    without end, a FIFO or a device in their place): each is named, none is waited on."""
    from resources_index.library.kits import KitStore
    from resources_index.library.state import SET_ASIDE as STATE_ASIDE
    from resources_index.sync.schedule import ATTEMPT_FILE, last_attempt

    for path, why in KitStore(library).damaged():
        yield Check(
            False,
            f"A kit file cannot be read ({why}): {path}. It is left as it is and not shown;"
            " replace it with a good copy or remove it.",
        )
    with contextlib.suppress(OSError):
        for path in sorted((library.root / STATE_ASIDE).glob("state-*.sqlite3")):
            yield Check(
                False,
                f"Set aside, a damaged state file: {path}. A new one was started from the"
                " installed catalog (its version still guards against older ones); lost with"
                " it: favorites, recently viewed, resources kept offline and keys trusted with"
                " --trust. Remove it when seen.",
            )
    bundle = library.settings().ca_bundle
    problem = ca_bundle_problem(bundle) if bundle else None
    if problem is not None:  # said offline too: a sync would stop on it
        yield Check(False, f"Certificates: {problem}.")
    attempt = library.root / ATTEMPT_FILE
    if (attempt.exists() or attempt.is_symlink()) and last_attempt(library.root) is None:
        yield Check(
            False,
            f"The record of the last sync attempt cannot be read: {attempt}. It is ignored;"
            " the next sync writes it again.",
        )


def _report_checks(library: Library) -> Iterator[Check]:
    """Usage reports: where they go, what the last delivery did, files set aside."""
    from resources_index.reports.delivery import last_delivery
    from resources_index.reports.outbox import set_aside_files
    from resources_index.reports.usage import reporting_on

    if not reporting_on(library):
        return
    if library.policy.reports_url:
        yield Check(True, f"Usage reports: on, delivered to {shown(library.policy.reports_url)}")
    else:
        from resources_index.reports.outbox import pending

        count = len(pending(library))
        yield Check(
            True,
            f"Usage reports: on, exported to a drive (no usable reports_url); {count} waiting",
        )
    base = library.policy.reports_url
    if (library.policy.reports_credentials or has_userinfo(base)) and in_clear(base):
        yield Check(False, str(Words("reports.credentials_in_clear", url=shown(base))))
    last = last_delivery(library)
    if last is not None and last.get("problem"):
        yield Check(False, f"Last delivery ({last.get('at')}): {last['problem']}")
    elif last is not None:
        yield Check(True, f"Last delivery ({last.get('at')}): {last.get('sent')} sent")
    for path in set_aside_files(library):
        yield Check(
            False,
            f"Set aside, not a usable report or counts file: {path}. Nothing is lost but what"
            " it held; remove it when seen.",
        )


def _library_checks(library: Library) -> Iterator[Check]:
    try:
        manifest = library.current()
    except ResourcesError as exc:
        yield Check(False, f"Library: {exc}")
        return
    if manifest is None:
        yield Check(
            False,
            f"No library in {library.root}: start SOP Desktop once, run 'sop-resources sync',"
            " or import a bundle.",
        )
        return
    yield Check(
        True,
        f"Catalog {manifest.catalog_id} version {manifest.version},"
        f" {len(manifest.resources)} resources",
    )
    used = tree_size(library.root)
    cap = library.policy.storage_cap_mb * 1024 * 1024
    if cap and used > cap:
        yield Check(
            False,
            f"Storage: {mb(used)} used, over the policy's cap of {mb(cap)}: remove large files"
            " with 'sop-resources offline ID --remove' or raise storage_cap_mb.",
        )
    else:
        yield Check(True, f"Storage: {mb(used)} used" + (f" of {mb(cap)}" if cap else ""))
    free = free_bytes(library.root)
    if free < LOW_DISK_BYTES:
        yield Check(
            False,
            f"Disk: only {mb(free)} free where the library is: syncs and imports will be"
            " refused until some space is freed.",
        )
    else:
        yield Check(True, f"Disk: {mb(free)} free")
    problems = library.verify()
    if problems:
        yield Check(
            False,
            f"{len(problems)} files are damaged or missing (first: {problems[0].sentence()})"
            " Run 'sop-resources sync' or import a bundle to repair them.",
        )
    else:
        yield Check(True, "Every file of the library is present and intact")
    from resources_index.search.library_search import INDEX_DIR, LibrarySearch

    if not (library.root / INDEX_DIR).exists():
        yield Check(True, "Search index: prepared at the first search (from the catalog)")
        return
    search = LibrarySearch(library)
    try:
        if search.index.needs_rebuild():
            yield Check(
                False,
                "The search index is damaged or out of date: it is rebuilt at the next start of"
                " SOP Desktop or 'sop-resources search'.",
            )
        else:
            yield Check(True, "Search index is ready")
    finally:
        search.close()


def _network_checks(library: Library) -> Iterator[Check]:
    settings = library.settings()
    url = settings.server_url
    if not url:
        yield Check(False, "No server address is set: set server_url in the policy or settings.")
        return
    http = HttpSettings.from_settings(
        settings, connect_timeout=10, read_timeout=15, retries=0, pac_url=library.policy.pac_url
    )
    through = f" through the proxy {shown(settings.proxy)}" if settings.proxy else ""
    if http.pac_url:
        through = f" through the proxy chosen by {shown(http.pac_url)}"
    address = url if url.endswith("/") else url + "/"
    target = shown(address)
    if has_userinfo(url) and in_clear(url):
        yield Check(False, str(Words("sync.credentials_in_clear", url=target)))
        return
    try:
        status = probe(http, address + CATALOG_FILE)
    except NetworkError as exc:
        yield Check(False, f"Server {target}{through}: {explain(exc)}.")
        return
    if status != 200:
        yield Check(False, f"Server {target}{through} answered {status} for its catalog.")
        return
    certificates = settings.ca_bundle or "the system's certificate store"
    if target.startswith("https"):
        yield Check(True, f"Certificate of {target} trusted ({certificates})")
    yield Check(True, f"Server {target} reachable{through}")
