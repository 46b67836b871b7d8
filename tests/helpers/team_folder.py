"""A content team's folder as it really is: inventory ids from a spreadsheet (upper case),
Spanish names, names Windows forbids, links inside and outside, a spreadsheet export with a
byte-order mark and Windows line ends."""

from pathlib import Path

from tests.helpers.documents import make_pdf

TEAM_ROW = "tip-sheets/Declaraciones de daño.pdf,R08,Tip Sheet,es,R07,Declaraciones de daño"


def add_team_content(folder: Path) -> None:
    """Add the team's own files to ``folder`` (the spreadsheet is written separately)."""
    make_pdf(folder / "tip-sheets" / "Harm Statements.pdf", ["Harm statements say what happened."])
    make_pdf(folder / "tip-sheets" / "Declaraciones de daño.pdf", ["Qué pasó, con palabras."])
    make_pdf(folder / "guides" / "safety plan.pdf", ["A safety plan names who does what."])
    make_pdf(folder / "guides" / "Safety plan (copy).pdf", ["The same guide, copied."])
    make_pdf(folder / "guides" / "mapping.pdf", ["Mapping the family's network."])
    (folder / "guides" / "mapping.pdf.meta.yaml").write_text("id: R09\n", encoding="utf-8")
    (folder / "guides" / "Safety plan (copy).pdf.meta.yaml").write_text("id: r09\n")
    (folder / "tip-sheets" / "Harm Statements.pdf.meta.yaml").write_text(
        "id: R07\ntitle: Harm statements\n", encoding="utf-8"
    )
    (folder / "guides" / "safety plan.pdf.meta.yaml").write_text("id: Safety Plan!\n")
    (folder / "notes").mkdir(exist_ok=True)
    for awkward in ("a:b.txt", "aux.txt", "what?.txt"):
        (folder / "notes" / awkward).write_text(f"A note called {awkward}.\n")
    (folder / "leak.txt").symlink_to("/etc/passwd")
    (folder / "notes" / "inside-link.txt").symlink_to(folder / "notes" / "aux.txt")
    (folder / "kits").mkdir(exist_ok=True)
    (folder / "kits" / "day-1.yaml").write_text(
        "name: Day 1\nitems:\n  - id: R07\n  - id: R08\n", encoding="utf-8"
    )


def write_spreadsheet_csv(folder: Path, rows: list[str]) -> None:
    """``catalog.csv`` as a spreadsheet saves it: UTF-8 with a byte-order mark, CRLF."""
    (folder / "catalog.csv").write_bytes(
        b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n"
    )


def make_team_folder(folder: Path) -> Path:
    add_team_content(folder)
    write_spreadsheet_csv(folder, ["file,id,type,language,translations,title", TEAM_ROW])
    return folder
