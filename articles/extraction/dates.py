"""Dates written in a story: "on May 20", "10 April", "from 3 to 7 March 2019", "on Tuesday".

Pure functions over strings. A date without its year takes the year that puts it nearest
the reference (the story's dateline date); weekdays resolve against the reference too.
Mentions whose year cannot be known (no year written, no reference) are left out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from articles.extraction.patterns import table
from articles.extraction.types import DateMention, Precision
from articles.reading import WEEKDAYS, month_number, normalise

# The patterns are rows of patterns/dates.toml (what each is for is said there). Every day
# pattern starts with a digit or a capital letter so the regex engine scans fast; what must
# come before a match ("in May") is checked on the text just before it.
PATTERNS = table("dates")
_RANGE_DAYS_MONTH = PATTERNS["range_days_month"]
_RANGE_DAY_MONTH_DAY_MONTH = PATTERNS["range_day_month_day_month"]
_RANGE_MONTH_DAYS = PATTERNS["range_month_days"]
_RANGE_MONTH_DAY_MONTH_DAY = PATTERNS["range_month_day_month_day"]
_ISO = PATTERNS["iso"]
_DOTTED = PATTERNS["dotted"]
_MONTH_DAY = PATTERNS["month_day"]
_DAY_MONTH = PATTERNS["day_month"]
_MONTH_YEAR = PATTERNS["month_year"]
_MONTH_RELATIVE_YEAR = PATTERNS["month_relative_year"]
_MONTH = PATTERNS["month"]
_YEAR_RANGE = PATTERNS["year_range"]
_YEAR_ONLY = PATTERNS["year_only"]
_WEEKDAY_RANGE = PATTERNS["weekday_range"]
_WEEKDAY = PATTERNS["weekday"]
_DEICTIC = PATTERNS["deictic"]
_WEEK_OR_MONTH = PATTERNS["week_or_month"]
_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}

_WEEKDAY_BEFORE = PATTERNS["weekday_before"]
_MONTH_CONTEXT = PATTERNS["month_context"]
_YEAR_CONTEXT = PATTERNS["year_context"]
_LIST_CONTEXT = PATTERNS["list_context"]
_RELATION_BEFORE = PATTERNS["relation_before"]
_UNTIL_BEFORE = PATTERNS["until_before"]
_BETWEEN_BEFORE = PATTERNS["between_before"]

_CONTEXT = 40  # characters looked at before a match


def _day(value: str) -> int:
    return int(value.rstrip("stndrh"))


def _safe(year: int, month: int, day: int = 1) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_day(month: int, day: int, reference: dt.date | None) -> dt.date | None:
    """The date with this month and day nearest the reference."""
    if reference is None:
        return None
    candidates = [
        d
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _safe(year, month, day))
    ]
    return min(candidates, key=lambda d: (abs((d - reference).days), d > reference), default=None)


def _nearest_month(month: int, reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    here = reference.year * 12 + reference.month - 1
    best = min(
        (reference.year + shift for shift in (-1, 0, 1)),
        key=lambda y: (abs(y * 12 + month - 1 - here), y * 12 + month - 1 > here),
    )
    return dt.date(best, month, 1)


def _with_year(month: int, day: int, year: str | None, reference: dt.date | None) -> dt.date | None:
    if year:
        return _safe(int(year), month, day)
    return _nearest_day(month, day, reference)


def _range_dates(
    m1: int, d1: int, y1: str | None, m2: int, d2: int, y2: str | None, reference: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """Both ends of a range; a year written on one end applies to the other."""
    if y1 and y2:
        first, last = _safe(int(y1), m1, d1), _safe(int(y2), m2, d2)
    elif y2:
        year = int(y2)
        first, last = _safe(year - 1 if (m1, d1) > (m2, d2) else year, m1, d1), _safe(year, m2, d2)
    elif y1:
        year = int(y1)
        first, last = _safe(year, m1, d1), _safe(year + 1 if (m2, d2) < (m1, d1) else year, m2, d2)
    else:
        first = _nearest_day(m1, d1, reference)
        if first is None:
            return None
        last = _safe(first.year + 1 if (m2, d2) < (m1, d1) else first.year, m2, d2)
    if first is None or last is None or last < first:
        return None
    return first, last


def _weekday_date(weekday: int, relation: str | None, reference: dt.date) -> dt.date:
    """ "on Monday": the reference day if a Monday, else the Monday before it."""
    back = (reference.weekday() - weekday) % 7
    if relation in ("next", "coming"):
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if relation in ("last", "past"):
        return reference - dt.timedelta(days=back or 7)
    return reference - dt.timedelta(days=back)


def _starts_number(norm: str, position: int) -> bool:
    """True when no digit, letter or decimal point runs into the match from the left."""
    if position == 0:
        return True
    before = norm[position - 1]
    if before.isalnum() or before in "._/":
        return False
    return not (before in ",-" and position >= 2 and norm[position - 2].isdigit())


def _starts_word(norm: str, position: int) -> bool:
    return position == 0 or not (norm[position - 1].isalnum() or norm[position - 1] == "_")


class _Claims:
    """Spans already taken by a mention; later (weaker) patterns may not overlap them."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i == 0 or self.ends[i - 1] <= start

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    reference: dt.date | None = None,
    year_only: bool = False,
) -> list[DateMention]:
    """Every date written in ``text[start:end]``, in text order, spans into ``text``.

    ``year_only``: the reference gives only the year (see ``year_from_context``), so
    "Sept. 25" takes that year but "on Monday" and "today" stay unknown."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    base = max(0, start - _CONTEXT)
    norm = normalise(text[base:end])
    pos = start - base
    claims = _Claims()
    found: list[DateMention] = []

    def add(
        s: int, e: int, date: dt.date | None, precision: str, end_date: dt.date | None = None
    ) -> None:
        if norm[e - 1] == ".":  # "on 20 May." ends a sentence
            e -= 1
        if date is None or not claims.free(s, e):
            return
        claims.take(s, e)
        found.append(
            DateMention(s + base, e + base, date, precision, end_date, text[s + base : e + base])
        )

    def preceded_by(pattern: re.Pattern, s: int) -> re.Match | None:
        return pattern.search(norm, max(0, s - _CONTEXT), s)

    def joined(m: re.Match) -> bool:
        """False for "9 and 10 April" without "between": two days, not a range."""
        return m["to"] != "and" or preceded_by(_BETWEEN_BEFORE, m.start()) is not None

    def weekday_start(s: int) -> int:
        """Widen "May 20" to "Monday, May 20"."""
        m = _WEEKDAY_BEFORE.search(norm, max(pos, s - 16), s)
        return m.start() if m else s

    # Ranges first, so that their parts are not read as single dates.
    for m in _RANGE_MONTH_DAY_MONTH_DAY.finditer(norm, pos):
        if _starts_word(norm, m.start()) and joined(m):
            dates = _range_dates(
                month_number(m["m1"]),
                _day(m["d1"]),
                m["y1"],
                month_number(m["m2"]),
                _day(m["d2"]),
                m["y2"],
                reference,
            )
            if dates:
                add(weekday_start(m.start()), m.end(), dates[0], Precision.DAY, dates[1])
    for m in _RANGE_DAY_MONTH_DAY_MONTH.finditer(norm, pos):
        if _starts_number(norm, m.start()) and joined(m):
            dates = _range_dates(
                month_number(m["m1"]),
                _day(m["d1"]),
                m["y1"],
                month_number(m["m2"]),
                _day(m["d2"]),
                m["y2"],
                reference,
            )
            if dates:
                add(weekday_start(m.start()), m.end(), dates[0], Precision.DAY, dates[1])
    for pattern in (_RANGE_MONTH_DAYS, _RANGE_DAYS_MONTH):
        starts = _starts_word if pattern is _RANGE_MONTH_DAYS else _starts_number
        for m in pattern.finditer(norm, pos):
            if not starts(norm, m.start()):
                continue
            month, d1, d2 = month_number(m["m"]), _day(m["d1"]), _day(m["d2"])
            if joined(m):
                dates = _range_dates(month, d1, None, month, d2, m["y"], reference)
                if dates:
                    add(weekday_start(m.start()), m.end(), dates[0], Precision.DAY, dates[1])
                continue
            # "May 5 and 6", "9 and 10 April": two days of the same month
            if m["y"] or reference is not None:
                first, second = (_with_year(month, d, m["y"], reference) for d in (d1, d2))
                if pattern is _RANGE_MONTH_DAYS:
                    add(weekday_start(m.start()), m.end("d1"), first, Precision.DAY)
                    add(m.start("d2"), m.end("d2"), second, Precision.DAY)
                else:
                    add(weekday_start(m.start()), m.end("d1"), first, Precision.DAY)
                    add(m.start("d2"), m.end(), second, Precision.DAY)
    for m in _YEAR_RANGE.finditer(norm, pos):
        if _starts_number(norm, m.start()) and joined(m):
            first, last = int(m["y1"]), m["y2"]
            last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            if first < last <= first + 50:
                add(m.start(), m.end(), dt.date(first, 1, 1), Precision.YEAR, dt.date(last, 1, 1))

    # Days
    for m in _ISO.finditer(norm, pos):
        if _starts_number(norm, m.start()):
            add(m.start(), m.end(), _safe(int(m["y"]), int(m["m"]), int(m["d"])), Precision.DAY)
    for m in _DOTTED.finditer(norm, pos):
        if _starts_number(norm, m.start()):
            add(m.start(), m.end(), _safe(int(m["y"]), int(m["m"]), int(m["d"])), Precision.DAY)
    for m in _MONTH_DAY.finditer(norm, pos):
        if _starts_word(norm, m.start()):
            date = _with_year(month_number(m["m"]), _day(m["d"]), m["y"], reference)
            add(weekday_start(m.start()), m.end(), date, Precision.DAY)
    for m in _DAY_MONTH.finditer(norm, pos):
        if _starts_number(norm, m.start()):
            date = _with_year(month_number(m["m"]), _day(m["d"]), m["y"], reference)
            add(weekday_start(m.start()), m.end(), date, Precision.DAY)

    # Months
    for m in _MONTH_YEAR.finditer(norm, pos):
        if _starts_word(norm, m.start()):
            add(m.start(), m.end(), _safe(int(m["y"]), month_number(m["m"])), Precision.MONTH)
    for m in _MONTH_RELATIVE_YEAR.finditer(norm, pos):
        if (
            reference is not None
            and _starts_word(norm, m.start())
            and preceded_by(_MONTH_CONTEXT, m.start())
        ):
            year = reference.year + {"last": -1, "next": 1, "this": 0}[m["rel"]]
            add(m.start(), m.end(), dt.date(year, month_number(m["m"]), 1), Precision.MONTH)
    for m in _MONTH.finditer(norm, pos):
        if _starts_word(norm, m.start()) and preceded_by(_MONTH_CONTEXT, m.start()):
            relation = preceded_by(_RELATION_BEFORE, m.start())
            month = month_number(m["m"])
            if relation is None or reference is None:
                date = _nearest_month(month, reference)
            else:  # "last May", "next May": strictly before or after the reference month
                date = dt.date(reference.year, month, 1)
                if relation["rel"] in ("last", "past") and month >= reference.month:
                    date = date.replace(year=reference.year - 1)
                elif relation["rel"] in ("next", "coming") and month <= reference.month:
                    date = date.replace(year=reference.year + 1)
            add(m.start(), m.end(), date, Precision.MONTH)

    # Years: "in 2021", and each year of "in 2014, 2016 and 2020"
    last_year_end = -1
    for m in _YEAR_ONLY.finditer(norm, pos):
        s = m.start()
        if not _starts_number(norm, s):
            continue
        listed = last_year_end >= 0 and s - last_year_end <= 8 and preceded_by(_LIST_CONTEXT, s)
        if (listed or preceded_by(_YEAR_CONTEXT, s)) and claims.free(s, m.end()):
            add(s, m.end(), dt.date(int(m["y"]), 1, 1), Precision.YEAR)
            last_year_end = m.end()

    # Weekdays, against the reference
    if reference is not None and not year_only:
        for m in _WEEKDAY_RANGE.finditer(norm, pos):
            if not joined(m):
                continue
            relation = preceded_by(_RELATION_BEFORE, m.start())
            first = _weekday_date(WEEKDAYS.index(m["w1"]), relation and relation["rel"], reference)
            days = (WEEKDAYS.index(m["w2"]) - WEEKDAYS.index(m["w1"])) % 7 or 7
            add(m.start(), m.end(), first, Precision.DAY, first + dt.timedelta(days=days))
        for m in _WEEKDAY.finditer(norm, pos):
            if _starts_word(norm, m.start()):
                relation = preceded_by(_RELATION_BEFORE, m.start())
                relation = relation if relation and relation.start() >= pos else None
                until = None if relation else preceded_by(_UNTIL_BEFORE, m.start())
                until = until if until and until.start() >= pos else None
                s = (relation or until).start() if relation or until else m.start()
                date = _weekday_date(
                    WEEKDAYS.index(m["w"]), relation and relation["rel"], reference
                )
                if until:
                    ahead = (WEEKDAYS.index(m["w"]) - reference.weekday()) % 7
                    date = reference + dt.timedelta(days=ahead)
                add(s, m.end(), date, Precision.DAY)
        for m in _WEEK_OR_MONTH.finditer(norm, pos):
            # "earlier this week": within the reference's month, the day untold
            shift = {"last": -7, "past": -7, "next": 7}.get(m["rel"].lower(), 0)
            if m["unit"].lower() == "month":
                shift *= 4
            day = reference + dt.timedelta(days=shift)
            add(m.start(), m.end(), day.replace(day=1), Precision.MONTH)
        for m in _DEICTIC.finditer(norm, pos):
            offset = _DEICTIC_DAYS[m["d"].lower()]
            add(m.start(), m.end(), reference + dt.timedelta(days=offset), Precision.DAY)

    found.sort(key=lambda mention: mention.start)
    return found


# --------------------------------------------------------------------------- years from context

# The year a numbered session or anniversary falls in: the UN General Assembly's Nth regular
# session opens in September of 1945 + N; the Nth anniversary of something done in Y is Y + N.
_UNGA_SESSION = PATTERNS["unga_session"]
_ANNIVERSARY = PATTERNS["anniversary"]


def year_from_context(text: str) -> int | None:
    """The year an undated story is set in, from a numbered session or an anniversary it
    names; None when the text gives no such clue (the year is then left unknown)."""
    session = _UNGA_SESSION.search(text)
    if session:
        return 1945 + int(session["n"] or session["tag"])
    anniversary = _ANNIVERSARY.search(text)
    if anniversary:
        return int(anniversary["y"]) + int(anniversary["n"])
    return None


# --------------------------------------------------------------------------- relative days

_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
RELATIVE_DAY = PATTERNS["relative_day"]
_FORWARD = PATTERNS["forward"]
_BACKWARD = PATTERNS["backward"]
_SAME = PATTERNS["same"]
_COUNT = PATTERNS["count"]
_EVENT_AFTER = PATTERNS["event_after"]
_DAY_WORD = PATTERNS["day_word"]


def find_relative(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every "the next day", "on the same day", "a day earlier"."""
    end = len(text) if end is None else min(end, len(text))
    norm = normalise(text)
    found: dict[tuple[int, int], str] = {}
    # Look only around the word "day": much faster than the whole phrase pattern everywhere.
    for day in _DAY_WORD.finditer(norm, start, end):
        if not _starts_word(norm, day.start()):
            continue
        window_start = max(start, day.start() - 32)
        for m in RELATIVE_DAY.finditer(norm, window_start, min(end, day.end() + 12)):
            if m.start() <= day.start() < m.end():
                found.setdefault(m.span(), text[m.start() : m.end()])
    return [(s, e, phrase) for (s, e), phrase in sorted(found.items())]


