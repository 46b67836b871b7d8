"""Laptops with usage reports turned on by a county's policy, as IT deploys them."""

import json
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.config.policy import POLICY_ENV
from resources_index.library.library import Library
from resources_index.reports.delivery import Delivery, deliver
from resources_index.reports.usage import REPORT_FORMAT, Usage
from resources_index.sync.http import HttpSettings
from tests.helpers.capture import Dropping, dropping_server


def policy_in_force(
    monkeypatch: pytest.MonkeyPatch, path: Path, content: str | dict[str, object]
) -> Path:
    """The machine-wide policy file at ``path`` holding ``content`` (text as written, or a
    table written as JSON), found by every library this test opens."""
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    monkeypatch.setenv(POLICY_ENV, str(path))
    return path


def county_policy(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    county: str = "Alameda",
    reports_url: str = "",
    locked: bool = False,
    password: str = "",
) -> Path:
    """A policy file turning reports on for ``county`` (locked on with ``locked``), its
    uploads authenticated as the county's folder name with ``password``."""
    folder.mkdir(parents=True, exist_ok=True)
    return policy_in_force(
        monkeypatch,
        folder / f"policy-{county}.json",
        {
            "settings": {"reporting_enabled": True},
            "locked": ["reporting_enabled"] if locked else [],
            "county": county,
            "reports_url": reports_url,
            **(
                {"reports_user": county.replace(" ", "-"), "reports_password": password}
                if password
                else {}
            ),
        },
    )


LAST_WEEK = datetime.now(UTC) - timedelta(days=7)


ONE_TRY = HttpSettings(connect_timeout=2, read_timeout=2, retries=0)


def laptop_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, password: str = ""
) -> Library:
    county_policy(tmp_path, monkeypatch, "Contra Costa", url, password=password)
    library = Library(tmp_path / "laptop")
    with Usage.opened(library) as usage:
        usage.count("opened", "three-houses", now=LAST_WEEK)
    return library


PERIOD = "2026-W49"


def report(
    county: str = "Fresno", measures: list[tuple[str, str, int]] = (), **fields: object
) -> dict:
    """A report as a laptop seals it, with fresh random ids."""
    data = {
        "format": REPORT_FORMAT,
        "format_version": 1,
        "report_id": secrets.token_hex(16),
        "laptop": secrets.token_hex(16),
        "county": county,
        "period": PERIOD,
        "measures": [{"measure": m, "key": k, "value": v} for m, k, v in measures],
    }
    data.update(fields)
    return data


MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # 2026-W49


NEXT_WEEK = MONDAY + timedelta(days=7)


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def every_byte_under(folder: Path) -> str:
    """Every file under ``folder`` as text (binary files too), folded for searching."""
    return folded(
        "\n".join(
            p.read_bytes().decode("utf-8", errors="replace")
            for p in folder.rglob("*")
            if p.is_file()
        )
    )


@dataclass
class County:
    """A county's laptops under its policy and the statewide catalog they take (published,
    signed by ``keys``): what the report and policy fault tests start from, as one fixture."""

    folder: Path
    monkeypatch: pytest.MonkeyPatch
    published: Path
    keys: tuple[Path, Path]

    def laptop(self, reports_url: str, password: str = "") -> Library:
        """A Contra Costa laptop, its reports sent to ``reports_url``, one week's report due."""
        return laptop_for(self.folder, self.monkeypatch, reports_url, password)

    def imported_laptop(self, root: Path, reports_url: str = "") -> Library:
        """A laptop at ``root`` with reports on and the statewide catalog imported."""
        county_policy(self.folder, self.monkeypatch, reports_url=reports_url)
        library = Library(root)
        library.import_bundle(self.published, [load_public_key(self.keys[1])])
        return library


def delivered_to_dropping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drops: int
) -> tuple[Library, Delivery, Dropping]:
    """A laptop's reports delivered once to a server that closes the first ``drops``
    connections without a word: the laptop, the outcome and what the server saw."""
    with dropping_server(drops) as server:
        laptop = laptop_for(tmp_path, monkeypatch, server.url)
        return laptop, deliver(laptop, ONE_TRY), server
