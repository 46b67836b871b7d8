"""``sop-resources instruments``: the installed catalog's instruments (``list``) and this
person's completed responses written as CSV for a county's analyst (``export DIR``), behind a
warning, since text answers leave the library's folder with them."""

import argparse
import sys
from pathlib import Path

from resources_index.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS
from resources_index.config import paths
from resources_index.errors import Words
from resources_index.instruments.export import export_csv
from resources_index.instruments.responses import ResponseStore, user_responses_folder
from resources_index.library.instruments import installed_instruments
from resources_index.library.library import Library
from resources_index.util.shown import printable


def cmd_instruments_list(args: argparse.Namespace) -> int:
    """One line per instrument: id, version, kind, title, and this person's responses."""
    library = Library(paths.data_dir(args.data_dir))
    forms = installed_instruments(library)
    if not forms:
        print("The installed catalog has no instruments.")
        return EXIT_OK
    store = ResponseStore(user_responses_folder(library.root))
    for form in forms.values():
        done = len(store.completed(form.id)[0])
        drafts = len(store.drafts(form.id)[0])
        title = form.title.get("en") or next(iter(form.title.values()), form.id)
        print(
            f"{form.id}\tversion {printable(form.version)}\t{form.kind}\t{printable(title)}"
            f"\t{done} completed, {drafts} drafts"
        )
    return EXIT_OK


def cmd_instruments_export(args: argparse.Namespace) -> int:
    """Each instrument's completed responses as ``DIR/<form id>.csv`` (ODK's column names)."""
    warning = Words("instrument.export_warning")  # also the window's, in its language
    print(f"warning: {warning}", file=sys.stderr)
    if not args.yes:
        print("Add --yes to write them.", file=sys.stderr)
        return EXIT_FAILED
    library = Library(paths.data_dir(args.data_dir))
    forms = installed_instruments(library)
    store = ResponseStore(user_responses_folder(library.root))
    responses, problems = store.completed()
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    folder = Path(args.dir)
    written = 0
    for form in forms.values():
        mine = [r for r in responses if r.form_id == form.id]
        if mine:
            folder.mkdir(parents=True, exist_ok=True)
            target = export_csv(form, mine, folder)
            print(f"{target}: {len(mine)} responses")
            written += 1
    orphans = sorted({r.form_id for r in responses} - set(forms))
    for form_id in orphans:
        print(
            f"skipped: responses to {printable(form_id)!r}, an instrument the installed catalog"
            " no longer has",
            file=sys.stderr,
        )
    if not written:
        print("No completed responses to export.")
    return EXIT_PROBLEMS if problems or orphans else EXIT_OK


def add_instrument_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    instruments = sub.add_parser(
        "instruments", help="fidelity and coaching instruments: list, export responses"
    )
    actions = instruments.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the installed catalog's instruments")
    listing.set_defaults(func=cmd_instruments_list)
    export = actions.add_parser(
        "export", help="your completed responses as CSV (ODK's column names) into DIR"
    )
    export.add_argument("dir", metavar="DIR", help="the folder to write the CSV files into")
    export.add_argument(
        "--yes", action="store_true", help="write them (the files hold text answers as typed)"
    )
    export.set_defaults(func=cmd_instruments_export)
