"""Subcommands over the local library: status, verify, search, bundles, offline files, settings."""

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from resources_index.catalog import vocabulary
from resources_index.catalog.signing import load_public_key
from resources_index.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    human_bytes,
    opened_library,
    progress_printer,
    refresh_index,
    server_url,
    sync_progress,
)
from resources_index.config import paths
from resources_index.errors import ResourcesError
from resources_index.library.library import Library
from resources_index.search.snippets import plain_text
from resources_index.util import addresses


def cmd_status(args: argparse.Namespace) -> int:
    status = opened_library(args).status()
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
            f" ({human_bytes(status['bytes_to_download'])})"
            if status["not_downloaded"]
            else ""
        ),
        f"Storage:   {human_bytes(status['storage_bytes'])}",
        f"Verified:  {status['last_verified'] or 'never'}",
    ]
    print("\n".join(lines))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    library = opened_library(args)
    problems = library.verify(progress_printer("Verifying"))
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
    report = library.import_bundle(Path(args.path), extra, progress_printer("Importing"))
    refresh_index(library)
    print(report.summary())
    return EXIT_OK


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from resources_index.library.bundle import export_bundle

    report = export_bundle(opened_library(args), Path(args.out), progress_printer("Exporting"))
    print(report.summary())
    return EXIT_OK


def count_search(library: Library, query: str, found: int) -> None:
    """Searches from the command line count as the window's do (when reporting is on)."""
    from resources_index.reports.usage import Usage

    with Usage.opened(library) as usage:
        usage.searched(query, found)


def cmd_search(args: argparse.Namespace) -> int:
    from resources_index.search.library_search import LibrarySearch

    search = LibrarySearch(opened_library(args))
    search.refresh()
    filters: dict[str, Sequence[str]] = {
        "type": [vocabulary.match(t, vocabulary.RESOURCE_TYPES).value for t in args.type or []],
        "language": [vocabulary.match(v, vocabulary.LANGUAGES).value for v in args.language or []],
    }
    rows, results = search.search(args.query, filters=filters, limit=args.limit)
    search.close()
    count_search(search.library, args.query, len(rows))
    if results.as_prefix:
        last = args.query.split()[-1]
        print(
            f"No resource has the word {last!r}; these have words that start with it.",
            file=sys.stderr,
        )
    elif results.corrected:
        print(f"Showing results for {results.suggestion!r}.", file=sys.stderr)
    elif results.suggestion:
        print(f"Did you mean {results.suggestion!r}?", file=sys.stderr)
    if args.json:
        print(json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(f"Nothing found for {args.query!r}.")
        return EXIT_OK
    if results.partial and results.unmatched:
        missing = ", ".join(repr(w) for w in results.unmatched)
        print(f"No resource has every word: nothing has {missing}; these have the others.")
    elif results.partial:
        print("No resource has every word; these match some of them.")
    for number, row in enumerate(rows, start=1):
        where = location_text(row.location)
        kind = vocabulary.label(row.resource.type, vocabulary.RESOURCE_TYPES)
        print(f"{number:>2}. {row.resource.title}  [{kind}, {row.resource.language}]{where}")
        print(f"    {row.resource.id}")
        for other in row.also:
            language = vocabulary.label(other.language, vocabulary.LANGUAGES)
            print(f"    also in {language}: {other.id}")
        snippet = plain_text(row.snippet, "*")
        print(textwrap.fill(snippet, width=96, initial_indent="    ", subsequent_indent="    "))
    return EXIT_OK


def location_text(location: dict[str, object] | None) -> str:
    if not location:
        return ""
    if "page" in location:
        return f" page {location['page']}"
    if "slide" in location:
        return f" slide {location['slide']}"
    return f" at {location.get('time')}"


def cmd_offline(args: argparse.Namespace) -> int:
    from resources_index.sync.syncer import fetch_files

    library = opened_library(args)
    if args.remove:
        library.state.keep_offline(args.ids, keep=False)
        freed = library.release_files(args.ids)
        print(f"{len(args.ids)} resources no longer kept offline; {human_bytes(freed)} freed.")
        return EXIT_OK
    report = fetch_files(
        library, server_url(args, library), args.ids, True, sync_progress("Downloading")
    )
    print(
        f"{len(args.ids)} resources are available offline"
        f" ({human_bytes(report.bytes_fetched)} downloaded)."
    )
    return EXIT_OK


CLI_SETTINGS = {
    "server_url": str,
    "proxy": str,
    "ca_bundle": str,
    "download_policy": str,
    "download_limit_mb": int,
    "interface_language": str,
    "appearance": str,
}


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the settings in effect and their source, or change the user's own."""
    library = Library(paths.data_dir(args.data_dir))
    policy = library.policy
    for problem in [*policy.problems, *library.user_settings().problems]:
        print(f"warning: {problem}", file=sys.stderr)
    if args.action == "show":
        effective, sources = policy.effective(library.user_settings())
        for name, source in sources.items():
            shown = getattr(effective, name)
            if name == "trusted_keys":
                shown = f"{len(shown)} keys"
            print(f"{name:<20} {addresses.shown(str(shown)):<40} ({source})")
        return EXIT_OK
    name = args.name
    if not name or name not in CLI_SETTINGS:
        raise ResourcesError("cli.not_settable", name=name, choices=", ".join(CLI_SETTINGS))
    if name in policy.locked:
        raise ResourcesError("cli.locked_by_policy", name=name, policy=policy.path)
    settings = library.user_settings()
    if args.action == "unset":
        settings.unset(name)
    else:
        if args.value is None:
            raise ResourcesError("cli.give_value", name=name)
        try:
            value: object = CLI_SETTINGS[name](args.value)
        except ValueError:
            raise ResourcesError("cli.whole_number", name=name) from None
        refused = settings.set(name, value)
        if refused:
            raise ResourcesError("cli.refused", detail=refused)
    settings.save(library.root)
    effective, sources = policy.effective(settings)
    print(f"{name} = {addresses.shown(str(getattr(effective, name)))} ({sources[name]})")
    return EXIT_OK
