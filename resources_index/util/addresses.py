"""Addresses as they may be shown: a user name and password inside one
(``https://user:secret@host/``) are never written in clear, in the log, ``doctor``,
``settings`` or a sentence."""

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

#: Everything between ``//`` and the last ``@`` before the path: the user name and password.
_USERINFO = re.compile(r"(?<=//)[^/?#]*@")
HIDDEN = "***@"


def shown(address: str) -> str:
    """``address`` with any user name and password replaced by ``***``."""
    return _USERINFO.sub(HIDDEN, address)


#: Hosts a request to which never leaves this computer: a password sent there in plain
#: http:// crosses no network (as browsers treat them as secure).
LOOPBACK_HOSTS = ("localhost",)


def has_userinfo(address: str) -> bool:
    """Whether ``address`` holds a user name (and perhaps a password) before its host."""
    return bool(_USERINFO.search(address))


def split(address: str) -> SplitResult | None:
    """``address`` in its parts, or None when it cannot be one (an unclosed ``[`` of an IPv6
    host, a port that is not a number from 0 to 65535): every address is parsed this one
    bounded way, so that a typo is said as such, never a traceback."""
    try:
        parts = urlsplit(address.strip())
        parts.hostname  # noqa: B018  (each raises ValueError for what cannot be parsed)
        parts.port  # noqa: B018
    except ValueError:
        return None
    return parts


def in_clear(address: str) -> bool:
    """Whether a credential sent to ``address`` would cross a network unencrypted: a plain
    http:// address to any machine but this one (an address that cannot be parsed is never
    sent to, so counts as in clear)."""
    parts = split(address)
    if parts is None:
        return True
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    if host in LOOPBACK_HOSTS or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name: only the ones above are known to stay on this computer
        return True
