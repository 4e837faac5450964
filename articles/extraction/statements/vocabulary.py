"""The words statements are found by: speech verbs, subjects, asides, circumstances."""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS
from ..patterns import mapping, word_entries, words

NOT_SPEECH = words("statement_not_speech")
SPEECH = (SPEECH_VERBS - NOT_SPEECH) | words("statement_speech_verbs")
# Verbs that need a particle to be speech ("put forward"): see patterns/statements.toml
PARTICLES = {
    verb: tuple(after) for verb, after in mapping("statements", "speech_particles").items()
}
COURTESY_VERBS = words("statement_courtesy_verbs")
COURTESIES = words("statement_courtesies")
# "on Monday", "on 5 March": when a courtesy was passed on, not what it was about
NOT_AN_OCCASION = words("weekdays") | words("months") | {"behalf"}
COURTESY_ONLY = words("statement_courtesy_only")
WISHING_VERBS = words("statement_wishing_verbs")
GROUP_ONLY = words("statement_group_only")
INVERTED = words("statement_inverted")
CONTINUING = words("statement_continuing")
INTRO_WORDS = words("statement_intro_words")
ADVERBS = words("statement_adverbs")
ASIDE_OPENERS = words("statement_aside_openers")
GROUP_NOUNS = words("statement_group_nouns")
GROUP_PRONOUNS = words("statement_group_pronouns")
SUBJECT_OPENERS = words("statement_subject_openers")
RELATIVES = words("statement_relatives")
GROUP_AFTER = words("statement_group_after")
PERSON_PRONOUNS = words("statement_person_pronouns")
VIEW_WORDS = words("statement_view_words")
CIRCUMSTANCES = words("statement_circumstances")
TITLE_CONNECTORS = words("statement_title_connectors")
CLAUSE_BREAKS = words("statement_clause_breaks")
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | DOMAIN_WORDS
MAX_QUOTE_TOKENS = 400  # a closed quotation longer than this is two garbled marks
MIN_WORDS = 4  # shorter content says too little to keep ("stressed cooperation")
SIGNATURE_DASHES = words("statement_signature_dashes")
POST_LINKS = ("pic.twitter.com", "https://", "http://", "t.co/")
LINK_LINES = tuple(word_entries("statement_link_lines"))
QUOTE_MARKS = words("statement_quote_marks")
ASKER_LABELS = words("statement_asker_labels")
LABEL_CONNECTORS = words("statement_label_connectors")
OWNER_PREPOSITIONS = words("statement_owner_prepositions")
REPORT_VERBS = words("statement_report_verbs")
POST_VERBS = words("statement_post_verbs")
MEDIA_NOUNS = words("statement_media_nouns")
# "said nothing about", "said to be close to": see patterns/statements.toml
NOTHING_SAID = {
    verb: tuple(tuple(words) for words in phrases)
    for verb, phrases in mapping("statements", "nothing_said").items()
}
AUDIENCES = words("statement_audiences")
