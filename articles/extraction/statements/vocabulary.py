"""The words statements are found by: speech verbs, subjects, asides, circumstances."""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS

# Listed speech verbs that news uses as often for things that are not speech.
NOT_SPEECH = frozenset(
    """
    supported supports continued continues shared shares invited invites expected expects
    states thanks remarks comments notes calls points voices wishes hopes briefs
    """.split()
)
SPEECH = (SPEECH_VERBS - NOT_SPEECH) | frozenset(
    """
    touched asked agreed spelled spelt wrote tweeted quoted posted extended extends
    promised countered blamed accused criticised criticized condemned denounced lamented
    complained admitted conceded claimed hit hits lashed recognized recognised echoed
    """.split()
)
# Verbs that need a particle to be speech: "put forward", "pointed out", "spoke about".
PARTICLES = {
    "put": ("forward",),
    "pointed": ("out",),
    "looked": ("forward",),
    "looks": ("forward",),
    "spoke": ("about", "of", "highly", "on"),
    "speaks": ("about", "of", "highly", "on"),
    "touched": ("upon", "on"),
    "posted": ("on",),  # "posted on X": a post on social media
    "hit": ("out",),  # "hit out at X for ...": criticism
    "hits": ("out",),
    "lashed": ("out",),
}
COURTESY_VERBS = frozenset("conveyed conveys extended extends passed passes sent sends".split())
COURTESIES = frozenset("greetings regards wishes congratulations condolences salutations".split())
# Verbs that are speech only with a courtesy after them: "extended his congratulations".
COURTESY_ONLY = frozenset({"extended", "extends"})
# Speech verbs that a group subject takes too ("the sides agreed").
GROUP_ONLY = frozenset({"agreed"})
# Verbs that come before their subject after a comma or a quotation: "..., said Varga".
INVERTED = frozenset(
    """
    said says added adds noted notes stressed stresses explained explains concluded
    remarked observed insisted argued declared stated asked emphasized emphasised
    continued wrote told underlined underscored recalled
    """.split()
)
# Participles that continue the same statement: "..., adding that ...".
CONTINUING = frozenset(
    """
    adding noting stressing saying emphasizing emphasising highlighting underscoring
    underlining stating expressing recalling calling urging pointing reiterating praising
    describing arguing insisting warning welcoming hailing thanking voicing affirming
    reaffirming expressing
    """.split()
)
# Words that open a phrase before a sentence's subject: "In a call on Monday, X ...".
INTRO_WORDS = frozenset(
    """
    in at on during after before upon following while when speaking addressing meanwhile
    however also later earlier separately additionally for
    """.split()
)
# Words between a subject and its verb: "He also noted", "Varga further stressed".
ADVERBS = frozenset(
    """
    also further then once again highly later earlier repeatedly particularly especially
    specifically strongly firmly briefly previously subsequently separately additionally
    meanwhile here there today yesterday reportedly has had have will would explicitly
    clearly publicly openly warmly sincerely likewise similarly too
    """.split()
)
# Words that open an apposition or aside between a subject and its verb.
ASIDE_OPENERS = frozenset(
    """
    also a an the who whose which for in as speaking addressing currently now then on at
    while during after when
    """.split()
)
GROUP_NOUNS = frozenset(
    """
    sides side parties ministers participants leaders delegations delegates countries
    members officials presidents heads counterparts governments nations meeting council
    summit attendees envoys diplomats premiers chairs both all
    """.split()
)
GROUP_PRONOUNS = frozenset({"they", "we"})
# Words a subject phrase may open with before its title or group noun: "the two sides".
SUBJECT_OPENERS = frozenset("the a an two three both all some many several its his her".split())
RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
GROUP_AFTER = frozenset({"that", "while", "but", "whereas", "and", "as", "when"})
PERSON_PRONOUNS = frozenset({"he", "she"})
VIEW_WORDS = frozenset(
    {"view", "views", "assessment", "opinion", "words", "estimation", "judgment", "judgement"}
)
# What may follow "said" when the content came before it: "..., X said at the forum".
CIRCUMSTANCES = frozenset(
    """
    at on in during here there while after before when following via today yesterday
    last this earlier later recently late early
    """.split()
)
TITLE_CONNECTORS = frozenset({"of", "the", "for", "on", "and", "in", "'s", "-", "from", "to", "at"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "while", "whereas", "but", "and"})
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | DOMAIN_WORDS
MAX_QUOTE_TOKENS = 400  # a closed quotation longer than this is two garbled marks
MIN_WORDS = 4  # shorter content says too little to keep ("stressed cooperation")
# An embedded post's signature line opens with a dash; its text ends with picture links.
SIGNATURE_DASHES = frozenset({"\u2014", "\u2013", "-", "--", "&mdash;"})
POST_LINKS = ("pic.twitter.com", "https://", "http://", "t.co/")
# Lines that link to other stories: their words are another story's headline.
LINK_LINES = (
    "related story",
    "related stories",
    "related :",
    "read more",
    "read also",
    "also read",
    "see also",
)
# Double quotation marks, also as two apostrophes (a typewriter's '' and ``).
QUOTE_MARKS = frozenset({'"', "''", "``"})
# Transcript labels of whoever asks: their turns are no one's statement.
ASKER_LABELS = frozenset({"q", "question", "moderator", "questioner", "journalist", "reporter"})
# Lower-case words a speaker label may hold: "Minister of Foreign Affairs Roe:".
LABEL_CONNECTORS = frozenset({"of", "the", "for", "and"})
# Prepositions that make a name the owner of the speaker: "a spokesman for X said".
OWNER_PREPOSITIONS = frozenset({"for", "of", "to", "from", "with", "by", "at"})
# Verbs of a newspaper or agency carrying someone else's words: "The Daily reported that".
REPORT_VERBS = frozenset("reported reports wrote writes cited cites quoted quotes".split())
# Verbs of posting, and what a post may show instead of words ("tweeted a photo of ...").
POST_VERBS = frozenset("tweeted tweets posted posts shared shares".split())
MEDIA_NOUNS = frozenset(
    "picture pictures photo photos photograph photographs video videos image images".split()
)
# Words after a speech verb that say nothing was said, or that the verb reports hearsay
# about its subject: "said nothing about", "said to be close to", "is said to have".
NOTHING_SAID = {
    "said": (("to", "be"), ("to", "have"), ("nothing",), ("little",)),
    "says": (("nothing",), ("little",)),
    "told": (("nothing",),),
}
# Audiences that "said to ..." may name before its that-clause ("said to reporters that").
AUDIENCES = frozenset(
    "reporters journalists correspondents press media lawmakers parliament deputies".split()
)
