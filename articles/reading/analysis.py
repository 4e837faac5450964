"""``_Text``: one text and what is found in it: paragraphs, boilerplate, datelines,
headlines, title, date, outlet, and the year of a dateline that gives none.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cached_property

from .boilerplate import _ALL_RIGHTS, _BOILERPLATE_LINE, _PHOTO_CREDIT, _TOP_LABEL, _merge
from .datelines import _DATELINE, Dateline, _datelines
from .dates import (
    _MARKED_DATE,
    _TIME,
    _WORD,
    WEEKDAYS,
    _full_dates,
    _safe_date,
    _year_mentions,
    foreign_date,
)
from .normalising import normalise

# --------------------------------------------------------------------------- one text, analysed

_LINE = re.compile(r"[^\n]+")
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
# "from Friday to Sunday": the last day is the one nearest the dateline
_WEEKDAY = re.compile(
    rf"\b(?:(?:from|between)[ \t]+(?:{_WEEKDAY_NAMES})[ \t]+(?:to|until|till|through|and)[ \t]+)?({_WEEKDAY_NAMES})\b"
)
_AGENCY_TIME = re.compile(r"\(?(?P<outlet>[A-Z][\w.&' -]{0,40}?)\)[ \t]*\d{1,2}:\d{2}\b")
_REPORTS = re.compile(
    r"""(?:^|[,;.][ \t]+|[ \t]-[ \t]+)
        (?P<outlet>[A-Z][\w'&.-]*(?:[ \t]+(?:(?:of|the|for|and|de|du|on)[ \t]+)*[A-Z][\w'&.-]*){0,5})
        [ \t]+(?:reports|reported|informs|informed|writes|wrote)\b""",
    re.VERBOSE | re.MULTILINE,
)
# the sender's lines a ministry's release opens with, above its headline
_PRESS_LABEL = re.compile(
    r"[ \t]*press[ \t]+(?:service|office|release|statement|secretariat)[ \t]*$", re.IGNORECASE
)
_LETTERHEAD = re.compile(
    r"[ \t]*(?:the[ \t]+)?(?:ministry|embassy|consulate|permanent[ \t]+mission|department|office)"
    rf"[ \t]+of\b|{_PRESS_LABEL.pattern}",
    re.IGNORECASE,
)
# " date 2025-02-20 Japan-Brazil Foreign Ministers' Meeting": a publication date marked
# before the first line's own text, which is then read as if the marker were not there
_DATE_MARKER = re.compile(
    r"[ \t]*(?i:date|published|posted|updated)[ \t]*:?[ \t]*\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+(?=\S)"
)
_OPENING_PARAGRAPHS = 6  # where a single article's title, date line and dateline sit
_HEADLINE_MAX = 200


class _Text:
    """One text and what is found in it, each part computed once when first needed."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def norm(self) -> str:
        return normalise(self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Non-blank lines, without their surrounding white space."""
        spans = []
        for m in _LINE.finditer(self.text):
            line = m[0]
            stripped = line.strip()
            if stripped:
                start = m.start() + (len(line) - len(line.lstrip()))
                spans.append((start, start + len(stripped)))
        return spans

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    @cached_property
    def datelines(self) -> list[Dateline]:
        return _datelines(self.text, self.norm)

    @cached_property
    def boilerplate(self) -> list[tuple[int, int]]:
        norm, spans = self.norm, []
        for m in _BOILERPLATE_LINE.finditer(norm):
            start, end = m.start(), m.end()
            # keep only the line's text, not the white space and newline around it
            segment = norm[start:end]
            start += len(segment) - len(segment.lstrip())
            end -= len(segment) - len(segment.rstrip())
            if start < end:
                spans.append((start, end))
        spans.extend(m.span() for m in _PHOTO_CREDIT.finditer(norm))
        for m in _ALL_RIGHTS.finditer(norm):  # the whole line, when it is short
            start, end = norm.rfind("\n", 0, m.start()) + 1, norm.find("\n", m.end())
            end = len(norm) if end < 0 else end
            if end - start <= 300:
                segment = norm[start:end]
                spans.append(
                    (
                        start + len(segment) - len(segment.lstrip()),
                        end - len(segment) + len(segment.rstrip()),
                    )
                )
        for start, end in self.paragraphs[:1]:  # the marked publication date: no text
            m = _DATE_MARKER.match(norm, start, end)
            if m:
                spans.append((start, m.end()))
        for start, end in self.paragraphs[:4]:  # section labels above the headline
            if end - start <= 120 and _TOP_LABEL.fullmatch(norm, start, end):
                spans.append((start, end))
            else:
                break
        return _merge(spans)

    @cached_property
    def boilerplate_starts(self) -> list[int]:
        return [start for start, _ in self.boilerplate]

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when the span lies inside one boilerplate span."""
        i = bisect.bisect_right(self.boilerplate_starts, start) - 1
        return i >= 0 and self.boilerplate[i][1] >= end

    @cached_property
    def year_evidence(self) -> list[tuple[int, int, bool]]:
        """(position, year, is a full date) for every date that gives its year."""
        found = [(start, d.year, True) for start, _, d in _full_dates(self.norm)]
        found += [(start, year, False) for start, year in _year_mentions(self.norm)]
        found.sort()
        return found

    # ---- paragraphs

    def paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def after_marker(self, start: int, end: int) -> int:
        """Where a line's own text starts, after a marked publication date."""
        m = _DATE_MARKER.match(self.norm, start, end)
        return m.end() if m else start

    def is_meta_line(self, start: int, end: int) -> bool:
        """A short line that is a date or time, with at most a few words ("Xinhua) 08:56, ...")."""
        start = self.after_marker(start, end)
        if end - start > 100 or self.norm[end - 1] == ".":
            return False
        dates = _full_dates(self.norm, start, end)
        if not dates and _TIME.search(self.norm, start, end) is None:
            return False
        line = self.norm[start:end]
        if dates:
            line = line[: dates[0][0] - start] + " " + line[dates[0][1] - start :]
        return len(_WORD.findall(_TIME.sub(" ", line))) <= 4

    def is_headline(self, start: int, end: int) -> bool:
        """A short line without a final full stop that is not a date, dateline or credit."""
        start = self.after_marker(start, end)
        if not 3 <= end - start <= _HEADLINE_MAX:
            return False
        norm = self.norm
        while start < end - 1 and norm[start] in "#" and norm[start + 1] in "# ":
            start += 1  # a Markdown heading: "# Minister visits ..."
        while start < end and norm[start] == " ":
            start += 1
        if start >= end:
            return False  # only spaces (zero-width characters normalise to spaces)
        first, last = norm[start], norm[end - 1]
        if last in ".,;:" or not (first.isupper() or first.isdigit() or first in "\"'"):
            return False
        if not any(ch.isalpha() for ch in norm[start:end]) or norm.count(" ", start, end) > 30:
            return False
        if self.is_boilerplate(start, end) or self.is_meta_line(start, end):
            return False
        if _DATELINE.match(norm, start, end):
            return False
        return not (last == ")" and _PHOTO_CREDIT.search(norm, start, end))

    def is_content(self, start: int, end: int) -> bool:
        """A paragraph of the body: not boilerplate, a headline or a date line."""
        return not (
            self.is_boilerplate(start, end)
            or self.is_headline(start, end)
            or self.is_meta_line(start, end)
        )

    def opening(self) -> list[tuple[int, int]]:
        """The first paragraphs that are not boilerplate."""
        found = []
        for start, end in self.paragraphs:
            if not self.is_boilerplate(start, end):
                found.append((start, end))
                if len(found) == _OPENING_PARAGRAPHS:
                    break
        return found

    def closing(self) -> list[tuple[int, int]]:
        """The last two paragraphs that are not boilerplate, last first: where a release
        signs off with its place and day ("New Delhi" over "June 12, 2025")."""
        found = [p for p in self.paragraphs[-4:] if not self.is_boilerplate(*p)]
        return found[:-3:-1]

    @cached_property
    def headed_datelines(self) -> list[tuple[int, tuple[int, int], Dateline]]:
        """(start, headline span or None, dateline) for each dateline right below a
        headline, and for each later dateline that opens a paragraph with a date or an
        outlet (a roundup: "DUSHANBE, March 4 (Xinhua) -- ..." with no headline)."""
        found = []
        for k, dateline in enumerate(self.datelines):
            i = self.paragraph_index(dateline.start)
            if i >= 1 and self.is_headline(*self.paragraphs[i - 1]):
                found.append((self.paragraphs[i - 1][0], self.paragraphs[i - 1], dateline))
            elif (
                k > 0
                and i >= 1
                and self.paragraphs[i][0] == dateline.start
                and (dateline.day is not None or dateline.outlet)
            ):
                found.append((dateline.start, None, dateline))
        return found

    @cached_property
    def first_dateline(self) -> Dateline | None:
        """The first dateline, when it is in the first paragraphs."""
        opening = self.opening()
        if opening and self.datelines and self.datelines[0].start <= opening[-1][1]:
            return self.datelines[0]
        return None

    @property
    def opening_dateline(self) -> Dateline | None:
        """The dateline of a single article; a compilation's first one says nothing of the whole."""
        return self.first_dateline if len(self.headed_datelines) < 2 else None

    # ---- metadata

    @cached_property
    def title(self) -> str | None:
        heads = []  # the headline-shaped lines before the body
        for start, end in self.opening():
            if self.is_meta_line(start, end):
                continue
            if not self.is_headline(start, end):
                break
            heads.append((start, end))
        # a ministry's letterhead ("Ministry of ...", "Press service") above the headline
        while len(heads) > 1 and _LETTERHEAD.match(self.norm, *heads[0]):
            heads.pop(0)
        if not heads or _PRESS_LABEL.match(self.norm, *heads[0]):
            return None  # "PRESS RELEASE" names no story
        start, end = heads[0]
        start = self.after_marker(start, end)
        return self.text[start:end].lstrip("# ").strip() or None

    @cached_property
    def published(self) -> dt.date | None:
        norm = self.norm
        for start, end in self.opening():
            dates = _full_dates(norm, start, end)
            for date_start, _, d in dates:
                if _MARKED_DATE.search(norm, start, date_start):
                    return d
            if dates and self.is_meta_line(start, end):
                return dates[0][2]
        dateline = self.opening_dateline
        if dateline is not None and dateline.month is not None:
            return self.dateline_date(dateline, None)[0]
        for start, end in self.closing():
            dates = _full_dates(norm, start, end)
            if dates and self.is_meta_line(start, end):
                return dates[0][2]
        for start, end in self.opening():
            # a date line in the page's own language: "Giovedì 18 Aprile 2024"
            if end - start <= 40 and (found := foreign_date(norm, start, end)):
                return found
        return None

    @cached_property
    def outlet(self) -> str | None:
        dateline = self.opening_dateline
        if dateline is not None and dateline.outlet:
            return dateline.outlet
        opening = self.opening()
        for start, end in opening:
            m = _AGENCY_TIME.match(self.norm, start, end)
            if m:
                return self.text[m.start("outlet") : m.end("outlet")].strip()
        for start, end in opening[:3]:
            m = _REPORTS.search(self.norm, start, end)
            if m:
                return self.text[m.start("outlet") : m.end("outlet")]
        return None

    # ---- years

    def weekday_hint(self, dateline: Dateline) -> int | None:
        """The weekday named in the dateline's paragraph ("... on Tuesday"), 0 = Monday."""
        i = self.paragraph_index(dateline.start)
        end = self.paragraphs[i][1] if i >= 0 else len(self.text)
        m = _WEEKDAY.search(self.norm, dateline.end, max(end, dateline.end))
        return WEEKDAYS.index(m[1]) if m else None

    def dateline_date(
        self, dateline: Dateline, published: dt.date | None
    ) -> tuple[dt.date | None, bool]:
        """The dateline's date and whether its year is well founded (given, published, weekday)."""
        month, day = dateline.month, dateline.day
        if month is None or day is None:
            return None, False
        if dateline.year is not None:
            return _safe_date(dateline.year, month, day), True
        if published is not None:
            year = published.year
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate > published + dt.timedelta(days=2):
                year -= 1
            return _safe_date(year, month, day), True
        evidence = self.year_evidence
        if not evidence:
            return None, False
        full = [(abs(pos - dateline.start), year) for pos, year, is_full in evidence if is_full]
        anchor = min(full)[1] if full else max(year for _, year, _ in evidence)
        weekday = self.weekday_hint(dateline)
        if weekday is not None:
            years = {year + shift for _, year, _ in evidence for shift in (-1, 0, 1)} | {anchor}
            # the event on the dateline's day, else on the day before
            matching = [
                (abs(y - anchor), lag, y)
                for y in years
                for lag in (0, 1)
                if (d := _safe_date(y, month, day))
                and (d - dt.timedelta(days=lag)).weekday() == weekday
            ]
            if matching:
                return _safe_date(min(matching)[2], month, day), True
        return _safe_date(anchor, month, day), False
