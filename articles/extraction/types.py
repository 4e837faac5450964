"""Plain data passed between the pipeline stages: read -> split -> extract -> resolve -> load.

Every span is a pair of character offsets into ``Document.text`` (the stored text),
end exclusive. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class Precision:
    """How much of a date the text gives."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass
class DateMention:
    """A date written in the text ("on May 20", "10 April", "from 3 to 7 March 2019")."""

    start: int
    end: int
    date: dt.date  # first day of the month/year when precision is coarser than a day
    precision: str = Precision.DAY
    end_date: dt.date | None = None  # for ranges ("May 20-21")
    text: str = ""


@dataclass
class Story:
    """One story of a document: the whole file, or one part of a compilation."""

    start: int
    end: int
    headline: str | None = None
    dateline_place: str | None = None  # "ASTANA" -> "Astana"
    dateline_country: str | None = None  # ISO alpha-2 when the dateline or place gives it
    dateline_country_name: str | None = None  # as written: "BAKU, Azerbaijan, ..." -> "Azerbaijan"
    date: dt.date | None = None  # dateline date, year inferred
    outlet: str | None = None  # "(Xinhua)" in the dateline
    body_start: int | None = None  # first character after the dateline, if any


@dataclass
class Document:
    """One imported file: its stored text and what the reader found about it."""

    file_name: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    path: str | None = None
    # spans of boilerplate (footers, credits, "Comments (0)") that extraction skips
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


@dataclass
class CountryMention:
    start: int
    end: int
    text: str
    iso2: str
    how: str = "name"  # name | alternative | demonym | city


@dataclass
class OrganisationMention:
    """A mention of an organisation; ``key`` groups the mentions of one body in a document."""

    start: int
    end: int
    text: str
    key: str  # normalised key of the canonical name (see resolution.name_key)
    name: str  # canonical full name as best known
    acronym: str | None = None
    kind: str = "other"
    country: str | None = None  # ISO alpha-2
    parent_key: str | None = None
    reference: bool = False  # True when it came from the reference data
    implied: bool = False  # implied by a title ("Kazakh Foreign Minister"): not a name form


@dataclass
class Position:
    """A post a person holds, as the text states it."""

    title: str
    organisation_key: str | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class PersonMention:
    """One place in the text that refers to a person."""

    start: int
    end: int
    text: str
    entity: int  # index into Extraction.persons
    form: str = "full"  # full | surname | given | title | pronoun


@dataclass
class PersonEntity:
    """A person as one document knows them: every mention, name variant and post."""

    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    positions: list[Position] = field(default_factory=list)
    gender: str | None = None  # "m" | "f" when the text shows it (pronouns, Ms./Mr.)


@dataclass
class Participant:
    entity: int  # index into Extraction.persons
    role: str = ""


@dataclass
class MeetingCandidate:
    """An encounter the text reports."""

    start: int
    end: int
    kind: str  # one of diplomacy.models.Meeting.Kind values
    date: dt.date | None = None
    precision: str = Precision.DAY
    end_date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    organisation_key: str | None = None
    participants: list[Participant] = field(default_factory=list)
    status: str = "reported"  # reported | recalled | planned
    title: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # every report of it
    # what the register is matched by (see identity.MeetingFacts)
    date_strength: int = 6  # identity.EXPLICIT
    city_strength: int = 6
    named: bool = False  # the title is the meeting's own name
    story: int = 0


@dataclass
class StatementCandidate:
    """An utterance attributed to a person or to a group."""

    start: int  # span of the quoted or reported content
    end: int
    text: str
    speaker: int | None  # index into Extraction.persons; None for groups
    speaker_text: str = ""
    direct: bool = False
    date: dt.date | None = None
    precision: str = Precision.DAY
    meeting: int | None = None  # index into Extraction.meetings
    spans: list[tuple[int, int]] = field(default_factory=list)  # every report of it


@dataclass
class Extraction:
    """Everything extracted from one document."""

    countries: list[CountryMention] = field(default_factory=list)
    organisations: list[OrganisationMention] = field(default_factory=list)
    persons: list[PersonEntity] = field(default_factory=list)
    person_mentions: list[PersonMention] = field(default_factory=list)
    meetings: list[MeetingCandidate] = field(default_factory=list)
    statements: list[StatementCandidate] = field(default_factory=list)
