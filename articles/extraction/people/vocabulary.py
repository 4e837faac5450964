"""The words persons are found by: titles, words that are never names, connectors."""

from __future__ import annotations

from ..lexicons import (
    DOMAIN_WORDS,
    HONORIFICS,
    MONTHS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    PERSON_DESCRIPTORS,
    PLACE_WORDS,
    REGION_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEEKDAYS,
)

TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | HONORIFICS | PERSON_DESCRIPTORS
NOT_IN_NAME = (
    NOT_NAME_WORDS
    | TITLE_HEADS
    | TITLE_MODIFIERS
    | HONORIFICS
    | DOMAIN_WORDS
    | ORG_HEADS
    | MONTHS
    | WEEKDAYS
    | PLACE_WORDS
    | REGION_WORDS
    | PERSON_DESCRIPTORS
    # capitalised in names of meetings and groupings, never in a person's name
    | frozenset({"trilateral", "ministerial", "plus"})
)
CONNECTORS = frozenset(
    {"of", "for", "the", "on", "and", "'s", "-", "(", ")", "from", "to", "at", "in"}
)
APPOSITION_OPENERS = frozenset(
    {"also", "the", "a", "an", "who", "is", "was", "currently", "now", "then", "new", "newly"}
)
GENDER_BY_HONORIFIC = {
    "ms.": "f",
    "ms": "f",
    "mrs.": "f",
    "mrs": "f",
    "madam": "f",
    "mr.": "m",
    "mr": "m",
}
NOT_POSITIONS = PERSON_DESCRIPTORS | {
    "mr.",
    "mr",
    "ms.",
    "ms",
    "mrs.",
    "mrs",
    "dr.",
    "dr",
    "madam",
    "sir",
}
IGO_KINDS = frozenset({"intergovernmental"})
# plural nouns for people: before a list of names they say the names are persons
# ("Leaders in attendance included A, B and C"; "his counterparts, A and B")
PERSON_GROUP_NOUNS = frozenset(
    """
    leaders ministers presidents premiers counterparts officials delegates participants
    heads envoys ambassadors diplomats representatives guests chairmen monarchs kings
    secretaries commissioners lawmakers senators governors mayors negotiators
    """.split()
)
# verbs (besides speech and meeting verbs) that close a list of persons as its subject
LIST_CLOSING_VERBS = frozenset(
    """
    gathered convened discussed agreed signed exchanged reviewed co-chaired took
    """.split()
)
# "X expressed the Kenyan position", "X led Ghana's delegation", "X represented Peru": a
# person speaking or acting for a country (its verb, then the noun after the country)
SPEAKS_FOR_VERBS = frozenset(
    """
    expressed expresses reaffirmed reaffirms reiterated reiterates conveyed conveys
    affirmed affirms underlined underlines stressed stresses emphasised emphasized
    pledged pledges voiced voices outlined outlines presented presents confirmed
    led leads lead headed heads head represented represents representing
    """.split()
)
SPEAKS_FOR_NOUNS = frozenset(
    """
    support commitment commitments position positions stance readiness interest
    delegation team views view policy concern concerns willingness intention gratitude
    government side
    """.split()
)
# "X said Chile would ...": a country as the subject of reported speech
SPEAKS_FOR_SAID = frozenset("said says stated added noted told".split())
SPEAKS_FOR_AFTER_COUNTRY = frozenset(
    """
    is was will would has had remains remained could can must should wants plans hopes
    intends stands supports welcomes
    """.split()
)
