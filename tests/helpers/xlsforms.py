"""Real XLSForm spreadsheets written with openpyxl, as a content team saves them, and put in
a source folder with the sidecar that publishes them as an instrument."""

import zipfile
from pathlib import Path

from openpyxl import Workbook

from resources_index.instruments.conversion import SURVEY_COLUMNS
from resources_index.instruments.limits import MAX_PART_BYTES

Rows = list[list[object]]

SURVEY_HEADER = list(SURVEY_COLUMNS)
CHOICES_HEADER = ["list_name", "name", "label::English (en)", "label::Español (es)"]


def row(**cells: object) -> list[object]:
    """A survey row by column: ``row(type="text", name="a", en="A", es="A")``."""
    short = {
        "en": "label::English (en)",
        "es": "label::Español (es)",
        "msg_en": ("constraint_message::English (en)"),
        "msg_es": "constraint_message::Español (es)",
        "hint_en": "hint::English (en)",
        "hint_es": "hint::Español (es)",
    }
    named = {short.get(k, k): v for k, v in cells.items()}
    return [named.get(column) for column in SURVEY_HEADER]


def settings(form_id: str = "test_form", version: str = "1", title: str = "Test form") -> Rows:
    return [
        ["form_title", "form_id", "version", "default_language"],
        [title, form_id, version, "English (en)"],
    ]


def write_form(
    path: Path,
    survey: Rows,
    choices: Rows | None = None,
    settings_rows: Rows | None = None,
    survey_header: list[str] | None = None,
) -> Path:
    """Write an .xlsx with the three XLSForm sheets (the header rows added here)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    sheet.append(survey_header or SURVEY_HEADER)
    for line in survey:
        sheet.append(line)
    if choices:
        sheet = book.create_sheet("choices")
        sheet.append(CHOICES_HEADER)
        for line in choices:
            sheet.append(line)
    sheet = book.create_sheet("settings")
    for line in settings_rows or settings():
        sheet.append(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


YES_NO = [["yn", "yes", "Yes", "Sí"], ["yn", "no", "No", "No"]]
SEEN = [
    ["seen", "observed", "Observed", "Observado"],
    ["seen", "partly", "Partly observed", "Observado en parte"],
    ["seen", "not_observed", "Not observed", "No observado"],
]


def example_form(path: Path) -> Path:
    """A form using every supported feature once (the page docs/instruments.md describes)."""
    return write_form(
        path,
        [
            row(type="begin group", name="meeting", en="The meeting", es="La reunión"),
            row(
                type="select_one yn",
                name="parents_present",
                en="Were the parents present?",
                es="¿Estaban presentes los padres?",
                required="yes",
                hint_en="Count either parent.",
                hint_es="Cuente a cualquiera de los padres.",
            ),
            row(
                type="integer",
                name="network_size",
                en="How many network members came?",
                es="¿Cuántos miembros de la red vinieron?",
                relevant="selected(${parents_present}, 'yes')",
                constraint=". >= 0 and . <= 30",
                msg_en="Between 0 and 30.",
                msg_es="Entre 0 y 30.",
            ),
            row(type="end group"),
            row(
                type="select_multiple seen",
                name="columns",
                en="Which columns were mapped?",
                es="¿Qué columnas se mapearon?",
            ),
            row(
                type="decimal",
                name="scale",
                en="Scaling score",
                es="Puntuación de escala",
                constraint=". >= 0 and . <= 10",
            ),
            row(
                type="text", name="comment", en="Comment (no names)", es="Comentario (sin nombres)"
            ),
            row(type="date", name="meeting_date", en="Date", es="Fecha", constraint=". <= today()"),
            row(
                type="select_one yn",
                name="quiz",
                en="Is a harm statement about the past?",
                es="¿Una declaración de daño trata del pasado?",
                correct_answer="yes",
            ),
            row(
                type="calculate",
                name="points",
                calculation="if(${parents_present} = 'yes', 1, 0) + count-selected(${columns})",
            ),
            row(type="note", name="summary", en="Points: ${points}", es="Puntos: ${points}"),
        ],
        [*YES_NO, *SEEN],
        settings("example", "2026-12"),
    )


def zip_bomb(bomb: Path, scratch: Path) -> Path:
    """A real form whose sheet is replaced by one that unpacks past the bound on a part, yet is
    small on disk (``scratch``: a folder for the real form it starts from)."""
    form = write_form(scratch / "real.xlsx", [row(type="text", name="a", en="A")])
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, source.read(info))
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(MAX_PART_BYTES // len(chunk) + 8):
                part.write(chunk)
    return bomb


SIDECAR = """kind: observation
title: {en: "Mapping observation", es: "Observación del mapeo"}
audiences: [coaches]
practice_elements: [safety mapping]
resources: [three-houses]
items:
  parents_present:
    resources: [tres-casas]
"""


def add_form(source: Path, name: str = "observation", sidecar: str = SIDECAR) -> Path:
    form = example_form(source / "instruments" / f"{name}.xlsx")
    form.with_suffix(".yaml").write_text(sidecar, encoding="utf-8")
    return form
