"""When and where: the dates and places of a report, and what the story says so far.

Also whether a report tells of a meeting that took place, one planned or one recalled.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..dates import find_dates, find_relative, resolve_relative, year_from_context
from ..patterns import table, words
from ..types import DateMention, Precision
from .merging import ANNOUNCED, DATELINE, EXPLICIT, NONE, RANGE, RELATIVE, VISIT_MONTH, Report

# The patterns are rows of patterns/meetings.toml (what each is for is said there).
PATTERNS = table("meetings")
PLANNED = PATTERNS["planned"]
INFINITIVE = PATTERNS["infinitive"]
NOT_FUTURE_INFINITIVE = PATTERNS["not_future_infinitive"]
RECALLED = PATTERNS["recalled"]
RECALLED_THAT = PATTERNS["recalled_that"]
VIDEO = PATTERNS["video"]
CHAIR_VERBS = PATTERNS["chair_verbs"]
UNTIL = PATTERNS["until"]
UNTIL_BEFORE = table("dates")["until_before"]  # "through Friday": the dates' own row
CAPS_DATELINE = PATTERNS["caps_dateline"]
REFERENCE_POINT = PATTERNS["reference_point"]
LEAD_VERB = PATTERNS["lead_verb"]
OTHER_MEETING = PATTERNS["other_meeting"]
CITY_BEFORE = PATTERNS["city_before"]
NOT_A_CITY_AFTER = PATTERNS["not_a_city_after"]
HERE = PATTERNS["here"]
HEADQUARTERS = PATTERNS["headquarters"]
CLAUSE_BREAK = PATTERNS["clause_break"]
UNKNOWN_VENUE = PATTERNS["unknown_venue"]
NOT_A_PLACE = words("months") | words("weekdays") | words("title_heads") | words("org_heads")
QUOTE_CLOSERS = {'"', "”", "’", "'", "»"}
LEAD_WORDS = 8  # fewer words than a lead sentence has: a headline, a by-line, a date line


def _clause_around(low: str, t0: int, t1: int, before: int = 45, after: int = 25) -> str:
    """The words around a meeting word ``low[t0:t1]`` that belong to its own clause: a
    future or a wish in a clause beside it ("X, who will chair the next summit, met Y";
    "A met B, ahead of the summit") says nothing of this meeting."""
    head = low[max(0, t0 - before) : t0]
    breaks = list(CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    tail = low[t1 : t1 + after]
    stop = CLAUSE_BREAK.search(tail)
    return head + low[t0:t1] + (tail[: stop.start()] if stop else tail)


@dataclass
class StoryState:
    """What the story is about so far: its place, its date, the visit and meeting under way."""

    reference: dt.date | None
    dateline_city: str | None = None
    dateline_country: str | None = None
    dateline_date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    visitor: int | None = None
    protagonist: int | None = None  # the one person who met others in the story so far
    lead: int | None = None  # the first one told meeting anyone ("X met diplomats")
    met_objects: set[int] = field(default_factory=set)  # people told as met, not meeting
    # "X held separate talks with senior diplomats": (subjects, kind, one by one, status,
    # the report's date) until the next sentence names them ("The diplomats included A, B")
    unnamed_group: tuple | None = None
    visit_range: tuple[dt.date, dt.date] | None = None
    announced: DateMention | None = None
    last_day: DateMention | None = None
    main: Report | None = None
    lead_date: DateMention | None = None
    # the days of the story as a whole, which a meeting told later without a day of its
    # own happened on: the days its lead (its first full sentence) gives, else its dateline's
    story_days: set[dt.date] | None = None
    has_encounter: bool = False


class WhenWhereMixin:
    """Part of ``MeetingFinder``: places, dates and the status of a report."""

    # -- places ------------------------------------------------------------------------
    def city_in(self, a: int, b: int) -> tuple[str, str] | None:
        """A city named as the place of something in chars [a, b): "in Astana"."""
        for k in self._token_range(a, b):
            m = self.ctx.in_match.get(k)
            if m is None or m.start != k or m.kind not in ("city", "country"):
                continue
            if m.kind == "country" and not self._city_state(m):
                continue
            tok = self.tokens[k]
            if self._in_org(tok.start):
                continue
            before = self.low[max(a, tok.start - 40) : tok.start]
            if not CITY_BEFORE.search(before):
                continue
            after = self.low[self.tokens[m.end - 1].end : self.tokens[m.end - 1].end + 12]
            if NOT_A_CITY_AFTER.match(after):
                continue
            city = self.ctx.lexicon.city(self.ctx.span_text(m.start, m.end))
            if city:
                return city
        return None

    def _city_state(self, m) -> bool:
        """ "in Singapore", "in Monaco": a country whose capital bears its name is a city."""
        name = self.ctx.span_text(m.start, m.end)
        city = self.ctx.lexicon.city(name)
        return city is not None and city[0] == name

    def venue_in(self, a: int, b: int) -> str | None:
        """A place the reference data does not know, named as a place in chars [a, b)
        ("on the island of X", "in X, Y,"): not a known city or country, a body or a person."""
        lexicon = self.ctx.lexicon
        for m in UNKNOWN_VENUE.finditer(self.text, a, b):
            group = "place" if m.group("place") else "place2"
            place, at = m.group(group), m.start(group)
            named = [place] + ([m.group("region")] if m.group("region") else [])
            if any(w.lower() in NOT_A_PLACE for n in named for w in n.split()):
                continue
            if lexicon.city(place) or lexicon.country_for_phrase(place) or self._in_org(at):
                continue
            if self.mentions_in(at, at + len(place)):
                continue  # a person's name
            return place
        return None

    def _in_org(self, char: int) -> bool:
        for s, e, _ in self.org_spans:
            if s <= char < e:
                return True
            if s > char:
                break
        return False

    def _token_range(self, a: int, b: int):
        starts = self._token_starts
        return range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))

    def orgs_in(self, a: int, b: int) -> list[str]:
        """Keys of intergovernmental bodies named in chars [a, b), organs read as their parent."""
        keys = []
        for s, e, o in self.org_spans:
            if s >= b:
                break
            if e <= a or s < a:
                continue
            key = o.key
            while self.org_parent.get(key):
                key = self.org_parent[key]
            if self.org_kind.get(key) == "intergovernmental" or o.kind == "intergovernmental":
                if key not in keys:
                    keys.append(key)
        return keys

    def _references(self, stories) -> list[dt.date | None]:
        doc = self.ctx.document
        dated = [s.date for s in stories if s.date]
        fallback = doc.published or (Counter(dated).most_common(1)[0][0] if dated else None)
        if fallback is None:
            written = [d for d in find_dates(self.text) if d.precision == Precision.DAY]
            fallback = written[0].date if written else None
        if fallback is None:
            # no date anywhere: a year the text implies ("the 83rd session of the UN General
            # Assembly") dates "Sept. 25", never "on Monday" (see ``_dates``)
            year = year_from_context(self.text)
            self.year_only = year is not None
            fallback = dt.date(year, 7, 1) if year else None
        if not stories:
            return [fallback]
        return [s.date or fallback for s in stories]

    def _dates(self, a: int, b: int, reference) -> list[DateMention]:
        found = find_dates(self.text, a, b, reference=reference, year_only=self.year_only)
        relatives = find_relative(self.text, a, b)
        if not relatives:
            return found
        merged = sorted(found, key=lambda d: d.start)
        out: list[DateMention] = []
        ri = 0
        last_day = None
        for d in merged + [None]:
            limit = d.start if d is not None else b
            while ri < len(relatives) and relatives[ri][0] < limit:
                s, e, phrase = relatives[ri]
                ri += 1
                if not any(x.start <= s < x.end for x in out):
                    resolved = resolve_relative(phrase, last_day, start=s, end=e, text=self.text)
                    if resolved is not None:
                        resolved.precision = Precision.DAY
                        resolved.text = "relative"
                        out.append(resolved)
            if d is not None:
                out.append(d)
                if d.precision == Precision.DAY:
                    last_day = d
        return sorted(out, key=lambda d: d.start)

    def _lead(self, state: StoryState, cs: int, ce: int, dates: list[DateMention]):
        """The first sentence sets the scene: its city and day, when the dateline does not."""
        if state.dateline_city is None:
            city = self._caps_dateline(state, cs, ce) or self.city_in(cs, ce)
            if city:
                state.city, state.country = city
        days = [d for d in dates if d.precision == Precision.DAY]
        if days and state.dateline_date is None:
            state.lead_date = days[0]
        verb = LEAD_VERB.search(self.text, cs, ce)
        people = self.people(cs, verb.start()) if verb else []
        if people and state.lead is None:
            state.lead = people[0]  # "X met diplomats": the story's main person

    def _story_days(self, state: StoryState, dates: list[DateMention]):
        """What the lead says of the story's time: its days; none when it gives only a week
        or a month ("earlier this week, X toured ..."); else the day of the dateline or of
        publication (not a day written further down: that one is its own sentence's)."""
        told = [d for d in dates if not self._past_or_future(d, state)]
        days = {d.date for d in told if d.precision == Precision.DAY}
        state.story_days = days if days or told else self._days_of_story(state)

    def _days_of_story(self, state: StoryState) -> set[dt.date]:
        if state.story_days is not None:
            return state.story_days
        day = state.dateline_date or self.ctx.document.published
        return {day} if day else set()

    def _reads_as_lead(self, s0: int, s1: int) -> bool:
        """A full sentence of the body: ended by a stop and long enough to tell something
        (a headline, a by-line or a date line above the story is not its lead)."""
        words = sum(1 for k in range(s0, s1) if self.tokens[k].text[:1].isalpha())
        last = s1 - 1
        while last > s0 and self.tokens[last].text in QUOTE_CLOSERS:
            last -= 1  # '... X said: "We will sign it."'
        return words >= LEAD_WORDS and self.tokens[last].text in (".", "!", "?")

    def _caps_dateline(self, state: StoryState, cs: int, ce: int) -> tuple[str, str] | None:
        """ "2021-03-14 WINDHOEK: Minister X held talks": a dateline the reader missed."""
        caps = CAPS_DATELINE.match(self.text, cs, min(ce, cs + 80))
        known = caps and self.ctx.lexicon.city(caps.group(1).title())
        if known:
            state.dateline_city, state.dateline_country = known
            state.city, state.country = known
        return known or None

    def _past_or_future(self, d: DateMention, state: StoryState) -> str | None:
        ref = state.dateline_date or state.reference
        if ref is None:
            return None
        if d.precision == Precision.YEAR or (self.year_only and not state.dateline_date):
            return (
                "recalled"
                if d.date.year < ref.year
                else ("planned" if d.date.year > ref.year else None)
            )
        if d.precision == Precision.MONTH:
            here = ref.year * 12 + ref.month
            there = d.date.year * 12 + d.date.month
            return "recalled" if there < here - 1 else ("planned" if there > here else None)
        last = d.end_date or d.date
        if last < ref - dt.timedelta(days=31):
            return "recalled"
        if d.date > ref + dt.timedelta(days=2):
            return "planned"
        return None

    def _status(self, low: str, t0: int, t1: int, dates, state) -> str:
        window = _clause_around(low, t0, t1)
        if PLANNED.search(window):
            return "planned"
        infinitive = INFINITIVE.search(window)
        if infinitive and not NOT_FUTURE_INFINITIVE.search(window[: infinitive.start()]):
            return "planned"
        if RECALLED.search(low[max(0, t0 - 60) : t1 + 70]) or RECALLED_THAT.search(low[:t0]):
            return "recalled"
        return "reported"

    def _until(self, d: DateMention) -> bool:
        """ "until October 16", "through Friday": the day something runs until."""
        return bool(
            UNTIL.match(d.text) or UNTIL_BEFORE.search(self.low, max(0, d.start - 10), d.start)
        )

    def _pick_date(
        self, dates: list[DateMention], t0: int, zone_end: int, cs: int
    ) -> DateMention | None:
        inside = [d for d in dates if t0 <= d.start < zone_end]
        before = [d for d in dates if d.start < t0]
        for d in inside + before[::-1]:
            return d
        return None

    def _when(
        self, report: Report, state: StoryState, dates, t0: int, zone_end: int, cs: int, ce: int
    ):
        inside = [d for d in dates if t0 <= d.start < zone_end]
        before = [d for d in dates if cs <= d.start < t0]
        # "met to follow up a summit in March": a past or future date after another
        # meeting noun is that meeting's
        inside = [
            d
            for d in inside
            if not (
                self._past_or_future(d, state)
                and OTHER_MEETING.search(self.low, t0 + 20, max(t0 + 20, d.start))
            )
            and not REFERENCE_POINT.search(self.low, t0, d.start)
        ]
        # "which runs until October 16, opened on Monday": the day it runs until is its
        # last day when the sentence gives another for the start
        until = [d for d in inside if d.precision == Precision.DAY and self._until(d)]
        if until and (len(until) < len(inside) or before):
            inside = [d for d in inside if d not in until]
        else:
            until = []
        picked = (inside + before[::-1] or [None])[0]
        if picked is not None:
            timing = self._past_or_future(picked, state)
            if timing and report.status == "reported":
                report.status = timing
            if (
                picked.end_date
                and picked.precision == Precision.DAY
                and state.visitor is not None
                and report.kind != "multilateral"
                and picked.end_date != picked.date
                and self._is_visit_range(picked, state)
            ):
                report.date, report.precision, report.date_strength = (
                    picked.date.replace(day=1),
                    Precision.MONTH,
                    VISIT_MONTH,
                )
                return
            report.date, report.precision, report.end_date = (
                picked.date,
                picked.precision,
                picked.end_date,
            )
            if UNTIL.match(picked.text) and picked.precision == Precision.DAY:
                report.end_date = picked.date  # "through Friday": the last day (see _duration)
            if until and picked.precision == Precision.DAY and until[0].date > picked.date:
                report.end_date = until[0].date
            if (
                report.status == "reported"
                and state.announced is not None
                and state.announced.date != picked.date
            ):
                state.announced = None
            report.date_strength = (
                RANGE if picked.end_date else (RELATIVE if picked.text == "relative" else EXPLICIT)
            )
            if picked.end_date and report.kind in ("bilateral", "call"):
                report.end_date = None
            if picked.precision == Precision.DAY and not timing:
                state.last_day = picked  # a recalled or planned day is not the story's
            return
        if state.announced is not None:
            d = state.announced
            report.date, report.precision, report.date_strength = d.date, d.precision, ANNOUNCED
            return
        if state.visit_range is not None:
            first, last = state.visit_range
            if first != last:
                report.date, report.precision, report.date_strength = (
                    first.replace(day=1),
                    Precision.MONTH,
                    VISIT_MONTH,
                )
                return
            report.date, report.precision, report.date_strength = first, Precision.DAY, VISIT_MONTH
            return
        if state.last_day is not None:
            # the story's own last day ("met ..., the ministry said on June 3") is
            # nearer the meeting than the day it was filed; a day a later sentence gave
            # another meeting ("X met A on Sept 25. X also met B.") only says the month
            day = state.last_day.date
            if day in self._days_of_story(state):
                report.date, report.precision = day, Precision.DAY
            else:
                report.date, report.precision = day.replace(day=1), Precision.MONTH
            report.date_strength = DATELINE
            return
        if state.dateline_date is not None:
            report.date, report.precision, report.date_strength = (
                state.dateline_date,
                Precision.DAY,
                DATELINE,
            )
            return
        if state.lead_date is not None:
            d = state.lead_date
            report.date, report.precision, report.date_strength = d.date, d.precision, DATELINE
            return
        published = self.ctx.document.published
        if published is not None and not self.year_only:
            # told before any date of the story ("A and B at a Joint Press Availability" over
            # a transcript): the day the document was published
            report.date, report.precision, report.date_strength = published, Precision.DAY, DATELINE

    def _is_visit_range(self, d: DateMention, state: StoryState) -> bool:
        return state.visit_range is not None and state.visit_range[0] == d.date

    def _scene_country(self, story: int, cs: int, t0: int) -> str | None:
        """The country of "In Ghana, X met Y": at the sentence's start, or right after the
        dateline that opens the story's first sentence."""
        stories = self.ctx.document.stories or []
        body = stories[story].body_start if story < len(stories) else None
        opening = body if body is not None and cs < body < t0 else cs
        while opening < t0 and self.text[opening].isspace():
            opening += 1
        return self._country_stop(opening, opening)

    def _scene(self, report: Report, state: StoryState, country: str):
        """ "In Ghana, X met Y" under another country's dateline: the scene's country, and
        no city (the text names none); the story goes on there."""
        city = state.city if country == state.country else None
        report.city, report.country = city, country
        report.city_strength = DATELINE if city else NONE
        if report.status == "reported":
            state.city, state.country = city, country

    def _where(
        self, report: Report, state: StoryState, t0: int, zone_end: int, cs: int, ce: int, low: str
    ):
        if report.kind == "call" or VIDEO.search(low):
            report.no_city = True
            city = self.city_in(t0, zone_end)
            if city and CHAIR_VERBS.search(low):
                report.city, report.country, report.city_strength = city[0], city[1], EXPLICIT
            return
        future = PLANNED.search(self.low, t0 + 20, max(t0 + 20, zone_end))
        own_end = future.start() if future else zone_end  # "... the upcoming summit in X"
        city = self.city_in(t0, own_end) or self.city_in(cs, t0)
        venue = None if city else self.venue_in(t0, own_end) or self.venue_in(cs, t0)
        if venue:
            city = (venue, None)
        if city:
            report.city, report.country, report.city_strength = city[0], city[1], EXPLICIT
            if report.status == "reported":
                state.city, state.country = city
            return
        scene = self._scene_country(report.story, cs, t0)
        if scene:
            self._scene(report, state, scene)
            return
        zone = low[t0 - cs : zone_end - cs]
        if HERE.search(zone) and state.dateline_city:
            report.city, report.country, report.city_strength = (
                state.dateline_city,
                state.dateline_country,
                EXPLICIT,
            )
            return
        if HEADQUARTERS.search(zone):
            report.no_city = True
            return
        if state.city:
            report.city, report.country, report.city_strength = state.city, state.country, DATELINE
