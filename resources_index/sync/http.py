"""The one place that talks HTTP (requests): sessions with timeouts, retries and a User-Agent.

Retries with backoff cover connection errors, 429 and 5xx, honouring Retry-After (urllib3's
``Retry``). Proxies come from the environment as requests reads them, or from settings.
Certificates are checked against the operating system's store (``truststore``), because county
networks inspect TLS with their own root certificates installed there; a CA bundle from the
settings replaces it.
"""

import contextlib
import logging
import os
import ssl
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from resources_index import __version__
from resources_index.config.settings import Settings
from resources_index.errors import Words, reason_of
from resources_index.util.addresses import shown

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
        if str(request.url).lower().startswith("https:"):
            problem = ca_bundle_problem(self._bundle)
            if problem is not None:  # a FIFO would hold the TLS set-up forever
                raise CaBundleUnusable(problem)
        kwargs["verify"] = self._bundle
        return super().send(request, **kwargs)


class CaBundleUnusable(requests.exceptions.RequestException):
    """The CA bundle a setting names cannot be used; ``words`` say which and why."""

    def __init__(self, words: Words) -> None:
        super().__init__(str(words))
        self.words = words


def ca_bundle_problem(path: str) -> Words | None:
    """Why the CA bundle at ``path`` cannot be used (missing, unreadable, or not a regular
    file: a FIFO or a device is never opened, as reading one would wait forever), or None.
    A folder of certificates, as OpenSSL reads them, is one."""
    try:
        mode = Path(path).stat().st_mode
        if stat.S_ISDIR(mode):
            return None
        if not stat.S_ISREG(mode):
            reason = Words("json.not_regular")
        elif not os.access(path, os.R_OK):
            reason = Words("os.permission_denied")
        else:
            return None
    except OSError as exc:
        reason = reason_of(exc)
    return Words("net.ca_bundle", path=path, reason=reason)


def make_session(settings: HttpSettings | None = None) -> requests.Session:
    """A session that retries politely and identifies the program. One serves a whole sync,
    its threads included: urllib3's pool is thread-safe and keeps up to 8 connections alive,
    more than the transfers a sync runs at once, so the index, the parts and the objects
    reuse them instead of opening (and on HTTPS handshaking) new ones."""
    settings = settings or HttpSettings()
    retry = Retry(
        total=settings.retries,
        connect=settings.retries,
        read=settings.retries,
        status=settings.retries,
        backoff_factor=settings.backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD", "PUT"}),  # a PUT here is idempotent
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
        log.warning(
            "proxy auto-config %s could not be read (%s); going direct", shown(pac_url), exc
        )
        pac = None
    if pac is None:
        return requests.Session()
    session: requests.Session = PACSession(pac=pac)
    return session


def explain_status(status: int, file_name: str | None = None) -> Words:
    """What an HTTP answer other than success means for the catalog (or the file named), by
    its cause, in words that send the reader to whoever can fix it."""
    what = Words("what.file", name=file_name) if file_name else Words("what.catalog")
    by_status = {401: "http.401", 403: "http.403", 404: "http.404"}
    if status in by_status:
        return Words(by_status[status], what=what)
    if status == 407:
        return Words("http.407")
    if status in (408, 429) or 500 <= status < 600:
        return Words("http.busy", status=status)
    return Words("http.other", status=status, what=what)


def explain(exc: BaseException) -> Words:
    """Why a request failed, in words a field worker can act on."""
    if isinstance(exc, CaBundleUnusable):
        return exc.words
    lowered = str(exc).lower()
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return Words("net.redirect_loop")
    if isinstance(
        exc,
        requests.exceptions.InvalidSchema
        | requests.exceptions.MissingSchema
        | requests.exceptions.InvalidURL,
    ):
        return Words("net.not_web_address")
    if isinstance(exc, requests.exceptions.SSLError) or "certificate" in lowered:
        return Words("net.certificate")
    if isinstance(exc, requests.exceptions.ProxyError) or "proxy" in lowered:
        return Words("net.proxy")
    if (
        "name or service not known" in lowered
        or "getaddrinfo" in lowered
        or ("nameresolution" in lowered or "name resolution" in lowered)
    ):
        return Words("net.name_lookup")
    if isinstance(exc, requests.exceptions.Timeout) or "timed out" in lowered:
        return Words("net.timeout")
    if "incompleteread" in lowered or "connection broken" in lowered or "reset by peer" in lowered:
        return Words("net.cut")
    if closed_before_answer(exc):
        return Words("net.closed")
    return Words("net.offline")


#: The session and failure types other modules name, so that only this module imports requests.
Session = requests.Session
Response = requests.Response
NetworkError = requests.RequestException


#: How much of the answer to a PUT is read (its status is the answer; a server that sends
#: an endless body must not fill the memory or hold the delivery).
MAX_PUT_ANSWER_BYTES = 4096


def put(
    session: requests.Session,
    url: str,
    data: bytes,
    settings: HttpSettings,
    auth: tuple[str, str] | None = None,
) -> int:
    """PUT ``data`` at ``url`` and return the status. Used for usage reports, whose name is
    unique and whose bytes never change: sending one again replaces it with the same. A
    redirect is returned, never followed: it would send the report (and ``auth``) on to an
    address nobody chose, perhaps in clear text, or turn into a GET whose page looks stored."""
    response = session.put(
        url,
        data=data,
        headers={"Content-Type": "application/json"},
        timeout=settings.timeout,
        allow_redirects=False,
        auth=auth,
        stream=True,  # the answer's body is never needed: at most a few KB of it is read
    )
    try:
        with contextlib.suppress(Exception):  # the status is the answer; a cut body is no matter
            response.raw.read(MAX_PUT_ANSWER_BYTES, decode_content=False)
    finally:
        response.close()
    return int(response.status_code)


def closed_before_answer(exc: BaseException) -> bool:
    """Whether the server closed the connection before any answer (requests' "Connection
    aborted", http.client's RemoteDisconnected): what a kept-alive connection the server
    dropped meanwhile gives."""
    said = str(exc).lower()
    return "connection aborted" in said or "remotedisconnected" in said


def probe(settings: HttpSettings, url: str) -> int:
    """The status a GET of ``url`` answers, without reading the body (``doctor``'s check);
    ``NetworkError`` when the server cannot be reached."""
    with make_session(settings) as session:
        response = session.get(url, stream=True, timeout=settings.timeout)
        response.close()
        return int(response.status_code)
