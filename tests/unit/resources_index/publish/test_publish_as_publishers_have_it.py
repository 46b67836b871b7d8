"""A content team's folder as it really is: a spreadsheet export (BOM, CRLF, upper-case ids,
accents), sidecars with inventory ids, odd names, links. It publishes, and laptops take it."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.catalog.times import utc_now
from resources_index.library.library import Library
from resources_index.publish.publisher import next_version, publish
from tests.helpers.team_folder import make_team_folder


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    return make_team_folder(tmp_path / "team")


def test_a_teams_own_folder_publishes_and_every_laptop_accepts_it(
    tmp_path: Path, team_folder: Path, keys: tuple[Path, Path]
) -> None:
    out = tmp_path / "www"
    report = publish(team_folder, out, keys[0], catalog_id="ca-sop")
    library = Library(tmp_path / "laptop")
    library.import_bundle(out, [load_public_key(keys[1])])  # a laptop accepts it whole
    manifest = library.current()
    assert manifest is not None
    ids = set(manifest.by_id)
    # Inventory ids are folded to lower case, and links between them still resolve.
    assert {"r07", "r08"} <= ids
    assert manifest.by_id["r07"].translations == ("r08",)
    assert [i.resource_id for i in manifest.kits[0].items] == ["r07", "r08"]
    # R09 and r09 are one id: the second is named and skipped, not published twice.
    assert sum(rid == "r09" for rid in ids) == 1
    assert any("'r09' is already used by" in e for e in report.errors)
    # An id that cannot be made valid is derived from the file name, with a warning.
    assert "guides-safety-plan" in ids
    assert any("'Safety Plan!' cannot be used" in w for w in report.warnings)
    # Names laptops cannot store are published under names they can.
    names = {r.main.name for r in manifest.resources}
    assert {"a_b.txt", "_aux.txt", "what_.txt"} <= names
    assert any("published as 'a_b.txt'" in w for w in report.warnings)
    # A link to a file outside the folder is never read; one inside is an ordinary file.
    assert not any("root:" in r.summary for r in manifest.resources)
    assert any("leak.txt: a link to a file outside" in e for e in report.errors)
    assert "notes-inside-link" in ids
    assert library.verify() == []


def test_a_publish_into_a_lost_folder_never_goes_back_for_laptops(
    tmp_path: Path, team_folder: Path, keys: tuple[Path, Path]
) -> None:
    # The lost server was published to minutes before the new one is.
    minutes_ago = utc_now() - timedelta(minutes=5)
    first = publish(
        team_folder, tmp_path / "www", keys[0], catalog_id="ca-sop", clock=lambda: minutes_ago
    )
    assert first.version == next_version(0, minutes_ago)
    laptop = Library(tmp_path / "laptop")
    laptop.import_bundle(tmp_path / "www", [load_public_key(keys[1])])
    (team_folder / "notes" / "new.txt").write_text("Added after the server was lost.\n")
    again = publish(team_folder, tmp_path / "new-server", keys[0], catalog_id="ca-sop")
    assert again.version > first.version  # an empty OUT, and still no rollback
    laptop.import_bundle(tmp_path / "new-server", [load_public_key(keys[1])])
    assert laptop.current().version == again.version  # type: ignore[union-attr]


def test_versions_are_the_publish_time_and_rise_within_a_second() -> None:
    moment = datetime(2026, 12, 1, 19, 20, 23, tzinfo=UTC)
    assert next_version(0, moment) == 20261201192023
    assert next_version(20261201192023, moment) == 20261201192024  # twice in one second
    assert next_version(7, moment) == 20261201192023  # a catalog numbered the old way
