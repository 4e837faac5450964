"""Merging the reports of one meeting: the same talks told in several stories of a compilation.

A ``Report`` is one place in the text that tells of a meeting; reports that are the same
meeting (``identity.same_meeting``, the rule the register is matched by too) are absorbed
into one, which becomes a ``MeetingCandidate``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..identity import (  # noqa: F401 (the strengths are the finder's vocabulary)
    ANNOUNCED,
    DATELINE,
    EXPLICIT,
    NONE,
    RANGE,
    RELATIVE,
    VISIT_MONTH,
    facts_of_report,
    same_meeting,
)
from ..types import MeetingCandidate, Participant, Precision


@dataclass
class Report:
    """One place in the text that tells of a meeting."""

    start: int
    end: int
    kind: str
    story: int
    participants: list[int] = field(default_factory=list)
    date: dt.date | None = None
    precision: str = Precision.DAY
    end_date: dt.date | None = None
    date_strength: int = NONE
    city: str | None = None
    country: str | None = None
    city_strength: int = NONE
    no_city: bool = False  # a call or video link: the dateline is not where it took place
    organisation_key: str | None = None
    status: str = "reported"
    title: str = ""
    named: bool = False  # a meeting with its own name ("the Council of Foreign Ministers")
    spans: list[tuple[int, int]] = field(default_factory=list)


class MergingMixin:
    """Part of ``MeetingFinder``: its reports, merged into meeting candidates."""

    # -- merging --------------------------------------------------------------------------
    def _merge(self) -> list[MeetingCandidate]:
        clusters: list[Report] = []
        told: list = []  # each cluster's facts, renewed when it absorbs a report
        for r in self.reports:
            if not r.participants and not r.named:
                continue
            r.spans = list(dict.fromkeys([(r.start, r.end)] + r.spans))
            facts = facts_of_report(r)
            for n, c in enumerate(clusters):
                if same_meeting(told[n], facts):
                    _absorb(c, r)
                    told[n] = facts_of_report(c)
                    break
            else:
                clusters.append(copy_report(r))
                told.append(facts)
        out = []
        for c in clusters:
            if not c.participants:
                continue
            if c.date is None and c.story not in self.undated_stories:
                continue  # the story has a date, but this meeting could not be given one
            if c.status == "planned":
                continue  # announced, not held: nothing to register yet
            if c.status != "reported" and (c.date_strength < EXPLICIT or len(c.participants) < 2):
                continue
            out.append(self._candidate(c))
        return out

    def _candidate(self, c: Report) -> MeetingCandidate:
        names = [self.persons[e].name for e in c.participants]
        if c.title:
            title = c.title
        elif c.kind == "call":
            title = "Call between " + _and(names)
        elif c.kind == "multilateral" and len(names) <= 2:
            title = "Meeting with " + _and(names)
        else:
            title = "Meeting of " + _and(names)
        return MeetingCandidate(
            start=c.start,
            end=c.end,
            kind=c.kind,
            date=c.date,
            precision=c.precision,
            end_date=c.end_date if c.end_date and c.date and c.end_date > c.date else None,
            city=None if c.no_city and c.city_strength < EXPLICIT else c.city,
            country=None if c.no_city and c.city_strength < EXPLICIT else c.country,
            organisation_key=c.organisation_key,
            participants=[Participant(entity=e, role=self._role(e, c)) for e in c.participants],
            status=c.status,
            title=title[:300],
            spans=c.spans,
            date_strength=c.date_strength,
            city_strength=c.city_strength,
            named=c.named,
            story=c.story,
        )

    def _role(self, entity: int, report: Report | None) -> str:
        positions = self.persons[entity].positions
        if not positions:
            return ""
        if report is not None:
            text = " ".join(self.low[a:b] for a, b in report.spans[:3])
            for p in positions:
                if p.title.lower() in text:
                    return p.title
        for p in positions:
            if not p.title.lower().startswith("member"):
                return p.title
        return positions[0].title


def _and(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def copy_report(r: Report) -> Report:
    c = Report(**{k: getattr(r, k) for k in r.__dataclass_fields__})
    c.participants = list(r.participants)
    c.spans = list(r.spans)
    return c


def _absorb(c: Report, r: Report):
    for p in r.participants:
        if p not in c.participants:
            c.participants.append(p)
    c.spans.extend(s for s in r.spans if s not in c.spans)
    better = r.date_strength > c.date_strength or (
        r.date_strength == c.date_strength
        and r.precision == Precision.DAY
        and c.precision != Precision.DAY
    )
    if r.date is not None and (c.date is None or better):
        c.date, c.precision, c.end_date, c.date_strength = (
            r.date,
            r.precision,
            r.end_date,
            r.date_strength,
        )
    if r.city and (not c.city or r.city_strength > c.city_strength):
        c.city, c.country, c.city_strength = r.city, r.country, r.city_strength
    c.no_city = c.no_city or r.no_city  # told once as held by video, it had no venue
    c.organisation_key = c.organisation_key or r.organisation_key
    if r.named and not c.named:
        c.named, c.title = True, r.title
    c.title = c.title or r.title
