"""``sop-resources``: the command line over the core, one subcommand per job.

Every subcommand exits 0 on success and non-zero with one plain sentence on failure, so county
IT scripts can rely on it. ``--data-dir`` (or ``$SOP_DESKTOP_DATA``) chooses the library.
"""

import argparse
import json
import logging
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from resources_index import __version__
from resources_index.catalog import vocabulary
from resources_index.catalog.signing import generate_keypair, load_public_key
from resources_index.config import paths
from resources_index.errors import ResourcesError
from resources_index.library.library import Library, open_library
from resources_index.library.lock import exclusive
from resources_index.search.snippets import plain_text
from resources_index.support import logs

if TYPE_CHECKING:
    from resources_index.sync.syncer import SyncProgress

EXIT_OK, EXIT_FAILED, EXIT_PROBLEMS = 0, 1, 3


def _human_bytes(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{count} bytes"


def _progress_printer(label: str) -> Callable[[int, int], None]:
    """A one-line progress bar on a terminal; silent when output is redirected."""
    if not sys.stderr.isatty():
        return lambda done, total: None

    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        end = "\n" if done >= total else ""
        print(f"\r{label} [{bar:<30}] {share:4.0%} {_human_bytes(done)}", end=end, file=sys.stderr)

    return show


def _refresh_index(library: Library) -> None:
    """Bring the search index up to date now, so the first search after a change is quick."""
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(library)
    search.refresh()
    search.close()


def _library(args: argparse.Namespace) -> Library:
    return open_library(paths.data_dir(args.data_dir))


def cmd_status(args: argparse.Namespace) -> int:
    status = _library(args).status()
    if args.json:
        print(json.dumps(status, indent=2))
        return EXIT_OK
    if not status["installed"]:
        print(f"No catalog is installed in {status['data_dir']}.")
        return EXIT_OK
    expired = " (expired: sync to refresh it)" if status["expired"] else ""
    lines = [
        f"Library:   {status['data_dir']}",
        f"Catalog:   {status['catalog_id']} version {status['version']},"
        f" published {status['created']}, valid until {status['expires']}{expired}",
        f"Resources: {status['resources']}",
        "By type:   "
        + ", ".join(
            f"{vocabulary.label(k, vocabulary.RESOURCE_TYPES)} {v}"
            for k, v in status["by_type"].items()
        ),
        "Languages: "
        + ", ".join(
            f"{vocabulary.label(k, vocabulary.LANGUAGES)} {v}"
            for k, v in status["by_language"].items()
        ),
        f"Offline:   {status['available_offline']} of {status['resources']} resources available"
        + (
            f"; {status['not_downloaded']} to download when online"
            f" ({_human_bytes(status['bytes_to_download'])})"
            if status["not_downloaded"]
            else ""
        ),
        f"Storage:   {_human_bytes(status['storage_bytes'])}",
        f"Verified:  {status['last_verified'] or 'never'}",
    ]
    print("\n".join(lines))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    library = _library(args)
    problems = library.verify(_progress_printer("Verifying"))
    if not problems:
        print("Every file in the library is present and intact.")
        return EXIT_OK
    print(f"{len(problems)} files need repair (sync or import a bundle to restore them):")
    for problem in problems:
        print(f"  - {problem.sentence()}")
    return EXIT_PROBLEMS


def cmd_import_bundle(args: argparse.Namespace) -> int:
    library = Library(paths.data_dir(args.data_dir))
    extra = [load_public_key(Path(p)) for p in args.trust or []]
    report = library.import_bundle(Path(args.path), extra, _progress_printer("Importing"))
    _refresh_index(library)
    print(report.summary())
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(_library(args))
    search.refresh()
    filters: dict[str, Sequence[str]] = {
        "type": [vocabulary.match(t, vocabulary.RESOURCE_TYPES).value for t in args.type or []],
        "language": [vocabulary.match(v, vocabulary.LANGUAGES).value for v in args.language or []],
    }
    rows, results = search.search(args.query, filters=filters, limit=args.limit)
    search.close()
    if results.corrected:
        print(f"Showing results for {results.suggestion!r}.", file=sys.stderr)
    elif results.suggestion:
        print(f"Did you mean {results.suggestion!r}?", file=sys.stderr)
    if args.json:
        print(json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(f"Nothing found for {args.query!r}.")
        return EXIT_OK
    if results.partial:
        print("No resource has every word; these match some of them.")
    for number, row in enumerate(rows, start=1):
        where = _location_text(row.location)
        kind = vocabulary.label(row.resource.type, vocabulary.RESOURCE_TYPES)
        print(f"{number:>2}. {row.resource.title}  [{kind}, {row.resource.language}]{where}")
        print(f"    {row.resource.id}")
        snippet = plain_text(row.snippet, "*")
        print(textwrap.fill(snippet, width=96, initial_indent="    ", subsequent_indent="    "))
    return EXIT_OK


def _location_text(location: dict[str, object] | None) -> str:
    if not location:
        return ""
    if "page" in location:
        return f" page {location['page']}"
    if "slide" in location:
        return f" slide {location['slide']}"
    return f" at {location.get('time')}"


def _server_url(args: argparse.Namespace, library: Library) -> str:
    url = getattr(args, "url", None) or library.settings().server_url
    if not url:
        raise ResourcesError("no server address: give a URL or set one in the settings.")
    return str(url)


def _sync_progress(label: str) -> "Callable[[SyncProgress], None]":
    show = _progress_printer(label)
    return lambda p: show(p.bytes_done, p.bytes_total) if p.bytes_total else None


def cmd_sync(args: argparse.Namespace) -> int:
    from resources_index.sync.syncer import sync

    library = _library(args)
    url = _server_url(args, library)
    extra = [load_public_key(Path(p)) for p in args.trust or []]
    report = sync(library, url, extra, fetch_all=args.all, progress=_sync_progress("Syncing"))
    print(report.summary())
    return EXIT_OK


def cmd_offline(args: argparse.Namespace) -> int:
    from resources_index.sync.syncer import fetch_files

    library = _library(args)
    if args.remove:
        library.state.keep_offline(args.ids, keep=False)
        freed = library.release_files(args.ids)
        print(f"{len(args.ids)} resources no longer kept offline; {_human_bytes(freed)} freed.")
        return EXIT_OK
    report = fetch_files(
        library, _server_url(args, library), args.ids, True, _sync_progress("Downloading")
    )
    print(
        f"{len(args.ids)} resources are available offline"
        f" ({_human_bytes(report.bytes_fetched)} downloaded)."
    )
    return EXIT_OK


CLI_SETTINGS = {
    "server_url": str,
    "proxy": str,
    "ca_bundle": str,
    "download_policy": str,
    "download_limit_mb": int,
    "interface_language": str,
}


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the settings in effect and their source, or change the user's own."""
    library = Library(paths.data_dir(args.data_dir))
    policy = library.policy
    for problem in policy.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.action == "show":
        effective, sources = policy.effective(library.user_settings())
        for name, source in sources.items():
            shown = getattr(effective, name)
            if name == "trusted_keys":
                shown = f"{len(shown)} keys"
            print(f"{name:<20} {shown!s:<40} ({source})")
        return EXIT_OK
    name = args.name
    if not name or name not in CLI_SETTINGS:
        raise ResourcesError(
            f"{name!r} cannot be set here; choose one of {', '.join(CLI_SETTINGS)}."
        )
    if name in policy.locked:
        raise ResourcesError(
            f"{name} is set by your administrator's policy ({policy.path}) and cannot be changed."
        )
    settings = library.user_settings()
    if args.action == "unset":
        settings.unset(name)
    else:
        if args.value is None:
            raise ResourcesError(f"Give a value for {name}.")
        try:
            value: object = CLI_SETTINGS[name](args.value)
        except ValueError:
            raise ResourcesError(f"{name} must be a whole number.") from None
        refused = settings.set(name, value)
        if refused:
            raise ResourcesError(refused)
    settings.save(library.root)
    effective, sources = policy.effective(settings)
    print(f"{name} = {getattr(effective, name)} ({sources[name]})")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from resources_index.support import doctor

    library = Library(paths.data_dir(args.data_dir))  # as it is: never seeded by the doctor
    problems = 0
    for check in doctor.run(library, offline=args.offline):
        print(check.line())
        problems += not check.ok
    if problems:
        print(f"{problems} problems found; see the lines marked PROBLEM.")
        return EXIT_PROBLEMS
    print("Everything checked is in order.")
    return EXIT_OK


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from resources_index.library.bundle import export_bundle

    report = export_bundle(_library(args), Path(args.out), _progress_printer("Exporting"))
    print(report.summary())
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from resources_index.sync.serve import make_server

    library = _library(args)
    status = library.status()
    server = make_server(library.root, args.bind, args.port)
    everywhere = args.bind in ("0.0.0.0", "::", "")
    where = (
        f"port {server.server_address[1]} on every network of this laptop"
        if everywhere
        else f"only on {args.bind}"
    )
    print(
        f"Serving catalog version {status['version']} ({status['resources']} resources) at"
        f" {server.url} ({where})."
    )
    if status["not_downloaded"]:
        print(
            f"{status['not_downloaded']} large files are not on this laptop; laptops syncing"
            " from here will fetch them later. Run 'sop-resources sync --all' first to serve"
            " everything."
        )
    if everywhere:
        print("Other laptops: sop-resources sync http://THIS-LAPTOP:PORT/  (Ctrl+C stops)")
    else:
        print(f"Laptops that reach {args.bind}: sop-resources sync {server.url}  (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    counters = server.counters
    print(f"Stopped after {counters.requests} requests, {_human_bytes(counters.bytes_sent)} sent.")
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from resources_index.publish.publisher import publish

    kwargs = {}
    if args.max_file_size is not None:
        kwargs["max_file_bytes"] = args.max_file_size
    report = publish(
        Path(args.source),
        Path(args.out),
        Path(args.key),
        catalog_id=args.catalog_id,
        expires_days=args.expires_days,
        search_index=not args.no_search_index,
        **kwargs,
    )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"skipped: {error}", file=sys.stderr)
    print(report.summary())
    if report.errors:
        print(f"{len(report.errors)} files were skipped; see the lines above.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_keygen(args: argparse.Namespace) -> int:
    private, public = generate_keypair(Path(args.dir))
    print(f"Wrote {private} (keep it secret) and {public} (give it to the libraries).")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sop-resources",
        description="Manage the SOP Desktop resource library and publish catalogs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"the library folder (default: ${paths.DATA_ENV}, else the user data folder)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="when another program is writing the library, wait this long (default: refuse)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    status = sub.add_parser("status", help="show the installed catalog and what is offline")
    status.add_argument("--json", action="store_true", help="print JSON for scripts")
    status.set_defaults(func=cmd_status)

    verify = sub.add_parser("verify", help="re-hash every file and report damage (exit 3)")
    verify.set_defaults(func=cmd_verify)

    bundle = sub.add_parser("import-bundle", help="import a published catalog from a folder")
    bundle.add_argument("path", help="folder holding catalog.json and objects/")
    bundle.add_argument(
        "--trust", action="append", metavar="PUBLIC_KEY_FILE", help="also trust this public key"
    )
    bundle.set_defaults(func=cmd_import_bundle)

    publish = sub.add_parser("publish", help="turn a folder of resources into a signed catalog")
    publish.add_argument("source", help="folder of resource files, sidecars and catalog.csv")
    publish.add_argument("out", help="output folder (replaced atomically at the end)")
    publish.add_argument("--key", required=True, help="the private key file from keygen")
    publish.add_argument("--catalog-id", default="sop-catalog", help="the catalog's stable id")
    publish.add_argument("--expires-days", type=int, default=365, help="validity (default 365)")
    publish.add_argument("--max-file-size", type=int, metavar="BYTES", help="skip larger files")
    publish.add_argument(
        "--no-search-index",
        action="store_true",
        help="do not ship a ready search index (laptops then build their own)",
    )
    publish.set_defaults(func=cmd_publish)

    sync = sub.add_parser("sync", help="update the library from the statewide server")
    sync.add_argument("url", nargs="?", help="the catalog's address (default: from settings)")
    sync.add_argument(
        "--trust", action="append", metavar="PUBLIC_KEY_FILE", help="also trust this public key"
    )
    sync.add_argument(
        "--all", action="store_true", help="fetch every file, whatever the download policy"
    )
    sync.set_defaults(func=cmd_sync)

    offline = sub.add_parser(
        "offline", help="download resources now and keep them offline (or --remove)"
    )
    offline.add_argument("ids", nargs="+", metavar="ID", help="resource ids")
    offline.add_argument("--url", help="the catalog's address (default: from settings)")
    offline.add_argument(
        "--remove", action="store_true", help="stop keeping them; free their large files"
    )
    offline.set_defaults(func=cmd_offline)

    settings = sub.add_parser(
        "settings", help="show the settings in effect and where each comes from, or change one"
    )
    settings.add_argument("action", nargs="?", default="show", choices=("show", "set", "unset"))
    settings.add_argument("name", nargs="?", help="a setting, e.g. server_url")
    settings.add_argument("value", nargs="?", help="its new value")
    settings.set_defaults(func=cmd_settings)

    doctor = sub.add_parser("doctor", help="check folders, policy, server, certificates, library")
    doctor.add_argument("--offline", action="store_true", help="skip the network checks")
    doctor.set_defaults(func=cmd_doctor)

    export = sub.add_parser("export-bundle", help="copy the library to a folder (USB drive)")
    export.add_argument("out", help="an empty folder, or a bundle exported before (updated)")
    export.set_defaults(func=cmd_export_bundle)

    serve = sub.add_parser("serve", help="serve this library to other laptops on the network")
    serve.add_argument("--port", type=int, default=8750, help="port (default 8750)")
    serve.add_argument("--bind", default="0.0.0.0", help="address to listen on (default: all)")
    serve.set_defaults(func=cmd_serve)

    search = sub.add_parser("search", help="search titles, text and captions")
    search.add_argument("query", help='words, "a phrase", or a misspelling')
    search.add_argument("--type", action="append", metavar="T", help="only this type (repeatable)")
    search.add_argument(
        "--language", action="append", metavar="L", help="only this language, e.g. es"
    )
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results")
    search.add_argument("--json", action="store_true", help="print JSON for scripts")
    search.set_defaults(func=cmd_search)

    keygen = sub.add_parser("keygen", help="make a signing key pair: catalog.key, catalog.pub")
    keygen.add_argument("dir", help="folder to write the two key files into")
    keygen.set_defaults(func=cmd_keygen)
    return parser


WRITERS = ("sync", "offline", "import-bundle")  # they take the library's lock


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.setup(f"sop-resources {args.command}")
    logging.getLogger("resources_index").info("library folder %s", paths.data_dir(args.data_dir))
    try:
        if args.command in WRITERS:
            with exclusive(paths.data_dir(args.data_dir), args.wait):
                return int(args.func(args))
        return int(args.func(args))
    except ResourcesError as exc:
        logging.getLogger("resources_index").warning("%s failed: %s", args.command, exc)
        print(f"sop-resources: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("sop-resources: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"sop-resources: {exc.strerror or exc}{where}.", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
