"""When two reports are the same record. One module, used inside a document (extraction)
and against the register (resolution, loading), so both give the same answer.

- Persons: two names are one person when their match keys agree (``diplomacy.names``), or
  when they are spelling variants: as many words, the same start, near-same surname and key.
  Two writings of one full name that a relative's name could also be (a given name and its
  short form, middle initials and "Jr." left out; a nasab chain with or without the
  grandfather) are one person only with other evidence: ``same_person`` on two
  ``PersonFacts``.
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

from .patterns import word_entries, words

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
    if any(_initials_differ(x, y) for x, y in zip(words[1:-1], other[1:-1], strict=True)):
        return False  # "Jon Q. Harlow" and "Jon R. Harlow": father and son
    if fuzz.ratio(name_key(other[-1]), surname) < SPELLING_RATIO:
        return False
    return fuzz.ratio(name_key(a), name_key(b)) >= SPELLING_RATIO


# -- persons: one full name written two ways -------------------------------------------
NASAB_PARTICLES = words("person_patronymic_particles")  # "bin", "ibn", "bint"
NAME_SUFFIXES = words("person_name_suffixes")  # "Jr.", "III"
_VOWELS = re.compile(r"[aeiouy]")


def _short_forms() -> dict[str, frozenset[str]]:
    """Given-name key -> the keys of the formal names it may stand for ("jim" -> james)."""
    out = {}
    for line in word_entries("person_given_name_diminutives"):
        short, *formal = line.split()
        out[name_key(short)] = frozenset(name_key(f) for f in formal)
    return out


SHORT_FORMS = _short_forms()


@dataclass(frozen=True)
class PersonFacts:
    """What a document's person or a register row says about who it is: its full names,
    its posts (``names.post_key``) and its country (ISO alpha-2)."""

    names: tuple[str, ...]
    posts: frozenset[str] = frozenset()
    country: str | None = None


def same_person(a: PersonFacts, b: PersonFacts, same_document: bool) -> bool:
    """True when ``a`` and ``b`` are one person: one of their names is the other's
    (``same_person_name``), or two of them are one full name written two ways
    (``name_variants``) with evidence that a relative of that name lacks. Two countries
    or two posts that differ are two persons. Inside one document the same post is
    enough, or a name told without a post; across documents the same post or the same
    country is needed. A suffix on one name only ("Jr.") needs the same post, or inside
    one document a post for the name with the suffix and none for the other."""
    if any(same_person_name(x, y) for x in a.names for y in b.names):
        return True
    pairs = [(x, y) for x in a.names for y in b.names if name_variants(x, y)]
    if not pairs:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    shared_post = _posts_agree(a.posts, b.posts)
    if all(_one_suffix(x, y) for x, y in pairs):
        # "Jon Harlow Jr." may be the son of President Jon Harlow; "Jon Harlow" in a
        # headline is President Jon Harlow Jr. of the body
        x, _ = pairs[0]
        suffixed, plain = (a, b) if _western(x)[3] else (b, a)
        return shared_post or (same_document and bool(suffixed.posts) and not plain.posts)
    if same_document:
        return shared_post or not (a.posts and b.posts)
    return shared_post or (a.country is not None and a.country == b.country)


def name_variants(a: str, b: str) -> bool:
    """Two writings of one full name, told apart from a relative's only by other
    evidence: "Jon Q. Harlow, Jr." / "Jonathan Harlow" (a given name and its short form,
    the same surname, middle initials and suffix left out, none that differ);
    "Khalid bin Faris bin Saqr Al Merrani" / "Khaled bin Faris al-Merrani" (a nasab
    chain: the given name spelled another way, the same father, a grandfather told or
    not, the same family). Brothers ("Khalid bin Faris" / "Saif bin Faris") and father
    and son ("Faris bin Saqr" / "Khalid bin Faris bin Saqr") are not variants."""
    nasab_a, nasab_b = _nasab(a), _nasab(b)
    if nasab_a or nasab_b:
        return bool(nasab_a and nasab_b) and _nasab_variants(nasab_a, nasab_b)
    parts_a, parts_b = _western(a), _western(b)
    return bool(parts_a and parts_b) and _western_variants(parts_a, parts_b)


def variant_bucket(name: str) -> str | None:
    """What two names ``name_variants`` pairs share (a Western name's surname, a nasab
    chain's given name): only names of one bucket need comparing."""
    nasab = _nasab(name)
    if nasab:
        return "bin " + nasab[0]
    parts = _western(name)
    return parts[2] if parts else None


def variant_prefixes(name: str) -> tuple[list[str], bool]:
    """Where the register looks for the names ``name_variants`` may pair with ``name``:
    the starts of their match keys (the given name's key and its short and formal
    forms'; a nasab chain's first letter, its vowels being the transliteration's), and
    whether they are nasab chains."""
    if _nasab(name):
        return [name_key(name)[:1]], True
    parts = _western(name)
    if parts is None:
        return [], False
    given = parts[0]
    forms = {given} | {k for k in SHORT_FORMS if _given_names_agree(given, k)}
    forms |= {f for k in forms for f in SHORT_FORMS.get(k, ())}
    return sorted(forms), False


@lru_cache(maxsize=20_000)
def _western(name: str) -> tuple[str, tuple[str, ...], str, str] | None:
    """(given name, middle names' initials, surname, suffix) as keys."""
    words = name.replace(",", " ").split()
    suffix = ""
    while len(words) > 2 and words[-1].lower() in NAME_SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    given, surname = name_key(words[0]) if words else "", name_key(words[-1]) if words else ""
    if len(words) < 2 or len(given) < 2 or not surname:
        return None
    middle = tuple(name_key(w)[:1] for w in words[1:-1])
    return given, middle, surname, suffix


def _western_variants(a, b) -> bool:
    (given_a, middle_a, surname_a, suffix_a), (given_b, middle_b, surname_b, suffix_b) = a, b
    return (
        surname_a == surname_b
        and _given_names_agree(given_a, given_b)
        and (middle_a == middle_b or not (middle_a and middle_b))
        and (suffix_a == suffix_b or not (suffix_a and suffix_b))
    )


def _one_suffix(a: str, b: str) -> bool:
    """Only one of two Western names has a suffix ("Jon Harlow" / "Jon Harlow Jr.")."""
    parts_a, parts_b = _western(a), _western(b)
    return bool(parts_a and parts_b) and bool(parts_a[3]) != bool(parts_b[3])


def _given_names_agree(a: str, b: str) -> bool:
    """The same given name, or one a short form of the other ("Jim" / "James"), or two
    short forms of one name ("Bill" / "Will")."""
    return a == b or bool(({a} | SHORT_FORMS.get(a, set())) & ({b} | SHORT_FORMS.get(b, set())))


@lru_cache(maxsize=20_000)
def _nasab(name: str) -> tuple[str, tuple[str, ...], str] | None:
    """(given name, fathers' names, family name) of "Given bin Father [bin Grandfather]
    [Al Family]", as consonant skeletons (their vowels are the transliteration's) and the
    family's key; None for a name that is not such a chain."""
    words = name.replace(",", " ").split()
    if len(words) < 3 or words[1].lower() not in NASAB_PARTICLES:
        return None
    fathers, i = [], 1
    while i + 1 < len(words) and words[i].lower() in NASAB_PARTICLES:
        fathers.append(_skeleton(words[i + 1]))
        i += 2
    given = _skeleton(words[0])
    if not given or not all(fathers):
        return None
    return given, tuple(fathers), name_key("".join(words[i:]))


def _nasab_variants(a, b) -> bool:
    (given_a, fathers_a, family_a), (given_b, fathers_b, family_b) = a, b
    shorter = min(len(fathers_a), len(fathers_b))
    return (
        given_a == given_b
        and fathers_a[:shorter] == fathers_b[:shorter]
        and (family_a == family_b or not (family_a and family_b))
    )


def _skeleton(word: str) -> str:
    """ "Khalid" and "Khaled", "Mohammed" and "Muhammad": the first letter and the
    consonants of the key."""
    key = name_key(word)
    return key[:1] + _VOWELS.sub("", key[1:])


def _posts_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """A post of one is a post of the other, or its head ("President" of "President of
    Velmar")."""
    return any(
        set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b
    )


def _initials_differ(a: str, b: str) -> bool:
    """Two middle initials ("Q." / "R.") that are not one letter."""
    a, b = a.rstrip("."), b.rstrip(".")
    return (len(a) == 1 or len(b) == 1) and name_key(a)[:1] != name_key(b)[:1]


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
