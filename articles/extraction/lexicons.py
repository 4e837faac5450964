"""Word lists the extractors share: titles, honorifics, speech and meeting verbs.

General English news vocabulary only: no names of people, and nothing specific to one
article. Words are stored lower-case; the extractors compare lower-cased tokens.
"""

import re

# Head words of a post. "Minister", "President", "Secretary" ... A title phrase needs one.
TITLE_HEADS = frozenset(
    """
    president presidents minister ministers premier chancellor secretary secretary-general
    ambassador ambassadors envoy representative chairman chairwoman chairperson chair
    director director-general head chief commissioner speaker spokesperson spokesman
    spokeswoman governor mayor senator deputy member king queen emir sheikh prince
    princess sultan leader monarch emperor pope cardinal patriarch mufti imam consul
    counsellor councillor counselor adviser advisor attache charge rector professor dean
    ceo founder editor judge justice prosecutor ombudsman coordinator officer commander
    marshal general admiral colonel captain lieutenant major brigadier delegate lawmaker
    mp parliamentarian diplomat fm pm vp executive manager administrator principal
    vice-president vice-chairman vice-chairperson vice-premier vice-minister
    undersecretary under-secretary inspector auditor treasurer registrar
    """.split()
)

# Words that can precede or complement a head inside a title ("Deputy Prime Minister").
TITLE_MODIFIERS = frozenset(
    """
    vice deputy first second third executive acting interim prime foreign special
    permanent senior chief general supreme high former then then- co- assistant associate
    state principal grand lord crown honorary plenipotentiary extraordinary minister-counsellor
    managing presidential personal regional national federal standing rotating outgoing
    incoming newly elected designate full-time
    """.split()
)

# Courtesy titles and honorifics that are not part of a name.
HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame madam madame mme mme. m. h.e.
    excellency highness majesty datuk dato datin tan sri seri tun haji hajji
    sheikh shaikh sayyid ayatollah hojatoleslam rev rev. reverend father brother sister
    comrade lord lady ambassador pengiran ustaz ustazah pehin
    """.split()
)
# Honorifics that are also given names ("Awang" in a Malay name): honorifics only right
# after another honorific ("Pengiran Muda ...", "Ustaz Awang ...").
HONORIFICS_AFTER_HONORIFIC = frozenset({"muda", "awang", "dayang"})

# Capitalised words that name a domain inside a title: "Minister of Foreign Affairs".
DOMAIN_WORDS = frozenset(
    """
    affairs foreign external internal interior home economic economy diplomacy development
    relations cooperation co-operation trade commerce defence defense finance finances
    financial justice education health energy culture cultural agriculture industry
    industries security transport transportation labour labor social protection science
    technology tourism environment ecology emergency emergencies situations investment
    investments communications information digital youth sports sport women family
    construction housing water resources natural mining oil gas petroleum fisheries
    infrastructure integration legal policy policies planning budget treasury customs
    migration human rights humanitarian international global public regional political
    strategic strategy studies research innovation media press protocol consular
    multilateral bilateral european asian eurasian african arab american pacific atlantic
    central eastern western northern southern middle east west north south affairs.
    parliamentary legislative executive administrative presidential national state
    military armed forces staff intelligence police customs border borders nuclear
    climate food urban rural minority nationalities religious ethnic veterans statistics
    mines commonwealth ports shipping maritime aviation railways telecommunications
    employment welfare works roads highways lands forestry wildlife livestock minerals
    heritage arts irrigation electricity
    """.split()
)

# Capitalised words that make a phrase an organisation ("National Committee", "Institute").
ORG_HEADS = frozenset(
    """
    organisation organization organisations organizations association associations
    committee committees council councils commission commissions ministry ministries
    department departments office offices agency agencies bureau bureaus bureaux
    institute institutes institution institutions university universities college
    academy school foundation fund bank corporation company group holding
    secretariat party parliament assembly congress senate duma majlis mazhilis kurultai
    court tribunal union league federation alliance centre center administration
    authority service board chamber society network consortium directorate
    inspectorate cabinet government embassy consulate structure commissariat
    headquarters army navy procuracy enterprise club museum library hospital
    observatory politburo mission missions
    """.split()
)

# Heads after which "on ..." continues the name ("Committee on Cooperation").
ORG_HEADS_WITH_ON = frozenset("committee commission council board subcommittee".split())

# Organ words that follow a party or body's name ("... Party of X Central Committee").
ORGAN_SUFFIXES = frozenset("central committee politburo secretariat presidium".split())

# Words naming administrative areas: "Shaanxi Province", "Almaty Region".
PLACE_WORDS = frozenset(
    """
    province provinces region regions oblast city district county prefecture state
    governorate territory autonomous republic municipality emirate canton island islands
    valley mountains river sea lake gulf peninsula strait straits ocean bay desert
    plateau basin coast canal archipelago highlands steppe
    """.split()
)

# Geographic adjectives and regions that are not countries.
REGION_WORDS = frozenset(
    """
    asia asian central eurasia eurasian europe european africa african america american
    latin arab arabian middle east eastern west western north northern south southern
    pacific atlantic nordic baltic caspian gulf balkan caucasus caucasian scandinavian
    mediterranean arctic antarctic global indo-pacific asia-pacific transcaspian
    """.split()
)

# Lower-case particles inside names ("Hamad bin Yaser Al Qadiri", "von der").
NAME_PARTICLES = frozenset(
    """
    bin bint ibn al el ul ud von van der den de del della di da dos das du la le ter ten
    y e abu abd
    """.split()
)

# Words for relations and occupations that introduce a named person without a post.
PERSON_DESCRIPTORS = frozenset(
    """
    wife husband spouse son daughter mother father brother sister widow widower
    poet writer author novelist artist painter composer singer musician scientist
    scholar philosopher historian journalist correspondent reporter photographer
    analyst expert economist professor researcher activist businessman businesswoman
    entrepreneur athlete player coach astronaut cosmonaut architect engineer doctor
    physician lawyer teacher student hero veteran citizen national counterpart
    counterparts colleague host guest candidate
    """.split()
)

MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept.
    oct oct. nov nov. dec dec.
    """.split()
)

