"""The command line's arguments: one subcommand per job, each with its own help."""

import argparse

from resources_index import __version__
from resources_index.cli.instrument_commands import add_instrument_commands
from resources_index.cli.library_commands import (
    cmd_export_bundle,
    cmd_import_bundle,
    cmd_offline,
    cmd_search,
    cmd_settings,
    cmd_status,
    cmd_verify,
)
from resources_index.cli.network_commands import cmd_doctor, cmd_serve, cmd_sync
from resources_index.cli.publish_commands import cmd_keygen, cmd_publish
from resources_index.cli.report_commands import add_report_commands
from resources_index.config import paths


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
    publish.add_argument(
        "--libreoffice",
        metavar="PROGRAM",
        help="LibreOffice's soffice program, for the PDF copies of office documents"
        " (default: found on this machine)",
    )
    publish.add_argument(
        "--no-renditions",
        action="store_true",
        help="publish Word, PowerPoint and OpenDocument files without a PDF copy",
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
    add_report_commands(sub)
    add_instrument_commands(sub)
    return parser
