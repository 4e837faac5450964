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
from ..patterns import words

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
    | words("person_not_in_name")
)
CONNECTORS = words("person_connectors")
COUNTERPART_PLURALS = words("person_counterpart_plurals")
# "a delegation of lawmakers led by X", "a Czech team headed by X"
LED_BY = frozenset({"led", "headed"})
LED_GROUPS = words("person_led_groups")
APPOSITION_OPENERS = words("person_apposition_openers")
BEFORE_POST = words("person_before_post")
COUNTRY_LONG_FORM = words("country_long_form_words")
GENDER_BY_HONORIFIC = {w: "f" for w in words("courtesy_titles_female")} | {
    w: "m" for w in words("courtesy_titles_male")
}
NOT_POSITIONS = (
    PERSON_DESCRIPTORS
    | words("courtesy_titles_female")
    | words("courtesy_titles_male")
    | words("courtesy_titles_other")
)
IGO_KINDS = words("person_igo_kinds")
PERSON_GROUP_NOUNS = words("person_group_nouns")
LIST_CLOSING_VERBS = words("person_list_closing_verbs")
SPEAKS_FOR_VERBS = words("person_speaks_for_verbs")
SPEAKS_FOR_NOUNS = words("person_speaks_for_nouns")
SPEAKS_FOR_SAID = words("person_speaks_for_said")
SPEAKS_FOR_AFTER_COUNTRY = words("person_speaks_for_after_country")
# "Federal Foreign Minister X received Y in Berlin": the host is of the city's country
HOST_VERBS = words("person_host_verbs")
