"""The policy's scheduled sync: due when its interval has passed since the last sync."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from resources_index.catalog.times import format_time
from resources_index.config.policy import Policy
from resources_index.library.library import Library
from resources_index.sync.schedule import sync_due

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def library_with(tmp_path: Path, hours: int, server: str = "https://example.org/sop/") -> Library:
    tmp_path.mkdir(parents=True, exist_ok=True)
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(
        json.dumps({"sync_interval_hours": hours, "settings": {"server_url": server}})
    )
    return Library(tmp_path / "library", policy=Policy.load(policy_file))


def test_due_at_first_then_once_the_interval_has_passed(tmp_path: Path) -> None:
    library = library_with(tmp_path, 24)
    assert sync_due(library, NOW)  # never synced
    library.state.set_many({"last_sync_at": format_time(NOW - timedelta(hours=23))})
    assert not sync_due(library, NOW)
    library.state.set_many({"last_sync_at": format_time(NOW - timedelta(hours=24))})
    assert sync_due(library, NOW)
    library.state.set_many({"last_sync_at": "garbled"})
    assert sync_due(library, NOW)  # an unreadable time counts as never
    library.close()


def test_never_due_without_an_interval_or_a_server(tmp_path: Path) -> None:
    no_interval = library_with(tmp_path / "a", 0)
    no_server = library_with(tmp_path / "b", 24, server="")
    assert not sync_due(no_interval, NOW)
    assert not sync_due(no_server, NOW)
    no_interval.close()
    no_server.close()
