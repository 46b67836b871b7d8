"""``sop-resources report``: what this laptop shares (``show``), sending or exporting it
(``send``, ``export``), and the statewide view from reports collected (``summarize``)."""

import argparse
import base64
import json
import sys
from pathlib import Path

from resources_index.cli.common import EXIT_OK, EXIT_PROBLEMS, opened_library
from resources_index.config import paths
from resources_index.library.library import Library


def cmd_report_show(args: argparse.Namespace) -> int:
    """The exact content of the next report, and of reports waiting to be delivered."""
    from resources_index.reports.outbox import waiting as waiting_reports
    from resources_index.reports.usage import Usage

    library = Library(paths.data_dir(args.data_dir))
    unreadable: list[str] = []
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
            f"This week's counts could not be read ({unreadable[0]}), so none are shown; they"
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
    from resources_index.reports.outbox import export
    from resources_index.reports.usage import reporting_on

    library = opened_library(args)
    if not reporting_on(library):
        print("Usage reports are off on this laptop: there is nothing to export.")
        return EXIT_OK
    written = export(library, Path(args.dir))
    print(f"{len(written)} report(s) written to {Path(args.dir) / 'sop-reports'}.")
    return EXIT_OK


def cmd_report_summarize(args: argparse.Namespace) -> int:
    from resources_index.catalog.model import Manifest
    from resources_index.reports.summary import summarize, write_csv
    from resources_index.reports.summary_html import write_html

    catalog: Manifest | None = None
    if args.catalog:
        # The team's own published folder, read for titles only: its signature is not the
        # point here (every value is still checked as the format requires).
        envelope = json.loads((Path(args.catalog) / "catalog.json").read_bytes())
        catalog = Manifest.from_bytes(base64.b64decode(envelope["manifest"]))
    with summarize(Path(d) for d in args.dirs) as summary:
        if args.csv:
            write_csv(summary, Path(args.csv))
        if args.html:
            write_html(summary, Path(args.html), catalog)
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
