"""When two reports are the same record. One module, used inside a document (extraction)
and against the register (resolution, loading), so both give the same answer.

- Persons: two names are one person when their match keys agree (``diplomacy.names``), or
  when they are spelling variants: as many words, the same start, near-same surname and key.
- Organisations: two names are one body when their match keys agree.
- Meetings: ``same_meeting`` compares two ``MeetingFacts``, the neutral description built
  from a report in a document, a meeting candidate or a register row.
- Statements: the same speaker's two texts are one utterance when they are about as long
  and share nearly all their words (a quotation retold with a word changed, or cut).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from diplomacy import names

# a document compares each name with every form seen so far: its keys are computed once
name_key = lru_cache(maxsize=200_000)(names.name_key)
org_key = names.org_key

# -- persons and organisations ----------------------------------------------------------
SPELLING_RATIO = 90  # rapidfuzz ratio of two keys (and of two surnames) that are one name


def same_person_name(a: str, b: str) -> bool:
    """True when names ``a`` and ``b`` are one person's: equal match keys, or a spelling
    variant ("Aliyev Rashid" / "Aliev Rashit": same number of words, the same first
    letters, near-same surname and whole key)."""
    key = name_key(a)
    return bool(key) and (key == name_key(b) or spelling_variant(a, b))


def spelling_variant(a: str, b: str) -> bool:
    """The fuzzy half of ``same_person_name``: it only ever compares two full names."""
    words, other = a.split(), b.split()
    if len(words) < 2 or len(words) != len(other):
        return False
    given, surname = name_key(words[0]), name_key(words[-1])
    if not given or name_key(other[0])[:3] != given[:3]:
        return False
    if fuzz.ratio(name_key(other[-1]), surname) < SPELLING_RATIO:
        return False
    return fuzz.ratio(name_key(a), name_key(b)) >= SPELLING_RATIO


def person_keys(name: str, aliases=()) -> list[str]:
    """The match keys a person is looked up by: the name's, then its other names'."""
    keys = [name_key(name)] + [name_key(a) for a in aliases]
    return [k for k in dict.fromkeys(keys) if k]


def organisation_key(name: str) -> str:
    """The match key two names of one body share."""
    return org_key(name)


def same_organisation_name(a: str, b: str) -> bool:
    key = org_key(a)
    return bool(key) and key == org_key(b)


SAME_UTTERANCE_RATIO = 88  # rapidfuzz token_set_ratio
MIN_LENGTH_SHARE = 0.6  # the shorter text is at least this share of the longer
_WORD = re.compile(r"\w+")


def same_utterance(a: str, b: str) -> bool:
    """True when texts ``a`` and ``b`` (of one speaker) tell the same utterance."""
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_LENGTH_SHARE * max(longer, 1):
        return False
    return fuzz.token_set_ratio(a, b) >= SAME_UTTERANCE_RATIO


class Utterances:
    """One speaker's texts seen so far, indexed by their words.

    A new text is compared only with texts that share a word with it, so a transcript of
    thousands of quotations costs near-linear time where comparing every pair was
    quadratic. A word found in more than ``COMMON`` texts selects nothing ("the"); a text
    made only of such words is compared with the first ``COMMON`` texts of its rarest word.
    """

    COMMON = 40

    def __init__(self):
        self._texts: list[str] = []
        self._values: list[object] = []
        self._exact: dict[str, int] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)

    def find(self, text: str):
        """The value stored with the earliest text that is the same utterance, or None."""
        if text in self._exact:
            return self._values[self._exact[text]]
        for i in sorted(self._candidates(text)):
            if same_utterance(text, self._texts[i]):
                return self._values[i]
        return None

    def add(self, text: str, value) -> None:
        i = len(self._texts)
        self._texts.append(text)
        self._values.append(value)
        self._exact.setdefault(text, i)
        for word in _words(text):
            self._postings[word].append(i)

    def _candidates(self, text: str) -> set[int]:
        postings = [self._postings[w] for w in _words(text) if w in self._postings]
        found = {i for p in postings if len(p) <= self.COMMON for i in p}
        if not found and postings:
            found = set(min(postings, key=len)[: self.COMMON])
        return found


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


# -- meetings ---------------------------------------------------------------------------
# How far a date or a city can be trusted: an explicit date beats one carried over from
# context (the dateline, a visit's month).
RANGE, EXPLICIT, RELATIVE, ANNOUNCED, VISIT_MONTH, DATELINE, NONE = 7, 6, 5, 4, 3, 1, 0

GROUP_KINDS = frozenset({"multilateral", "summit", "ministerial", "forum", "ceremony"})
# kinds an editor may give that say nothing against any report ("a visit", "other")
OPEN_KINDS = frozenset({"other", "visit"})
DAY, MONTH = "day", "month"
# how far apart two reports' days may be when one is another outlet's or a weak date
# (time zones, a dateline's day); a weakly dated story about a named gathering days later
OTHER_SOURCE_SLACK = dt.timedelta(days=1)
GATHERING_SLACK = dt.timedelta(days=6)


@dataclass(frozen=True)
class MeetingFacts:
    """What one report, candidate or register row says about a meeting: the facts the
    decision 'same meeting' reads. Participants and organisation are keys of one space
    (entity indices inside a document, primary keys against the register)."""

    kind: str
    date: dt.date | None
    precision: str = DAY
    end_date: dt.date | None = None
    date_strength: int = EXPLICIT
    city: str | None = None
    city_strength: int = EXPLICIT
    participants: frozenset = frozenset()
    organisation: object = None
    status: str = "reported"
    named: bool = False  # it has a name of its own ("the Council of Foreign Ministers")
    story: int | None = None  # the story of a document that tells it
    # facts of a register row
    registered: bool = False  # told by another article, perhaps another outlet
    city_locked: bool = False  # an editor set the city: the article's is no contradiction
    reported_before: bool = False  # the previous version of this article told this meeting


def facts_of_report(report, participants=None, organisation=None) -> MeetingFacts:
    """A document's report or meeting candidate as facts (``participants`` and
    ``organisation`` in another key space, for the register, when given)."""
    if participants is None:  # a report's entity indices, a candidate's Participants
        participants = [getattr(p, "entity", p) for p in report.participants]
    return MeetingFacts(
        kind=report.kind,
        date=report.date,
        precision=report.precision,
        end_date=report.end_date,
        date_strength=report.date_strength,
        city=report.city,
        city_strength=report.city_strength,
        participants=frozenset(participants),
        organisation=report.organisation_key if organisation is None else organisation,
        status=report.status,
        named=report.named,
        story=report.story,
    )


def facts_of_row(meeting, participants, named: bool, reported_before=False) -> MeetingFacts:
    """A register meeting (a ``diplomacy.Meeting``) with its participants' ids as facts."""
    return MeetingFacts(
        kind=meeting.kind,
        date=meeting.date,
        precision=meeting.date_precision,
        end_date=meeting.end_date,
        city=meeting.city or None,
        participants=frozenset(participants),
        organisation=meeting.organisation_id,
        status=meeting.status,
        named=named,
        registered=True,
        city_locked=meeting.is_locked("city"),
        reported_before=reported_before,
    )


