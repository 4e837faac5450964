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

# Capitalised plurals that end a body's name after "of (the)": "Parliamentary Assembly of
# the Highland Republics", "Conference of the Parties"
COLLECTIVE_TAILS = frozenset(
    "countries states nations peoples parties republics economies territories".split()
)
# "<Head> Centre" as a place, not a body: "State House Conference Centre"
VENUE_WORDS = frozenset(
    "conference convention exhibition congress expo press media trade sports".split()
)
VENUE_HEADS = frozenset({"centre", "center", "hall", "complex"})
# A head after one name is that person's government: "the Smith Administration"
PERSONAL_GOVERNMENT_HEADS = frozenset({"administration", "government", "cabinet"})
# A body's name followed by one of these names a scheme, not the body ("X Office Initiative")
NOT_BODY_TAILS = frozenset(
    """
    initiative initiatives programme program programmes programs forum summit dialogue
    strategy plan agenda declaration partnership corridor project award prize scheme
    """.split()
)
