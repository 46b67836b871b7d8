"""Addresses as they may be shown: a user name and password inside one
(``https://user:secret@host/``) are never written in clear, in the log, ``doctor``,
``settings`` or a sentence."""

import re

#: Everything between ``//`` and the last ``@`` before the path: the user name and password.
_USERINFO = re.compile(r"(?<=//)[^/?#]*@")
HIDDEN = "***@"


def shown(address: str) -> str:
    """``address`` with any user name and password replaced by ``***``."""
    return _USERINFO.sub(HIDDEN, address)