def same_meeting(a: MeetingFacts, b: MeetingFacts) -> bool:
    """True when ``a`` and ``b`` tell one meeting: the same status, kinds that fit,
    dates that agree, no two stated cities that differ, and the same people."""
    return (
        a.status == b.status
        and _kinds_fit(a, b)
        and _dates_agree(a, b)
        and not _cities_differ(a, b)
        and _same_people(a, b)
    )


def kinds_compatible(a: str, b: str) -> bool:
    """Two reports can be one meeting only if their kinds agree: a call is only a call, a
    summit only a summit (a story tells the ministers' meeting before the summit apart);
    an editor's 'visit' or 'other' fits all."""
    return a == b or bool({a, b} & OPEN_KINDS)


def search_window(facts: MeetingFacts) -> tuple[dt.date, dt.date]:
    """The days a register meeting that is the same as ``facts`` can be dated on (besides
    a month- or year-precise row dated the first day of ``facts``' month or year)."""
    assert facts.date is not None
    if facts.precision == MONTH:
        low = facts.date.replace(day=1)
        high = (low + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    elif facts.precision != DAY:
        low, high = facts.date.replace(month=1, day=1), facts.date.replace(month=12, day=31)
    else:
        low, high = facts.date, facts.end_date or facts.date
    slack = _slack(facts, replace(facts, registered=True))
    return low - slack, max(high, facts.end_date or high) + slack


def _kinds_fit(a: MeetingFacts, b: MeetingFacts) -> bool:
    if a.reported_before or b.reported_before:
        return True  # a changed article tells it with fewer people ("bilateral")
    if {a.kind, b.kind} == {"bilateral", "multilateral"} and not (a.named or b.named):
        return True  # a bilateral told inside a larger meeting: see _same_people
    return kinds_compatible(a.kind, b.kind)


def _slack(a: MeetingFacts, b: MeetingFacts) -> dt.timedelta:
    weak = min(a.date_strength, b.date_strength) <= DATELINE
    if weak and a.kind == b.kind and a.kind in GROUP_KINDS - {"multilateral"}:
        # "During the ministers' meeting, X urged ..." in a story dated days after it
        return GATHERING_SLACK
    if weak or a.registered or b.registered:
        return OTHER_SOURCE_SLACK
    return dt.timedelta(0)


def _dates_agree(a: MeetingFacts, b: MeetingFacts) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.precision == MONTH or b.precision == MONTH:
        return (
            (a.date.year, a.date.month) == (b.date.year, b.date.month)
            or (a.end_date is not None and a.date <= b.date <= a.end_date)
            or (b.end_date is not None and b.date <= a.date <= b.end_date)
        )
    if a.precision != DAY or b.precision != DAY:
        return a.date.year == b.date.year
    slack = _slack(a, b)
    return a.date - slack <= (b.end_date or b.date) and b.date - slack <= (a.end_date or a.date)


def _cities_differ(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Both state a city and they differ; a city an editor set is the editor's, not a
    contradiction (the article may still give the old one)."""
    if not (a.city and b.city) or a.city_locked or b.city_locked:
        return False
    if min(a.city_strength, b.city_strength) < EXPLICIT:
        return False
    return a.city.casefold() != b.city.casefold()


def _same_people(a: MeetingFacts, b: MeetingFacts) -> bool:
    shared = len(a.participants & b.participants)
    if a.reported_before or b.reported_before:
        return shared >= min(2, len(a.participants), len(b.participants))
    if {a.kind, b.kind} == {"bilateral", "multilateral"} and not (a.named or b.named):
        # "the meeting between A and B, with C present" told again as "A's meeting with C"
        smaller, larger = sorted((a, b), key=lambda x: len(x.participants))
        return (
            a.story is not None
            and a.story == b.story
            and shared >= 2
            and shared == len(smaller.participants) < len(larger.participants)
        )
    if a.kind in GROUP_KINDS or b.kind in GROUP_KINDS:
        if a.organisation and b.organisation and a.organisation != b.organisation:
            return False
        if a.named and b.named and (a.organisation or b.organisation):
            return True
        if not (a.named or b.named or a.organisation or b.organisation):
            # two unnamed gatherings of one person with others: the same only if they share
            # the others too ("In A, X met P and Q ... In B, X met R and S" are two)
            return shared >= min(2, len(a.participants), len(b.participants))
        return shared >= min(1, len(a.participants), len(b.participants)) and bool(
            shared or a.named or b.named
        )
    need = min(2, len(a.participants), len(b.participants))
    return (
        need > 0
        and shared >= need
        and len(a.participants | b.participants) <= max(len(a.participants), len(b.participants))
    )
