"""The words organisations are found by: connectors, head words and the kinds they give."""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS, ORG_HEADS, REGION_WORDS, TITLE_HEADS, TITLE_MODIFIERS

CONNECTORS = frozenset({"of", "for", "the", "and", "on", "at", "'s", "&", "-"})
MINISTRY_WORDS = frozenset({"ministry", "mfa"})
KIND_BY_HEAD = {
    "ministry": "ministry",
    "ministries": "ministry",
    "party": "party",
    "parliament": "parliament",
    "assembly": "parliament",
    "congress": "parliament",
    "senate": "parliament",
    "duma": "parliament",
    "majlis": "parliament",
    "mazhilis": "parliament",
    "university": "university",
    "universities": "university",
    "college": "university",
    "academy": "university",
    "institute": "think_tank",
    "institutes": "think_tank",
    "company": "company",
    "corporation": "company",
    "bank": "company",
    "government": "government",
    "council": "government",
    "secretariat": "intergovernmental",
    "agency": "government",
    "department": "government",
}
# Words an organisation's own name needs beyond generic heads ("National Committee" is not
# a name; "Bishkek State University" is).
GENERIC = ORG_HEADS | DOMAIN_WORDS | TITLE_HEADS | TITLE_MODIFIERS | CONNECTORS | REGION_WORDS
