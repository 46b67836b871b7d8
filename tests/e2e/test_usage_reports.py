"""Usage reports reach the content team through a real nginx with the WebDAV block of
docs/hosting.md, its worker running as another user: uploaded after a sync, an upload cut
mid-way and one whose answer was lost are retried, and the summary counts the report once."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from resources_index.reports import delivery
from resources_index.reports.delivery import deliver
from resources_index.reports.outbox import pending
from resources_index.reports.summary import STATEWIDE, summarize
from resources_index.reports.usage import Usage
from resources_index.sync.http import HttpSettings
from resources_index.sync.syncer import sync
from tests.helpers.cutting_relay import cutting_relay
from tests.helpers.nginx import running_nginx, world_readable_folder
from tests.helpers.reporting import county_policy

ONE_TRY = HttpSettings(connect_timeout=2, read_timeout=2, retries=0)
LAST_WEEK = datetime.now(UTC) - timedelta(days=7)


@pytest.mark.slow
def test_reports_are_put_once_through_cuts_and_lost_answers(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with world_readable_folder() as www:
        published = www / "sop"
        publish(source, published, keys[0], catalog_id="test-catalog")
        reports, incoming = www / "reports", www / "reports-incoming"
        for folder in (reports, incoming):
            folder.mkdir()
            folder.chmod(0o777)  # the web server's own user writes here
        counties = {"Contra-Costa": "county secret"}
        with running_nginx(
            published, tmp_path / "nginx", reports=reports, counties=counties
        ) as server:
            # Two of each: a connection closed before its answer is tried once more at once.
            with cutting_relay(("127.0.0.1", server.port), cut_requests=2, lose_answers=2) as relay:
                address = f"http://127.0.0.1:{relay.port}/sop-reports/"
                county_policy(
                    tmp_path, monkeypatch, "Contra Costa", address, password="county secret"
                )
                laptop = Library(tmp_path / "laptop")
                usage = Usage.of(laptop)
                usage.count("opened", "three-houses", now=LAST_WEEK)
                usage.searched("harm statment", 0, now=LAST_WEEK)
                usage.close()

                first = deliver(laptop, ONE_TRY)  # the upload is cut mid-way, twice
                assert first.sent == [] and first.waiting == 1 and first.problem is not None
                assert not list(reports.rglob("*.json"))  # nginx kept no half report
                second = deliver(laptop, ONE_TRY)  # stored, but the answer was lost, twice
                assert second.sent == [] and second.waiting == 1
                assert len(list(reports.rglob("*.json"))) == 1
                assert relay.connections == 4
                # The next sync (through the same bad network) delivers it again, same name.
                report = sync(laptop, server.url, [load_public_key(keys[1])], http=ONE_TRY)
                delivery.finish()  # the sync did not wait for its reports
                assert report.install is not None and pending(laptop) == []
            stored = list(reports.rglob("*.json"))
            assert len(stored) == 1 and stored[0].parent.parent.name == "Contra-Costa"
            puts = [line for line in server.log() if line.method == "PUT"]
            # made, then replaced by the same bytes (the retry, then the sync)
            assert [line.status for line in puts][-3:] == [201, 204, 204]
            # Laptops may only PUT: the reports cannot be listed or read back over the web.
            gets = [
                line
                for line in server.log()
                if "/sop-reports/" in line.path and line.method == "GET"
            ]
            assert gets == []
        summary = summarize([reports])
        assert summary.reports == 1 and summary.of("Contra Costa", "opened") == {"three-houses": 1}


@pytest.mark.slow
def test_the_summary_survives_what_anyone_able_to_put_can_upload(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    """Hostile uploads accepted by the real WebDAV block: nested 5,000 deep, a catalog version
    of "x", a report naming another county, one id claimed twice, a formula as a request."""
    import json
    import secrets

    import requests

    from resources_index.reports.summary import write_csv

    def made(county: str, measures: list[tuple[str, str, int]], **fields: object) -> dict:
        return {
            "format": "sop-usage-report",
            "format_version": 1,
            "report_id": secrets.token_hex(16),
            "laptop": secrets.token_hex(16),
            "county": county,
            "period": "2026-W49",
            "measures": [{"measure": m, "key": k, "value": v} for m, k, v in measures],
            **fields,
        }

    real = made("Fresno", [("opened", "three-houses", 1)])
    uploads = {
        "Fresno/2026-W49/real.json": real,
        "Fresno/2026-W49/deep.json": "[" * 5000,
        "Fresno/2026-W49/version.json": made("Fresno", [("catalog_version", "x", 1)]),
        "Contra-Costa/2026-W49/forged.json": made("Fresno", [("opened", "three-houses", 50)]),
        "Fresno/2026-W49/rival.json": {**real, "measures": []},
        "Fresno/2026-W49/formula.json": made(
            "Fresno", [("resource_requests", '=HYPERLINK("http://evil.example/x","Click")', 1)]
        ),
        "Fresno/2026-W49/kept.json": made("Fresno", [("opened", "guide", 1)]),
    }
    with world_readable_folder() as www:
        published = www / "sop"
        publish(source, published, keys[0], catalog_id="test-catalog")
        reports, incoming = www / "reports", www / "reports-incoming"
        for folder in (reports, incoming):
            folder.mkdir()
            folder.chmod(0o777)
        # Each county uploads with its own credential (docs/hosting.md): what one county's
        # laptop holds is enough to upload all of this into its own folder.
        counties = {"Fresno": "fresno secret", "Contra-Costa": "contra costa secret"}
        with running_nginx(
            published, tmp_path / "nginx", reports=reports, counties=counties
        ) as server:
            for name, content in uploads.items():
                body = content if isinstance(content, str) else json.dumps(content)
                county = name.split("/", 1)[0]
                answer = requests.put(
                    server.reports_url + name,
                    data=body.encode(),
                    auth=(county, counties[county]),
                    timeout=10,
                )
                assert answer.status_code == 201, name
            too_big = requests.put(
                server.reports_url + "Fresno/2026-W49/big.json",
                data=b" " * (2 * 1024 * 1024),
                auth=("Fresno", counties["Fresno"]),
                timeout=10,
            )
            assert too_big.status_code == 413  # nginx refuses what a report can never be
        with summarize([reports]) as summary:
            assert summary.reports == 2  # kept.json and formula.json
            assert summary.of("Fresno", "opened") == {"guide": 1}
            assert summary.of(STATEWIDE, "opened") == {"guide": 1}
            set_aside = {line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in summary.skipped}
            assert set_aside == {
                "deep.json",
                "version.json",
                "forged.json",
                "real.json",
                "rival.json",
            }
            write_csv(summary, tmp_path / "summary.csv")
        assert "'=HYPERLINK" in (tmp_path / "summary.csv").read_text(encoding="utf-8")
