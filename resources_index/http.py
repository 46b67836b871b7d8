"""The one place that talks HTTP (requests): sessions with timeouts, retries and a User-Agent.

Retries with backoff cover connection errors, 429 and 5xx, honouring Retry-After (urllib3's
``Retry``). Proxies come from the environment as requests reads them, or from settings.
"""

from dataclasses import dataclass, field

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from resources_index import __version__

USER_AGENT = f"SOP-Desktop/{__version__} (+offline resource library)"


@dataclass(frozen=True)
class HttpSettings:
    """How to reach the server: timeouts in seconds, retries, optional proxy and CA bundle."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    proxies: dict[str, str] = field(default_factory=dict)
    ca_bundle: str | None = None

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)


def make_session(settings: HttpSettings | None = None) -> requests.Session:
    """A session that retries politely and identifies the program."""
    settings = settings or HttpSettings()
    retry = Retry(
        total=settings.retries,
        connect=settings.retries,
        read=settings.retries,
        status=settings.retries,
        backoff_factor=settings.backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=8)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    if settings.proxies:
        session.proxies.update(settings.proxies)
    if settings.ca_bundle:
        session.verify = settings.ca_bundle
    return session
