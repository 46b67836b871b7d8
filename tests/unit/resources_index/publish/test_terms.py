"""A content team's own bilingual search terms (``terms.csv``): read from a spreadsheet export,
signed into the catalog, and used by every laptop's search."""

from pathlib import Path

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.search.library_search import LibrarySearch
from tests.helpers.documents import make_pdf


def ids(search: LibrarySearch, text: str, **options: object) -> list[str]:
    rows, _ = search.search(text, **options)  # type: ignore[arg-type]
    return [row.resource.id for row in rows]


def test_terms_from_a_spreadsheet_export_find_resources_in_the_other_language(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    make_pdf(
        source / "protocolo.pdf",
        ["El protocolo cebra explica cómo preparar la primera reunión con la familia."],
        title="Protocolo cebra",
    )
    out, library = tmp_path / "www", Library(tmp_path / "laptop")
    publish(source, out, keys[0], catalog_id="test-catalog")
    library.import_bundle(out, [load_public_key(keys[1])])
    search = LibrarySearch(library)
    assert ids(search, "zebra approach") == []  # no word of it is in the Spanish document

    # Excel's "CSV" on Windows: code page 1252, CRLF, its own headers, a blank row, a row
    # missing its Spanish, stray spaces.
    (source / "terms.csv").write_bytes(
        "English,Spanish\r\n  Zebra   approach ,protocolo cebra\r\n,,\r\nhalf a row,\r\n"
        "first meeting,primera reunión\r\n".encode("cp1252")
    )
    report = publish(source, out, keys[0], catalog_id="test-catalog")
    assert any("terms.csv row 4: needs both terms" in w for w in report.warnings)
    library.import_bundle(out)
    manifest = library.current()
    assert manifest is not None
    assert manifest.terms == (
        ("Zebra approach", "protocolo cebra"),
        ("first meeting", "primera reunión"),
    )
    assert "terms" not in {r.main.name.split(".")[0] for r in manifest.resources}
    search.refresh()
    assert ids(search, "zebra approach") == ["protocolo"]
    assert ids(search, "zebra approach", filters={"language": ["en"]}) == []  # still narrows
    search.close()


def test_a_terms_file_without_its_columns_adds_nothing_and_says_why(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    (source / "terms.csv").write_text("word,palabra\nsafety,seguridad\n", encoding="utf-8")
    report = publish(source, tmp_path / "www", keys[0], catalog_id="test-catalog")
    assert any("must name an 'en' and an 'es' column" in w for w in report.warnings)
    library = Library(tmp_path / "laptop")
    library.import_bundle(tmp_path / "www", [load_public_key(keys[1])])
    manifest = library.current()
    assert manifest is not None and manifest.terms == ()
