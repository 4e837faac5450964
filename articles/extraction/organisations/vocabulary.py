"""The words organisations are found by: connectors, head words and the kinds they give."""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS, ORG_HEADS, REGION_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from ..patterns import mapping, words

CONNECTORS = words("organisation_connectors")
MINISTRY_WORDS = words("organisation_ministry_words")
# the kind of body a head word names ("Ministry", "Party"): see patterns/organisations.toml
KIND_BY_HEAD = mapping("organisations", "kind_by_head")
# Words an organisation's own name needs beyond generic heads ("National Committee" is not
# a name; "Bishkek State University" is).
GENERIC = ORG_HEADS | DOMAIN_WORDS | TITLE_HEADS | TITLE_MODIFIERS | CONNECTORS | REGION_WORDS

COLLECTIVE_TAILS = words("organisation_collective_tails")
VENUE_WORDS = words("organisation_venue_words")
VENUE_HEADS = words("organisation_venue_heads")
PERSONAL_GOVERNMENT_HEADS = words("organisation_personal_government_heads")
NOT_BODY_TAILS = words("organisation_not_body_tails")
PREMISES_HEADS = words("organisation_premises_heads")