# Months that are also given names ("Jan Nowak", "May Tan", "April Ross")
MONTHS_AS_GIVEN_NAMES = frozenset({"jan", "may", "june", "april", "august"})
# words before a month that make it a date ("in May", "since June", "early August")
BEFORE_A_MONTH = frozenset(
    "in on since until till by from of during last next early late mid this that before after".split()
)

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Capitalised words that start sentences or headings and are never names.
NOT_NAME_WORDS = frozenset(
    """
    the a an this that these those there here it its his her their our we you they he she
    i in on at by for from with without of to and or but as after before during while
    when where which who whom whose what why how also both all each every some many most
    more other another such no not nor yet so thus however meanwhile moreover furthermore
    additionally besides then now today yesterday tomorrow earlier later since until
    according following regarding concerning despite amid among between within under over
    about against through throughout upon into onto prior next last first second third
    fourth fifth sixth seventh eighth ninth tenth new old one two three four five six
    seven eight nine ten several both either neither addressing presiding valuing
    noting emphasizing emphasising stressing speaking meeting talking welcoming
    describing highlighting underlining recalling praising hailing expressing
    significance significantly primary congratulations prominent distinguished
    established comments comment photo read share follow subscribe stay press releases
    release news source sources update updated story stories opening closing
    statement statements declaration declarations agreement agreements memorandum
    protocol treaty summit summits meeting meetings talks session sessions visit visits
    ceremony forum forums conference convention exhibition palace hotel hall
    day week month year spirit initiative initiatives project
    projects belt road silk route programme program plan strategy vision
    mr mrs ms dr
    """.split()
)

# Verbs that attribute speech ("said", "stressed"), in the forms news uses.
SPEECH_VERBS = frozenset(
    """
    said says say added adds noted notes stressed stresses emphasised emphasized
    emphasises emphasizes underscored underscores underlined underlines reiterated
    reiterates expressed expresses called calls highlighted highlights pointed points
    hailed hails thanked thanks voiced voices proposed proposes suggested suggests
    stated states declared declares announced announces affirmed affirms reaffirmed
    reaffirms urged urges told tells explained explains remarked remarks observed
    observes commented comments asserted asserts insisted insists argued argues
    recalled recalls acknowledged acknowledges welcomed welcomes praised praises
    lauded lauds commended commends congratulated congratulates assured assures
    confirmed confirms warned warns described describes briefed briefs outlined
    outlines spoke speaks mentioned mentions conveyed conveys appreciated appreciates
    believes believed hopes hoped wished wishes expects expected looked vowed vows
    pledged pledges put answered answers replied replies responded responds
    evaluated evaluates assessed assesses concluded concludes continued continues
    shared shares invited invites supported supports
    """.split()
)

# Verbs that report an encounter between people ("met", "held talks").
MEETING_VERBS = frozenset(
    """
    met meet meets meeting held hold holds holding talked talks received receives
    receiving hosted hosts hosting visited visits visiting attended attends attending
    chaired chairs chairing addressed addresses addressing presided presides presiding
    participated participates participating joined joins called phoned spoke
    """.split()
)

PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


# "called on the world to act" asks; "called on Vice President X" visits. Matched on the
# lower-cased text right after "called on" (meetings and statements both ask).
APPEAL_AFTER_CALLED_ON = re.compile(r"[^.;]{0,120}?\bto (?!the\b|a\b|an\b|his\b|her\b)[a-z]+")
