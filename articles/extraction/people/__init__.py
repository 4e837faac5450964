"""Persons: names introduced by a title, an apposition or a verb, and their later mentions.

A capitalised run of name-like tokens is a person when the text says so: a title or
honorific before it ("Chinese Foreign Minister", "Ambassador", "Ms."), an apposition after
it (", vice chairperson of ..."), or a speech or meeting verb right after it ("... said",
"... met"). Titles give the person's posts and country. Within a document, surnames
("Ostrova"), given names and title-only phrases ("the Kazakh President") resolve to the
person introduced; spelling variants of a full name become one person with aliases.
"""

from .candidates import Candidate, name_like
from .finder import PeopleFinder, find_people
from .vocabulary import (
    APPOSITION_OPENERS,
    CONNECTORS,
    GENDER_BY_HONORIFIC,
    IGO_KINDS,
    NOT_IN_NAME,
    NOT_POSITIONS,
    TITLE_WORDS,
)

__all__ = [
    "find_people",
    "PeopleFinder",
    "Candidate",
    "name_like",
    "APPOSITION_OPENERS",
    "CONNECTORS",
    "GENDER_BY_HONORIFIC",
    "IGO_KINDS",
    "NOT_IN_NAME",
    "NOT_POSITIONS",
    "TITLE_WORDS",
]
