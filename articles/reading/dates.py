"""Dates in headers: month names, full dates, years written as such, date lines."""

from __future__ import annotations

import datetime as dt
import re

# --------------------------------------------------------------------------- dates in headers

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_STEMS = (
    ("Jan", "uary"), ("Feb", "ruary"), ("Mar", "ch"), ("Apr", "il"), ("May", ""), ("Jun", "e"),
    ("Jul", "y"), ("Aug", "ust"), ("Sep", "t(?:ember)?"), ("Oct", "ober"), ("Nov", "ember"),
    ("Dec", "ember"),
)  # fmt: skip
# Title Case or UPPER CASE only ("may" in lower case is the verb). Written as stems with
# optional endings, which the regex engine scans much faster than 48 alternatives.
MONTH_PATTERN = (
    "(?:"
    + "|".join(
        stem + (f"(?:{rest})?" if rest else "")
        for upper in (False, True)
        for stem, rest in _MONTH_STEMS
        for stem, rest in [(stem.upper(), rest.upper()) if upper else (stem, rest)]
    )
    + r")\b"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[name.rstrip(".").lower()]


# Patterns start with a digit or a month so that the regex engine can skip ahead quickly;
# the character before a match is checked in Python (_starts_word).
_FULL_DATE_MONTH_FIRST = re.compile(
    rf"(?P<m1>{MONTH_PATTERN})\.?[ \t]+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y1>[0-9]{{4}})\b"
)
_FULL_DATE_NUMBER_FIRST = re.compile(
    rf"""(?P<n>[0-9][0-9]{{0,3}})(?:
        (?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<m2>{MONTH_PATTERN})\.?,?[ \t]+(?P<y2>[0-9]{{4}})\b
      | -(?P<im>[0-9]{{1,2}})-(?P<id>[0-9]{{1,2}})(?![0-9])
      | \.(?P<dm>[0-9]{{1,2}})\.(?P<dy>[0-9]{{4}})(?![0-9]))""",
    re.VERBOSE,
)
_YEAR_NUMBER = re.compile(r"(?:19[5-9]|20[0-9])[0-9](?![0-9])")  # 1950-2099
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?i:in|since|of|during|from|for|year|early|late|mid|and|to|through)[ \t-]+"
    rf"|\b{MONTH_PATTERN}\.?,?[ \t]+|,[ \t]*)\Z"
)
_YEAR_NOT_AFTER = re.compile(r"[ \t]*(?i:billion|million|thousand|people|tons?|units)\b")


def _starts_word(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "._")


# A page's date line in another language ("18 aprile 2024", "Giovedì 18 Aprile 2024",
# "18. April 2024", "18 de abril de 2024"): only ever read as the date a page carries.
FOREIGN_MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "décembre": 12,
    "enero": 1, "febrero": 2, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
}  # fmt: skip
_FOREIGN_DATE = re.compile(
    r"\b(?P<d>[0-9]{1,2})\.?[ \t]+(?:de[ \t]+)?(?P<m>[^\W\d_]+)[ \t]+(?:de[ \t]+)?(?P<y>[0-9]{4})\b"
)


def foreign_date(norm: str, start: int, end: int) -> dt.date | None:
    """The first "18 aprile 2024"-style date in ``norm[start:end]``, or None."""
    for m in _FOREIGN_DATE.finditer(norm, start, end):
        month = FOREIGN_MONTHS.get(m["m"].lower())
        if month:
            return _safe_date(int(m["y"]), month, int(m["d"]))
    return None


def _full_dates(
    norm: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every date with day, month and year, in text order."""
    end = len(norm) if end is None else end
    found = []
    for m in _FULL_DATE_MONTH_FIRST.finditer(norm, start, end):
        if _starts_word(norm, m.start()):
            d = _safe_date(int(m["y1"]), month_number(m["m1"]), int(m["d1"]))
            if d is not None:
                found.append((m.start(), m.end(), d))
    for m in _FULL_DATE_NUMBER_FIRST.finditer(norm, start, end):
        if not _starts_word(norm, m.start()):
            continue
        n = m["n"]
        if m["m2"] and len(n) <= 2:
            d = _safe_date(int(m["y2"]), month_number(m["m2"]), int(n))
        elif m["im"] and len(n) == 4:
            d = _safe_date(int(n), int(m["im"]), int(m["id"]))
        elif m["dm"] and len(n) <= 2:
            d = _safe_date(int(m["dy"]), int(m["dm"]), int(n))
        else:
            d = None
        if d is not None:
            found.append((m.start(), m.end(), d))
    found.sort()
    return found


def _year_mentions(norm: str) -> list[tuple[int, int]]:
    """(position, year) of years written as such: "in 2021", "May 2023", "2018, 2019"."""
    found = []
    for m in _YEAR_NUMBER.finditer(norm):
        start = m.start()
        if (
            _starts_word(norm, start)
            and _YEAR_BEFORE.search(norm, max(0, start - 24), start)
            and not _YEAR_NOT_AFTER.match(norm, m.end())
        ):
            found.append((start, int(m[0])))
    return found


_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
_WORD = re.compile(r"[^\W\d_]+")
_MARKED_DATE = re.compile(
    r"\b(?i:date|published|posted|updated|publication\s+date|release\s+date)[ \t]*:?[ \t]*\Z"
)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
