"""Datelines: the opening of a news story, "ASTANA, May 21 (Xinhua) -- "."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH_PATTERN, WEEKDAYS, month_number
from .normalising import normalise

# --------------------------------------------------------------------------- datelines


@dataclass(frozen=True)
class Dateline:
    """The opening of a news story: "ASTANA, May 21 (Xinhua) -- "."""

    start: int
    end: int  # first character of the body
    place: str  # "ASTANA" -> "Astana"
    country: str | None = None  # as written ("Azerbaijan", "US")
    month: int | None = None
    day: int | None = None
    year: int | None = None
    outlet: str | None = None  # "Xinhua" from "(Xinhua)"


# "Lindavia, July 3, 2025." and "Addis Ababa, 14 May 2025:": a place in mixed case with no
# outlet after it needs the whole date, year included, to be a dateline; a sentence can
# open with a weekday or an adverb and a date ("However, May 5 - ...")
_FULL_DATE = (
    rf"(?:{MONTH_PATTERN}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH_PATTERN}\.?,?)[ \t]+(?:19|20)\d\d"
)
# "Riyadh, Rabi Al-Awwal 10, 1447, September 2, 2025, SPA --": a Hijri date (a year of
# the 14th or 15th century of the Hijra) may come before the Gregorian one
_HIJRI_DATE = r"[A-Z][\w'-]+(?:[ \t-][A-Z][\w'-]+)?[ \t]+\d{1,2},?[ \t]+1[34]\d\d\b"
# "Phnom Penh, January 22, 2025 AKP --": an agency's capitals after the date, no brackets
_BARE_OUTLET = r"[A-Z]{2,8}"
# "Moscow, 18 July 2024" on a line of its own (a ministry's or a presidency's release),
# with the year and more text after it: the body starts on the next line
_LINE_OF_ITS_OWN = r"(?=[ \t]*\n[ \t]*\n?[ \t]*\S)"
_NOT_PLACES = (
    "(?:"
    + "|".join(
        (*WEEKDAYS, "However", "Meanwhile", "Today", "Yesterday", "Tomorrow", "Earlier", "Later")
    )
    + ")"
)
_DATELINE = re.compile(
    rf"""(?mx)^[ \t]*+
    (?:(?i:date|published|posted|updated)[ \t]*:?[ \t]*\d{{4}}-\d{{2}}-\d{{2}}
       (?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t]+)?
    (?P<place>
        [A-Z][A-Z'.]{{1,30}}(?:[ -][A-Z][A-Z'.]{{0,30}}){{0,2}}
      | (?!{_NOT_PLACES}\b)[A-Z][a-z'.]{{1,30}}(?:[ -][A-Z][a-z'.]{{1,30}})?
        (?=,[ \t]*(?:{_HIJRI_DATE},[ \t]*)?
                 (?:[A-Z][A-Za-z.' -]{{0,40}},
                    |{MONTH_PATTERN}\.?[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?[ \t]*\(
                    |{_FULL_DATE}(?:,?[ \t]+{_BARE_OUTLET})?[ \t]*(?:-{{1,3}}|\.|:)(?=[ \t]|$)
                    |{_FULL_DATE}{_LINE_OF_ITS_OWN}))
    )
    (?:,[ \t]*(?!{MONTH_PATTERN})(?P<country>[A-Z]{{2}}|[A-Z](?:\.[A-Z])+\.?
        |[A-Z][a-z'-]+(?:[ \t](?:and[ \t]|of[ \t](?:the[ \t])?)?[A-Z][a-z'-]+){{0,3}}))?
    (?:,[ \t]*{_HIJRI_DATE}(?=,[ \t]*{MONTH_PATTERN}))?
    (?:,[ \t]*(?:(?P<month>{MONTH_PATTERN})\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
              |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month2>{MONTH_PATTERN})\.?)
        (?:,?[ \t]+(?P<year>(?:19|20)\d\d))?)?
    (?:[ \t]*\((?P<outlet>[^()\n]{{2,60}})\)
       |(?<=\d),?[ \t]+(?P<bare_outlet>{_BARE_OUTLET})(?=[ \t]*-))?
    # "Havana, Mar 3 (Prensa Latina) Cuban ...": after an outlet in brackets, no separator
    (?:[ \t]*(?:-{{1,3}}|\.|:)(?=[ \t]|$)|(?<=\))(?=[ \t]+[A-Z])|(?<=[12]\d\d\d){_LINE_OF_ITS_OWN})[ \t]*"""
)
_LOWER_PARTICLES = {"de", "da", "del", "la", "le", "di", "al", "el", "on", "upon", "am"}
# a transcript's labels, "QUESTION (Daily Planet):", are shaped like "PLACE (Outlet):"
_TRANSCRIPT_LABELS = {"q", "question", "questioner", "reporter", "journalist", "moderator"}
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _title_place(place: str) -> str:
    """ "NUR-SULTAN" -> "Nur-Sultan", "XI'AN" -> "Xi'an"; mixed case is kept as written."""
    if not place.isupper():
        return place
    first = True

    def word(match: re.Match) -> str:
        nonlocal first
        w = match[0].lower()
        result = w if (not first and w in _LOWER_PARTICLES) else w[:1].upper() + w[1:]
        first = False
        return result

    return _TITLE_WORD.sub(word, place)


def _datelines(text: str, norm: str) -> list[Dateline]:
    found = []
    for m in _DATELINE.finditer(norm):
        month_name, day = m["month"] or m["month2"], m["day"] or m["day2"]
        place = text[m.start("place") : m.end("place")]
        name = "outlet" if m["outlet"] else "bare_outlet"
        outlet = text[m.start(name) : m.end(name)].strip() if m[name] else None
        if ". " in place and month_name is None and outlet is None and place.index(". ") > 3:
            # "ASTANA. KAZINFORM - ": the agency's name follows the city
            place, _, outlet = place.partition(". ")
        if month_name is None and outlet is None:
            continue
        if month_name is None and place.lower().rstrip(".") in _TRANSCRIPT_LABELS:
            continue
        month = month_number(month_name) if month_name else None
        day_number = int(day) if day else None
        if day_number is not None and not 1 <= day_number <= 31:
            continue
        country = text[m.start("country") : m.end("country")] if m["country"] else None
        found.append(
            Dateline(
                start=m.start("place"),
                end=m.end(),
                place=_title_place(place.rstrip(".")),
                country=country,
                month=month,
                day=day_number,
                year=int(m["year"]) if m["year"] else None,
                outlet=outlet or None,
            )
        )
    return found


def find_datelines(text: str) -> list[Dateline]:
    """Every dateline ("BAKU, Azerbaijan, September 9.") that opens a paragraph."""
    return _datelines(text, normalise(text))
