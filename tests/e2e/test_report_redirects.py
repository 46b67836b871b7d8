"""A real nginx, running the site block of docs/hosting.md with locations that redirect as a
moved or hostile reports address would (301 on the same server, 302 to a sign-in page, 307
and 308 to another server): no report is ever sent on, the report stays on the laptop, and
``doctor`` says that the reports address moved. Each county writes only into its own folder,
with its own password."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from resources_index.library.library import Library
from resources_index.reports.delivery import deliver
from resources_index.reports.outbox import pending
from resources_index.reports.usage import Usage
from resources_index.support import doctor
from resources_index.sync.http import HttpSettings
from tests.helpers.capture import Capture, capture_server
from tests.helpers.nginx import Nginx, running_nginx, world_readable_folder
from tests.helpers.reporting import county_policy

ONE_TRY = HttpSettings(connect_timeout=2, read_timeout=2, retries=0)
LAST_WEEK = datetime.now(UTC) - timedelta(days=7)
COUNTIES = {"Contra-Costa": "contra costa's secret", "Alameda": "alameda's secret"}


@dataclass
class Site:
    nginx: Nginx
    reports: Path
    elsewhere: Capture

    def address(self, prefix: str) -> str:
        return f"http://127.0.0.1:{self.nginx.port}/{prefix}/"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    with world_readable_folder() as www, capture_server(status=200) as elsewhere:
        reports, incoming = www / "reports", www / "reports-incoming"
        for folder in (reports, incoming, www / "sop"):
            folder.mkdir()
            folder.chmod(0o777)
        other = f"http://127.0.0.1:{elsewhere.port}/sop-reports/$1"
        extra = f"""
    location ~ ^/same-server-301/(.*)$ {{ return 301 $scheme://$http_host/sop-reports/$1; }}
    location ~ ^/sign-in-302/(.*)$ {{ return 302 {other}; }}
    location ~ ^/elsewhere-307/(.*)$ {{ return 307 {other}; }}
    location ~ ^/elsewhere-308/(.*)$ {{ return 308 {other}; }}
"""
        with running_nginx(
            www / "sop", tmp_path / "nginx", reports=reports, counties=COUNTIES, extra=extra
        ) as nginx:
            yield Site(nginx, reports, elsewhere)


def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, password: str) -> Library:
    county_policy(tmp_path, monkeypatch, "Contra Costa", url, password=password)
    library = Library(tmp_path / "laptop")
    with Usage.opened(library) as usage:
        usage.count("opened", "three-houses", now=LAST_WEEK)
    return library


@pytest.mark.parametrize(
    "prefix", ["same-server-301", "sign-in-302", "elsewhere-307", "elsewhere-308"]
)
def test_a_redirect_is_never_followed_and_the_report_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: Site, prefix: str
) -> None:
    library = laptop(tmp_path, monkeypatch, site.address(prefix), COUNTIES["Contra-Costa"])
    result = deliver(library, ONE_TRY)
    assert result.sent == [] and result.waiting == 1
    assert result.problem is not None and result.problem.kind == "reports.moved"
    assert "the reports address moved" in str(result.problem)
    assert site.elsewhere.seen == []  # nothing reached the other server
    assert not list(site.reports.rglob("*.json"))  # nor the same server's folder
    [put] = [line for line in site.nginx.log() if line.method == "PUT"]  # one PUT, no GET
    assert put.path.startswith(f"/{prefix}/Contra-Costa/") and put.status in (301, 302, 307, 308)
    assert not any(line.method == "GET" for line in site.nginx.log())
    problems = [c.text for c in doctor.run(library, offline=True) if not c.ok]
    assert any("the reports address moved" in text for text in problems)
    assert len(pending(library)) == 1
    # Once the policy names the address where reports now go, the same report is delivered.
    county_policy(
        tmp_path,
        monkeypatch,
        "Contra Costa",
        site.address("sop-reports"),
        password=COUNTIES["Contra-Costa"],
    )
    assert deliver(Library(tmp_path / "laptop"), ONE_TRY).sent
    assert len(list(site.reports.rglob("*.json"))) == 1


@pytest.mark.parametrize(
    "password", ["", "wrong password", COUNTIES["Alameda"]], ids=["none", "wrong", "other"]
)
def test_a_county_writes_only_into_its_own_folder_with_its_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: Site, password: str
) -> None:
    library = laptop(tmp_path, monkeypatch, site.address("sop-reports"), password)
    if password == COUNTIES["Alameda"]:  # Alameda's credential on Contra Costa's folder
        county_policy(
            tmp_path, monkeypatch, "Contra Costa", site.address("sop-reports"), password=password
        )
        policy = (tmp_path / "policy-Contra Costa.json").read_text()
        (tmp_path / "policy-Contra Costa.json").write_text(
            policy.replace('"reports_user": "Contra-Costa"', '"reports_user": "Alameda"')
        )
        library = Library(tmp_path / "laptop")
    result = deliver(library, ONE_TRY)
    assert result.sent == [] and result.problem is not None and len(pending(library)) == 1
    assert not list(site.reports.rglob("*.json"))
    [put] = [line for line in site.nginx.log() if line.method == "PUT"]
    assert put.status in (401, 403)
