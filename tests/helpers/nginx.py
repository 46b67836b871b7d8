"""A real nginx (Debian's ``nginx-light``) serving a published folder on 127.0.0.1, with the
site block ``docs/hosting.md`` shows, its worker running as ``nobody`` when started as root
(as every web server's does), and an access log that records the bytes sent on the wire."""

import base64
import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOSTING = ROOT / "docs" / "hosting.md"
LOG_FORMAT = '$request_method $uri $status $bytes_sent "$http_range" "$sent_http_content_encoding"'


def site_block() -> str:
    """The nginx ``server`` block of docs/hosting.md, as documented."""
    blocks = re.findall(r"```nginx\n(server \{.*?\n\})\n```", HOSTING.read_text(), re.DOTALL)
    assert len(blocks) == 1, "docs/hosting.md must show one whole nginx server block"
    return blocks[0]


@dataclass
class LogLine:
    method: str
    path: str
    status: int
    bytes_sent: int
    range: str
    encoding: str


@dataclass
class Nginx:
    folder: Path
    work: Path
    port: int
    gzip: bool = True  # as docs/hosting.md sets it; False: the same site, uncompressed
    reports: Path | None = None  # where laptops' usage reports are PUT (/sop-reports/)
    #: each county's folder name and upload password (the site block's htpasswd file)
    counties: dict[str, str] = field(default_factory=dict)
    #: more nginx lines inside the server block (a location that redirects, say)
    extra: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sop/"

    @property
    def reports_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sop-reports/"

    def log(self) -> list[LogLine]:
        path = self.work / "access.log"
        lines = path.read_text().splitlines() if path.exists() else []
        pattern = re.compile(r'(\S+) (\S+) (\d+) (\d+) "([^"]*)" "([^"]*)"')
        found = []
        for line in lines:
            match = pattern.fullmatch(line)
            if match:
                method, uri, status, sent, ranged, encoding = match.groups()
                found.append(LogLine(method, uri, int(status), int(sent), ranged, encoding))
        return found

    def start(self, limit_rate: str = "0") -> None:
        """Start (again) on the same port; ``limit_rate`` per connection, e.g. ``512k``."""
        block = site_block().replace("listen 80;", f"listen 127.0.0.1:{self.port};")
        block = block.replace("alias /srv/sop/;", f"alias {self.folder}/;")
        reports = self.reports or self.work / "no-reports"
        block = block.replace("alias /srv/sop-reports/;", f"alias {reports}/;")
        incoming = reports.parent / f"{reports.name}-incoming"
        block = block.replace("/srv/sop-reports-incoming;", f"{incoming};")
        # Read by the worker (another user): beside the reports, world-readable.
        htpasswd = reports.parent / f"{reports.name}.htpasswd"
        with contextlib.suppress(OSError):
            htpasswd.write_text(
                "".join(f"{county}:{sha_password(pw)}\n" for county, pw in self.counties.items())
            )
            htpasswd.chmod(0o644)
        block = block.replace("/etc/nginx/sop-reports.htpasswd;", f"{htpasswd};")
        if self.extra:
            block = block[: block.rindex("}")] + self.extra + "\n}"
        if not self.gzip:
            block = block.replace("gzip on;", "gzip off;")
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        temp = self.work / "temp"
        temp.mkdir(exist_ok=True)
        config = f"""
{user}
worker_processes 1;
daemon off;
pid {self.work}/nginx.pid;
error_log {self.work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format wire '{LOG_FORMAT}';
    access_log {self.work}/access.log wire;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    limit_rate {limit_rate};
{block}
}}
"""
        (self.work / "nginx.conf").write_text(config)
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.work / "nginx.conf"), "-p", str(self.work)],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2),
            ):
                return
            if self.process.poll() is not None:
                assert self.process.stderr is not None
                pytest.fail(f"nginx did not start: {self.process.stderr.read().decode()}")
            time.sleep(0.05)
        pytest.fail("nginx did not start listening")

    def stop(self) -> None:
        """Stop at once, cutting every transfer under way (nginx's fast shutdown)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(10)
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        self.process = None


def sha_password(password: str) -> str:
    """A password as nginx's ``auth_basic_user_file`` reads it (``{SHA}``, as htpasswd -s)."""
    digest = hashlib.sha1(password.encode()).digest()
    return "{SHA}" + base64.b64encode(digest).decode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_nginx(
    folder: Path,
    work: Path,
    gzip: bool = True,
    reports: Path | None = None,
    counties: dict[str, str] | None = None,
    extra: str = "",
) -> Iterator[Nginx]:
    """nginx serving ``folder`` at ``http://127.0.0.1:PORT/sop/``; skipped on a developer's
    machine without nginx, a failure in CI (``scripts/setup.sh test`` installs it)."""
    if not shutil.which("nginx"):
        message = "nginx is not installed (scripts/setup.sh test installs nginx-light)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    work.mkdir(parents=True, exist_ok=True)
    server = Nginx(folder, work, _free_port(), gzip, reports, dict(counties or {}), extra)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def world_readable_folder() -> Iterator[Path]:
    """A folder the web server's user can reach (pytest's own are private to this user), made
    as a content team's server folder is: 0755 under /tmp, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="sop-www-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
