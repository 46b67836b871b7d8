"""Names from outside (file names, text from uploads or from LibreOffice) shown on a terminal
or in a log: one line, nothing the terminal would obey.

A file name may hold a newline (which would make one warning look like two), an escape code
(which would colour or move the terminal) or a right-to-left override (which would show the
name backwards). Each such character is written as its escape, ``\\n`` or ``\\x1b`` or
``\\u202e``, so the name is still recognisable and nothing is hidden.
"""

import unicodedata

#: Unicode categories never shown as they are: controls, format characters (bidirectional
#: overrides, zero-width characters), line and paragraph separators, unassigned code points.
HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on written as its escape."""
    if text.isprintable():
        return text
    return "".join(_escaped(c) for c in text)


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if unicodedata.category(char) not in HIDDEN:
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
