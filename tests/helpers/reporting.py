"""Laptops with usage reports turned on by a county's policy, as IT deploys them."""

import json
import secrets
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from resources_index.config.policy import POLICY_ENV
from resources_index.library.library import Library
from resources_index.reports.usage import REPORT_FORMAT, Usage
from resources_index.sync.http import HttpSettings


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
    policy = folder / f"policy-{county}.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(
        json.dumps(
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
            }
        )
    )
    monkeypatch.setenv(POLICY_ENV, str(policy))
    return policy


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
