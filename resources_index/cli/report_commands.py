"""``sop-resources report``: what this laptop shares (``show``), sending or exporting it
(``send``, ``export``), and the statewide view from reports collected (``summarize``)."""

import argparse
import base64
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from resources_index.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS, opened_library
from resources_index.config import paths
from resources_index.library.library import Library
from resources_index.util.shown import printable

if TYPE_CHECKING:
    from resources_index.catalog.model import Manifest
    from resources_index.instruments.definition import FormDefinition


def cmd_report_show(args: argparse.Namespace) -> int:
    """The exact content of the next report, and of reports waiting to be delivered."""
    from resources_index.errors import Words, say_in_english
    from resources_index.reports.outbox import waiting as waiting_reports
    from resources_index.reports.usage import Usage

    library = Library(paths.data_dir(args.data_dir))
    unreadable: list[Words] = []
    shown = Usage.next_report(library, unreadable)
    if shown is None:
        print("Usage reports are off on this laptop: nothing is counted or sent.")
        return EXIT_OK
    waiting = [report.report for report in waiting_reports(library)]
    if args.json:
        print(json.dumps({"next": shown, "waiting": waiting}, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"The report for {shown['period']} (county {shown['county'] or 'not set'}), so far:")
    for item in shown["measures"]:
        key = f" {item['key']}" if item["key"] else ""
        print(f"  {item['measure']}{key}: {item['value']}")
    print(f"{len(waiting)} earlier report(s) waiting to be delivered.")
    if unreadable:
        print(
            f"This week's counts could not be read ({say_in_english(unreadable[0])}), so none are"
            " shown; they"
            " are read again next time.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_report_send(args: argparse.Namespace) -> int:
    from resources_index.errors import say_in_english
    from resources_index.reports.delivery import deliver

    result = deliver(opened_library(args))
    print(f"{len(result.sent)} report(s) delivered; {result.waiting} waiting.")
    if result.problem is not None:
        print(say_in_english(result.problem), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_report_export(args: argparse.Namespace) -> int:
    from resources_index.errors import Words, say_in_english
    from resources_index.reports.outbox import export
    from resources_index.reports.usage import reporting_on

    library = opened_library(args)
    if not reporting_on(library):
        print("Usage reports are off on this laptop: there is nothing to export.")
        return EXIT_OK
    unrecorded: list[Words] = []
    written = export(library, Path(args.dir), unrecorded=unrecorded)
    print(f"{len(written)} report(s) written to {Path(args.dir) / 'sop-reports'}.")
    if unrecorded:
        print(say_in_english(unrecorded[0]), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_report_summarize(args: argparse.Namespace) -> int:
    from resources_index.catalog.model import Manifest
    from resources_index.reports.summary import summarize, write_csv
    from resources_index.reports.summary_html import write_html

    catalog: Manifest | None = None
    definitions: dict[str, FormDefinition] = {}
    if args.catalog:
        catalog = _titles_from(Path(args.catalog) / "catalog.json")
        if catalog is None:
            return EXIT_FAILED
        definitions = published_definitions(Path(args.catalog), catalog)
    with summarize(Path(d) for d in args.dirs) as summary:
        if args.csv:
            write_csv(summary, Path(args.csv))
        if args.html:
            write_html(summary, Path(args.html), catalog, definitions)
        print(
            f"{summary.reports} report(s) from {len(summary.counties())} county(ies);"
            f" {summary.duplicates} delivered twice, counted once;"
            f" {summary.skipped_count} set aside."
        )
        for line in summary.skipped:
            print(f"set aside: {line}", file=sys.stderr)
        if summary.more_skipped:
            print(f"set aside: {summary.more_skipped:,} more files.", file=sys.stderr)
    return EXIT_OK


def published_definitions(folder: Path, catalog: "Manifest") -> "dict[str, FormDefinition]":
    """The instruments of a published folder, by form id (one that cannot be read: left out,
    the page then names its items by their XLSForm names)."""
    from resources_index.errors import InstrumentError
    from resources_index.instruments import definition
    from resources_index.instruments.limits import MAX_DEFINITION_BYTES
    from resources_index.library.store import object_relpath

    found: dict[str, FormDefinition] = {}
    for entry in catalog.instruments:
        try:
            with (folder / object_relpath(entry.file.sha256)).open("rb") as handle:
                data = handle.read(MAX_DEFINITION_BYTES + 1)
            found[entry.id] = definition.from_bytes(data, entry.id)
        except (OSError, InstrumentError) as error:
            print(f"warning: instrument {entry.id}: {error}", file=sys.stderr)
    return found


#: What the bounded reader found wrong with a catalog, in words.
_WHY = {
    "too_large": "larger than a catalog can be",
    "not_text": "not text",
    "syntax": "not valid JSON",
    "too_deep": "nested too deeply",
    "big_number": "a number larger than the format allows",
    "not_finite": "a value that is not a finite number",
    "not_regular": "not a regular file",
}


def _titles_from(path: Path) -> "Manifest | None":
    """The team's own published catalog, read for titles only (its signature is not the
    point here, every value is still checked as the format requires), with the bounded
    reader; None, said in one sentence, when it cannot be read."""
    import binascii

    from resources_index.catalog import limits
    from resources_index.catalog.model import Manifest
    from resources_index.errors import ResourcesError
    from resources_index.util import safe_json

    try:
        envelope = safe_json.read_file(path, limits.MAX_ENVELOPE_BYTES)
        manifest = envelope.get("manifest") if isinstance(envelope, dict) else None
        if isinstance(manifest, str):
            return Manifest.from_bytes(base64.b64decode(manifest, validate=True))
        reason = _WHY["syntax"]
    except (OSError, ValueError, binascii.Error, ResourcesError, RecursionError) as exc:
        why = getattr(exc, "why", None)
        reason = getattr(exc, "strerror", None) or _WHY.get(str(why), "damaged")
    print(
        f"sop-resources: the catalog {printable(str(path))} cannot be read"
        f" ({reason}); name a published folder, or summarize"
        " without --catalog.",
        file=sys.stderr,
    )
    return None


def add_report_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = sub.add_parser("report", help="usage reports: show, send, export, summarize")
    actions = report.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="what the next report holds, exactly")
    show.add_argument("--json", action="store_true", help="print JSON for scripts")
    show.set_defaults(func=cmd_report_show)
    send = actions.add_parser("send", help="deliver waiting reports to the reports address")
    send.set_defaults(func=cmd_report_send)
    export = actions.add_parser("export", help="write waiting reports to a folder (USB drive)")
    export.add_argument("dir", help="the folder; reports go to DIR/sop-reports/")
    export.set_defaults(func=cmd_report_export)
    summary = actions.add_parser("summarize", help="the statewide view of collected reports")
    summary.add_argument(
        "dirs",
        nargs="+",
        metavar="DIR",
        help="folders of reports, one folder per county in each (uploads, or drives exported to)",
    )
    summary.add_argument("--csv", metavar="OUT.csv", help="the long table for analysts")
    summary.add_argument("--html", metavar="OUT.html", help="one page, charts included")
    summary.add_argument(
        "--catalog", metavar="DIR", help="a published folder: titles, never opened"
    )
    summary.set_defaults(func=cmd_report_summarize)
