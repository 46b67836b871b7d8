"""Laptops with usage reports turned on by a county's policy, as IT deploys them."""

import json
from pathlib import Path

import pytest

from resources_index.config.policy import POLICY_ENV


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