def resolve_relative(
    phrase: str,
    previous: DateMention | None,
    *,
    start: int = 0,
    end: int | None = None,
    text: str | None = None,
) -> DateMention | None:
    """The day "the next day" (etc.) means, counted from the previous day-precise mention;
    with the ``text`` around it, "on May 5, a day after meeting X" counts back to the event."""
    if previous is None or previous.precision != Precision.DAY:
        return None
    words = normalise(phrase).lower()
    if _SAME.search(words):
        offset = 0
    else:
        count = _COUNT.search(words)
        n = 1 if count is None else _NUMBER_WORDS.get(count[1]) or int(count[1])
        if _FORWARD.search(words):
            offset = n
        elif _BACKWARD.search(words):
            offset = -n
        else:
            return None
        if text is not None and _dates_an_event(
            text, start, start + len(phrase) if end is None else end
        ):
            offset = -offset
    base = previous.end_date if offset > 0 and previous.end_date else previous.date
    return DateMention(
        start=start,
        end=start + len(phrase) if end is None else end,
        date=base + dt.timedelta(days=offset),
        precision=Precision.DAY,
        text=phrase,
    )


def _dates_an_event(text: str, start: int, end: int) -> bool:
    """ ", a day after meeting X": a count of days beside the day before it, naming the event
    it is counted to."""
    before = text[max(0, start - 3) : start].rstrip()
    return before.endswith(",") and bool(_EVENT_AFTER.match(text[end : end + 40]))


def format_partial(d: dt.date, precision: str) -> str:
    """ "2024-05-20", "2024-05" or "2024", as much of the date as the precision gives."""
    if precision == Precision.DAY:
        return d.isoformat()
    if precision == Precision.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if precision == Precision.YEAR:
        return f"{d.year:04d}"
    raise ValueError(f"unknown precision {precision!r}")
