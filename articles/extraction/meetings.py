"""Meetings: who met whom, when, where, and in what frame.

One pass over each story's sentences finds the places where the text reports an
encounter ("X met Y", "held talks with", "attended the meeting of ...", "was attended
by ...", "a phone call with"), and keeps a little state as it goes: the city and date the
story is about, the visit under way, the meeting "the meeting" refers to. Each such
place is a report; reports of one real meeting (the same talks told in several stories of
a compilation) are then merged into one ``MeetingCandidate``.

Participants are the people in the clause around the trigger word, minus those merely
mentioned there ("conveyed greetings to X", "the death of X", "X's visit"). Title-only
mentions and pronouns come from ``coreference`` when it is there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from .context import Context
from .dates import find_dates, find_relative, resolve_relative
from .types import DateMention, Extraction, MeetingCandidate, Participant, PersonMention, Precision

# How far a date can be trusted: an explicit date beats one carried over from context.
RANGE, EXPLICIT, RELATIVE, ANNOUNCED, VISIT_MONTH, DATELINE, NONE = 7, 6, 5, 4, 3, 1, 0

MULTILATERAL_KINDS = frozenset({"multilateral", "summit", "ministerial", "forum", "ceremony"})

# Words that, right before a person, say the person is only mentioned there.
MENTIONED_ONLY = re.compile(
    r"(?:\b(?:greetings|congratulations|condolences|wishes|regards|gratitude|message|letter|invitation)"
    r"(?: and [a-z ]{1,30})? (?:to|from|of)"
    r"|\bon behalf of|\bthank(?:ed|s)?(?: to)?|\bdeaths? of|\bdied|\blate|\bhonou?r(?:ing)?|\bmemory of"
    r"|\bremembrance of|\bbirth of|\banniversary of|\bguidance of|\bleadership of|\bproposed by"
    r"|\bput forward by|\binitiated by|\baccording to|\bmourn(?:ed|ing)?|\bsympathy (?:to|for)"
    r"|\bconvey(?:ed)?|\bsucceed(?:ed|s)?|\bsuccessor (?:to|of)|\bportrait of|\bpoet|\bwife of|\bhusband of"
    r"|\bappointed by|\bsigned by|\bsent by)"
    r"(?: [a-z'’\-]+){0,5} ?$"
)
# A sentence whose subjects only send words: "A, B and C conveyed their congratulations".
SENDS_WORDS = re.compile(
    r"\b(?:conveyed|sent|extended|expressed|addressed) (?:their|his|her|its|a|warm|cordial|sincere| )*"
    r"(?:congratulations|greetings|condolences|wishes|message|letter|regards)"
)
SPEECH_THAT = re.compile(
    r"\b(?:said|says|noted|recalled|stressed|added|stated|believes|believed|hopes|hoped|emphasi[sz]ed"
    r"|underlined|underscored|pointed out|announced|reported|recalling|noting|saying) (?:here )?"
    r"(?:on [a-z]+ )?that\b"
)

# Trigger phrases, in the lower-cased sentence. Each names the kind of report it makes.
CALL = (
    r"(?:tele)?phone (?:call|conversation|talks?)s?|(?:spoke|talked|speaking|talking|conversed)"
    r" (?:by|over|on) (?:the )?(?:tele)?phone|phoned|video ?call|video ?conference|videoconference"
    r"|virtual (?:meeting|talks)"
)
ENCOUNTER = (
    r"(?:held|hold|holds|holding|had|has|have) (?:a |an )?(?:[a-z\-]+ ){0,3}?"
    r"(?:talks|meetings?|conversations?|exchanges?|discussions?|consultations?)(?= with\b| on\b| in\b|[,.]| here\b)"
    r"|(?:met|meets|meet|meeting)(?: [a-z]+ly)?(?: (?:on|here|in|at|separately|respectively|later|also|again|today|yesterday)\b[^,;]{0,30}?)? with"
    r"|(?:met|meets|meet|meeting)(?= [A-Z]| his\b| her\b| their\b| the\b| counterparts?\b)"
    r"|(?:[a-z]+ )?(?:and [a-z ]+ )?(?:met|meet)(?= on\b| in\b| here\b| at\b| to\b| for\b| separately\b|[,.]| and\b| today\b)"
    r"|jointly met the press|(?:discussed|conversation|consultations|talks) with"
    r"|received|receives|receiving|hosted|hosts|hosting|welcomed"
)
VISIT = (
    r"(?:paid|pays|paying|made|making|began|begins|concluded|concludes|started|starts|on|during|"
    r"wrapped up|wraps up)(?: a| an| his| her| their)? (?:[a-z\-]+ ){0,3}?visits? to"
    r"|visited|visits|visiting"
)
PARTICIPATE = (
    r"attended|attends|attending|attend|chaired|chairs|chairing|co-chaired|co-chairs|presided over"
    r"|presiding over|presides over|addressed|addressing|addresses|took part in|taking part in"
    r"|takes part in|participated in|participating in|participates in|joined|speech (?:to|at)"
    r"|spoke at|speaking at|said at|said during|remarks at|during|at"
)
TRIGGERS = re.compile(rf"\b(?:(?P<call>{CALL})|(?P<visit>{VISIT})|(?P<meet>{ENCOUNTER}))\b")
# The head nouns of a named meeting.
MEETING_HEADS = {
    "meeting": "multilateral",
    "summit": "summit",
    "forum": "forum",
    "conference": "forum",
    "symposium": "forum",
    "seminar": "forum",
    "congress": "forum",
    "ceremony": "ceremony",
    "session": "multilateral",
    "assembly": "multilateral",
    "council": "ministerial",
}
NP_MODIFIERS = re.compile(r"^[a-z0-9\-'’]+$")
PARTICIPATION = re.compile(rf"\b(?:{PARTICIPATE})(?: (?:a|an|the|its|this|his|her|their))? ?$")
PASSIVE_BY = re.compile(
    r"^[^.;]{0,60}?(?:was|were|is|had been|has been) (?:also )?(?:attended|chaired|co-chaired|presided over|addressed|hosted|opened) by\b"
)
ATTENDEES = re.compile(
    r"\b(?:attendees|participants|those present|guests) (?:included|were|include)\b"
)
SIDELINES = re.compile(
    r"\b(?:sidelines of|margins? of|ahead of|prior to|before|after|following|preparatory to|on the eve of)(?: the| a)? ?$"
)
GROUP_NOUNS = re.compile(
    r"^(?:the |a |an )?(?:[A-Za-z]+ ){0,3}(?:ministers|leaders|heads|participants|delegations|delegates|members"
    r"|counterparts|ambassadors|representatives|officials|diplomats|envoys|presidents)\b"
)
PLANNED = re.compile(
    r"\b(?:will|shall|would|is|are|was|were) (?:also )?(?:expected|scheduled|set|due|slated|going|planned) to"
    r"|\bwill (?:also )?(?:hold|meet|visit|attend|pay|chair|host|travel|take part|participate)"
    r"|\bscheduled for|\bto be held|\bwill be held|\bupcoming|\bforthcoming|\bnext\b|\bplans? to|\bintends? to"
)
RECALLED = re.compile(
    r"\b(?:last year|previous|earlier this year|in the past|years ago|once|former|then-)"
)
VIDEO = re.compile(
    r"\b(?:via|by|through|over) (?:a )?video ?(?:link|conference|call)|\bvideoconference|\bvirtually|\bonline\b|\bremotely"
)
CITY_BEFORE = re.compile(
    r"\b(?:in|at|to|near|capital|city|of|from)(?: the)?(?: capital(?: city)?(?: of [a-z ]+)?,?)? ?$"
)
HEADQUARTERS = re.compile(r"\b(?:headquarters|secretariat|premises|seat) of\b|\bheadquarters\b")
SPEAKER_VERBS = frozenset(
    """
    said says noted stressed emphasised emphasized underlined underscored highlighted added
    described briefed outlined spoke told urged presented delivered reaffirmed reiterated
    welcomed stated pointed
    """.split()
)
LIST_JOIN = re.compile(r"^\s*(?:,|and|, and)\s+(?:[a-z\-]+\s+){0,5}$")
GENERIC_NP = frozenset({"the", "this", "that", "a", "an", "its", "their"})


@dataclass
class Report:
    """One place in the text that tells of a meeting."""

    start: int
    end: int
    kind: str
    story: int
    participants: list[int] = field(default_factory=list)
    date: dt.date | None = None
    precision: str = Precision.DAY
    end_date: dt.date | None = None
    date_strength: int = NONE
    city: str | None = None
    country: str | None = None
    city_strength: int = NONE
    no_city: bool = False  # a call or video link: the dateline is not where it took place
    organisation_key: str | None = None
    status: str = "reported"
    title: str = ""
    named: bool = False  # a meeting with its own name ("the Council of Foreign Ministers")
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class StoryState:
    """What the story is about so far: its place, its date, the visit and meeting under way."""

    reference: dt.date | None
    dateline_city: str | None = None
    dateline_country: str | None = None
    dateline_date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    visitor: int | None = None
    visit_range: tuple[dt.date, dt.date] | None = None
    announced: DateMention | None = None
    last_day: DateMention | None = None
    main: Report | None = None
    lead_date: DateMention | None = None
    has_encounter: bool = False


class MeetingFinder:
    def __init__(self, ctx: Context, result: Extraction):
        self.ctx = ctx
        self.result = result
        self.tokens = ctx.tokens
        self.text = ctx.text
        self.low = ctx.text.lower()
        self.persons = result.persons
        self.coref = _coreference(ctx, result)
        mentions = self.coref.mentions if self.coref is not None else result.person_mentions
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._mention_starts = [m.start for m in self.mentions]
        self.org_spans = sorted((o.start, o.end, o) for o in result.organisations if not o.implied)
        self.org_parent = {o.key: o.parent_key for o in result.organisations}
        self.org_kind = {o.key: o.kind for o in result.organisations}
        self.reports: list[Report] = []
        self.speakers: dict[int, list[tuple[int, int]]] = {}  # story -> (entity, char)
        self.sends_words: dict[int, set[int]] = {}  # story -> entities who only sent words

    # -- mentions --------------------------------------------------------------------
    def mentions_in(self, a: int, b: int) -> list[PersonMention]:
        """Person mentions (names, titles) starting in chars [a, b), one per place."""
        i = bisect.bisect_left(self._mention_starts, a)
        out, last_end = [], -1
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
            i += 1
        return out

    def _in_quote(self, char: int) -> bool:
        """Inside a direct quotation of the paragraph ("We look forward to ... the summit")."""
        line_start = self.text.rfind("\n", 0, char) + 1
        before = self.text[line_start:char]
        return before.count('"') % 2 == 1

    def pronouns_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """(char, entity) of subject pronouns in chars [a, b) that coreference resolves."""
        out = []
        if self.coref is None:
            return out
        for m in re.finditer(r"\b(?:he|she|He|She)\b", self.text[a:b]):
            entity = self.coref.resolve(a + m.start(), m.group(0))
            if entity is not None:
                out.append((a + m.start(), entity))
        return out

    def only_mentioned(self, m: PersonMention, clause_start: int) -> bool:
        after = self.text[m.end : m.end + 3]
        if after.startswith("'s") or after.startswith("’s") or after.startswith("' "):
            return True
        before = self.low[max(clause_start, m.start - 80) : m.start].replace("’", "'")
        before = re.sub(r"\s+", " ", before)
        # skip the title words right before the name ("greetings to President X")
        return bool(MENTIONED_ONLY.search(before))

    def people(self, a: int, b: int, clause_start: int | None = None) -> list[int]:
        """Entities taking part named in chars [a, b)."""
        clause_start = a if clause_start is None else clause_start
        found = []
        previous_muted = None
        for m in self.mentions_in(a, b):
            joined = previous_muted is not None and LIST_JOIN.match(
                self.low[previous_muted : m.start]
            )
            if joined or self.only_mentioned(m, clause_start):
                previous_muted = m.end
                continue
            previous_muted = None
            if self._in_quote(m.start):
                continue
            if m.entity not in found:
                found.append(m.entity)
        for char, entity in self.pronouns_in(a, b):
            before = self.low[max(clause_start, char - 40) : char]
            if re.search(r"\b(?:to|with|by|thanked|of)\s*$", before):
                continue
            if entity not in found:
                found.append(entity)
        return found

    # -- places ------------------------------------------------------------------------
    def city_in(self, a: int, b: int) -> tuple[str, str] | None:
        """A city named as the place of something in chars [a, b): "in Astana"."""
        for k in self._token_range(a, b):
            m = self.ctx.in_match.get(k)
            if m is None or m.kind != "city" or m.start != k:
                continue
            tok = self.tokens[k]
            if self._in_org(tok.start):
                continue
            before = self.low[max(a, tok.start - 40) : tok.start]
            if not CITY_BEFORE.search(before):
                continue
            after = self.low[self.tokens[m.end - 1].end : self.tokens[m.end - 1].end + 12]
            if re.match(
                r"\s*(?:state|university|declaration|process|format|summit|initiative)", after
            ):
                continue
            city = self.ctx.lexicon.city(self.ctx.span_text(m.start, m.end))
            if city:
                return city
        return None

    def _in_org(self, char: int) -> bool:
        for s, e, _ in self.org_spans:
            if s <= char < e:
                return True
            if s > char:
                break
        return False

    def _token_range(self, a: int, b: int):
        starts = self._token_starts
        return range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))

    def orgs_in(self, a: int, b: int) -> list[str]:
        """Keys of intergovernmental bodies named in chars [a, b), organs read as their parent."""
        keys = []
        for s, e, o in self.org_spans:
            if s >= b:
                break
            if e <= a or s < a:
                continue
            key = o.key
            while self.org_parent.get(key):
                key = self.org_parent[key]
            if self.org_kind.get(key) == "intergovernmental" or o.kind == "intergovernmental":
                if key not in keys:
                    keys.append(key)
        return keys

    # -- the pass ------------------------------------------------------------------------
    def run(self) -> list[MeetingCandidate]:
        self._token_starts = [t.start for t in self.tokens]
        self._mention_tokens = set()
        for m in self.mentions:
            self._mention_tokens.update(self._token_range(m.start, m.end))
        stories = self.ctx.document.stories or []
        bounds = [(s.start, s.end) for s in stories] or [(0, len(self.text))]
        references = self._references(stories)
        sentences = self.ctx.sentences
        si = 0
        for index, (a, b) in enumerate(bounds):
            story = stories[index] if stories else None
            state = StoryState(reference=references[index])
            if story is not None:
                state.dateline_date = story.date
                if story.dateline_place:
                    city = self.ctx.lexicon.city(story.dateline_place)
                    state.dateline_city = city[0] if city else story.dateline_place
                    state.dateline_country = city[1] if city else story.dateline_country
                    state.city, state.country = state.dateline_city, state.dateline_country
            body = story.body_start if story is not None and story.body_start else a
            dates = [d for d in self._dates(a, b, state.reference) if d.start >= body]
            first = True
            while si < len(sentences) and self.tokens[sentences[si][0]].start < b:
                s0, s1 = sentences[si]
                si += 1
                cs, ce = self.tokens[s0].start, self.tokens[s1 - 1].end
                if ce <= body and story is not None and story.headline:
                    continue  # the headline repeats the story
                sentence_dates = [d for d in dates if cs <= d.start < ce]
                if first:
                    first = False
                    self._lead(state, cs, ce, sentence_dates)
                self._sentence(index, state, cs, ce, sentence_dates)
                for d in sentence_dates:
                    if d.precision == Precision.DAY and not self._past_or_future(d, state):
                        state.last_day = d
            self._speakers_join(index, state)
        return self._merge()

    def _references(self, stories) -> list[dt.date | None]:
        doc = self.ctx.document
        dated = [s.date for s in stories if s.date]
        fallback = doc.published or (Counter(dated).most_common(1)[0][0] if dated else None)
        if fallback is None:
            written = [d for d in find_dates(self.text) if d.precision == Precision.DAY]
            fallback = written[0].date if written else None
        if not stories:
            return [fallback]
        return [s.date or fallback for s in stories]

    def _dates(self, a: int, b: int, reference) -> list[DateMention]:
        found = find_dates(self.text, a, b, reference=reference)
        relatives = find_relative(self.text, a, b)
        if not relatives:
            return found
        merged = sorted(found, key=lambda d: d.start)
        out: list[DateMention] = []
        ri = 0
        last_day = None
        for d in merged + [None]:
            limit = d.start if d is not None else b
            while ri < len(relatives) and relatives[ri][0] < limit:
                s, e, phrase = relatives[ri]
                ri += 1
                if not any(x.start <= s < x.end for x in out):
                    resolved = resolve_relative(phrase, last_day, start=s, end=e)
                    if resolved is not None:
                        resolved.precision = Precision.DAY
                        resolved.text = "relative"
                        out.append(resolved)
            if d is not None:
                out.append(d)
                if d.precision == Precision.DAY:
                    last_day = d
        return sorted(out, key=lambda d: d.start)

    def _lead(self, state: StoryState, cs: int, ce: int, dates: list[DateMention]):
        """The first sentence sets the scene: its city and day, when the dateline does not."""
        if state.dateline_city is None:
            city = self.city_in(cs, ce)
            if city:
                state.city, state.country = city
        days = [d for d in dates if d.precision == Precision.DAY]
        if days and state.dateline_date is None:
            state.lead_date = days[0]

    def _past_or_future(self, d: DateMention, state: StoryState) -> str | None:
        ref = state.dateline_date or state.reference
        if ref is None:
            return None
        if d.precision == Precision.YEAR:
            return (
                "recalled"
                if d.date.year < ref.year
                else ("planned" if d.date.year > ref.year else None)
            )
        if d.precision == Precision.MONTH:
            here = ref.year * 12 + ref.month
            there = d.date.year * 12 + d.date.month
            return "recalled" if there < here - 1 else ("planned" if there > here else None)
        last = d.end_date or d.date
        if last < ref - dt.timedelta(days=31):
            return "recalled"
        if d.date > ref + dt.timedelta(days=2):
            return "planned"
        return None

    # -- one sentence ----------------------------------------------------------------------
    def _sentence(self, story: int, state: StoryState, cs: int, ce: int, dates: list[DateMention]):
        sentence = self.text[cs:ce]
        low = sentence.lower().replace("’", "'")
        if SENDS_WORDS.search(low):
            first_verb = SENDS_WORDS.search(low).start()
            for entity in self.people(cs, cs + first_verb):
                self.sends_words.setdefault(story, set()).add(entity)
        self._note_speakers(story, cs, ce, low)
        self._named_meetings(story, state, cs, ce, low, dates)
        # "Meeting with X, ..." opens a sentence as "meeting with X" would run inside one
        triggers = [
            m
            for m in TRIGGERS.finditer(sentence[:1].lower() + sentence[1:])
            if not self._in_org(cs + m.start())
        ]
        triggers = [m for m in triggers if not self._not_a_trigger(m, low, cs)]
        if not triggers:
            return
        # clause cuts: "said that ...", ";"
        cuts = sorted(
            {cs + m.start() for m in SPEECH_THAT.finditer(low)}
            | {cs + i for i, c in enumerate(sentence) if c == ";"}
        )
        first_trigger = cs + triggers[0].start()
        ordered = sorted(range(len(triggers)), key=lambda n: (not triggers[n].group("visit"), n))
        for n in ordered:
            m = triggers[n]
            t0, t1 = cs + m.start(), cs + m.end()
            zone_end = cs + triggers[n + 1].start() if n + 1 < len(triggers) else ce
            clause_start = max([c for c in cuts if c <= t0] + [cs])
            zone_end = min([c for c in cuts if c > t1] + [zone_end])
            subject_end = t0 if n == 0 else first_trigger
            if clause_start >= first_trigger:
                subject_end = t0
            subjects = self.people(clause_start, subject_end)
            objects_text = self.text[t1:zone_end]
            objects = self.people(t1, zone_end, clause_start=t1)
            if m.group("visit"):
                self._visit(story, state, t0, zone_end, cs, ce, subjects, dates, low)
                continue
            if not subjects and not objects:
                continue
            kind = "call" if m.group("call") else "bilateral"
            if kind != "call" and re.search(CALL, low):
                kind = "call"
            group = (
                bool(GROUP_NOUNS.match(objects_text.strip().lstrip(",").strip())) and not objects
            )
            if re.search(r"\bgroup (?:meeting|talks)\b", low[max(0, t0 - cs - 20) : t1 - cs]):
                group = True
            if group and kind != "call":
                kind = "multilateral"
            subject_people = subjects or self._implied_subject(state, clause_start, t0)
            counterparts = [e for e in objects if e not in subject_people]
            respectively = (
                "respectively" in low[t1 - cs : zone_end - cs]
                or "respectively" in low[t0 - cs : t1 - cs]
            )
            separate = (
                len(counterparts) >= 2
                and bool(subject_people)
                and (
                    respectively
                    or re.search(
                        r"meetings|talks separately|separately", low[t0 - cs : t1 - cs + 20]
                    )
                    or self._different_posts(counterparts)
                )
            )
            status = self._status(low, t0 - cs, t1 - cs, dates, state)
            if not counterparts and not group and len(subject_people) < 2:
                if re.search(
                    r"counterparts?|ministers|leaders|heads of", objects_text[:60].lower()
                ):
                    # "met with his counterparts from A, B and C": they follow, named one by one
                    when = self._pick_date(dates, t0, zone_end, cs)
                    if when is not None and status == "reported":
                        state.announced = when
                continue
            groups = [[c] for c in counterparts] if separate else [counterparts]
            for people in groups:
                parts = list(dict.fromkeys(subject_people + people))
                if len(parts) < 2 and kind != "multilateral":
                    continue
                report = Report(
                    start=cs, end=ce, kind=kind, story=story, participants=parts, status=status
                )
                if kind == "bilateral" and len(parts) > 2:
                    report.kind = "multilateral"
                if kind == "multilateral":
                    orgs = self.orgs_in(t1, zone_end) or self.orgs_in(cs, ce)
                    report.organisation_key = orgs[0] if orgs else None
                self._when(report, state, dates, t0, zone_end, cs, ce)
                self._where(report, state, t0, zone_end, cs, ce, low)
                state.has_encounter = state.has_encounter or report.status == "reported"
                self.reports.append(report)

    def _not_a_trigger(self, m: re.Match, low: str, cs: int) -> bool:
        word = m.group(0)
        if word == "visiting":
            # "visiting Ghana" is a visit; "visiting Ghanaian Minister X" names the visitor
            rng = self._token_range(cs + m.end(), cs + m.end() + 40)
            place = self.ctx.in_match.get(rng[0]) if len(rng) else None
            return place is None or place.kind not in ("country", "city")
        after = low[m.end() : m.end() + 40]
        before = low[max(0, m.start() - 30) : m.start()]
        if word in ("received", "receives", "receiving"):
            # "received the visiting minister" counts; "received support" does not
            return (
                re.match(
                    r"\s+(?:(?:a|an|the|his|her|its)\s+)?(?:[a-z\-]+\s+)?(?:support|letters?|messages?|training|funding"
                    r"|aid|assistance|votes?|awards?|approval|calls?|reports?|information|copies|credentials|gifts?)\b",
                    after,
                )
                is not None
            )
        if word in ("hosted", "hosts", "hosting", "welcomed"):
            return not re.search(
                r"^\s+(?:(?:a|an|the|his|her|visiting)\s+)?(?:[a-z\-]+\s+){0,5}?(?:president|minister|counterpart|delegation|leader|king|queen|prime|chancellor|secretary|envoy)",
                after + low[m.end() + 40 : m.end() + 80],
            )
        if word.startswith("meeting") and re.match(
            r"\s+(?:the|this|its|their|our|these)\s+(?:goal|target|needs?|demand|challenges?|standards?|criteria|objectives?|obligations?|requirements?)",
            after,
        ):
            return True
        if (
            word in ("visits", "visiting")
            and re.match(r"\s+(?:to|by|of)\b", after) is None
            and word == "visits"
        ):
            return True
        if re.search(r"\b(?:to|will|would|could|should|may|might|can)\s+$", before) and word in (
            "meet",
        ):
            return False
        return False

    def _different_posts(self, entities: list[int]) -> bool:
        posts = [self._role(e, None) for e in entities]
        return len({p.lower() for p in posts if p}) == len(entities) and all(posts)

    def _implied_subject(self, state: StoryState, clause_start: int, t0: int) -> list[int]:
        """No one named before the verb: the visitor of the visit under way, or the last subject."""
        text = self.low[clause_start:t0]
        if state.visitor is not None and re.search(
            r"\b(?:visit|he|she|his|her|the)\b", text + " the"
        ):
            return [state.visitor]
        return []

    def _status(self, low: str, t0: int, t1: int, dates, state) -> str:
        window = low[max(0, t0 - 45) : t1 + 25]
        if PLANNED.search(window):
            return "planned"
        if RECALLED.search(low[max(0, t0 - 60) : t1 + 40]) or re.search(
            r"\brecall(?:ed|ing) that\b", low[:t0]
        ):
            return "recalled"
        return "reported"

    def _pick_date(
        self, dates: list[DateMention], t0: int, zone_end: int, cs: int
    ) -> DateMention | None:
        inside = [d for d in dates if t0 <= d.start < zone_end]
        before = [d for d in dates if d.start < t0]
        for d in inside + before[::-1]:
            return d
        return None

    def _when(
        self, report: Report, state: StoryState, dates, t0: int, zone_end: int, cs: int, ce: int
    ):
        inside = [d for d in dates if t0 <= d.start < zone_end]
        before = [d for d in dates if cs <= d.start < t0]
        picked = (inside + before[::-1] or [None])[0]
        if picked is not None:
            timing = self._past_or_future(picked, state)
            if timing and report.status == "reported":
                report.status = timing
            if (
                picked.end_date
                and picked.precision == Precision.DAY
                and state.visitor is not None
                and report.kind != "multilateral"
                and picked.end_date != picked.date
                and self._is_visit_range(picked, state)
            ):
                report.date, report.precision, report.date_strength = (
                    picked.date.replace(day=1),
                    Precision.MONTH,
                    VISIT_MONTH,
                )
                return
            report.date, report.precision, report.end_date = (
                picked.date,
                picked.precision,
                picked.end_date,
            )
            if (
                report.status == "reported"
                and state.announced is not None
                and state.announced.date != picked.date
            ):
                state.announced = None
            report.date_strength = (
                RANGE if picked.end_date else (RELATIVE if picked.text == "relative" else EXPLICIT)
            )
            if picked.end_date and report.kind in ("bilateral", "call"):
                report.end_date = None
            state.last_day = picked if picked.precision == Precision.DAY else state.last_day
            return
        if state.announced is not None:
            d = state.announced
            report.date, report.precision, report.date_strength = d.date, d.precision, ANNOUNCED
            return
        if state.visit_range is not None:
            first, last = state.visit_range
            if first != last:
                report.date, report.precision, report.date_strength = (
                    first.replace(day=1),
                    Precision.MONTH,
                    VISIT_MONTH,
                )
                return
            report.date, report.precision, report.date_strength = first, Precision.DAY, VISIT_MONTH
            return
        if state.dateline_date is not None:
            report.date, report.precision, report.date_strength = (
                state.dateline_date,
                Precision.DAY,
                DATELINE,
            )
            return
        if state.lead_date is not None:
            d = state.lead_date
            report.date, report.precision, report.date_strength = d.date, d.precision, DATELINE
            return
        if state.last_day is not None:
            report.date, report.precision, report.date_strength = (
                state.last_day.date,
                Precision.DAY,
                DATELINE,
            )

    def _is_visit_range(self, d: DateMention, state: StoryState) -> bool:
        return state.visit_range is not None and state.visit_range[0] == d.date

    def _where(
        self, report: Report, state: StoryState, t0: int, zone_end: int, cs: int, ce: int, low: str
    ):
        if report.kind == "call" or VIDEO.search(low):
            report.no_city = True
            city = self.city_in(t0, zone_end)
            if city and re.search(r"\b(?:chaired|hosted|presided)\b", low):
                report.city, report.country, report.city_strength = city[0], city[1], EXPLICIT
            return
        city = self.city_in(t0, zone_end) or self.city_in(cs, t0)
        if city:
            report.city, report.country, report.city_strength = city[0], city[1], EXPLICIT
            if report.status == "reported":
                state.city, state.country = city
            return
        zone = low[t0 - cs : zone_end - cs]
        if re.search(r"\bhere\b", zone) and state.dateline_city:
            report.city, report.country, report.city_strength = (
                state.dateline_city,
                state.dateline_country,
                EXPLICIT,
            )
            return
        if HEADQUARTERS.search(zone):
            report.no_city = True
            return
        if state.city:
            report.city, report.country, report.city_strength = state.city, state.country, DATELINE

    def _visit(self, story, state: StoryState, t0, zone_end, cs, ce, subjects, dates, low):
        if not subjects:
            # "said visiting Chinese Vice Premier Liu": the visitor follows the word
            after = self.people(t0, min(zone_end, t0 + 120))
            subjects = after[:1]
        if not subjects:
            return
        status = self._status(low, t0 - cs, t0 - cs + 10, dates, state)
        if status != "reported":
            return
        visit_dates = [d for d in dates if cs <= d.start < ce]
        ranges = [d for d in visit_dates if d.end_date and d.precision == Precision.DAY]
        if any(self._past_or_future(d, state) for d in visit_dates if d.precision != Precision.DAY):
            return
        state.visitor = subjects[0]
        state.announced = None
        if ranges:
            state.visit_range = (ranges[0].date, ranges[0].end_date)
        city = self.city_in(t0, zone_end)
        if city:
            state.city, state.country = city

    # -- named meetings: "the meeting of the Council of Foreign Ministers" ------------------------
    def _named_meetings(self, story, state: StoryState, cs, ce, low, dates):
        encounters = [cs + m.start() for m in TRIGGERS.finditer(low) if not m.group("visit")]
        for np in self._meeting_phrases(cs, ce, low):
            a, b, kind, generic = np
            if self._in_quote(a):
                continue
            before = low[max(0, a - cs - 40) : a - cs]
            after = low[b - cs : b - cs + 60]
            if SIDELINES.search(before):
                continue
            text = self.low[a:b]
            if kind == "multilateral" and re.search(r"minist", text):
                kind = "ministerial"
            participants: list[int] = []
            participating = PARTICIPATION.search(before)
            passive = PASSIVE_BY.match(after)
            attendees = ATTENDEES.search(low)
            if passive:
                participants = self.people(b + passive.end(), ce, clause_start=b + passive.end())
            if participating:
                subject_end = a - len(before) + participating.start()
                cuts = [cs + m.end() for m in SPEECH_THAT.finditer(low) if cs + m.end() <= a]
                start = max(cuts + [cs])
                subject_end = min(
                    [e for e in encounters if start <= e < subject_end] + [subject_end]
                )
                participants = self.people(start, subject_end) + [
                    p for p in participants if p not in self.people(start, subject_end)
                ]
                if not participants:
                    participants = (
                        self.people(b, ce, clause_start=b)[:1] if re.match(r"\s*,", after) else []
                    )
                if (
                    not participants
                    and re.search(r"\b(?:he|she)\b", self.low[start:subject_end]) is None
                    and state.visitor is not None
                    and re.search(r"\b(?:also|she|he)\b", before)
                ):
                    participants = [state.visitor]
            status = self._status(low, a - cs, b - cs, dates, state)
            if generic:
                target = state.main
                if target is None:
                    continue
                if attendees and not participants:
                    participants = self.people(cs, ce)
                for p in participants:
                    if p not in target.participants:
                        target.participants.append(p)
                target.spans.append((cs, ce))
                continue
            report = Report(
                start=cs,
                end=ce,
                kind=kind,
                story=story,
                participants=participants,
                status=status,
                named=True,
            )
            orgs = self.orgs_in(a, b)
            report.organisation_key = orgs[0] if orgs else None
            report.title = self._np_title(a, b)
            self._when(report, state, dates, a, ce, cs, ce)
            self._where(report, state, a, ce, cs, ce, low)
            if report.status == "reported" and (
                state.main is None
                or state.main.status != "reported"
                or state.main.kind in ("multilateral",)
                and kind != "multilateral"
            ):
                state.main = report
            elif report.status == "reported" and state.main is not None and state.main.kind == kind:
                state.main = report
            self.reports.append(report)
        # "Attendees included A, B and C" about the meeting under way
        if (
            ATTENDEES.search(low)
            and state.main is not None
            and not self._meeting_phrases(cs, ce, low)
        ):
            for p in self.people(cs, ce):
                if p not in state.main.participants:
                    state.main.participants.append(p)
        # "Addressing the ministers, President X said": a meeting with the group
        group = re.search(
            r"\b(?:addressing|addressed|met with|meeting with|received|briefed)(?: the| a group of)? (?:[a-z]+ ){0,3}?(?:ministers|participants|delegates|leaders|heads of delegations)\b",
            low,
        )
        if group and not self._meeting_phrases(cs, ce, low):
            people = self.people(cs, ce)
            if people:
                report = Report(
                    start=cs, end=ce, kind="multilateral", story=story, participants=people[:1]
                )
                report.status = self._status(low, group.start(), group.end(), dates, state)
                orgs = self.orgs_in(cs, ce)
                report.organisation_key = (
                    orgs[0] if orgs else (state.main.organisation_key if state.main else None)
                )
                self._when(report, state, dates, cs + group.start(), ce, cs, ce)
                if report.date_strength <= DATELINE and state.main is not None and state.main.date:
                    report.date, report.precision, report.end_date = (
                        state.main.date,
                        state.main.precision,
                        state.main.end_date,
                    )
                    report.date_strength = DATELINE
                self._where(report, state, cs + group.start(), ce, cs, ce, low)
                self.reports.append(report)

    def _meeting_phrases(self, cs, ce, low) -> list[tuple[int, int, str, bool]]:
        """(start, end, kind, generic) of noun phrases naming a meeting in the sentence."""
        out = []
        toks = self.tokens
        rng = self._token_range(cs, ce)
        if not len(rng):
            return out
        first, last = rng[0], rng[-1] + 1
        k = first
        while k < last:
            head = toks[k].lower
            kind = MEETING_HEADS.get(head)
            if kind is None or (
                head in ("meeting", "meetings") and k + 1 < last and toks[k + 1].lower == "with"
            ):
                k += 1
                continue
            if self._in_org(toks[k].start) and head != "meeting":
                k += 1
                continue
            if (
                head == "meeting"
                and k + 1 < last
                and (
                    toks[k + 1].lower
                    in ("the", "his", "her", "their", "with", "reporters", "journalists")
                    or (k + 1 in self._mention_tokens)
                )
            ):
                k += 1
                continue  # a verb: "jointly meeting the press", "meeting President X"
            if head == "council" and not (
                k + 1 < last
                and toks[k + 1].lower == "of"
                and k + 2 < last
                and toks[k + 2].lower in ("foreign", "ministers", "heads")
            ):
                k += 1
                continue
            # left: modifiers back to a determiner
            a = k
            while (
                a - 1 >= first
                and (
                    toks[a - 1].lower
                    not in GENERIC_NP
                    | {"of", "at", "in", "during", "to", ",", "and", "with", "by", "on"}
                    and (
                        toks[a - 1].is_cap
                        or NP_MODIFIERS.match(toks[a - 1].lower)
                        or toks[a - 1].text in ("'", "’", "'s", "’s", "-")
                    )
                    and toks[a - 1].lower
                    not in (
                        "attended",
                        "chaired",
                        "addressed",
                        "attends",
                        "held",
                        "said",
                        "was",
                        "is",
                        "were",
                        "hosts",
                        "hosted",
                        "the",
                        "a",
                    )
                )
                and k - a < 8
            ):
                a -= 1
            det = toks[a - 1].lower if a - 1 >= first else ""
            # right: "of the Conference ... (CICA)", "of SCO Foreign Ministers"
            b = k + 1
            if b < last and toks[b].lower == "of":
                j = b + 1
                while j < last and (
                    toks[j].is_cap
                    or toks[j].lower
                    in ("of", "the", "and", "on", "in", "for", "'", "’", "'s", "’s", "(", ")", "-")
                    or toks[j].text.isupper()
                    or self._in_org(toks[j].start)
                ):
                    if toks[j].lower in ("in", "on") and not self._in_org(toks[j].start):
                        break
                    j += 1
                while j > b + 1 and toks[j - 1].lower in (
                    "of",
                    "the",
                    "and",
                    "on",
                    "in",
                    "for",
                    "(",
                ):
                    j -= 1
                if j > b + 1:
                    b = j
            modifiers = [t.lower for t in toks[a:k]]
            generic = det in GENERIC_NP and not modifiers and b == k + 1 and det not in ("a", "an")
            if det in ("a", "an") and not modifiers and b == k + 1:
                k += 1
                continue  # "a meeting": says nothing about which
            if head in ("meeting", "meetings") and any(w in ("group",) for w in modifiers):
                k = b
                continue  # handled as an encounter
            start = toks[a].start
            end = toks[b - 1].end
            words = self.low[start : toks[k].end]
            if head == "ceremony":
                kind = "ceremony"
            elif head == "council" or re.search(
                r"council of (?:foreign )?minist", self.low[start:end]
            ):
                kind = "ministerial"
            elif re.search(r"\b(?:forum|summit)\b", self.low[toks[k].end : end]):
                kind = "forum" if "forum" in self.low[toks[k].end : end] else "summit"
            elif "summit" in words:
                kind = "summit"
            elif re.search(r"forum|conference|symposium|seminar", words):
                kind = "forum"
            elif "ceremony" in words or "signing" in words:
                kind = "ceremony"
            elif re.search(r"minist", self.low[start:end]):
                kind = "ministerial"
            out.append((start, end, kind, generic))
            k = b
        return out

    def _np_title(self, a: int, b: int) -> str:
        text = " ".join(self.ctx.document.text[a:b].split())
        return text[:1].upper() + text[1:]

    # -- speakers at the meeting a story is about -----------------------------------------------
    def _note_speakers(self, story, cs, ce, low):
        for m in self.mentions_in(cs, ce):
            after = self.low[m.end : m.end + 60]
            before = self.low[max(cs, m.start - 25) : m.start]
            word = re.match(
                r"\s*(?:,[^,]{0,80},\s*)?(?:also |then |later |further |for (?:his|her) part,? )?([a-z]+)",
                after,
            )
            said_before = re.search(r"\b(?:said|says|added|noted)\s*$", before)
            if (word and word.group(1) in SPEAKER_VERBS) or said_before:
                self.speakers.setdefault(story, []).append((m.entity, m.start))

    def _speakers_join(self, story: int, state: StoryState):
        """People who speak in a story about one multilateral meeting took part in it."""
        main = state.main
        if (
            main is None
            or main.status != "reported"
            or main.kind not in MULTILATERAL_KINDS
            or state.has_encounter
        ):
            return
        muted = self.sends_words.get(story, set())
        for entity, char in self.speakers.get(story, []):
            if entity in muted or entity in main.participants:
                continue
            if any(
                r.story == story and r.status != "reported" and r.start <= char < r.end
                for r in self.reports
            ):
                continue
            main.participants.append(entity)

    # -- merging --------------------------------------------------------------------------
    def _merge(self) -> list[MeetingCandidate]:
        clusters: list[Report] = []
        for r in self.reports:
            if not r.participants and not r.named:
                continue
            r.spans = list(dict.fromkeys([(r.start, r.end)] + r.spans))
            for c in clusters:
                if _same_meeting(c, r):
                    _absorb(c, r)
                    break
            else:
                clusters.append(_copy(r))
        out = []
        for c in clusters:
            if not c.participants or c.date is None:
                continue
            if c.status != "reported" and (c.date_strength < EXPLICIT or len(c.participants) < 2):
                continue
            out.append(self._candidate(c))
        return out

    def _candidate(self, c: Report) -> MeetingCandidate:
        names = [self.persons[e].name for e in c.participants]
        if c.title:
            title = c.title
        elif c.kind == "call":
            title = "Call between " + _and(names)
        elif c.kind == "multilateral" and len(names) <= 2:
            title = "Meeting with " + _and(names)
        else:
            title = "Meeting of " + _and(names)
        return MeetingCandidate(
            start=c.start,
            end=c.end,
            kind=c.kind,
            date=c.date,
            precision=c.precision,
            end_date=c.end_date if c.end_date and c.date and c.end_date > c.date else None,
            city=None if c.no_city and c.city_strength < EXPLICIT else c.city,
            country=None if c.no_city and c.city_strength < EXPLICIT else c.country,
            organisation_key=c.organisation_key,
            participants=[Participant(entity=e, role=self._role(e, c)) for e in c.participants],
            status=c.status,
            title=title[:300],
            spans=c.spans,
        )

    def _role(self, entity: int, report: Report | None) -> str:
        positions = self.persons[entity].positions
        if not positions:
            return ""
        if report is not None:
            text = " ".join(self.low[a:b] for a, b in report.spans[:3])
            for p in positions:
                if p.title.lower() in text:
                    return p.title
        for p in positions:
            if not p.title.lower().startswith("member"):
                return p.title
        return positions[0].title


def _and(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _copy(r: Report) -> Report:
    c = Report(**{k: getattr(r, k) for k in r.__dataclass_fields__})
    c.participants = list(r.participants)
    c.spans = list(r.spans)
    return c


def _dates_agree(a: Report, b: Report) -> bool:
    if a.date is None or b.date is None:
        return True
    weak = min(a.date_strength, b.date_strength) <= DATELINE
    if a.precision == Precision.MONTH or b.precision == Precision.MONTH:
        return (
            (a.date.year, a.date.month) == (b.date.year, b.date.month)
            or (a.end_date is not None and a.date <= b.date <= a.end_date)
            or (b.end_date is not None and b.date <= a.date <= b.end_date)
        )
    if a.precision != Precision.DAY or b.precision != Precision.DAY:
        return a.date.year == b.date.year
    a_end, b_end = a.end_date or a.date, b.end_date or b.date
    slack = dt.timedelta(days=1 if weak else 0)
    return a.date - slack <= b_end and b.date - slack <= a_end


def _same_meeting(c: Report, r: Report) -> bool:
    if c.status != r.status:
        return False
    if (c.kind == "call") != (r.kind == "call"):
        return False
    if not _dates_agree(c, r):
        return False
    if c.city and r.city and c.city != r.city and min(c.city_strength, r.city_strength) >= EXPLICIT:
        return False
    shared = len(set(c.participants) & set(r.participants))
    if c.kind in MULTILATERAL_KINDS or r.kind in MULTILATERAL_KINDS:
        if c.kind != r.kind:
            return False
        if c.organisation_key and r.organisation_key and c.organisation_key != r.organisation_key:
            return False
        if c.named and r.named and (c.organisation_key or r.organisation_key):
            return True
        return shared >= min(1, len(c.participants), len(r.participants)) and (
            shared or c.named or r.named
        )
    need = min(2, len(c.participants), len(r.participants))
    return (
        need > 0
        and shared >= need
        and len(set(c.participants) | set(r.participants))
        <= max(len(c.participants), len(r.participants))
    )


def _absorb(c: Report, r: Report):
    for p in r.participants:
        if p not in c.participants:
            c.participants.append(p)
    c.spans.extend(s for s in r.spans if s not in c.spans)
    better = r.date_strength > c.date_strength or (
        r.date_strength == c.date_strength
        and r.precision == Precision.DAY
        and c.precision != Precision.DAY
    )
    if r.date is not None and (c.date is None or better):
        c.date, c.precision, c.end_date, c.date_strength = (
            r.date,
            r.precision,
            r.end_date,
            r.date_strength,
        )
    if r.city and (not c.city or r.city_strength > c.city_strength):
        c.city, c.country, c.city_strength = r.city, r.country, r.city_strength
    c.no_city = c.no_city and r.no_city
    c.organisation_key = c.organisation_key or r.organisation_key
    if r.named and not c.named:
        c.named, c.title = True, r.title
    c.title = c.title or r.title


def _coreference(ctx: Context, result: Extraction):
    try:
        from .coreference import Coreference
    except ImportError:  # pragma: no cover - coreference arrives separately
        return None
    try:
        return Coreference(ctx, result)
    except Exception:  # pragma: no cover - never lose the meetings over a pronoun
        return None


def find_meetings(ctx: Context, result: Extraction) -> list[MeetingCandidate]:
    """Every meeting the document reports, each real meeting once."""
    return MeetingFinder(ctx, result).run()


__all__ = ["find_meetings", "MeetingFinder", "Report"]
