"""``normalise``: quotes, dashes and spaces unified, one character for one."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- normalising


def _normalise_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02b9\uff07\u2039\u203a\u00b4`":
        table[ord(ch)] = "'"
    for ch in "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02\u301d\u301e":
        table[ord(ch)] = '"'
    for (
        ch
    ) in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d\u2e3a\u2e3b\u30fc":
        table[ord(ch)] = "-"
    for code in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[code] = " "
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD):
        table[code] = " "  # zero-width and soft hyphen: a space keeps the length
    for code in (0x2028, 0x2029, 0x85):
        table[code] = "\n"
    return table


_NORMALISE = _normalise_table()
_NORMALISE_STR = {chr(code): value for code, value in _NORMALISE.items()}
_TO_NORMALISE = re.compile("[" + "".join(re.escape(ch) for ch in _NORMALISE_STR) + "]")


def _normalised_char(match: re.Match) -> str:
    return _NORMALISE_STR[match[0]]


def normalise(text: str) -> str:
    """The text with quotes, dashes and spaces unified, for matching; same length as the input.

    Every replacement is one character for one. A regex substitution with the precomputed
    table is about ten times faster than ``str.translate`` on non-ASCII text, because only
    the few characters that change reach Python code.
    """
    return _TO_NORMALISE.sub(_normalised_char, text)
