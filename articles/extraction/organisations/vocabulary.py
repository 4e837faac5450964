"""The words organisations are found by: connectors, head words and the kinds they give."""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS, ORG_HEADS, REGION_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from ..patterns import words

CONNECTORS = words("organisation_connectors")
MINISTRY_WORDS = words("organisation_ministry_words")
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

COLLECTIVE_TAILS = words("organisation_collective_tails")
VENUE_WORDS = words("organisation_venue_words")
VENUE_HEADS = words("organisation_venue_heads")
PERSONAL_GOVERNMENT_HEADS = words("organisation_personal_government_heads")
NOT_BODY_TAILS = words("organisation_not_body_tails")
