"""Word lists the extractors share: titles, honorifics, speech and meeting verbs.

Each list is a file in patterns/words/ (one entry a line; its first lines say what the
class is). General English news vocabulary only: no names of people, and nothing specific
to one article. Words are stored lower-case; the extractors compare lower-cased tokens.
"""

from .patterns import table, words

TITLE_HEADS = words("title_heads")
TITLE_MODIFIERS = words("title_modifiers")
HONORIFICS = words("honorifics")
HONORIFICS_AFTER_HONORIFIC = words("honorifics_after_honorific")
DOMAIN_WORDS = words("domain_words")
ORG_HEADS = words("org_heads")
ORG_HEADS_WITH_ON = words("org_heads_with_on")
ORGAN_SUFFIXES = words("organ_suffixes")
PLACE_WORDS = words("place_words")
REGION_WORDS = words("region_words")
NAME_PARTICLES = words("name_particles")
# compared with a token written in capitals only: see the word file
HONORIFIC_CAPITALS = frozenset(w.upper() for w in words("honorific_capitals"))
PERSON_DESCRIPTORS = words("person_descriptors")
MONTHS = words("months")
MONTHS_AS_GIVEN_NAMES = words("months_as_given_names")
MONTHS_AS_SURNAMES = words("months_as_surnames")
BEFORE_A_MONTH = words("before_a_month")
WEEKDAYS = words("weekdays")
NOT_NAME_WORDS = words("not_name_words")
SPEECH_VERBS = words("speech_verbs")
MEETING_VERBS = words("meeting_verbs")

PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


# "called on the world to act" asks (meetings and statements both ask): see patterns/meetings.toml
APPEAL_AFTER_CALLED_ON = table("meetings")["appeal_after_called_on"]
