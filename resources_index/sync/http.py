"""The one place that talks HTTP (requests): sessions with timeouts, retries and a User-Agent.

Retries with backoff cover connection errors, 429 and 5xx, honouring Retry-After (urllib3's
``Retry``). Proxies come from the environment as requests reads them, or from settings.
Certificates are checked against the operating system's store (``truststore``), because county
networks inspect TLS with their own root certificates installed there; a CA bundle from the
settings replaces it.
"""

import logging
import ssl
from dataclasses import dataclass, field
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from resources_index import __version__
from resources_index.config.settings import Settings

USER_AGENT = f"SOP-Desktop/{__version__} (+offline resource library)"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HttpSettings:
    """How to reach the server: timeouts in seconds, retries, optional proxy and CA bundle."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    proxies: dict[str, str] = field(default_factory=dict)
    ca_bundle: str | None = None
    pac_url: str = ""  # a proxy auto-config file (counties that use one); proxies then unused

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> "HttpSettings":
        """The proxy and CA bundle a user (or later a policy) chose; the rest as given."""
        proxies = {"http": settings.proxy, "https": settings.proxy} if settings.proxy else {}
        return cls(proxies=proxies, ca_bundle=settings.ca_bundle or None, **overrides)


class _SystemTrustAdapter(HTTPAdapter):
    """An adapter whose TLS connections trust the operating system's certificate store."""

    def __init__(self, context: ssl.SSLContext, **kwargs: Any) -> None:
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(proxy, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # requests would point ca_certs at certifi's bundle; the system store is the authority.
        super().cert_verify(conn, url, verify, cert)  # type: ignore[no-untyped-call]
        if verify is True:
            conn.ca_certs = None
            conn.ca_cert_dir = None


class _BundleAdapter(HTTPAdapter):
    """An adapter that checks certificates against one CA bundle file, whatever the
    environment says (requests lets ``REQUESTS_CA_BUNDLE`` override a session's choice)."""

    def __init__(self, bundle: str, **kwargs: Any) -> None:
        self._bundle = bundle
        super().__init__(**kwargs)

    def send(self, request: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs["verify"] = self._bundle
        return super().send(request, **kwargs)


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
    session = _pac_session(settings.pac_url) if settings.pac_url else requests.Session()
    adapter: HTTPAdapter
    if settings.ca_bundle:
        adapter = _BundleAdapter(settings.ca_bundle, max_retries=retry, pool_maxsize=8)
    else:
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        adapter = _SystemTrustAdapter(context, max_retries=retry, pool_maxsize=8)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    if settings.proxies:
        session.proxies.update(settings.proxies)
    return session


def _pac_session(pac_url: str) -> requests.Session:
    """A session that asks the county's PAC file which proxy to use for each address
    (``pypac``); without a readable PAC file it goes direct, and says so in the log."""
    from pypac import PACSession, get_pac

    try:
        pac = get_pac(url=pac_url, from_os_settings=False, from_dns=False, timeout=10)
    except Exception as exc:  # pypac raises its own and requests' errors alike
        log.warning("proxy auto-config %s could not be read (%s); going direct", pac_url, exc)
        pac = None
    if pac is None:
        return requests.Session()
    session: requests.Session = PACSession(pac=pac)
    return session


def explain_status(status: int, what: str) -> str:
    """What an HTTP answer other than success means for ``what`` (the catalog, a file), by its
    cause, in words that send the reader to whoever can fix it."""
    if status == 401:
        return (
            f"the server asks for a sign-in before it gives {what}; the catalog must be public:"
            " tell whoever runs the server"
        )
    if status == 403:
        return (
            f"the server refuses to give {what} (403): its files may not be readable by the web"
            " server; tell whoever runs it"
        )
    if status == 404:
        return (
            f"the server has no {what} at this address (404): check the server address in"
            " Settings, or the catalog is not published there yet"
        )
    if status == 407:
        return "the proxy asks for a sign-in (407); ask IT for the proxy setting"
    if status in (408, 429) or 500 <= status < 600:
        return f"the server is busy or being updated ({status}); try again later"
    return f"the server answered {status} for {what}"


def explain(exc: BaseException) -> str:
    """Why a request failed, in words a field worker can act on."""
    text = str(exc)
    lowered = text.lower()
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return (
            "the server sends the request round in circles (a redirect loop); tell whoever runs it"
        )
    if isinstance(
        exc,
        requests.exceptions.InvalidSchema
        | requests.exceptions.MissingSchema
        | requests.exceptions.InvalidURL,
    ):
        return (
            "the server redirected to an address that is not a web address; check the server"
            " address in Settings"
        )
    if isinstance(exc, requests.exceptions.SSLError) or "certificate" in lowered:
        return (
            "the server's certificate is not trusted by this computer; if your network inspects"
            " secure connections, ask IT to install its certificate or set a CA bundle"
        )
    if isinstance(exc, requests.exceptions.ProxyError) or "proxy" in lowered:
        return "the proxy could not be reached or refused the connection; check the proxy setting"
    if (
        "name or service not known" in lowered
        or "getaddrinfo" in lowered
        or ("nameresolution" in lowered or "name resolution" in lowered)
    ):
        return "its name could not be looked up; check the network"
    if isinstance(exc, requests.exceptions.Timeout) or "timed out" in lowered:
        return "it did not answer in time"
    if "incompleteread" in lowered or "connection broken" in lowered or "reset by peer" in lowered:
        return "the connection was cut"
    return "no connection could be made; you may be offline"


#: The session and failure types other modules name, so that only this module imports requests.
Session = requests.Session
NetworkError = requests.RequestException


def probe(settings: HttpSettings, url: str) -> int:
    """The status a GET of ``url`` answers, without reading the body (``doctor``'s check);
    ``NetworkError`` when the server cannot be reached."""
    with make_session(settings) as session:
        response = session.get(url, stream=True, timeout=settings.timeout)
        response.close()
        return int(response.status_code)
