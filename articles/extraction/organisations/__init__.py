"""Organisations: the reference data, names defined with an acronym, and named bodies.

Three sources, in order of trust:
1. a name or acronym from the reference data (SCO, CICA, the UN General Assembly);
2. a name followed by its acronym in parentheses ("... Development Financing (CAPDF)");
3. a capitalised phrase around an organisation head word ("Ministry", "University",
   "Committee"), trimmed of titles and of the names that follow it.
Ministries are given one canonical form: "the Kazakh MFA", "Chinese Foreign Ministry" and
"Ministry of Foreign Affairs of China" all become "Ministry of <domain> of <country>".
"""

from .acronyms import ACRONYM, INNER_ACRONYM, initials, is_acronym
from .finder import OrganisationFinder, find_organisations
from .vocabulary import CONNECTORS, GENERIC, KIND_BY_HEAD, MINISTRY_WORDS

__all__ = [
    "find_organisations",
    "OrganisationFinder",
    "ACRONYM",
    "INNER_ACRONYM",
    "initials",
    "is_acronym",
    "CONNECTORS",
    "GENERIC",
    "KIND_BY_HEAD",
    "MINISTRY_WORDS",
]
